import Foundation

/// The language of the user interface: what the tool itself says (prompts, messages, reports), never the
/// exercise's own texts, which stay as their author wrote them.
public enum UILanguage: String, Sendable, CaseIterable {
    /// Simplified Chinese.
    case zh
    /// English.
    case en

    /// Parses a `--lang` value: `zh`, `en`, or a locale tag that starts with one of them (`zh-Hans`, `en_GB`),
    /// ignoring case and surrounding spaces. Nil for anything else.
    public init?(argument: String) {
        let tag = argument.trimmingCharacters(in: .whitespaces).lowercased()
        if Self.tag(tag, is: "zh") {
            self = .zh
        } else if Self.tag(tag, is: "en") {
            self = .en
        } else {
            return nil
        }
    }

    /// Chooses the language of the interface.
    ///
    /// 1. An explicit `--lang` value wins when it parses (see ``init(argument:)``).
    /// 2. Else the first non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG` decides, `zh` when it starts with "zh" and
    ///    `en` otherwise, unless it is the C or POSIX locale (`C`, `C.UTF-8`, `POSIX`), which says nothing about
    ///    the reader's language.
    /// 3. Else (no locale, or the C locale) the language of the content decides: an exercise or transcript whose
    ///    `language` is `zh-*` gives Chinese.
    /// 4. Else English.
    ///
    /// - Parameters:
    ///   - explicit: the `--lang` value, if one was given.
    ///   - environment: the process environment (only the locale variables are read).
    ///   - contentLanguage: the language tag of what is shown, e.g. an exercise's `language zh-Hans`.
    public static func detect(
        explicit: String?, environment: [String: String], contentLanguage: String? = nil
    ) -> UILanguage {
        if let explicit, let language = UILanguage(argument: explicit) {
            return language
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            if isNeutralLocale(value) { break }
            return value.lowercased().hasPrefix("zh") ? .zh : .en
        }
        if let contentLanguage, UILanguage(argument: contentLanguage) == .zh {
            return .zh
        }
        return .en
    }

    /// Whether a locale name is the C/POSIX locale, with or without a codeset (`C`, `C.UTF-8`, `POSIX`).
    static func isNeutralLocale(_ value: String) -> Bool {
        let name = value.split(separator: ".", maxSplits: 1).first.map(String.init) ?? value
        return name == "C" || name == "POSIX"
    }

    /// Whether `tag` (lowercased) is `base` or starts with `base-` or `base_`.
    private static func tag(_ tag: String, is base: String) -> Bool {
        tag == base || tag.hasPrefix(base + "-") || tag.hasPrefix(base + "_")
    }
}
