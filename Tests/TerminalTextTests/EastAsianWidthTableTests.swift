import Foundation
import Testing

@testable import TerminalText

/// The generated wide table against the Unicode data file it was generated from, re-derived here independently of
/// `scripts/generate-width-table.py`, and the widths users see for the cases that matter.
@Suite struct EastAsianWidthTableTests {
    private static let dataFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/data/EastAsianWidth-\(DisplayWidth.eastAsianWidthVersion).txt")

    /// The East_Asian_Width value of every code point, by the rules of the data file: `@missing` lines first, the
    /// wide defaults that the header of versions up to 15.1 states in prose, then the listed lines.
    private static func eastAsianWidths() throws -> [Substring] {
        let text = try String(contentsOf: dataFile, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "# EastAsianWidth-\(DisplayWidth.eastAsianWidthVersion).txt")
        var values = [Substring](repeating: "N", count: 0x110000)
        var listed: [(ClosedRange<Int>, Substring)] = []
        var missingWide = false
        for line in lines {
            if line.hasPrefix("# @missing:") {
                let fields = line.dropFirst("# @missing:".count).split(separator: ";")
                let range = try #require(codePoints(fields[0]))
                let value = fields[1].trimmingCharacters(in: .whitespaces)
                let short: Substring = value == "Wide" ? "W" : value == "Neutral" ? "N" : Substring(value)
                missingWide = missingWide || short == "W"
                for code in range { values[code] = short }
                continue
            }
            let data = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            guard !data.allSatisfy(\.isWhitespace) else { continue }
            let fields = data.split(separator: ";")
            try #require(fields.count == 2, "malformed line: \(line)")
            let range = try #require(codePoints(fields[0]), "malformed line: \(line)")
            listed.append((range, Substring(fields[1].trimmingCharacters(in: .whitespaces))))
        }
        if !missingWide {
            for range in [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD] {
                let prose = "U+\(hex(range.lowerBound))..U+\(hex(range.upperBound))"
                #expect(text.contains(prose), "the header no longer gives \(prose) a wide default")
                for code in range { values[code] = "W" }
            }
        }
        for (range, value) in listed {
            for code in range { values[code] = value }
        }
        return values
    }

    private static func codePoints(_ field: Substring) -> ClosedRange<Int>? {
        let bounds = field.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: true)
        guard (1...2).contains(bounds.count), let first = Int(bounds[0], radix: 16),
            let last = Int(bounds[bounds.count - 1], radix: 16), first <= last
        else { return nil }
        return first...last
    }

    private static func hex(_ value: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    @Test func tableIsWhatTheDataFileGives() throws {
        let values = try Self.eastAsianWidths()
        var derived: [ClosedRange<UInt32>] = []
        var start: Int?
        for code in 0...values.count {
            let wide = code < values.count && (values[code] == "W" || values[code] == "F")
            if wide, start == nil { start = code }
            if !wide, let first = start {
                derived.append(UInt32(first)...UInt32(code - 1))
                start = nil
            }
        }
        #expect(derived.count > 100)
        #expect(derived == DisplayWidth.wideRanges)
    }

    @Test func everyCodePointMeasuresAsTheDataFileSays() throws {
        let values = try Self.eastAsianWidths()
        var mismatches: [String] = []
        for code in 0x300..<values.count {
            guard let scalar = Unicode.Scalar(UInt32(code)) else { continue }  // surrogates
            let zero: Bool
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: zero = true
            default: zero = (0x1160...0x11FF).contains(code) || (0xD7B0...0xD7FF).contains(code)
            }
            let expected = zero ? 0 : values[code] == "W" || values[code] == "F" ? 2 : 1
            if DisplayWidth.scalarWidth(scalar) != expected, mismatches.count < 20 {
                mismatches.append("U+\(Self.hex(code)) \(values[code]): \(DisplayWidth.scalarWidth(scalar))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func yijingHexagramsAreNarrow() {
        for code in UInt32(0x4DC0)...0x4DFF {
            #expect(Unicode.Scalar(code).map(DisplayWidth.scalarWidth) == 1, "U+\(String(code, radix: 16))")
        }
        #expect("䷀䷁䷾䷿".displayWidth == 4)
        #expect("㐀䶿".displayWidth == 4)  // the ends of CJK Extension A, either side of the hexagrams
        #expect("一鿿".displayWidth == 4)
    }

    @Test func wideAndNarrowCases() {
        #expect("中文".displayWidth == 4)
        #expect("𠀀𰀀".displayWidth == 4)  // Extension B (plane 2) and G (plane 3)
        #expect("\u{2EBF0}".displayWidth == 2)  // Extension I, new in Unicode 15.1
        #expect("\u{31EF}".displayWidth == 2)  // an ideographic description character new in 15.1
        #expect("\u{2FFFD}".displayWidth == 2)  // unassigned in plane 2: wide by the file's default
        #expect("한국".displayWidth == 4)  // Hangul syllables
        #expect("\u{1100}".displayWidth == 2)  // a leading jamo
        #expect("ＡＢ！".displayWidth == 6)  // fullwidth forms (F)
        #expect("ｱｲ".displayWidth == 2)  // halfwidth katakana (H)
        #expect("\u{3000}".displayWidth == 2)  // ideographic space (F)
        #expect("ꓐ".displayWidth == 1)  // Lisu, right after the Yi block
        #expect("⌚☔⚡🚒😀".displayWidth == 10)  // emoji presentation (W)
        #expect("☀✈".displayWidth == 2)  // text presentation by default (N)
        #expect("·—…".displayWidth == 3)  // Ambiguous (A) is narrow
    }
}
