import ArgumentParser
import Console

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a transcript: its hash chain, sequence, HMAC, and that replaying it reproduces its events.",
        discussion: "Exit codes: 0 valid, 1 tampered, 2 torn (only the end is incomplete), 3 unreadable.")

    @Argument(help: "The transcript (.jsonl).") var file: String
    @Option(help: "The exercise (.ttx) to replay against (default: the one the transcript names).") var exercise:
        String?
    @Option(
        help: ArgumentHelp(
            "A file holding the facilitator's HMAC key (default: $SANDTABLE_HMAC_KEY).", valueName: "path"))
    var keyFile: String?
    @Option(help: "Colour: auto, always or never.") var color: String = "auto"

    func validate() throws {
        if ColorMode(rawValue: color) == nil { throw ValidationError("--color must be auto, always or never") }
    }

    func run() throws {
        let code = VerifyCommand.run(
            file: file, exercise: exercise, keyFile: keyFile, color: ColorMode(rawValue: color) ?? .auto)
        if code != 0 { throw ExitCode(code) }
    }
}
