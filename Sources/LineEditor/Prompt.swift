import TerminalText

/// The prompt shown before a line is read.
///
/// The caller passes plain text and, optionally, a colour; the reader adds the
/// escape codes itself (marked as zero-width for libedit). Whether colour is
/// wanted at all (a terminal, no `NO_COLOR`) is the caller's decision.
public struct Prompt: Equatable, Sendable, ExpressibleByStringLiteral {
    /// The visible text, e.g. `"交通局> "`. Control characters are not shown.
    public var text: String
    /// Shown in bold and this style (a colour) when set; plain when `nil`.
    public var color: Style?

    /// Creates a prompt from its text and an optional colour.
    public init(_ text: String, color: Style? = nil) {
        self.text = text
        self.color = color
    }

    /// Creates an uncoloured prompt from a literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The text with control characters removed, so it cannot move the cursor
    /// or collide with the zero-width markers.
    var visibleText: String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }

    /// The prompt for libedit's `EL_PROMPT_ESC`: escape codes wrapped in `marker`.
    ///
    /// libedit prints each marked span together with the visible character that
    /// follows it, and drops a span at the very end of the prompt. So the colour
    /// covers the text up to its trailing spaces (or up to its last character
    /// when it has none), and the reset is followed by what remains.
    func rendered(zeroWidthMarker marker: Character) -> String {
        let text = visibleText
        guard let color, let lastVisible = text.lastIndex(where: { !$0.isWhitespace }) else { return text }
        var split = text.index(after: lastVisible)
        if split == text.endIndex { split = lastVisible }
        guard split > text.startIndex else { return text }
        let start = Style.sequence([.bold, color])
        let reset = Style.reset
        return "\(marker)\(start)\(marker)\(text[..<split])\(marker)\(reset)\(marker)\(text[split...])"
    }
}
