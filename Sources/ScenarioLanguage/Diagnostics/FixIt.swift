import Localization

/// One change of the source: the text of `range` replaced by `replacement` (an insertion when the range is empty).
public struct SourceEdit: Sendable, Hashable {
    /// What is replaced: a start and a length in characters, on one line.
    public var range: SourceSpan
    /// The new text.
    public var replacement: String

    /// Creates an edit.
    public init(range: SourceSpan, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A way to fix a diagnostic: what it does, in words, and the edits that do it (like swift-syntax's `FixIt`).
public struct FixIt: Sendable, Hashable {
    /// What applying it does, e.g. "replace '交通' with '交通局'".
    public var message: FixItMessage
    /// The edits, which do not overlap.
    public var edits: [SourceEdit]

    /// Creates a fix-it.
    public init(message: FixItMessage, edits: [SourceEdit]) {
        self.message = message
        self.edits = edits
    }

    /// Replaces the text of `span`, which reads `old`, with `new`.
    public static func replace(_ span: SourceSpan, _ old: String, with new: String) -> FixIt {
        FixIt(
            message: FixItMessage("replace", .text(old), .text(new)),
            edits: [SourceEdit(range: span, replacement: new)])
    }

    /// Inserts `text` at `location`.
    public static func insert(_ text: String, at location: SourceLocation) -> FixIt {
        FixIt(
            message: FixItMessage("insert", .text(text)),
            edits: [SourceEdit(range: SourceSpan(start: location, length: 0), replacement: text)])
    }
}

/// What a fix-it does, in words; the text comes from the catalogue of the language it is shown in.
public struct FixItMessage: Sendable, Hashable, CustomStringConvertible {
    /// The catalogue key, `fixit.…`.
    public let key: String
    /// The values filled into the text's placeholders.
    public let arguments: [MessageArgument]

    init(_ name: String, _ arguments: MessageArgument...) {
        self.key = "fixit.\(name)"
        self.arguments = arguments
    }

    /// The text in `language`.
    public func text(in language: UILanguage) -> String {
        DiagnosticCatalog.text(key, in: language, arguments: arguments)
    }

    /// The English text.
    public var description: String { text(in: .en) }
}

extension SourceFile {
    /// The file's text with `edits` applied; edits of other files are ignored.
    ///
    /// Columns and lengths count characters, as diagnostics do. An edit that overlaps one before it, or that
    /// points past the end of its line, is left out.
    public func applying(_ edits: [SourceEdit]) -> String {
        let mine = edits.filter { $0.range.start.file == path }.sorted {
            ($0.range.start.line, $0.range.start.column) < ($1.range.start.line, $1.range.start.column)
        }
        // The replaced ranges as indices of `text` (each line is a slice of it), in order and without overlaps.
        var pieces: [(range: Range<String.Index>, replacement: String)] = []
        for edit in mine {
            let start = edit.range.start
            guard start.line >= 1, start.line <= lines.count, start.column >= 1 else { continue }
            let line = lines[start.line - 1]
            guard let from = line.index(line.startIndex, offsetBy: start.column - 1, limitedBy: line.endIndex),
                let to = line.index(from, offsetBy: max(0, edit.range.length), limitedBy: line.endIndex)
            else { continue }
            if let last = pieces.last, last.range.upperBound > from { continue }
            pieces.append((from..<to, edit.replacement))
        }
        var result = ""
        var rest = text.startIndex
        for piece in pieces {
            result += text[rest..<piece.range.lowerBound]
            result += piece.replacement
            rest = piece.range.upperBound
        }
        result += text[rest...]
        return result
    }
}
