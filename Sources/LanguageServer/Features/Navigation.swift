import Localization
import ScenarioLanguage

extension LanguageServer {
    /// The occurrence of an id at a position, in the compile of the document's exercise.
    func occurrence(_ params: TextDocumentPositionParams) -> (Analysis, SourceIndex.Occurrence, SourceSpan)? {
        let analysis = workspace.analysis(of: params.textDocument.uri)
        let location = analysis.file(path(of: params.textDocument.uri)).location(params.position)
        guard let occurrence = analysis.index.occurrence(at: location) else { return nil }
        let span =
            switch occurrence {
            case .definition(let d): analysis.index.definitions[d].span
            case .reference(let r): analysis.index.references[r].span
            }
        return (analysis, occurrence, span)
    }

    /// Where the id at a position is declared.
    func definition(_ params: TextDocumentPositionParams) -> Location? {
        guard let (analysis, occurrence, _) = self.occurrence(params) else { return nil }
        let d: Int?
        switch occurrence {
        case .definition(let i): d = i
        case .reference(let r): d = analysis.index.references[r].definition
        }
        guard let d else { return nil }
        return location(analysis.index.definitions[d].span, in: analysis)
    }

    /// Every use of the id at a position, in every file of the exercise, and its declaration when asked.
    func references(_ params: ReferenceParams) -> [Location] {
        let position = TextDocumentPositionParams(textDocument: params.textDocument, position: params.position)
        guard let (analysis, occurrence, _) = self.occurrence(position) else { return [] }
        let index = analysis.index
        guard let d = index.definition(at: location(of: occurrence, in: analysis)) else { return [] }
        var spans = index.references(to: d).map(\.span)
        if params.context?.includeDeclaration ?? true { spans.insert(index.definitions[d].span, at: 0) }
        return spans.map { location($0, in: analysis) }
    }

    /// The id that a rename at a position would change; an error with a message where there is none (code
    /// -32803, `RequestFailed`).
    func prepareRename(_ params: TextDocumentPositionParams) throws -> PrepareRenameResult {
        guard let (analysis, occurrence, span) = self.occurrence(params),
            analysis.index.definition(at: location(of: occurrence, in: analysis)) != nil
        else {
            let language = workspace.analysis(of: params.textDocument.uri).language
            throw ResponseError(code: -32803, message: Strings(.languageServer, language: language)["rename.noID"])
        }
        let name =
            switch occurrence {
            case .definition(let d): analysis.index.definitions[d].name
            case .reference(let r): analysis.index.references[r].name
            }
        return PrepareRenameResult(range: analysis.range(span), placeholder: name)
    }

    /// The edits that rename the id at a position, its declaration and every use, across the exercise's files.
    ///
    /// Refused with a message when there is no id there, when the new name is not one id as the lexer reads it, when
    /// it is a reserved word, or when another element of the same kind has it.
    func rename(_ params: RenameParams) throws -> WorkspaceEdit {
        let position = TextDocumentPositionParams(textDocument: params.textDocument, position: params.position)
        var analysis = workspace.analysis(of: params.textDocument.uri)
        let strings = Strings(.languageServer, language: analysis.language)
        guard let (found, occurrence, _) = self.occurrence(position),
            let d = found.index.definition(at: location(of: occurrence, in: found))
        else { throw ResponseError(code: -32803, message: strings["rename.noID"]) }
        analysis = found
        let newName = params.newName
        let lexed = SourceFile(path: "", text: newName).tokens
        guard lexed.count == 1, case .word(let word) = lexed[0].kind, word == newName else {
            throw ResponseError(code: -32602, message: strings("rename.invalid", newName))
        }
        if Vocabulary.reservedWords.contains(newName) {
            throw ResponseError(code: -32602, message: strings("rename.reserved", newName))
        }
        let definition = analysis.index.definitions[d]
        let qualified =
            definition.kind == .option
            ? String(definition.qualifiedName.dropLast(definition.name.count)) + newName : newName
        if let other = analysis.index.definitions(of: definition.kind).first(where: { $0.qualifiedName == qualified }),
            other != definition
        {
            throw ResponseError(
                code: -32602,
                message: strings(
                    "rename.taken", newName, definition.kind.name(in: analysis.language), other.title ?? other.name))
        }
        var changes: [String: [TextEdit]] = [:]
        for span in [definition.span] + analysis.index.references(to: d).map(\.span) {
            changes[workspace.uri(of: span.start.file), default: []].append(
                TextEdit(range: analysis.range(span), newText: newName))
        }
        return WorkspaceEdit(changes: changes)
    }

    /// The start of an occurrence's span.
    private func location(of occurrence: SourceIndex.Occurrence, in analysis: Analysis) -> SourceLocation {
        switch occurrence {
        case .definition(let d): analysis.index.definitions[d].span.start
        case .reference(let r): analysis.index.references[r].span.start
        }
    }

    /// A span as a location the client opens.
    func location(_ span: SourceSpan, in analysis: Analysis) -> Location {
        Location(uri: workspace.uri(of: span.start.file), range: analysis.range(span))
    }
}
