import Foundation
import Localization
import ScenarioLanguage

/// Diagnostics as JSON for editors and CI: one object per diagnostic, with its code, severity, range, message (in the
/// language asked for), notes and fix-its with their edits, so that a tool can apply a fix without parsing text.
///
/// Lines and columns start at 1 and count characters; a range's `end` is the position just after its last
/// character (equal to `start` for an insertion).
public enum DiagnosticJSON {
    /// A position in a file.
    struct Position: Encodable {
        var line: Int
        var column: Int
    }

    /// A span as start and end positions.
    struct Range: Encodable {
        var start: Position
        var end: Position

        init(_ span: SourceSpan) {
            start = Position(line: span.start.line, column: span.start.column)
            end = Position(line: span.start.line, column: span.start.column + max(0, span.length))
        }
    }

    struct Entry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var length: Int
        var range: Range
        var severity: String
        var code: String
        var id: String
        var message: String
        var fixIts: [FixItEntry]
        var notes: [NoteEntry]
        var includedFrom: [String]
    }

    struct FixItEntry: Encodable {
        var message: String
        var edits: [EditEntry]
    }

    struct EditEntry: Encodable {
        var file: String
        var range: Range
        var replacement: String
    }

    struct NoteEntry: Encodable {
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
        var range: Range?
    }

    /// Encodes diagnostics as a JSON array, their texts in `language`.
    public static func encode(_ diagnostics: [Diagnostic], language: UILanguage = .en) -> String {
        encode(diagnostics.map { ($0, language) })
    }

    /// Encodes diagnostics as a JSON array, each with its texts in the language paired with it (`check` of several
    /// exercises writes each in its own).
    public static func encode(_ diagnostics: [(Diagnostic, UILanguage)]) -> String {
        let entries = diagnostics.map { d, lang in
            Entry(
                file: d.location.file, line: d.location.line, column: d.location.column, length: d.span.length,
                range: Range(d.span), severity: d.severity.rawValue, code: d.code.rawValue,
                id: d.message.id.description, message: d.message.text(in: lang),
                fixIts: d.fixIts.map { fixIt in
                    FixItEntry(
                        message: fixIt.message.text(in: lang),
                        edits: fixIt.edits.map {
                            EditEntry(file: $0.range.start.file, range: Range($0.range), replacement: $0.replacement)
                        })
                },
                notes: d.notes.map {
                    NoteEntry(
                        message: $0.message.text(in: lang), file: $0.span?.start.file, line: $0.span?.start.line,
                        column: $0.span?.start.column, range: $0.span.map(Range.init))
                },
                includedFrom: d.includedFrom.map(\.description))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entries) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
