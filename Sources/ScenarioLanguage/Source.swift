import Foundation

/// One source file of an exercise, held as text with its lines split for diagnostics.
public struct SourceFile: Sendable, Hashable {
    /// The path as the user gave it (or as an include resolved it).
    public let path: String
    /// The file's text after decoding (a byte-order mark removed, line endings kept).
    public let text: String
    /// The file's lines without their line endings.
    public let lines: [Substring]

    /// Creates a source file from text already in memory.
    public init(path: String, text: String) {
        self.path = path
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        self.text = body
        self.lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// The text of a 1-based line, or an empty string past the end.
    public func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }
}

/// A position in a source file: 1-based line and column, where columns count characters, not bytes.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in characters.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// A span on one line: a start location and a length in characters.
public struct SourceSpan: Sendable, Hashable {
    /// Where the span starts.
    public var start: SourceLocation
    /// How many characters it covers (at least 1 when shown).
    public var length: Int

    /// Creates a span.
    public init(start: SourceLocation, length: Int) {
        self.start = start
        self.length = length
    }
}
