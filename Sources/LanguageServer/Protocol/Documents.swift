/// `textDocument/didOpen`.
struct DidOpenTextDocumentParams: Decodable {
    var textDocument: TextDocumentItem
}

/// One change of a document: a range replaced, or (without a range) the whole text.
public struct TextDocumentContentChangeEvent: Codable, Hashable, Sendable {
    /// What is replaced; nil for the whole document.
    public var range: Range?
    /// The new text.
    public var text: String

    /// Creates a change.
    public init(range: Range?, text: String) {
        self.range = range
        self.text = text
    }
}

/// `textDocument/didChange`.
struct DidChangeTextDocumentParams: Decodable {
    var textDocument: VersionedTextDocumentIdentifier
    var contentChanges: [TextDocumentContentChangeEvent]
}

/// `textDocument/didClose` and the requests that name only a document.
struct TextDocumentParams: Decodable {
    var textDocument: TextDocumentIdentifier
}

/// A diagnostic as the protocol shows it.
struct LSPDiagnostic: Codable, Hashable {
    /// A related place, with what it says.
    struct Related: Codable, Hashable {
        var location: Location
        var message: String
    }

    var range: Range
    /// 1 error, 2 warning, 3 information, 4 hint.
    var severity: Int
    var code: String
    var source = "sandtable"
    var message: String
    var relatedInformation: [Related]?
}

/// `textDocument/publishDiagnostics`.
struct PublishDiagnosticsParams: Encodable {
    var uri: String
    var version: Int?
    var diagnostics: [LSPDiagnostic]
}

/// `textDocument/codeAction`.
struct CodeActionParams: Decodable {
    struct Context: Decodable {
        var diagnostics: [LSPDiagnostic]
    }

    var textDocument: TextDocumentIdentifier
    var range: Range
    var context: Context
}

/// A fix the client can apply.
struct CodeAction: Encodable {
    var title: String
    var kind = "quickfix"
    var diagnostics: [LSPDiagnostic]
    var isPreferred: Bool
    var edit: WorkspaceEdit
}
