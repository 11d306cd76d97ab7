/// A message of the lexer, which splits each line into tokens and the file into indented blocks.
///
/// The factories are sorted by name; the texts are in the ``Catalog/diagnostics`` catalogue under `CODE.name`.
public struct LexerMessage: DiagnosticMessage, Hashable {
    /// The stable code, e.g. `E0301`, that documentation and `--format json` use.
    public let code: DiagnosticCode
    /// The catalogue key of the text.
    public let id: MessageID
    /// The values put into the text's placeholders, in order.
    public let arguments: [MessageArgument]

    private init(_ code: DiagnosticCode, _ name: String, _ arguments: MessageArgument...) {
        self.code = code
        self.id = MessageID(domain: .lexer, name: name)
        self.arguments = arguments
    }

    /// Blocks nested deeper than the lexer keeps.
    static func blocksTooDeep(limit: Int) -> Self { Self(.nestingTooDeep, "blocksTooDeep", .text(String(limit))) }
    /// A control character (an escape, a carriage return, a C1 control…) inside a text or a narrative, shown as its
    /// code point.
    static func controlCharacterInText(_ shown: String) -> Self {
        Self(.unexpectedCharacter, "controlCharacterInText", .text(shown))
    }
    /// A duration over the longest one allowed.
    static func durationTooLong(_ written: String) -> Self { Self(.invalidLiteral, "durationTooLong", .text(written)) }
    /// A number inside a duration without its unit, like `1h30`.
    static func durationNeedsUnit(_ written: String) -> Self {
        Self(.invalidLiteral, "durationNeedsUnit", .text(written))
    }
    /// The first line of the file is indented.
    static var firstLineIndented: Self { Self(.inconsistentIndentation, "firstLineIndented") }
    /// Full-width punctuation typed by a Chinese input method, with the half-width character meant.
    static func fullWidthCharacter(_ shown: String, meant: String) -> Self {
        Self(.unexpectedCharacter, "fullWidthCharacter", .text(shown), .text(meant))
    }
    /// Tabs and spaces mixed in one block's indentation.
    static var mixedIndentation: Self { Self(.inconsistentIndentation, "mixedIndentation") }
    /// An indented line under a `"""` text block.
    static var narrativeTakesNoBlock: Self { Self(.unexpectedBlock, "narrativeTakesNoBlock") }
    /// `25:00` and the like.
    static func notAClockTime(_ written: String) -> Self { Self(.invalidLiteral, "notAClockTime", .text(written)) }
    /// A duration with something after its units, like `2hours`.
    static func notADuration(_ written: String) -> Self { Self(.invalidLiteral, "notADuration", .text(written)) }
    /// Digits run into letters, like `3rd`.
    static func notANumber(_ written: String) -> Self { Self(.invalidLiteral, "notANumber", .text(written)) }
    /// A number too large to be exact.
    static func numberTooLarge(_ written: String) -> Self { Self(.invalidLiteral, "numberTooLarge", .text(written)) }
    /// A run of characters that start no token, shown with invisible characters as code points.
    static func unexpectedCharacters(_ shown: String, count: Int) -> Self {
        Self(.unexpectedCharacter, count == 1 ? "unexpectedCharacter" : "unexpectedCharacters", .text(shown))
    }
    /// A line whose indentation matches no open block.
    static var unmatchedIndentation: Self { Self(.inconsistentIndentation, "unmatchedIndentation") }
    /// A `"` text not closed on its line, with the quote that closes it.
    static func unterminatedText(closing: String) -> Self {
        Self(.unterminatedText, "unterminatedText", .text(closing))
    }
    /// A `"""` block never closed.
    static var unterminatedTextBlock: Self { Self(.unterminatedTextBlock, "unterminatedTextBlock") }
}
