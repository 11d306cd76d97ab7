import Localization

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    /// The exercise cannot run.
    case error
    /// The exercise runs, but something is probably wrong.
    case warning
    /// Extra information attached to another diagnostic.
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    /// Errors sort before warnings, warnings before notes.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// The word printed before a message, e.g. `error` or `错误`.
    public func name(in language: UILanguage) -> String {
        DiagnosticCatalog.text("severity.\(rawValue)", in: language)
    }

    /// The word with the punctuation that follows it before a message: `error: ` or `错误：`.
    public func label(in language: UILanguage) -> String {
        DiagnosticCatalog.text("severity.label", in: language, arguments: [.text(name(in: language))])
    }
}

/// A problem found in an exercise: what it is (a typed message with a stable code), where it is, and how to fix it.
///
/// Diagnostics are data: the text is chosen only when a diagnostic is shown, in the language asked for, so one
/// compile serves a Chinese and an English reader alike.
public struct Diagnostic: Sendable, Equatable {
    /// What is wrong: the message's code, its domain and the values its text mentions.
    public var message: any DiagnosticMessage
    /// Error, warning or note: the code's severity, unless raised (`check --strict` makes warnings errors).
    public var severity: Severity
    /// What the diagnostic points at.
    public var span: SourceSpan
    /// Ways to fix it, each a set of edits of the source; usually at most one.
    public var fixIts: [FixIt]
    /// Related places (for example, where a duplicate was first declared).
    public var notes: [Note]
    /// The chain of `include` lines that led to the file, innermost first.
    public var includedFrom: [SourceLocation]

    /// A note attached to a diagnostic.
    public struct Note: Sendable, Hashable {
        /// What the note says.
        public var message: NoteMessage
        /// Where it points, if anywhere.
        public var span: SourceSpan?

        /// Creates a note.
        public init(_ message: NoteMessage, at span: SourceSpan?) {
            self.message = message
            self.span = span
        }
    }

    /// Creates a diagnostic whose severity is its code's.
    public init(
        _ message: any DiagnosticMessage, at span: SourceSpan, fixIts: [FixIt] = [], notes: [Note] = [],
        includedFrom: [SourceLocation] = []
    ) {
        self.message = message
        self.severity = message.code.severity
        self.span = span
        self.fixIts = fixIts
        self.notes = notes
        self.includedFrom = includedFrom
    }

    /// The stable code, e.g. `E0201`.
    public var code: DiagnosticCode { message.code }

    /// The location where the diagnostic starts.
    public var location: SourceLocation { span.start }

    /// Two diagnostics are equal when they say the same thing at the same place; fix-its and related notes are
    /// not compared.
    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.message.id == b.message.id && a.message.code == b.message.code
            && a.message.arguments == b.message.arguments && a.severity == b.severity && a.span == b.span
            && a.fixIts == b.fixIts && a.notes == b.notes && a.includedFrom == b.includedFrom
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The closing line of a check: `2 errors, 1 warning` (`2 个错误，1 个警告`), or `ok: no problems found`
    /// (`没有发现问题`) when there is nothing.
    public func summary(in language: UILanguage) -> String {
        let strings = Strings(.diagnostics, language: language)
        guard !isEmpty else { return strings("summary.clean") }
        let errors = filter { $0.severity == .error }.count
        let warnings = filter { $0.severity == .warning }.count
        return strings(
            "summary.counts", strings.plural("summary.errors", count: errors),
            strings.plural("summary.warnings", count: warnings))
    }
}
