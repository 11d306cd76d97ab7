import Localization

extension Catalog {
    /// The texts of every diagnostic, note and fix-it of the scenario language, and the words around them
    /// (severities, kinds of element, types), in Chinese and English.
    public static let diagnostics = Catalog(name: "diagnostics", zh: DiagnosticCatalog.zh, en: DiagnosticCatalog.en)
}

/// The diagnostics' catalogue: its tables are in DiagnosticCatalog+zh.swift and DiagnosticCatalog+en.swift.
///
/// A diagnostic's key is its code and the message's name (`E0201.unknownElement`); notes, fix-its and terms use
/// `note.…`, `fixit.…` and `term.…`. Keep the keys and placeholders of the two tables the same: a test checks.
enum DiagnosticCatalog {
    /// The text of `key` in `language`, with `arguments` filled in (terms translated, lists joined).
    static func text(_ key: String, in language: UILanguage, arguments: [MessageArgument] = []) -> String {
        let strings = Strings(.diagnostics, language: language)
        let filled = arguments.map { argument -> String in
            switch argument {
            case .text(let text): text
            case .term(let term): text(term.key, in: language, arguments: term.arguments)
            case .list(let items): items.joined(separator: strings.listSeparator)
            }
        }
        return strings.format(key, arguments: filled)
    }
}
