import Localization
import ScenarioLanguage

extension LanguageServer {
    /// Completion at a position: the words that may stand there by the grammar (``Vocabulary``), and the ids of the
    /// kind the place needs, from the index (also of an exercise with errors).
    func completion(_ params: TextDocumentPositionParams) -> CompletionList {
        let analysis = workspace.analysis(of: params.textDocument.uri)
        let path = path(of: params.textDocument.uri)
        let file = analysis.file(path)
        let cursor = file.location(params.position)
        let line = cursor.line
        // Nothing to complete in narrative.
        if analysis.index.lines(inFile: path).contains(where: { $0.isText && $0.line <= line && line <= $0.lastLine }) {
            return CompletionList(items: [])
        }
        // The line alone, lexed as the compiler lexes it: what comes before the cursor decides.
        let tokens = SourceFile(path: path, text: String(file.line(line))).tokens.filter {
            $0.span.start.line == 1 && $0.span.start.column + $0.span.length <= cursor.column
        }
        // The word being typed is left to the client's filter; the context is what comes before it.
        var before = tokens
        if let last = before.last, case .word = last.kind, last.span.start.column + last.span.length == cursor.column {
            before.removeLast()
        }
        guard let first = before.first else {
            return CompletionList(items: keywords(lineStartWords(analysis, path: path, line: line, file: file)))
        }
        let keyword = Self.word(first) ?? ""
        var items: [CompletionItem] = []
        if let call = Self.openCall(before) {
            if let kinds = Vocabulary.argumentKinds(of: call.function), call.argument < kinds.count {
                for kind in kinds[call.argument] {
                    items += ids(of: kind, in: analysis, within: call.first)
                }
                if ["shared", "shared_at"].contains(call.function) && call.argument == 1 { items += keywords(["all"]) }
            } else {
                items += expressionItems(analysis)
            }
            return CompletionList(items: items)
        }
        // The word that governs the place: the last word before the cursor, or before the list it continues.
        var governing: String?
        var i = before.count - 1
        while i >= 0 {
            let token = before[i]
            if case .symbol(",") = token.kind {
                i -= 2  // a comma and the id before it
                continue
            }
            governing = Self.word(token)
            break
        }
        if before.count == 1 { governing = keyword }
        if let word = governing {
            if let kind = Vocabulary.idKind(after: word, onLineOf: keyword) {
                items += ids(of: kind, in: analysis)
                if kind == .role && ["with", "to"].contains(word) { items += keywords(["all"]) }
                if kind == .variable { items += ids(of: .measure, in: analysis) }
                return CompletionList(items: items)
            }
            let values = Vocabulary.values(after: word, onLineOf: keyword)
            if !values.isEmpty { return CompletionList(items: keywords(values)) }
        }
        if Self.expressionKeywords.contains(keyword) || Self.expressionKeywords.contains(governing ?? "") {
            items += expressionItems(analysis)
        }
        items += keywords(Vocabulary.lineWords(after: keyword))
        return CompletionList(items: items)
    }

    /// Words after which an expression follows.
    static let expressionKeywords: Set<String> = ["if", "elif", "when", "P", "S", "M", "and", "or", "not"]

    /// The word of a token, if it is one.
    static func word(_ token: LexicalToken) -> String? {
        if case .word(let w) = token.kind { return w }
        return nil
    }

    /// The innermost call whose `(` is not closed before the cursor: its function, which argument the cursor is in,
    /// and the first argument's id (to complete a decision's options).
    static func openCall(_ tokens: [LexicalToken]) -> (function: String, argument: Int, first: String?)? {
        var depth = 0
        var argument = 0
        var i = tokens.count - 1
        while i >= 0 {
            if case .symbol(let s) = tokens[i].kind {
                if s == ")" {
                    depth += 1
                } else if s == "," && depth == 0 {
                    argument += 1
                } else if s == "(" {
                    if depth == 0 {
                        guard i > 0, let function = word(tokens[i - 1]) else { return nil }
                        let first = i + 1 < tokens.count ? word(tokens[i + 1]) : nil
                        return (function, argument, argument > 0 ? first : nil)
                    }
                    depth -= 1
                }
            }
            i -= 1
        }
        return nil
    }

    /// The words that may start line `line`: the declarations at the top level, else what the block it sits in
    /// holds (a scene's statements, an effect block's effects, a role's properties…).
    private func lineStartWords(_ analysis: Analysis, path: String, line: Int, file: SourceFile) -> [String] {
        let text = file.line(line)
        let indent = text.prefix { $0 == " " || $0 == "\t" }
        let width = indent.reduce(0) { $1 == "\t" ? ($0 / 4 + 1) * 4 : $0 + 1 }
        guard width > 0 else { return Vocabulary.declarations }
        let outline = analysis.index.lines(inFile: path)
        // The nearest line above with less indentation is the block's head; for `if`, `else` and `chance`, the
        // blocks above it decide between a scene's statements and effects.
        var parent = outline.last { $0.line < line && $0.indentWidth < width && !$0.isText }
        while let p = parent {
            if let keyword = p.keyword, let words = Vocabulary.blockWords(under: keyword) { return words }
            parent = p.parent.map { analysis.index.lines[$0] }
        }
        return Vocabulary.effects
    }

    /// Keywords as completion items.
    func keywords(_ words: [String]) -> [CompletionItem] {
        words.map { CompletionItem(label: $0, kind: 14, detail: nil, sortText: "2" + $0) }
    }

    /// The ids of one kind, with the kind and the title as detail; for options, those of decision `within` when
    /// it is given.
    func ids(of kind: ElementKind, in analysis: Analysis, within decision: String? = nil) -> [CompletionItem] {
        let kindName = kind.name(in: analysis.language)
        var seen: Set<String> = []
        var items: [CompletionItem] = []
        for d in analysis.index.definitions(of: kind) {
            if let decision, kind == .option, !d.qualifiedName.hasPrefix(decision + ".") { continue }
            guard seen.insert(d.name).inserted else { continue }
            let detail = d.title.map { "\(kindName) · \($0)" } ?? kindName
            items.append(
                CompletionItem(label: d.name, kind: Self.completionKind(kind), detail: detail, sortText: "1" + d.name))
        }
        return items
    }

    /// What an expression may hold: functions, the words of expressions, variables and measures.
    private func expressionItems(_ analysis: Analysis) -> [CompletionItem] {
        Vocabulary.functions.sorted().map { CompletionItem(label: $0, kind: 3, detail: nil, sortText: "3" + $0) }
            + keywords(Vocabulary.expressionWords) + ids(of: .variable, in: analysis) + ids(of: .measure, in: analysis)
    }

    /// The completion item kind of an id.
    static func completionKind(_ kind: ElementKind) -> Int {
        switch kind {
        case .role: 7  // class
        case .item: 5  // field
        case .measure, .variable: 6  // variable
        case .scene: 9  // module
        case .choice, .option, .ending: 20  // enum member
        case .inject: 23  // event
        case .action, .request: 3  // function
        default: 12  // value
        }
    }
}
