import Localization

/// The part of the checker a message comes from. Each has its own message type: ``LexerMessage``,
/// ``CompilerMessage``, ``IncludeMessage``, ``AnalysisMessage``.
public enum DiagnosticDomain: String, Sendable, Hashable, Codable, CaseIterable {
    /// Splitting lines into tokens and blocks: literals, indentation, stray characters.
    case lexer
    /// Reading files and following `include` lines.
    case includes
    /// Declarations, statements and expressions: syntax, names, types, values and structure.
    case compiler
    /// What is found once the whole exercise is known: flow, unused elements, conditions that never change.
    case analysis
}

/// Identifies a message independently of its text and of the values it mentions, like swift-syntax's `MessageID`.
public struct MessageID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The domain, e.g. `compiler`.
    public let domain: DiagnosticDomain
    /// The message's name within its domain, e.g. `unknownElement`.
    public let name: String

    /// Creates an id.
    public init(domain: DiagnosticDomain, name: String) {
        self.domain = domain
        self.name = name
    }

    /// `domain.name`.
    public var description: String { "\(domain.rawValue).\(name)" }
}

/// A value a message's text mentions, filled into one of its `{0}`, `{1}`… placeholders.
public enum MessageArgument: Sendable, Hashable {
    /// Shown as it is: an id, a keyword, a file name, a number or a piece of the source.
    case text(String)
    /// A word of the language's vocabulary that is itself translated, such as an element kind or a type.
    case term(Term)
    /// Several words shown as they are, joined as the language joins a list (`a, b, c` or `a、b、c`).
    case list([String])
}

/// A translated word or phrase used inside messages: a kind of element (`role`/`角色`), a type (`number`/`数值`),
/// a place (`the exercise header`/`演练头部`).
///
/// A term may have placeholders of its own (`a value for '{0}'`), filled from its own arguments.
public struct Term: Sendable, Hashable {
    /// The catalogue key, `term.…`.
    public let key: String
    /// The values filled into the term's own placeholders.
    public let arguments: [MessageArgument]

    init(_ key: String, _ arguments: MessageArgument...) {
        self.key = key
        self.arguments = arguments
    }

    init(_ key: String, arguments: [MessageArgument]) {
        self.key = key
        self.arguments = arguments
    }

    /// The term's text.
    public func text(in language: UILanguage) -> String {
        DiagnosticCatalog.text(key, in: language, arguments: arguments)
    }
}

/// The message of a diagnostic: a stable code, an id, and the values its text mentions; the text itself comes from
/// the catalogue of the language it is shown in.
///
/// Each domain has its own type with static factories, so a call site reads as prose:
/// `report(.unknownElement(.role, name: "交通"), span)`.
public protocol DiagnosticMessage: Sendable, CustomStringConvertible {
    /// The stable code, e.g. `E0201`; it decides the severity.
    var code: DiagnosticCode { get }
    /// Which message this is.
    var id: MessageID { get }
    /// The values filled into the text's placeholders, in order.
    var arguments: [MessageArgument] { get }
}

extension DiagnosticMessage {
    /// Error or warning, from the code.
    public var severity: Severity { code.severity }

    /// The catalogue key of the text: the code and the message's name, e.g. `E0201.unknownElement`.
    public var catalogueKey: String { "\(code.rawValue).\(id.name)" }

    /// The text in `language`, lowercase, without the location or the code.
    public func text(in language: UILanguage) -> String {
        DiagnosticCatalog.text(catalogueKey, in: language, arguments: arguments)
    }

    /// The English text.
    public var description: String { text(in: .en) }
}

/// What a note says. Notes have no code of their own: they belong to the diagnostic they follow.
public struct NoteMessage: Sendable, Hashable, CustomStringConvertible {
    /// The catalogue key, `note.…`.
    public let key: String
    /// The values filled into the text's placeholders.
    public let arguments: [MessageArgument]

    init(_ name: String, _ arguments: MessageArgument...) {
        self.key = "note.\(name)"
        self.arguments = arguments
    }

    /// The text in `language`.
    public func text(in language: UILanguage) -> String {
        DiagnosticCatalog.text(key, in: language, arguments: arguments)
    }

    /// The English text.
    public var description: String { text(in: .en) }

    /// Where an element was first declared: `'{0}' is first declared here`.
    static func firstDeclared(_ name: String) -> Self { Self("firstDeclared", .text(name)) }
    /// Where a property was first given.
    static var firstGiven: Self { Self("firstGiven") }
    /// Where the first `exercise` header is.
    static var firstHeader: Self { Self("firstHeader") }
    /// Where an inject's first trigger is.
    static var firstTrigger: Self { Self("firstTrigger") }
    /// Which role is already the lead.
    static func isLead(_ role: String) -> Self { Self("isLead", .text(role)) }
    /// An `include` line that brought a file in (printed for each entry of ``Diagnostic/includedFrom``).
    public static var includedFromHere: Self { Self("includedFromHere") }
}
