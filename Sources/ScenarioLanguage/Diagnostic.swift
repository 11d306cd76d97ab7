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

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A problem found in an exercise, with where it is, a stable code and a message a trainer understands.
public struct Diagnostic: Sendable, Hashable {
    /// Error, warning or note.
    public var severity: Severity
    /// The stable code, e.g. `E0201`.
    public var code: DiagnosticCode
    /// The message, lowercase, without the location.
    public var message: String
    /// What the diagnostic points at.
    public var span: SourceSpan
    /// A replacement that fixes it, when one is obvious.
    public var fixIt: String?
    /// Related notes (for example, where a duplicate was first declared).
    public var notes: [Note]
    /// The chain of `include` lines that led to the file, innermost first.
    public var includedFrom: [SourceLocation]

    /// A note attached to a diagnostic.
    public struct Note: Sendable, Hashable {
        /// The note's text.
        public var message: String
        /// Where it points, if anywhere.
        public var span: SourceSpan?
    }

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at span: SourceSpan,
        fixIt: String? = nil, notes: [Note] = [], includedFrom: [SourceLocation] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
        self.fixIt = fixIt
        self.notes = notes
        self.includedFrom = includedFrom
    }

    /// The location where the diagnostic starts.
    public var location: SourceLocation { span.start }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

/// Suggests the closest of `candidates` to `word`, for "did you mean" fix-its.
///
/// - Returns: the candidate at the smallest edit distance, when that distance is small for the word's length.
public func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(word.lowercased())
    guard target.count <= 64 else { return nil }
    let limit = max(1, min(3, target.count / 3 + 1))
    var best: (String, Int)?
    for candidate in candidates {
        let other = Array(candidate.lowercased())
        if abs(other.count - target.count) > limit { continue }
        let distance = editDistance(target, other)
        if distance == 0 { continue }
        if let current = best, current.1 <= distance { continue }
        best = (candidate, distance)
    }
    guard let (name, distance) = best else { return nil }
    return distance <= limit ? name : nil
}

/// Levenshtein distance counting a swap of two neighbours as one edit.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = Swift.min(current[j], previous2[j - 2] + 1)
            }
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
}
