import Foundation

/// The language of the user interface.
public enum UILanguage: String, Sendable, CaseIterable {
    /// Simplified Chinese.
    case zh
    /// English.
    case en

    /// Parses a `--lang` value: `zh`, `en`, or a locale tag that starts with one of them (`zh-Hans`, `en_GB`),
    /// ignoring case. Nil for anything else.
    public init?(argument: String) {
        let tag = argument.trimmingCharacters(in: .whitespaces).lowercased()
        if tag == "zh" || tag.hasPrefix("zh-") || tag.hasPrefix("zh_") {
            self = .zh
        } else if tag == "en" || tag.hasPrefix("en-") || tag.hasPrefix("en_") {
            self = .en
        } else {
            return nil
        }
    }

    /// Chooses the language: an explicit `--lang` value wins when it parses (see ``init(argument:)``); else the
    /// first non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG` decides — `zh` if it starts with "zh", else `en`.
    public static func detect(explicit: String?, environment: [String: String]) -> UILanguage {
        if let explicit, let language = UILanguage(argument: explicit) {
            return language
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}

/// The key of a UI string, a dotted name such as `"cmd.help.summary"`. Write keys as string literals.
public struct StringKey: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The dotted name.
    public let rawValue: String

    /// Creates a key from its dotted name.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a key from a string literal.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// The dotted name.
    public var description: String { rawValue }
}

/// The UI strings of one language, with `{0}`, `{1}`… placeholders filled in by position.
///
/// To add a string, add the same key to both `Catalog.zh` (Catalog+zh.swift) and `Catalog.en`
/// (Catalog+en.swift) with the same placeholders; a test checks that the catalogues agree.
/// A key missing from the chosen language falls back to English, then to the key itself, so a slip shows up
/// as a visible key rather than a crash.
public struct Strings: Sendable {
    /// The language of these strings.
    public let language: UILanguage

    /// The strings of `language`.
    public init(language: UILanguage) {
        self.language = language
    }

    /// The template for `key`, placeholders left as they are.
    public subscript(key: StringKey) -> String {
        Catalog.table(for: language)[key.rawValue] ?? Catalog.en[key.rawValue] ?? key.rawValue
    }

    /// The string for `key` with `{0}`, `{1}`… replaced by `arguments` in order.
    public func callAsFunction(_ key: StringKey, _ arguments: String...) -> String {
        format(key, arguments: arguments)
    }

    /// The string for `key` with `{0}`, `{1}`… replaced by `arguments` in order; a placeholder without an
    /// argument is left as written. Arguments are inserted verbatim, never themselves expanded.
    public func format(_ key: StringKey, arguments: [String]) -> String {
        Self.substitute(self[key], arguments: arguments)
    }

    /// Fills the `{N}` placeholders of `template` in a single pass.
    static func substitute(_ template: String, arguments: [String]) -> String {
        guard template.contains("{") else {
            return template
        }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
                let index = Int(rest[afterOpen..<close]), rest[afterOpen..<close].allSatisfy(\.isASCII),
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
    static func placeholders(in template: String) -> Set<Int> {
        var found: Set<Int> = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let index = Int(rest[afterOpen..<close]),
                rest[afterOpen..<close].allSatisfy(\.isASCII)
            {
                found.insert(index)
                rest = rest[rest.index(after: close)...]
            } else {
                rest = rest[afterOpen...]
            }
        }
        return found
    }
}

/// The string catalogues, one dictionary per language, defined in Catalog+zh.swift and Catalog+en.swift.
enum Catalog {
    /// The catalogue of `language`.
    static func table(for language: UILanguage) -> [String: String] {
        switch language {
        case .zh: zh
        case .en: en
        }
    }
}
