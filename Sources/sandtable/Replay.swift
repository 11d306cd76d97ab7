import ArgumentParser
import Console

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Step through a recorded session: what each role saw and chose, step by step.",
        discussion: """
            Commands: n or Enter for the next step, p for the previous one, j HH:MM (a time of day on the scenario \
            clock) or j +90m (time since the start) to jump, g N to go to step N, q to quit. Reads commands from \
            standard input, so it also works through a pipe.
            """)

    @Argument(help: "The transcript (.jsonl).") var file: String
    @Option(help: "The exercise (.ttx) to replay against (default: the one the transcript names).") var exercise:
        String?
    @Option(help: "Language: zh or en (default: the transcript's UI language).") var lang: String?
    @Option(help: "Colour: auto, always or never.") var color: String = "auto"
    @Option(
        help: ArgumentHelp(
            "A file holding the facilitator's HMAC key (default: $SANDTABLE_HMAC_KEY).", valueName: "path"))
    var keyFile: String?

    func validate() throws {
        if ColorMode(rawValue: color) == nil { throw ValidationError("--color must be auto, always or never") }
        if let lang, lang != "zh" && lang != "en" { throw ValidationError("--lang must be zh or en") }
    }

    func run() throws {
        let code = ReplayCommand.run(
            file: file, exercise: exercise, language: lang, keyFile: keyFile, color: ColorMode(rawValue: color) ?? .auto
        )
        if code != 0 { throw ExitCode(code) }
    }
}
