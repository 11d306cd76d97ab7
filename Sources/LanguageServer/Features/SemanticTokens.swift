import ScenarioLanguage

extension LanguageServer {
    /// The token types of the legend, by index.
    static let tokenTypes = [
        "keyword", "string", "number", "operator", "function", "class", "struct", "variable", "interface",
        "enumMember", "event", "property", "method", "namespace", "enum", "parameter", "comment",
    ]
    /// The token modifiers of the legend, by bit.
    static let tokenModifiers = ["declaration", "readonly"]

    /// Every word the grammar gives a meaning to somewhere, for colouring it as a keyword.
    static let keywordWords: Set<String> = {
        var words = Set(Vocabulary.declarations + Vocabulary.statements + Vocabulary.expressionWords)
        for keyword in Array(words) + ["expect", "option", "choice", "on", "accept", "refuse"] {
            words.formUnion(Vocabulary.blockWords(under: keyword) ?? [])
            let line = Vocabulary.lineWords(after: keyword)
            words.formUnion(line)
            for word in line + ["sensitivity", "rule", "fallback", "scores", "sharing", "peer", "language", "auto"] {
                words.formUnion(Vocabulary.values(after: word, onLineOf: keyword))
            }
        }
        words.formUnion(["all", "team", "else", "then", "include", "breach"])
        return words
    }()

    /// The semantic tokens of a document: ids coloured by the kind of element they name (and marked where they are
    /// declared), keywords, texts, narrative, numbers and operators, from the compiler's lexer and index.
    func semanticTokens(_ params: TextDocumentParams) -> SemanticTokens {
        let analysis = workspace.analysis(of: params.textDocument.uri)
        let path = path(of: params.textDocument.uri)
        let file = analysis.file(path)
        let index = analysis.index
        let functions = Set(Vocabulary.functions)
        let tokens = analysis.tokens(of: path)
        var data: [Int] = []
        data.reserveCapacity(tokens.count * 5)
        var previous = Position(line: 0, character: 0)
        for (i, token) in tokens.enumerated() {
            var type: String?
            var modifiers = 0
            switch token.kind {
            case .word(let word):
                switch index.occurrence(at: token.span.start) {
                case .definition(let d):
                    type = Self.tokenType(index.definitions[d].kind)
                    modifiers = 1
                case .reference(let r):
                    let reference = index.references[r]
                    type = Self.tokenType(reference.definition.map { index.definitions[$0].kind } ?? reference.kind)
                case nil:
                    let call: Bool
                    if i + 1 < tokens.count, case .symbol("(") = tokens[i + 1].kind {
                        call = true
                    } else {
                        call = false
                    }
                    if call && functions.contains(word) {
                        type = "function"
                    } else if Self.keywordWords.contains(word) || ["P", "S", "M", "U"].contains(word) {
                        type = "keyword"
                    }
                }
            case .text, .narrative: type = "string"
            case .number, .duration, .clock, .percent: type = "number"
            case .symbol(let s): type = [",", "(", ")", ".."].contains(s) ? nil : "operator"
            case .invalid: type = nil
            }
            guard let type, let typeIndex = Self.tokenTypes.firstIndex(of: type) else { continue }
            let range = file.range(token.span)
            guard range.end.line == range.start.line, range.end.character > range.start.character else { continue }
            let deltaLine = range.start.line - previous.line
            let deltaStart = deltaLine == 0 ? range.start.character - previous.character : range.start.character
            guard deltaLine > 0 || deltaStart >= 0 else { continue }
            data += [deltaLine, deltaStart, range.end.character - range.start.character, typeIndex, modifiers]
            previous = range.start
        }
        return SemanticTokens(data: data)
    }

    /// The token type of an element's id.
    static func tokenType(_ kind: ElementKind) -> String {
        switch kind {
        case .role: "class"
        case .item: "struct"
        case .party: "struct"
        case .measure, .variable: "variable"
        case .objective: "interface"
        case .ending, .choice, .option: "enumMember"
        case .inject: "event"
        case .expectation: "property"
        case .action, .request, .duty: "method"
        case .scene: "namespace"
        case .decision: "enum"
        case .discussion: "parameter"
        }
    }
}
