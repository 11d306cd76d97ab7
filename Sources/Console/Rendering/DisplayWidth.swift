/// Display width of text in terminal columns.
///
/// Rules, in order:
/// - C0 and C1 controls, combining marks (Mn, Me), format characters (Cf, e.g. the zero-width joiner),
///   variation selectors and Hangul medial/final jamo take 0 columns.
/// - East Asian Wide (W) and Fullwidth (F) characters take 2 columns: CJK ideographs (all extensions),
///   CJK and fullwidth punctuation (，。、：；！？「」『』（）《》【】), kana, Hangul, emoji with emoji presentation.
/// - Everything else takes 1 column, including East Asian Ambiguous characters such as `—`, `…`, `“”`, `─` and
///   `█`: terminals draw those narrow unless set up otherwise, and the table and chart renderers rely on it.
/// - An emoji sequence (ZWJ sequence, skin-tone modifier, VS16, keycap, flag) is one grapheme of 2 columns.
///
/// String measurement skips ANSI escape sequences, so styled text measures like the plain text.
public enum DisplayWidth {
    /// The number of columns one Unicode scalar occupies on its own: 0, 1 or 2.
    public static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) {
            return 0
        }
        if value < 0x300 {
            return value == 0xAD ? 0 : 1
        }
        if isZeroWidth(scalar) {
            return 0
        }
        return isWide(value) ? 2 : 1
    }

    /// The number of columns one grapheme cluster (a `Character`) occupies.
    public static func characterWidth(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else {
            return 0
        }
        if scalars.count == 1 {
            return scalarWidth(first)
        }
        if isEmojiSequence(scalars) {
            return 2
        }
        var total = 0
        for scalar in scalars {
            total += scalarWidth(scalar)
        }
        return total
    }

    /// The number of columns a string occupies, ignoring ANSI escape sequences.
    public static func width(_ text: some StringProtocol) -> Int {
        let plain = text.unicodeScalars.contains(where: isEscapeIntroducer) ? stripANSI(String(text)) : String(text)
        var total = 0
        for character in plain {
            total += characterWidth(character)
        }
        return total
    }

    /// The text with ANSI escape sequences removed: CSI sequences (`ESC [` … final byte, including SGR colours),
    /// OSC sequences (`ESC ]` … BEL or `ESC \`), the 8-bit CSI (U+009B) and other two-character `ESC` sequences.
    public static func stripANSI(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscapeIntroducer) else {
            return text
        }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x1B:
                guard let next = scalars.popFirst() else {
                    break
                }
                switch next {
                case "[":
                    skipControlSequence(&scalars)
                case "]", "P", "X", "^", "_":
                    skipStringSequence(&scalars)
                default:
                    break  // a two-character escape such as ESC 7 or ESC c
                }
            case 0x9B:
                skipControlSequence(&scalars)
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    // MARK: - Private helpers

    private static func isEscapeIntroducer(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x1B || scalar.value == 0x9B
    }

    /// Skips parameter and intermediate bytes up to and including the final byte (0x40–0x7E).
    private static func skipControlSequence(_ scalars: inout Substring.UnicodeScalarView) {
        while let scalar = scalars.popFirst() {
            if (0x40...0x7E).contains(scalar.value) {
                return
            }
        }
    }

    /// Skips up to and including BEL or the string terminator `ESC \`.
    private static func skipStringSequence(_ scalars: inout Substring.UnicodeScalarView) {
        while let scalar = scalars.popFirst() {
            if scalar.value == 0x07 || scalar.value == 0x9C {
                return
            }
            if scalar.value == 0x1B {
                if scalars.first == "\\" {
                    scalars.removeFirst()
                }
                return
            }
        }
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Hangul Jungseong/Jongseong: they join the preceding Choseong, which is already wide.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) {
            return true
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            return false
        }
    }

    private static func isEmojiSequence(_ scalars: Character.UnicodeScalarView) -> Bool {
        var sawEmoji = false
        var sawJoiner = false
        var regionalIndicators = 0
        for scalar in scalars {
            switch scalar.value {
            case 0x200D, 0xFE0F, 0x20E3, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F:
                sawJoiner = true
            case 0x1F1E6...0x1F1FF:
                regionalIndicators += 1
            default:
                if scalar.properties.isEmoji {
                    sawEmoji = true
                }
            }
        }
        return regionalIndicators == 2 || (sawEmoji && sawJoiner)
    }

    /// True when `value` is East Asian Wide or Fullwidth, by binary search of `wideRanges`.
    private static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else {
            return false
        }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// East Asian Wide (W) and Fullwidth (F) code points (Unicode 15.1 `EastAsianWidth.txt`), sorted, disjoint.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Choseong
        0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693,
        0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE,
        0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA,
        0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C,
        0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797, 0x27B0...0x27B0,
        0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x2FFF,  // radicals, description chars
        0x3000...0x303E,  // ideographic space, CJK symbols and punctuation (、。「」『』《》【】…)
        0x3041...0x3096, 0x3099...0x30FF,  // Hiragana, Katakana
        0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E5, 0x31EF...0x321E, 0x3220...0x3247,
        0x3250...0xA48C,  // enclosed CJK, CJK compatibility, Extension A, CJK Unified Ideographs, Yi
        0xA490...0xA4C6, 0xA960...0xA97C,
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19, 0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B,  // vertical and small forms
        0xFF01...0xFF60, 0xFFE0...0xFFE6,  // fullwidth forms (，：；！？（）)
        0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08,
        0x1AFF0...0x1AFF3, 0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE, 0x1B000...0x1B122, 0x1B132...0x1B132,
        0x1B150...0x1B152, 0x1B155...0x1B155, 0x1B164...0x1B167, 0x1B170...0x1B2FB,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202,
        0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA,
        0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440,
        0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
        0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC,
        0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
        0x1FA70...0x1FA7C, 0x1FA80...0x1FA88, 0x1FA90...0x1FABD, 0x1FABF...0x1FAC5, 0x1FACE...0x1FADB,
        0x1FAE0...0x1FAE8, 0x1FAF0...0x1FAF8,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK Extensions B–I and the supplementary planes
    ]
}

extension Unicode.Scalar {
    /// Columns this scalar occupies on its own in a terminal (see ``DisplayWidth``).
    public var displayWidth: Int { DisplayWidth.scalarWidth(self) }
}

extension Character {
    /// Columns this grapheme cluster occupies in a terminal (see ``DisplayWidth``).
    public var displayWidth: Int { DisplayWidth.characterWidth(self) }
}

extension StringProtocol {
    /// Columns this text occupies in a terminal, ignoring ANSI escape sequences (see ``DisplayWidth``).
    public var displayWidth: Int { DisplayWidth.width(self) }
}
