/// One module's user-interface strings in both languages, looked up through ``Strings``.
///
/// Every module that speaks to people owns one catalogue and declares it beside its code:
///
/// ```swift
/// extension Catalog {
///     static let console = Catalog(name: "console", zh: ConsoleCatalog.zh, en: ConsoleCatalog.en)
/// }
/// let s = Strings(.console, language: .zh)
/// s("error.unknownRole", "trasport")
/// ```
///
/// Keys are dotted names (`error.unknownRole`); values are templates with `{0}`, `{1}`… placeholders filled by
/// position. A catalogue includes ``common`` (words shared by every module, such as the sensitivity levels) unless
/// told otherwise; its own entries may not redefine an included key. ``problems`` lists what a test should
/// reject: a key in one language only, placeholders that differ between the languages, gaps in their numbering,
/// empty texts, keys that are not dotted, keys defined twice.
public struct Catalog: Sendable {
    /// The catalogue's name, for messages (`console`, `debrief`).
    public let name: String
    /// The catalogue's own entries per language, without the included ones.
    public let own: [UILanguage: [String: String]]
    /// The included catalogues, consulted after the catalogue's own entries.
    public let included: [Catalog]
    /// Own and included entries together, per language.
    private let merged: [UILanguage: [String: String]]

    /// Creates a catalogue from its Chinese and English tables.
    ///
    /// - Parameters:
    ///   - name: the catalogue's name, for messages.
    ///   - zh: the Chinese templates by key.
    ///   - en: the English templates by key; the keys and placeholders must be the same as in `zh`.
    ///   - including: catalogues whose entries this one also answers for (by default ``common``).
    public init(name: String, zh: [String: String], en: [String: String], including: [Catalog] = [.common]) {
        self.name = name
        own = [.zh: zh, .en: en]
        included = including
        var merged: [UILanguage: [String: String]] = [:]
        for language in UILanguage.allCases {
            var table = language == .zh ? zh : en
            for catalog in including {
                // The catalogue's own entry wins; `problems` reports the clash.
                table.merge(catalog.entries(language)) { own, _ in own }
            }
            merged[language] = table
        }
        self.merged = merged
    }

    /// Every entry of `language`, own and included.
    public func entries(_ language: UILanguage) -> [String: String] {
        merged[language] ?? [:]
    }

    /// What is wrong with the catalogue, one sentence each; empty when it is sound.
    public var problems: [String] {
        var found: [String] = []
        let zh = own[.zh] ?? [:]
        let en = own[.en] ?? [:]
        for key in Set(zh.keys).subtracting(en.keys).sorted() {
            found.append("\(name): '\(key)' is only in Chinese")
        }
        for key in Set(en.keys).subtracting(zh.keys).sorted() {
            found.append("\(name): '\(key)' is only in English")
        }
        for key in en.keys.sorted() {
            let english = en[key] ?? ""
            if !key.contains(".") || key.contains(" ") {
                found.append("\(name): '\(key)' is not a dotted name")
            }
            if english.isEmpty || zh[key]?.isEmpty == true {
                found.append("\(name): '\(key)' is empty")
            }
            let numbers = Template.placeholders(in: english)
            if let chinese = zh[key], Template.placeholders(in: chinese) != numbers {
                found.append("\(name): '\(key)' has other placeholders in Chinese than in English")
            }
            if numbers != Set(0..<numbers.count) {
                found.append("\(name): '\(key)' numbers its placeholders with a gap")
            }
            for catalog in included where catalog.entries(.en)[key] != nil {
                found.append("\(name): '\(key)' is already defined by '\(catalog.name)'")
            }
        }
        return found + included.flatMap(\.problems)
    }
}

/// The strings of one catalogue in one language, with placeholders filled in.
///
/// A key missing from the chosen language falls back to English, then shows as `⟦key⟧`, so a slip is visible in
/// the output rather than a crash (tests keep rendered text free of `⟦`).
public struct Strings: Sendable {
    /// The catalogue looked up.
    public let catalog: Catalog
    /// The language of these strings.
    public let language: UILanguage
    private let table: [String: String]
    private let english: [String: String]

