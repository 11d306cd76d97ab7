import ArgumentParser
import Authoring
import Console
import Debrief
import Localization

// Options that several commands share, each group declared once and included with `@OptionGroup`, and the value
// types that swift-argument-parser parses and validates itself (a bad value gets its error, listing the valid
// values, before any command runs).

/// `--color auto|always|never`: when to colour what the command prints.
struct ColorOptions: ParsableArguments {
    @Option(help: "When to colour the output: on a terminal only (auto), always or never.")
    var color: ColorMode = .auto
}

/// `--lang zh|en`: the language of the command's messages and reports.
struct LanguageOptions: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "Language of the messages: zh or en (default: the locale's; under the C or POSIX locale, the exercise's "
                + "or the session's).",
            valueName: "lang"))
    var language: UILanguage?
}

/// `--key-file PATH`: the facilitator's HMAC key for signed transcripts.
struct KeyFileOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A file holding the facilitator's HMAC key (default: $SANDTABLE_HMAC_KEY).", valueName: "path"))
    var keyFile: String?
}

/// `--exercise PATH`: the exercise to replay a transcript against.
struct ExerciseOverrideOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The exercise (.ttx) to replay against (default: the one the transcript names).", valueName: "path"))
    var exercise: String?
}

/// `-o, --output PATH`: a file to write instead of standard output.
struct OutputFileOptions: ParsableArguments {
    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Write to this file instead of standard output ('-' for standard output).", valueName: "path"))
    var output: String?
}

/// The output of `check`, `simulate` and `explore`: text for people, JSON for programs.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    /// Text for people.
    case text
    /// JSON for programs.
    case json
}

/// `--format text|json`.
struct ReportFormatOptions: ParsableArguments {
    @Option(help: "Output format.") var format: ReportFormat = .text

    /// Whether JSON was asked for.
    var json: Bool { format == .json }
}

extension ColorMode: ExpressibleByArgument {}

extension UILanguage: ExpressibleByArgument {}

extension GraphFormat: ExpressibleByArgument {}

extension DebriefFormat: ExpressibleByArgument {
    /// `md` (or `markdown`), `html` or `json`.
    public init?(argument: String) {
        self.init(rawValue: argument == "markdown" ? "md" : argument)
    }
}
