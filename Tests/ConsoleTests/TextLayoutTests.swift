import TerminalText
import Testing

@testable import Console

@Suite struct TextLayoutTests {
    @Test func englishBreaksAtSpaces() {
        let lines = TextLayout.wrap("The quick brown fox jumps over the lazy dog", width: 10)
        #expect(lines == ["The quick", "brown fox", "jumps over", "the lazy", "dog"])
    }

    @Test func longWordIsBroken() {
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.wrap("to antidisestablishment", width: 8) == ["to", "antidise", "stablish", "ment"])
    }

    @Test func chineseBreaksBetweenCharacters() {
        let lines = TextLayout.wrap("强对流云团正向主城区移动，预计两小时后抵达。", width: 10)
        #expect(lines == ["强对流云团", "正向主城区", "移动，预计", "两小时后抵", "达。"])
    }

    @Test func closingPunctuationNeverStartsALine() {
        #expect(TextLayout.wrap("一二三四五，六七", width: 10) == ["一二三四", "五，六七"])
        #expect(TextLayout.wrap("一二三四五。", width: 10) == ["一二三四", "五。"])
        #expect(TextLayout.wrap("一二三四五……", width: 10) == ["一二三四", "五……"])
        #expect(TextLayout.wrap("一二三四「五」", width: 10) == ["一二三四", "「五」"])
    }

    @Test func openingPunctuationNeverEndsALine() {
        #expect(TextLayout.wrap("一二三四「五六」", width: 10) == ["一二三四", "「五六」"])
        #expect(TextLayout.wrap("一二三《四》", width: 8) == ["一二三", "《四》"])
    }

    @Test func dashPairStaysTogether() {
        #expect(TextLayout.wrap("一二三——四", width: 7) == ["一二三", "——四"])
    }

    @Test func mixedText() {
        #expect(TextLayout.wrap("使用HTTP协议传输数据", width: 8) == ["使用HTTP", "协议传输", "数据"])
        #expect(TextLayout.wrap("请联系 transport 部门。", width: 12) == ["请联系", "transport 部", "门。"])
    }

    @Test func newlinesAndBlankLinesArePreserved() {
        #expect(TextLayout.wrap("a\n\nb", width: 10) == ["a", "", "b"])
        #expect(TextLayout.wrap("第一段\r\n第二段", width: 10) == ["第一段", "第二段"])
        #expect(TextLayout.wrap("", width: 10) == [""])
        #expect(TextLayout.wrap("end\n", width: 10) == ["end", ""])
    }

    @Test func indentCountsTowardsTheWidth() {
        #expect(TextLayout.wrap("aaa bbb ccc", width: 6, indent: "  ") == ["  aaa", "  bbb", "  ccc"])
        #expect(TextLayout.wrap("一二三四", width: 6, indent: "> ") == ["> 一二", "> 三四"])
        #expect(TextLayout.wrap("x\n\ny", width: 6, indent: "  ") == ["  x", "", "  y"])
    }

    @Test func spacesInsideALineAreKept() {
        #expect(TextLayout.wrap("  indented  text", width: 40) == ["  indented  text"])
    }

    @Test func padAndTruncate() {
        #expect(TextLayout.pad("中文", toWidth: 6) == "中文  ")
        #expect(TextLayout.pad("中文", toWidth: 6, alignment: .right) == "  中文")
        #expect(TextLayout.pad("中文", toWidth: 7, alignment: .center) == " 中文  ")
        #expect(TextLayout.pad("toolong", toWidth: 3) == "toolong")
        #expect(TextLayout.truncate("hello world", toWidth: 8) == "hello w…")
        #expect(TextLayout.truncate("应急管理局", toWidth: 6) == "应急…")
        #expect(TextLayout.truncate("应急管理局", toWidth: 10) == "应急管理局")
        #expect(TextLayout.truncate("abc", toWidth: 1) == "…")
        #expect(TextLayout.truncate("abc", toWidth: 0) == "")
    }

    /// Random mixed strings: every line fits, and the lines are the text with only whitespace removed at breaks.
    @Test func propertyWrappedLinesFitAndLoseOnlyBreakSpaces() {
        var random = SplitMix64(seed: 0x5A4D_7AB1)
        let pieces: [String] = [
            "a", "word", "antidisestablishment", "HTTP", "42", "中", "应急", "管理局", "，", "。", "、", "「", "」",
            "（", "）", "《", "》", "……", "——", "😀", "👨‍👩‍👧", "e\u{301}", "한", " ", " ", " ", "  ", ",", ".", "(",
        ]
        for _ in 0..<500 {
            let count = Int.random(in: 0...40, using: &random)
            var text = ""
            for _ in 0..<count {
                text += pieces.randomElement(using: &random) ?? ""
            }
            let width = Int.random(in: 2...30, using: &random)
            let lines = TextLayout.wrap(text, width: width)
            for line in lines {
                #expect(line.displayWidth <= width, "\(line.debugDescription) in \(text.debugDescription) @\(width)")
            }
            var rest = Substring(text)
            for line in lines {
                if !rest.hasPrefix(line) {
                    rest = rest.drop(while: { $0 == " " })
                }
                #expect(rest.hasPrefix(line), "\(line.debugDescription) in \(text.debugDescription) @\(width)")
                rest = rest.dropFirst(line.count)
            }
            #expect(rest.allSatisfy { $0 == " " }, "\(text.debugDescription) @\(width)")
        }
    }

    @Test func propertyWithParagraphs() {
        var random = SplitMix64(seed: 7)
        let pieces = ["强对流", "云团", "moves", "east", "\n", "\n\n", " ", "，", "。", "「报告」"]
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<Int.random(in: 0...30, using: &random) {
                text += pieces.randomElement(using: &random) ?? ""
            }
            let width = Int.random(in: 4...20, using: &random)
            let lines = TextLayout.wrap(text, width: width)
            #expect(lines.allSatisfy { $0.displayWidth <= width })
            let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count >= paragraphs.count)
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " && $0 != "\n" })
        }
    }
}

/// A small seeded generator, so property tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
