import Testing

@testable import TerminalText

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect("hello, world".displayWidth == 12)
        #expect(Character("a").displayWidth == 1)
        #expect("".displayWidth == 0)
    }

    @Test func cjkAndFullwidthAreTwoColumns() {
        #expect("应急管理局".displayWidth == 10)
        #expect("城市内涝应急联动".displayWidth == 16)
        for punctuation in ["，", "。", "、", "：", "；", "！", "？", "「", "」", "『", "』", "（", "）", "《", "》", "【", "】"] {
            #expect(punctuation.displayWidth == 2, "\(punctuation)")
        }
        #expect("　".displayWidth == 2)  // ideographic space
        #expect("한국어".displayWidth == 6)  // Hangul
        #expect("ひらがなカタカナ".displayWidth == 16)  // kana
        #expect("ＡＢＣ１２３".displayWidth == 12)  // fullwidth forms
        #expect("𠀀𪜀".displayWidth == 4)  // CJK Extensions B and C
    }

    @Test func narrowForms() {
        #expect("ｶﾀｶﾅ".displayWidth == 4)  // halfwidth katakana
        #expect("é".displayWidth == 1)
        // East Asian Ambiguous characters count as narrow, as terminals draw them by default.
        #expect("—…“”─█".displayWidth == 6)
    }

    @Test func emoji() {
        #expect("😀".displayWidth == 2)
        #expect("🚒".displayWidth == 2)
        #expect("❤️".displayWidth == 2)  // text-default heart with VS16
        #expect("👍🏽".displayWidth == 2)  // skin-tone modifier
        #expect("👨‍👩‍👧".displayWidth == 2)  // ZWJ sequence
        #expect("🇨🇳".displayWidth == 2)  // flag
        #expect("1️⃣".displayWidth == 2)  // keycap
        #expect("☀".displayWidth == 1)  // text presentation by default
    }

    @Test func zeroWidthScalars() {
        #expect(DisplayWidth.scalarWidth("\u{301}") == 0)  // combining acute accent
        #expect(DisplayWidth.scalarWidth("\u{200D}") == 0)  // zero-width joiner
        #expect(DisplayWidth.scalarWidth("\u{200B}") == 0)  // zero-width space
        #expect(DisplayWidth.scalarWidth("\u{FE0F}") == 0)  // variation selector 16
        #expect(DisplayWidth.scalarWidth("\u{E0100}") == 0)  // variation selector 17
        #expect(DisplayWidth.scalarWidth("\u{0}") == 0)
        #expect(DisplayWidth.scalarWidth("\u{7}") == 0)
        #expect(DisplayWidth.scalarWidth("\u{7F}") == 0)
        #expect(DisplayWidth.scalarWidth("\u{85}") == 0)  // C1 control
        #expect("e\u{301}".displayWidth == 1)
        #expect("a\u{200B}b".displayWidth == 2)
        #expect("\u{1100}\u{1161}\u{11A8}".displayWidth == 2)  // conjoining jamo 각
    }

    @Test func ansiEscapesAreNotMeasured() {
        let styled = "\u{1B}[1;31m警告\u{1B}[0m: done"
        #expect(styled.displayWidth == 10)
        #expect(DisplayWidth.stripANSI(styled) == "警告: done")
        #expect(DisplayWidth.stripANSI("\u{1B}]0;title\u{7}text") == "text")
        #expect(DisplayWidth.stripANSI("\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\") == "link")
        #expect(DisplayWidth.stripANSI("a\u{1B}[2Kb\u{1B}7c") == "abc")
        #expect(DisplayWidth.stripANSI("plain 文本") == "plain 文本")
        #expect(DisplayWidth.stripANSI("cut\u{1B}[31") == "cut")
    }
}
