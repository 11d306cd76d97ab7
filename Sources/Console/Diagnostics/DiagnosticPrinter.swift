import Foundation
import Localization
import ScenarioLanguage
import TerminalText

/// Renders diagnostics the way a compiler does, in the reader's language: `file:line:col: error: message [code]`
/// (`file:line:col: 错误：message [code]` in Chinese), the source line, a caret under the span placed by display
/// width (so that it stands under the right character in Chinese text), the fix-it's replacement under it, then the
/// notes and the include chain.
public struct DiagnosticPrinter: Sendable {
    private let paint: Paint
    private let sources: [String: SourceFile]
    private let language: UILanguage

    /// Creates a printer for diagnostics over these source files, writing in `language`.
    public init(sources: [SourceFile], paint: Paint, language: UILanguage = .en) {
        self.paint = paint
        self.language = language
        self.sources = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The text of one diagnostic, with its source excerpt, fix-it, notes and include chain.
    public func render(_ d: Diagnostic) -> String {
        var out: [String] = []
        out.append(
            paint.bold("\(Self.visible(d.location.description)):") + " " + label(d.severity)
                + paint.bold(Self.visible(d.message.text(in: language))) + " " + paint.grey("[\(d.code.rawValue)]"))
        out.append(contentsOf: excerpt(d.span, fixIt: d.fixIts.first))
        for note in d.notes {
            let text = Self.visible(note.message.text(in: language))
            if let span = note.span {
                out.append(paint.bold("\(Self.visible(span.start.description)):") + " " + label(.note) + text)
                out.append(contentsOf: excerpt(span, fixIt: nil))
            } else {
                out.append(label(.note) + text)
            }
        }
        let included = NoteMessage.includedFromHere.text(in: language)
        for location in d.includedFrom {
            out.append(paint.bold("\(Self.visible(location.description)):") + " " + label(.note) + included)
        }
        return out.joined(separator: "\n")
    }

    /// `error: ` or `错误：`, coloured by severity; the space after an English label is left uncoloured.
    private func label(_ severity: Severity) -> String {
        let text = severity.label(in: language)
        let word = String(text.reversed().drop { $0 == " " }.reversed())
        let gap = String(text.dropFirst(word.count))
        switch severity {
        case .error: return paint(word, .bold, .red) + gap
        case .warning: return paint(word, .bold, .magenta) + gap
        case .note: return paint(word, .bold, .cyan) + gap
        }
    }

    /// Text with control characters (which could drive the terminal) shown as '?'.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "?" : $0 }))
    }

    /// What ``SafeText`` replaces, and line breaks and tabs too: a diagnostic is one line.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        SafeText.isUnsafe(scalar) || scalar == "\n" || scalar == "\t"
    }

    /// The source line, a caret line under the span, and the fix-it's replacements on that line under where they go.
    private func excerpt(_ span: SourceSpan, fixIt: FixIt?) -> [String] {
        guard let file = sources[span.start.file], span.start.line >= 1, span.start.line <= file.lines.count else {
            return []
        }
        // Tabs show as one space and control characters as '?', so that the caret lines up and the terminal is safe.
        var characters = file.line(span.start.line).map { c -> Character in
            if c == "\t" { return " " }
            return c.unicodeScalars.contains { Self.isControl($0) } ? "?" : c
        }
        // A very long line is cut to a window around the span; `shift` maps a column of the line to the window.
        let window = 120
        var shift = 0
        if characters.count > window {
            let from = max(0, min(span.start.column - 1 - window / 3, characters.count - window))
            let to = min(characters.count, from + window)
            let head: [Character] = from > 0 ? ["…"] : []
            let tail: [Character] = to < characters.count ? ["…"] : []
            characters = head + Array(characters[from..<to]) + tail
            shift = head.count - from
        }
        /// The display width of the line's text before a (1-based, shifted) column.
        func offset(_ column: Int) -> Int { DisplayWidth.width(String(characters.prefix(max(0, column - 1)))) }
        let column = max(1, span.start.column + shift)
        let number = String(span.start.line)
        let gutter = String(repeating: " ", count: number.count)
        let covered = String(characters.dropFirst(max(0, column - 1)).prefix(max(1, span.length)))
        let width = max(1, DisplayWidth.width(covered))
        var result = [
            paint.grey("\(number) | ") + String(characters),
            paint.grey("\(gutter) | ") + String(repeating: " ", count: offset(column))
                + paint("^" + String(repeating: "~", count: width - 1), .bold, .green),
        ]
        // The replacements of the edits on this line, each under the text it replaces, in order.
        let edits = (fixIt?.edits ?? [])
            .filter { $0.range.start.file == span.start.file && $0.range.start.line == span.start.line }
            .sorted { $0.range.start.column < $1.range.start.column }
        if !edits.isEmpty {
            var line = ""
            var lineWidth = 0
            for edit in edits {
                let at = offset(max(1, edit.range.start.column + shift))
                let text = Self.visible(edit.replacement)
                let pad = line.isEmpty ? at : max(1, at - lineWidth)
                line += String(repeating: " ", count: pad) + text
                lineWidth += pad + DisplayWidth.width(text)
            }
            result.append(paint.grey("\(gutter) | ") + paint(line, .green))
        }
        return result
    }

    /// A summary line such as `2 errors, 1 warning` (`2 个错误，1 个警告`), or the clean confirmation.
    public static func summary(_ diagnostics: [Diagnostic], language: UILanguage = .en) -> String {
        diagnostics.summary(in: language)
    }
}
