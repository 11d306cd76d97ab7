/// Text from outside Sandtable (an exercise, a transcript, what a trainee typed) made safe to show in a terminal or
/// put in a report: the one sanitiser every place that prints such text goes through.
///
/// A terminal obeys escape sequences and control characters wherever they come from: `ESC [2J` clears the screen,
/// `ESC ]0;…BEL` sets the window title, the 8-bit CSI U+009B starts a command like `ESC [`, and a carriage return
/// lets a line overwrite itself. ``sanitized(_:)`` replaces each escape sequence (read as
/// ``DisplayWidth/stripANSI(_:)`` reads them) and every other C0 and C1 control character, DEL included, with one
/// visible U+FFFD, keeping only newline and tab; ``sanitized(keepingStyles:)`` also keeps the SGR colour sequences
/// Sandtable writes itself (``Style``), for output that mixes its own styles with outside text.
///
/// Hand-rolled: neither the standard library nor Foundation knows terminal escape sequences.
public enum SafeText {
    /// What stands for a removed control character or escape sequence.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Whether `text` holds nothing a terminal would obey (no control character but newline and tab).
    public static func isSafe(_ text: some StringProtocol) -> Bool {
        !text.unicodeScalars.contains(where: isUnsafe)
    }

    /// Whether a scalar is a control character other than newline and tab: C0, DEL or C1.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0A && value != 0x09) || (value >= 0x7F && value < 0xA0)
    }

    /// `text` with every escape sequence and every control character but newline and tab replaced by U+FFFD.
    public static func sanitized(_ text: String) -> String {
        sanitize(text, keepingStyles: false)
    }

    /// Like ``sanitized(_:)``, but SGR sequences (`ESC [` digits and `;` … `m`, which only change colours and
    /// weight) are kept: for a line that already carries Sandtable's own styles around outside text.
    public static func sanitized(keepingStyles text: String) -> String {
        sanitize(text, keepingStyles: true)
    }

    private static func sanitize(_ text: String, keepingStyles: Bool) -> String {
        guard !isSafe(text) else { return text }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard isUnsafe(scalar) else {
                output.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x1B:
                if keepingStyles, let style = styleSequence(after: scalars) {
                    output.append(scalar)
                    output.append(contentsOf: scalars.prefix(style))
                    scalars.removeFirst(style)
                    continue
                }
                if let next = scalars.popFirst() {
                    switch next {
                    case "[": DisplayWidth.skipControlSequence(&scalars)
                    case "]", "P", "X", "^", "_": DisplayWidth.skipStringSequence(&scalars)
                    default: break  // a two-character escape such as ESC 7 or ESC c
                    }
                }
            case 0x9B:
                DisplayWidth.skipControlSequence(&scalars)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                // The 8-bit DCS, SOS, OSC, PM and APC open a string that runs to its terminator.
                DisplayWidth.skipStringSequence(&scalars)
            default:
                break
            }
            output.append(replacement)
        }
        return String(output)
    }

    /// The length of an SGR sequence's rest (`[1;31m`) at the start of `scalars`, after its ESC; nil if none.
    private static func styleSequence(after scalars: Substring.UnicodeScalarView) -> Int? {
        guard scalars.first == "[" else { return nil }
        var length = 1
        for scalar in scalars.dropFirst() {
            length += 1
            if scalar == "m" { return length }
            guard scalar == ";" || ("0"..."9").contains(scalar), length <= 32 else { return nil }
        }
        return nil
    }
}
