/// Display width of text in terminal columns.
///
/// Rules, in order:
/// - C0 and C1 controls, combining marks (Mn, Me), format characters (Cf, e.g. the zero-width joiner),
///   variation selectors and Hangul medial/final jamo take 0 columns.
/// - East Asian Wide (W) and Fullwidth (F) characters take 2 columns: CJK ideographs (all extensions),
///   CJK and fullwidth punctuation (，。、：；！？「」『』（）《》【】), kana, Hangul, emoji with emoji presentation.
///   The table comes from the Unicode data file `scripts/data/EastAsianWidth-<version>.txt`, through
///   `scripts/generate-width-table.py`; Neutral (N) symbols such as the Yijing hexagrams (U+4DC0–U+4DFF) are narrow.
/// - Everything else takes 1 column, including East Asian Ambiguous characters such as `—`, `…`, `“”`, `─` and
///   `█`: terminals draw those narrow unless set up otherwise, and the table and chart renderers rely on it.
/// - An emoji sequence (ZWJ sequence, skin-tone modifier, VS16, keycap, flag) is one grapheme of 2 columns.
///
/// String measurement skips ANSI escape sequences, so styled text measures like the plain text.
///
/// Hand-rolled: neither the standard library nor Foundation measures terminal columns, and the columns must follow
/// the Unicode data exactly for CJK tables to line up.
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

    static func isEscapeIntroducer(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x1B || scalar.value == 0x9B
    }

    /// Skips parameter and intermediate bytes up to and including the final byte (0x40–0x7E).
    static func skipControlSequence(_ scalars: inout Substring.UnicodeScalarView) {
        while let scalar = scalars.popFirst() {
            if (0x40...0x7E).contains(scalar.value) {
                return
            }
        }
    }

    /// Skips up to and including BEL or the string terminator `ESC \`.
    static func skipStringSequence(_ scalars: inout Substring.UnicodeScalarView) {
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

    /// True when `value` is East Asian Wide or Fullwidth, by binary search of `wideRanges` (generated from the
    /// Unicode data file by `scripts/generate-width-table.py`, in `DisplayWidth+EastAsianWidth.swift`).
    private static func isWide(_ value: UInt32) -> Bool {
        guard let first = wideRanges.first, value >= first.lowerBound else {
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
