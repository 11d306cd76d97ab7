import ArgumentParser
import Console

/// `sandtable replay FILE`.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Step through a recorded session: what each role saw and chose, step by step.",
        discussion: """
            Commands: n or Enter for the next step, p for the previous one, j HH:MM (a time of day on the scenario \
            clock) or j +90m (time since the start) to jump, g N to go to step N, q to quit. Reads commands from \
            standard input, so it also works through a pipe.
            """)

    @Argument(help: "The transcript (.jsonl).") var file: String
    @OptionGroup var exercise: ExerciseOverrideOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var color: ColorOptions
    @OptionGroup var key: KeyFileOptions

    func run() throws {
        try finish(
            ReplayCommand.run(
                file: file, exercise: exercise.exercise, language: language.language, keyFile: key.keyFile,
                color: color.color))
    }
}
