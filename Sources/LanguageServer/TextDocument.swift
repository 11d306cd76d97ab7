import Foundation
import ScenarioLanguage

/// A document the client has open: its text as the client last sent it, and its version.
public struct TextDocument: Sendable, Hashable {
    /// The URI the client names it by.
    public let uri: String
    /// The file-system path it stands for (for a document that is not a file, a made-up absolute path).
    public let path: String
    /// The client's version of the text.
    public var version: Int
    /// The text.
    public private(set) var text: String

    /// Creates a document.
    public init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.path = DocumentURI.path(of: uri)
        self.version = version
        self.text = text
    }

    /// Applies the changes of one `didChange`, in order: a change with a range replaces that range (positions in
    /// UTF-16 code units, clamped to the text), one without replaces the whole text.
    public mutating func apply(_ changes: [TextDocumentContentChangeEvent], version: Int) {
        for change in changes {
            guard let range = change.range else {
                text = change.text
                continue
            }
            let from = Self.index(of: range.start, in: text)
            let to = max(from, Self.index(of: range.end, in: text))
            text.replaceSubrange(from..<to, with: change.text)
        }
        self.version = version
    }

    /// The index of an LSP position in `text`: lines end at `\n`, `\r\n` or `\r`; a line past the end gives the end
    /// of the text, a character past the end of its line the end of the line; an offset inside a surrogate pair
    /// rounds down to its start.
    static func index(of position: Position, in text: String) -> String.Index {
        let utf8 = text.utf8
        var i = utf8.startIndex
        var line = 0
        while line < position.line {
            guard let end = utf8[i...].firstIndex(where: { $0 == 10 || $0 == 13 }) else { return text.endIndex }
            i = utf8.index(after: end)
            if utf8[end] == 13, i < utf8.endIndex, utf8[i] == 10 { i = utf8.index(after: i) }
            line += 1
        }
        let utf16 = text.utf16
        var offset = 0
        while offset < position.character, i < utf16.endIndex, utf16[i] != 10, utf16[i] != 13 {
            i = utf16.index(after: i)
            offset += 1
        }
        while i > text.startIndex, i.samePosition(in: text.unicodeScalars) == nil { i = utf16.index(before: i) }
        return i
    }
}

/// Document URIs and the paths they stand for.
public enum DocumentURI {
    /// The path of a `file:` URI (percent-decoded); for any other URI, a path made from it under `/untitled/`.
    public static func path(of uri: String) -> String {
        if let url = URL(string: uri), url.isFileURL, !url.path.isEmpty { return url.path }
        let name = uri.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" }
        return "/untitled/" + String(name)
    }

    /// The `file:` URI of an absolute path.
    public static func uri(of path: String) -> String { URL(fileURLWithPath: path).absoluteString }
}

extension SourceFile {
    /// The LSP position of a 1-based line and character column of the file (a column past the end of the line
    /// counts on as one code unit per column, as a diagnostic just after the last character does).
    func position(line: Int, column: Int) -> Position {
        let text = self.line(line)
        let wanted = max(0, column - 1)
        var utf16 = 0
        var characters = 0
        for character in text {
            if characters == wanted { break }
            utf16 += character.utf16.count
            characters += 1
        }
        return Position(line: max(0, line - 1), character: utf16 + (wanted - characters))
    }

    /// The LSP range of a span of the file.
    func range(_ span: SourceSpan) -> Range {
        Range(
            start: position(line: span.start.line, column: span.start.column),
            end: position(line: span.start.line, column: span.start.column + max(0, span.length)))
    }

    /// The 1-based location of an LSP position (an offset inside a character counts as that character).
    func location(_ position: Position) -> SourceLocation {
        let text = self.line(position.line + 1)
        var utf16 = 0
        var column = 1
        for character in text {
            let width = character.utf16.count
            if utf16 + width > position.character { break }
            utf16 += width
            column += 1
        }
        return SourceLocation(file: path, line: position.line + 1, column: column)
    }
}
