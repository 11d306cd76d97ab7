/// A completion the client offers.
struct CompletionItem: Encodable, Hashable {
    var label: String
    /// 14 keyword, 6 variable, 3 function, 12 value, 5 field, 7 class…
    var kind: Int
    var detail: String?
    var sortText: String?
}

/// The answer to `textDocument/completion`.
struct CompletionList: Encodable {
    var isIncomplete = false
    var items: [CompletionItem]
}

/// The answer to `textDocument/hover`.
struct Hover: Encodable {
    var contents: MarkupContent
    var range: Range?
}

/// `textDocument/references`.
struct ReferenceParams: Decodable {
    struct Context: Decodable {
        var includeDeclaration: Bool
    }

    var textDocument: TextDocumentIdentifier
    var position: Position
    var context: Context?
}

/// `textDocument/rename`.
struct RenameParams: Decodable {
    var textDocument: TextDocumentIdentifier
    var position: Position
    var newName: String
}

/// The answer to `textDocument/prepareRename`.
struct PrepareRenameResult: Encodable {
    var range: Range
    var placeholder: String
}

/// A line of the outline.
struct DocumentSymbol: Encodable {
    var name: String
    var detail: String?
    /// 2 module, 5 class, 6 method, 7 property, 8 field, 12 function, 13 variable, 14 constant, 22 enum member…
    var kind: Int
    var range: Range
    var selectionRange: Range
    var children: [DocumentSymbol]?
}

/// A block that can be folded.
struct FoldingRange: Encodable, Hashable {
    var startLine: Int
    var endLine: Int
    var kind: String?
}

/// The answer to `textDocument/semanticTokens/full`.
struct SemanticTokens: Encodable {
    var data: [Int]
}

/// A lens above a line.
struct CodeLens: Encodable {
    var range: Range
    var command: Command?
}
