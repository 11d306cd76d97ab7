/// A text style applied with an ANSI SGR (Select Graphic Rendition) escape sequence. The one place the SGR codes are
/// written: the console's painter and the line editor's prompt both build their sequences here.
public enum Style: Sendable, Hashable, CaseIterable {
    /// Bold (SGR 1).
    case bold
    /// Faint (SGR 2).
    case dim
    /// Red foreground (SGR 31).
    case red
    /// Green foreground (SGR 32).
    case green
    /// Yellow foreground (SGR 33).
    case yellow
    /// Blue foreground (SGR 34).
    case blue
    /// Magenta foreground (SGR 35).
    case magenta
    /// Cyan foreground (SGR 36).
    case cyan
    /// Grey, i.e. bright black foreground (SGR 90).
    case grey

    /// The SGR parameter of this style.
    public var sgrCode: Int {
        switch self {
        case .bold: 1
        case .dim: 2
        case .red: 31
        case .green: 32
        case .yellow: 33
        case .blue: 34
        case .magenta: 35
        case .cyan: 36
        case .grey: 90
        }
    }

    /// The escape sequence that turns `styles` on, in order, e.g. `ESC [1;31m` for bold red.
    public static func sequence(_ styles: [Style]) -> String {
        "\u{1B}[" + styles.map { String($0.sgrCode) }.joined(separator: ";") + "m"
    }

    /// The escape sequence that turns every style off again: `ESC [0m`.
    public static let reset = "\u{1B}[0m"
}
