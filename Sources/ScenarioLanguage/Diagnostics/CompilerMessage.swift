/// A message of the compiler: the syntax of declarations, statements and expressions, names, types, values and
/// structure.
///
/// The factories are sorted by name, in one file per part of the compiler (this one for names and the whole
/// exercise, and `CompilerMessage+Declarations.swift`, `+Statements.swift`, `+Expressions.swift`); the texts are in
/// the ``Catalog/diagnostics`` catalogue under `CODE.name`.
public struct CompilerMessage: DiagnosticMessage, Hashable {
    /// The stable code, e.g. `E0301`, that documentation and `--format json` use.
    public let code: DiagnosticCode
    /// The catalogue key of the text.
    public let id: MessageID
    /// The values put into the text's placeholders, in order.
    public let arguments: [MessageArgument]

    init(_ code: DiagnosticCode, _ name: String, _ arguments: MessageArgument...) {
        self.code = code
        self.id = MessageID(domain: .compiler, name: name)
        self.arguments = arguments
    }
}

extension CompilerMessage {
    /// `all` where one element of a kind is needed.
    static func allNotAllowed(_ kind: ElementKind) -> Self { Self(.expected, "allNotAllowed", kind.articleTerm) }
    /// A top-level line that starts with something other than a word.
    static var declarationNeedsKeyword: Self { Self(.unknownDeclaration, "declarationNeedsKeyword") }
    /// Two elements of one kind with one id.
    static func duplicateID(_ name: String, kind: ElementKind) -> Self {
        Self(.duplicateID, "declaredTwice", kind.term, .text(name))
    }
    /// A declaration keyword without its id.
    static func expectedID(after keyword: String) -> Self { Self(.expected, "expectedID", .text(keyword)) }
    /// An `exercise` header in an included file.
    static var headerInIncludedFile: Self { Self(.duplicateProperty, "headerInIncludedFile") }
    /// No `exercise` header.
    static var missingHeader: Self { Self(.missingHeader, "missingHeader") }
    /// A `"""` block at the top level.
    static var narrativeOutsideElement: Self { Self(.unexpectedBlock, "narrativeOutsideElement") }
    /// No scenes.
    static var noScenes: Self { Self(.noScenes, "noScenes") }
    /// A reserved word used as an id.
    static func reservedWord(_ word: String, kind: ElementKind) -> Self {
        Self(.reservedWord, "reservedWord", .text(word), kind.articleTerm)
    }
    /// A second `exercise` header.
    static var twoHeaders: Self { Self(.duplicateProperty, "twoHeaders") }
    /// A top-level word that is no declaration keyword, with the closest one when there is one.
    static func unknownDeclaration(_ word: String, guess: String?) -> Self {
        guard let guess else { return Self(.unknownDeclaration, "unknownDeclaration", .text(word)) }
        return Self(.unknownDeclaration, "unknownDeclarationGuess", .text(word), .text(guess))
    }
    /// An id declared nowhere, with the closest id of its kind when there is one.
    static func unknownElement(_ kind: ElementKind, _ name: String, guess: String?) -> Self {
        guard let guess else { return Self(.undefinedID, "unknownElement", kind.term, .text(name)) }
        return Self(.undefinedID, "unknownElementGuess", kind.term, .text(name), .text(guess))
    }
    /// An id of another kind than the place needs.
    static func wrongKind(_ name: String, is actual: ElementKind, expected: ElementKind) -> Self {
        Self(.wrongKind, "wrongKind", .text(name), actual.articleTerm, expected.articleTerm)
    }
}

extension MessageArgument {
    /// The place a property is written in: an element of `kind`, with its article (`a role`).
    static func kind(_ kind: ElementKind) -> Self { kind.articleTerm }
    /// The exercise header, as a place properties are written in.
    static var exerciseHeader: Self { .term(Term("term.place.header")) }
    /// A choice's `once`/`sticky` marks, as a place properties are written in.
    static var choiceRepetition: Self { .term(Term("term.place.choiceRepetition")) }
    /// Words joined as alternatives: `a, b or c`, `a、b 或 c`.
    static func alternatives(_ words: [String]) -> Self {
        guard words.count > 1, let last = words.last else { return .text(words.first ?? "") }
        return .term(Term("term.alternatives", .list(Array(words.dropLast())), .text(last)))
    }
}

extension ValueType {
    /// The type's bare name in messages: `number`, `flag`.
    var term: MessageArgument { .term(Term("term.type.\(rawValue)")) }
    /// The type with an article in messages: `a number`, `a flag (true or false)`, `text`.
    var articleTerm: MessageArgument { .term(Term("term.aType.\(rawValue)")) }
}
