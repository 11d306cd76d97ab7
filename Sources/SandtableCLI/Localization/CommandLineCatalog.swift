import ArgumentParser
import Foundation
import Localization

/// The command line's own texts: `--help` abstracts, discussions and option help, and the errors of `validate()`,
/// in CommandLineCatalog+zh.swift and CommandLineCatalog+en.swift. swift-argument-parser's own messages (a missing
/// or unknown option, a bad value with the valid ones listed) stay in English: the library has no catalogue.
enum CommandLineCatalog {}

extension Catalog {
    /// The command line's catalogue.
    static let commandLine = Catalog(name: "commandLine", zh: CommandLineCatalog.zh, en: CommandLineCatalog.en)
}

/// The language of the help texts, chosen before the options are parsed: a `--lang` (or `--lang=`) anywhere on the
/// command line, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English: no exercise is known yet.
enum HelpText {
    /// The strings of the help, in the language this process's command line and locale ask for.
    static let strings = Strings(
        .commandLine,
        language: language(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment))

    /// The help's language for these arguments and this environment.
    static func language(arguments: [String], environment: [String: String]) -> UILanguage {
        var explicit: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count {
                explicit = arguments[index + 1]
            } else if argument.hasPrefix("--lang=") {
                explicit = String(argument.dropFirst("--lang=".count))
            }
        }
        return UILanguage.detect(explicit: explicit, environment: environment)
    }

    /// The help text of `key`.
    static subscript(_ key: String) -> String { strings[key] }

    /// An option's help with a value name.
    static func option(_ key: String, value: String) -> ArgumentHelp { ArgumentHelp(strings[key], valueName: value) }
}
