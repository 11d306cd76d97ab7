import ArgumentParser
import Console

/// `sandtable resume FILE`.
struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Go on with a session from its transcript (after quit, Ctrl-D, a closed terminal or a crash).")

    @Argument(help: "The transcript (.jsonl) to resume.") var file: String
    @OptionGroup var exercise: ExerciseOverrideOptions
    @Flag(help: "Resume even though the exercise changed; replays by ids and reports what no longer matches.")
    var force = false
    @OptionGroup var key: KeyFileOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var color: ColorOptions

    func run() throws {
        try finish(
            ResumeCommand.run(
                file: file, exercise: exercise.exercise, force: force, keyFile: key.keyFile,
                language: language.language, color: color.color))
    }
}
