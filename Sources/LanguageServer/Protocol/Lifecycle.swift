/// The parts of `initialize`'s parameters the server reads.
struct InitializeParams: Decodable {
    /// The client's user-interface locale (`zh-cn`, `en`), if it says.
    var locale: String?
    /// The workspace's root, if any.
    var rootUri: String?
}

/// The answer to `initialize`: what the server can do.
struct InitializeResult: Encodable {
    var capabilities: ServerCapabilities
    var serverInfo: ServerInfo
}

/// The server's name and version.
struct ServerInfo: Encodable {
    var name: String
    var version: String
}

/// What the server offers.
struct ServerCapabilities: Encodable {
    struct SyncOptions: Encodable {
        var openClose = true
        /// 2: incremental changes.
        var change = 2
    }

    struct CompletionOptions: Encodable {
        var triggerCharacters: [String]
        var resolveProvider = false
    }

    struct RenameOptions: Encodable {
        var prepareProvider = true
    }

    struct SemanticTokensOptions: Encodable {
        var legend: SemanticTokensLegend
        var full = true
        var range = false
    }

    struct CodeLensOptions: Encodable {
        var resolveProvider = false
    }

    struct CodeActionOptions: Encodable {
        var codeActionKinds = ["quickfix"]
    }

    var positionEncoding = "utf-16"
    var textDocumentSync = SyncOptions()
    var codeActionProvider = CodeActionOptions()
    var completionProvider: CompletionOptions?
    var hoverProvider: Bool?
    var definitionProvider: Bool?
    var referencesProvider: Bool?
    var renameProvider: RenameOptions?
    var documentSymbolProvider: Bool?
    var foldingRangeProvider: Bool?
    var semanticTokensProvider: SemanticTokensOptions?
    var codeLensProvider: CodeLensOptions?
}

/// The token types and modifiers of semantic tokens, by index.
struct SemanticTokensLegend: Encodable {
    var tokenTypes: [String]
    var tokenModifiers: [String]
}
