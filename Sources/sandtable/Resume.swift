import ArgumentParser
import Console

struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Go on with a session from its transcript (after quit, Ctrl-D, a closed terminal or a crash).")

    @Argument(help: "The transcript (.jsonl) to resume.") var file: String
    @Option(help: "The exercise file (default: the one recorded in the transcript).") var exercise: String?
    @Flag(help: "Resume even though the exercise changed; replays by ids and reports what no longer matches.")
    var force = false
    @Option(help: "File with the facilitator's key, when the transcript is signed.") var keyFile: String?
    @Option(help: "UI language: zh or en (default: the session's).") var lang: String?
    @Option(help: "Colour: auto, always or never.") var color: String = "auto"

    func run() throws {
        let code = ResumeCommand.run(
            file: file, exercise: exercise, force: force, keyFile: keyFile, language: lang,
            color: ColorMode(rawValue: color) ?? .auto)
        if code != 0 { throw ExitCode(code) }
    }
}
