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
        body.makeContiguousUTF8()
        self.text = body
        self.lines = Self.splitLines(body)
    }

    /// Splits text at `\n`, `\r\n` and `\r`, working on UTF-8 for speed.
    private static func splitLines(_ text: String) -> [Substring] {
        var text = text
        text.makeContiguousUTF8()
        // Byte offsets where each line starts and ends.
        var bounds: [(Int, Int)] = []
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            var start = 0
            while start <= count {
                // memchr finds the next line end at C speed.
                let rest = count - start
                let newline =
                    memchr(base + start, 10, rest).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base }
                    ?? count
                let carriage = memchr(base + start, 13, newline - start).map {
                    UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base
                }
                if let carriage {
                    bounds.append((start, carriage))
                    start = carriage + 1 == newline ? newline + 1 : carriage + 1
                } else {
                    bounds.append((start, newline))
                    if newline == count { break }
                    start = newline + 1
                }
                if start == count {
                    bounds.append((count, count))
                    break
                }
            }
        }
        if bounds.isEmpty { bounds.append((0, 0)) }
        let utf8 = text.utf8
        return bounds.map { bound in
            let from = utf8.index(utf8.startIndex, offsetBy: bound.0)
            let to = utf8.index(from, offsetBy: bound.1 - bound.0)
            return text[from..<to]
        }
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

    /// Locations sort by file, then line, then column.
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
