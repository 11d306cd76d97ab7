// The Language Server Protocol's types that Sandtable's server uses, as Codable structs (LSP 3.17). Written by
// hand: no LSP package is mirrored here (sourcekit-lsp's LanguageServerProtocol is not among the packages), and the
// server needs only a small part of the protocol. Field names are the protocol's.

/// A position in a document: 0-based line and UTF-16 code-unit offset in the line (LSP's default encoding).
public struct Position: Codable, Hashable, Sendable, Comparable {
    /// The 0-based line.
    public var line: Int
    /// The 0-based offset in UTF-16 code units.
    public var character: Int

    /// Creates a position.
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    /// Whether `a` comes before `b` in the document.
    public static func < (a: Position, b: Position) -> Bool { (a.line, a.character) < (b.line, b.character) }
}

/// A range of a document, `end` exclusive.
public struct Range: Codable, Hashable, Sendable {
    /// Where it starts.
    public var start: Position
    /// Just after where it ends.
    public var end: Position

    /// Creates a range.
    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }
}

/// A range of a document named by its URI.
public struct Location: Codable, Hashable, Sendable {
    /// The document.
    public var uri: String
    /// The range.
    public var range: Range
}

/// A document named by its URI.
public struct TextDocumentIdentifier: Codable, Hashable, Sendable {
    /// The document's URI.
    public var uri: String
}

/// A document and its version.
public struct VersionedTextDocumentIdentifier: Codable, Hashable, Sendable {
    /// The document's URI.
    public var uri: String
    /// Its version after the change.
    public var version: Int
}

/// A document as the client opened it.
public struct TextDocumentItem: Codable, Hashable, Sendable {
    /// The document's URI.
    public var uri: String
    /// The client's language id (`ttx`).
    public var languageId: String?
    /// The version.
    public var version: Int
    /// The whole text.
    public var text: String
}

/// A document and a position in it: the parameters of most requests.
public struct TextDocumentPositionParams: Codable, Hashable, Sendable {
    /// The document.
    public var textDocument: TextDocumentIdentifier
    /// The position.
    public var position: Position
}

/// A replacement of a range of a document.
public struct TextEdit: Codable, Hashable, Sendable {
    /// What is replaced.
    public var range: Range
    /// The new text.
    public var newText: String
}

/// Edits of several documents, keyed by URI.
public struct WorkspaceEdit: Codable, Hashable, Sendable {
    /// The edits per document.
    public var changes: [String: [TextEdit]]
}

/// A command a client may run (here: only for showing a lens's text).
public struct Command: Codable, Hashable, Sendable {
    /// What the client shows.
    public var title: String
    /// The command's id; empty for a lens that only informs.
    public var command: String
}

/// Markdown or plain text for the client to show.
public struct MarkupContent: Codable, Hashable, Sendable {
    /// `markdown` or `plaintext`.
    public var kind: String
    /// The text.
    public var value: String
}

/// The parameters of `$/cancelRequest`.
struct CancelParams: Codable {
    var id: RequestID
}
