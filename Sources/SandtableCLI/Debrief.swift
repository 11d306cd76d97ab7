import ArgumentParser
import Console
import Debrief

/// `sandtable debrief FILE...`.
struct Debrief: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the after-action report of a session, or of a cohort of sessions of one exercise.",
        discussion: """
            Replays each transcript through the exercise engine, so that every score is shown with the events that \
            produced it. Given several transcripts of the same exercise, writes a cohort report (rating \
            distributions, choice frequencies, score distributions, common failure points). A damaged or tampered \
            transcript stops a single report and is skipped in a cohort. Exit codes: 0 written, 1 nothing could be \
            reported, 2 bad command line (e.g. transcripts of different exercises).
            """)

    @Argument(help: "The transcripts (.jsonl).") var files: [String]
    @Option(help: "Output format (markdown is a synonym of md).") var format: DebriefFormat = .markdown
    @OptionGroup var output: OutputFileOptions
    @OptionGroup var exercise: ExerciseOverrideOptions
    @OptionGroup var language: LanguageOptions
    @Option(help: "Due date to put in the improvement plan (default: left blank for the facilitator).")
    var due: String = ""
    @OptionGroup var key: KeyFileOptions

    func run() throws {
        let arguments = DebriefCommand.Arguments(
            files: files, format: format, output: output.output, exercise: exercise.exercise,
            language: language.language, due: due, keyFile: key.keyFile)
        try finish(DebriefCommand.run(arguments))
    }
}
