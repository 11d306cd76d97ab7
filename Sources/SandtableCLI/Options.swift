import ArgumentParser
import Authoring
import Console
import Debrief
import Foundation
import Localization

// Options that several commands share, each group declared once and included with `@OptionGroup`, and the value
// types that swift-argument-parser parses and validates itself (a bad value gets its error, listing the valid
// values, before any command runs).

/// `--color auto|always|never`: when to colour what the command prints.
struct ColorOptions: ParsableArguments {
    @Option(help: ArgumentHelp(HelpText["option.color"])) var color: ColorMode = .auto
}

/// `--lang zh|en`: the language of the command's messages and reports.
struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: HelpText.option("option.lang", value: "lang")) var language: UILanguage?

    /// The command line's strings in the language asked for, else the locale's: for `validate()`'s errors.
    var strings: Strings {
        Strings(
            .commandLine,
            language: UILanguage.detect(explicit: language?.rawValue, environment: ProcessInfo.processInfo.environment))
    }
}

/// `--key-file PATH`: the facilitator's HMAC key for signed transcripts.
struct KeyFileOptions: ParsableArguments {
    @Option(help: HelpText.option("option.keyFile", value: "path")) var keyFile: String?
}

/// `--exercise PATH`: the exercise to replay a transcript against.
struct ExerciseOverrideOptions: ParsableArguments {
    @Option(help: HelpText.option("option.exercise", value: "path")) var exercise: String?
}

/// `-o, --output PATH`: a file to write instead of standard output.
struct OutputFileOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: HelpText.option("option.output", value: "path"))
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
    @Option(help: ArgumentHelp(HelpText["option.format"])) var format: ReportFormat = .text

    /// Whether JSON was asked for.
    var json: Bool { format == .json }
}

extension ColorMode: ExpressibleByArgument {}

extension UILanguage: ExpressibleByArgument {}

extension GraphFormat: ExpressibleByArgument {}

extension SimulationPolicy: ExpressibleByArgument {}

extension DebriefFormat: ExpressibleByArgument {
    /// `md` (or `markdown`), `html` or `json`.
    public init?(argument: String) {
        self.init(rawValue: argument == "markdown" ? "md" : argument)
    }
}
