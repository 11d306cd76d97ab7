import TerminalText

/// What one call to ``LineReader/readLine(prompt:)`` produced.
public enum LineInput: Equatable, Sendable {
    /// A complete line, without its line terminator (`\n` or `\r\n`).
    case line(String)
    /// The user pressed Ctrl-C: the line being edited was discarded. Read again.
    case interrupted
    /// No more input: Ctrl-D on an empty line, or end of file on a pipe.
    case endOfInput
    /// A line arrived but was refused; it has been consumed entirely, so the next
    /// read starts at the following line.
    case rejected(LineRejection)
}

/// Why a line was refused.
public enum LineRejection: Equatable, Sendable {
    /// The line's bytes are not valid UTF-8.
    case invalidUTF8
    /// The line is longer than `limit` bytes (see ``LineLimits/maximumLineBytes``).
    case tooLong(limit: Int)
    /// The line holds a control character other than tab: C0, DEL (0x7F) or C1 (U+0080–U+009F, such as the 8-bit
    /// CSI U+009B), as ``SafeText/isUnsafe(_:)`` says.
    case controlCharacters
}

/// Limits every ``LineReader`` applies.
public enum LineLimits {
    /// The longest line accepted, in UTF-8 bytes, excluding the line terminator: 64 KiB.
    public static let maximumLineBytes = 64 * 1024
}

/// Turns the bytes of one line (terminator already removed) into a ``LineInput``.
///
/// Checks, in order: length, UTF-8 validity, control characters.
func validatedLine(_ bytes: some Collection<UInt8>) -> LineInput {
    if bytes.count > LineLimits.maximumLineBytes {
        return .rejected(.tooLong(limit: LineLimits.maximumLineBytes))
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
        return .rejected(.invalidUTF8)
    }
    // A C1 control would be stored raw in a note and reach the terminal again when shown.
    if text.unicodeScalars.contains(where: { SafeText.isUnsafe($0) }) {
        return .rejected(.controlCharacters)
    }
    return .line(text)
}
