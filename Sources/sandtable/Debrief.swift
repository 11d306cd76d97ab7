import ArgumentParser
import Console

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
    @Option(help: "Output format: md, html or json.") var format: String = "md"
    @Option(name: [.short, .customLong("output")], help: "Write the report to this file (default: standard output).")
    var output: String?
    @Option(help: "The exercise (.ttx) to replay against (default: the one the transcript names).") var exercise:
        String?
    @Option(help: "Language of the report: zh or en (default: the transcript's UI language).") var lang: String?
    @Option(help: "Due date to put in the improvement plan (default: left blank for the facilitator).") var due:
        String =
            ""
    @Option(
        help: ArgumentHelp(
            "A file holding the facilitator's HMAC key (default: $SANDTABLE_HMAC_KEY).", valueName: "path"))
    var keyFile: String?

    func validate() throws {
        if !DebriefCommand.formats.contains(format) { throw ValidationError("--format must be md, html or json") }
        if let lang, lang != "zh" && lang != "en" { throw ValidationError("--lang must be zh or en") }
    }

    func run() throws {
        let arguments = DebriefCommand.Arguments(
            files: files, format: format, output: output, exercise: exercise,
            language: lang, due: due, keyFile: keyFile)
        let code = DebriefCommand.run(arguments)
        if code != 0 { throw ExitCode(code) }
    }
}