    /// The strings of `catalog` in `language`.
    public init(_ catalog: Catalog, language: UILanguage) {
        self.catalog = catalog
        self.language = language
        table = catalog.entries(language)
        english = catalog.entries(.en)
    }

    /// The template of `key`, placeholders left as they are.
    public subscript(key: String) -> String {
        table[key] ?? english[key] ?? "⟦\(key)⟧"
    }

    /// Whether the catalogue has `key`.
    public func has(_ key: String) -> Bool { table[key] != nil }

    /// The text of `key` with `{0}`, `{1}`… replaced by `arguments` in order.
    public func callAsFunction(_ key: String, _ arguments: String...) -> String {
        format(key, arguments: arguments)
    }

    /// The text of `key` with `{0}`, `{1}`… replaced by `arguments` in order; a placeholder without an argument is
    /// left as written. Arguments are inserted verbatim, never themselves expanded.
    public func format(_ key: String, arguments: [String]) -> String {
        Template.substitute(self[key], arguments: arguments)
    }

    /// A text about a count, in the plural form the language uses for it; `{0}` is the count, `{1}`… are
    /// `arguments`.
    ///
    /// A plural entry writes its forms apart with `|`, singular first: `"{0} error|{0} errors"` in English,
    /// `"{0} 个错误"` in Chinese (one form: Chinese nouns do not inflect).
    public func plural(_ key: String, count: Int, _ arguments: String...) -> String {
        let forms = Template.forms(self[key])
        let form = language.pluralForm(count)
        return Template.substitute(forms[min(form, forms.count - 1)], arguments: [String(count)] + arguments)
    }

    /// A scenario duration in this language: `2 小时 30 分` or `2h 30m` (see ``ClockFormat/duration(_:language:)``).
    public func duration(_ minutes: Int) -> String { ClockFormat.duration(minutes, language: language) }

    /// The separator of a list of names: `、` in Chinese, `, ` in English.
    public var listSeparator: String { language == .zh ? "、" : ", " }

    /// A label's colon before what it introduces: full-width `：` in Chinese, `: ` in English.
    public var colon: String { language == .zh ? "：" : ": " }

    /// `text` in brackets after what it explains: full-width `（text）` in Chinese, ` (text)` in English.
    public func bracketed(_ text: String) -> String { language == .zh ? "（" + text + "）" : " (" + text + ")" }
}

extension UILanguage {
    /// The plural form of `count`: 0 (singular) or 1 (plural) in English; always 0 in Chinese.
    func pluralForm(_ count: Int) -> Int {
        switch self {
        case .zh: 0
        case .en: count == 1 ? 0 : 1
        }
    }
}

/// Templates with `{N}` placeholders.
package enum Template {
    /// Fills the `{N}` placeholders of `template` in a single pass.
    package static func substitute(_ template: String, arguments: [String]) -> String {
        guard template.contains("{") else {
            return template
        }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let index = number(rest[afterOpen..<close]),
                arguments.indices.contains(index)
            {
                result += arguments[index]
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        result += rest
        return result
    }

    /// The placeholder numbers used in `template`, e.g. `[0, 1]` for "from {0} to {1}".
    package static func placeholders(in template: String) -> Set<Int> {
        var found: Set<Int> = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let index = number(rest[afterOpen..<close]) {
                found.insert(index)
                rest = rest[rest.index(after: close)...]
            } else {
                rest = rest[afterOpen...]
            }
        }
        return found
    }

    /// The plural forms of a template, split at `|`.
    package static func forms(_ template: String) -> [String] {
        template.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    }

    /// The number of a placeholder's digits, nil unless they are ASCII digits only.
    private static func number(_ digits: Substring) -> Int? {
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}
