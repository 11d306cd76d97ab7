import ScenarioLanguage

extension LanguageServer {
    /// The outline of a document: its elements nested as they are declared (a scene's choices under it, a
    /// decision's options under it…).
    func documentSymbols(_ params: TextDocumentParams) -> [DocumentSymbol] {
        let analysis = workspace.analysis(of: params.textDocument.uri)
        let path = path(of: params.textDocument.uri)
        let file = analysis.file(path)
        let definitions = analysis.index.definitions
        let mine = definitions.indices.filter { definitions[$0].span.start.file == path }
        var children: [Int: [Int]] = [:]
        var roots: [Int] = []
        let inFile = Set(mine)
        for d in mine {
            if let c = definitions[d].container, inFile.contains(c) {
                children[c, default: []].append(d)
            } else {
                roots.append(d)
            }
        }
        func symbol(_ d: Int) -> DocumentSymbol {
            let definition = definitions[d]
            let last = definition.lines.upperBound
            let range = Range(
                start: Position(line: definition.lines.lowerBound - 1, character: 0),
                end: Position(line: last - 1, character: file.line(last).utf16.count))
            var selection = file.range(definition.span)
            if selection.start < range.start || range.end < selection.end { selection = range }
            let nested = children[d].map { $0.map(symbol) }
            return DocumentSymbol(
                name: definition.name, detail: definition.title, kind: Self.symbolKind(definition.kind), range: range,
                selectionRange: selection, children: nested)
        }
        return roots.map(symbol)
    }

    /// The blocks of a document that fold: every line with a block under it, and every `"""` narrative.
    func foldingRanges(_ params: TextDocumentParams) -> [FoldingRange] {
        let analysis = workspace.analysis(of: params.textDocument.uri)
        return analysis.index.lines(inFile: path(of: params.textDocument.uri)).compactMap { line in
            guard line.lastLine > line.line else { return nil }
            return FoldingRange(
                startLine: line.line - 1, endLine: line.lastLine - 1, kind: line.isText ? "comment" : nil)
        }
    }

    /// The symbol kind of an element.
    static func symbolKind(_ kind: ElementKind) -> Int {
        switch kind {
        case .role: 5  // class
        case .item: 19  // object
        case .party: 23  // struct
        case .measure: 16  // number
        case .variable: 13  // variable
        case .objective: 11  // interface
        case .ending: 14  // constant
        case .inject: 24  // event
        case .expectation: 8  // field
        case .action: 12  // function
        case .request, .duty: 6  // method
        case .scene: 3  // namespace
        case .choice, .option: 22  // enum member
        case .decision: 10  // enum
        case .discussion: 15  // string
        }
    }
}
