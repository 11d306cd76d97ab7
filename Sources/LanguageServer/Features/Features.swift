import Foundation

extension LanguageServer {
    /// What the server offers, as `initialize` answers it.
    static var capabilities: ServerCapabilities {
        var c = ServerCapabilities()
        c.completionProvider = .init(triggerCharacters: [" ", "(", ","])
        c.hoverProvider = true
        c.definitionProvider = true
        c.referencesProvider = true
        c.renameProvider = .init()
        c.documentSymbolProvider = true
        c.foldingRangeProvider = true
        c.semanticTokensProvider = .init(
            legend: SemanticTokensLegend(tokenTypes: tokenTypes, tokenModifiers: tokenModifiers))
        c.codeLensProvider = .init()
        return c
    }

    /// Answers a request of a language feature.
    func feature(_ method: String, id: RequestID, _ data: Data) throws {
        switch method {
        case "textDocument/completion": reply(id, completion(try decode(data)))
        case "textDocument/hover": reply(id, hover(try decode(data)))
        case "textDocument/definition": reply(id, definition(try decode(data)))
        case "textDocument/references": reply(id, references(try decode(data)))
        case "textDocument/prepareRename": reply(id, try prepareRename(try decode(data)))
        case "textDocument/rename": reply(id, try rename(try decode(data)))
        case "textDocument/documentSymbol": reply(id, documentSymbols(try decode(data)))
        case "textDocument/foldingRange": reply(id, foldingRanges(try decode(data)))
        case "textDocument/semanticTokens/full": reply(id, semanticTokens(try decode(data)))
        case "textDocument/codeLens": codeLenses(try decode(data), id: id)
        default: throw ResponseError.methodNotFound(method)
        }
    }
}
