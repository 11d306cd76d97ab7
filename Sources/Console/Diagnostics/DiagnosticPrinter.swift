import Foundation
import ScenarioLanguage
import TerminalText

/// Renders diagnostics the way a compiler does: `file:line:col: error: message [code]`, the source line, and a
/// caret under the span placed by display width, so it stands under the right character in Chinese text.
public struct DiagnosticPrinter: Sendable {
    private let paint: Paint
    private let sources: [String: SourceFile]

    /// Creates a printer for diagnostics over these source files.
    public init(sources: [SourceFile], paint: Paint) {
        self.paint = paint
        self.sources = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The text of one diagnostic, with its source excerpt, fix-it, notes and include chain.
    public func render(_ d: Diagnostic) -> String {
        var out: [String] = []
        let label: String
        switch d.severity {
        case .error: label = paint("error:", .bold, .red)
        case .warning: label = paint("warning:", .bold, .magenta)
        case .note: label = paint("note:", .bold, .cyan)
        }
        out.append(
            paint.bold("\(Self.visible(d.location.description)):") + " \(label) " + paint.bold(Self.visible(d.message))
                + " "
                + paint.grey("[\(d.code.rawValue)]"))
        out.append(contentsOf: excerpt(d.span, fixIt: d.fixIt))
        for note in d.notes {
            if let span = note.span {
                out.append(
                    paint.bold("\(span.start):") + " " + paint("note:", .bold, .cyan) + " \(Self.visible(note.message))"
                )
                out.append(contentsOf: excerpt(span, fixIt: nil))
            } else {
                out.append(paint("note:", .bold, .cyan) + " \(Self.visible(note.message))")
            }
        }
        for location in d.includedFrom {
            out.append(paint.bold("\(location):") + " " + paint("note:", .bold, .cyan) + " included from here")
        }
        return out.joined(separator: "\n")
    }

    /// Text with control characters (which could drive the terminal) shown as '?'.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "?" : $0 }))
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
    }

    /// The source line and a caret line under the span.
    private func excerpt(_ span: SourceSpan, fixIt: String?) -> [String] {
        guard let file = sources[span.start.file], span.start.line >= 1, span.start.line <= file.lines.count else {
            return []
        }
        // Tabs show as one space and control characters as '?', so that the caret lines up and the terminal is safe.
        var characters = file.line(span.start.line).map { c -> Character in
            if c == "\t" { return " " }
            return c.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }
                ? "?" : c
        }
        var column = max(1, span.start.column)
        // A very long line is cut to a window around the span.
        let window = 120
        if characters.count > window {
            let from = max(0, min(column - 1 - window / 3, characters.count - window))
            let to = min(characters.count, from + window)
            let head: [Character] = from > 0 ? ["…"] : []
            let tail: [Character] = to < characters.count ? ["…"] : []
            characters = head + Array(characters[from..<to]) + tail
            column = column - from + head.count
        }
        let line = String(characters)
        let number = String(span.start.line)
        let gutter = String(repeating: " ", count: number.count)
        let before = String(characters.prefix(max(0, column - 1)))
        let covered = String(characters.dropFirst(max(0, column - 1)).prefix(max(1, span.length)))
        let offset = DisplayWidth.width(before)
        let width = max(1, DisplayWidth.width(covered))
        var result = [
            paint.grey("\(number) | ") + line,
            paint.grey("\(gutter) | ") + String(repeating: " ", count: offset)
                + paint("^" + String(repeating: "~", count: width - 1), .bold, .green),
        ]
        if let fixIt {
            result.append(paint.grey("\(gutter) | ") + String(repeating: " ", count: offset) + paint(fixIt, .green))
        }
        return result
    }

    /// A summary line such as `2 errors, 1 warning`.
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
    }
}

/// Diagnostics as JSON for editors and CI.
public enum DiagnosticJSON {
    private struct Entry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var length: Int
        var severity: String
        var code: String
        var message: String
        var fixIt: String?
        var notes: [NoteEntry]
        var includedFrom: [String]
    }

    private struct NoteEntry: Encodable {
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
    }

    /// Encodes diagnostics as a JSON array, one object per diagnostic.
    public static func encode(_ diagnostics: [Diagnostic]) -> String {
        let entries = diagnostics.map {
            Entry(
                file: $0.location.file, line: $0.location.line, column: $0.location.column, length: $0.span.length,
                severity: $0.severity.rawValue, code: $0.code.rawValue, message: $0.message, fixIt: $0.fixIt,
                notes: $0.notes.map {
                    NoteEntry(
                        message: $0.message, file: $0.span?.start.file, line: $0.span?.start.line,
                        column: $0.span?.start.column)
                },
                includedFrom: $0.includedFrom.map(\.description))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entries) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
