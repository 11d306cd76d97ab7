import Testing

@testable import TerminalText

@Suite struct SafeTextTests {
    @Test func plainTextIsUnchanged() {
        let text = "强对流云团正向主城区移动……\n\t第二行 line two"
        #expect(SafeText.isSafe(text))
        #expect(SafeText.sanitized(text) == text)
    }

    @Test func escapeSequencesBecomeOneReplacementEach() {
        // The narrative of issue 15: clear the screen, then set the window title.
        let hostile = "before\u{1B}[2J\u{1B}]0;OWNED\u{07}after"
        #expect(!SafeText.isSafe(hostile))
        #expect(SafeText.sanitized(hostile) == "before\u{FFFD}\u{FFFD}after")
        #expect(SafeText.sanitized("\u{1B}]0;title\u{1B}\\x") == "\u{FFFD}x")
        #expect(SafeText.sanitized("a\u{1B}cb") == "a\u{FFFD}b")  // ESC c resets the terminal
        #expect(SafeText.sanitized("tail\u{1B}") == "tail\u{FFFD}")
    }

    @Test func c0AndC1ControlsAreReplaced() {
        #expect(SafeText.sanitized("a\rb") == "a\u{FFFD}b")
        #expect(SafeText.sanitized("a\u{08}b\u{7F}c") == "a\u{FFFD}b\u{FFFD}c")
        // U+009B is the 8-bit CSI: the sequence it starts goes with it.
        #expect(SafeText.sanitized("note\u{9B}2Jx") == "note\u{FFFD}x")
        // U+009D is the 8-bit OSC, running to its terminator.
        #expect(SafeText.sanitized("x\u{9D}0;title\u{9C}y") == "x\u{FFFD}y")
        #expect(SafeText.sanitized("\u{85}") == "\u{FFFD}")
        #expect(SafeText.sanitized("\u{00}") == "\u{FFFD}")
    }

    @Test func stylesAreKeptOnlyWhenAsked() {
        let styled = Style.sequence([.bold, .red]) + "红色" + Style.reset
        #expect(SafeText.sanitized(keepingStyles: styled) == styled)
        #expect(SafeText.sanitized(styled) == "\u{FFFD}红色\u{FFFD}")
        // Anything but SGR is still replaced in a styled line.
        let mixed = Style.sequence([.cyan]) + "x\u{1B}[2J\u{1B}[Hy" + Style.reset
        #expect(
            SafeText.sanitized(keepingStyles: mixed) == Style.sequence([.cyan]) + "x\u{FFFD}\u{FFFD}y" + Style.reset)
    }

    @Test func noControlCharacterSurvives() {
        // Every scalar below U+00A0, alone and inside text.
        for value in 0..<0xA0 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let out = SafeText.sanitized("a" + String(Character(scalar)) + "[31mb")
            #expect(SafeText.isSafe(out), "U+\(String(value, radix: 16))")
            #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B })
        }
    }
}
