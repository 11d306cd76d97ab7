import ArgumentParser
import Console

/// `sandtable verify FILE`.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a transcript: its hash chain, sequence, HMAC, and that replaying it reproduces its events.",
        discussion: "Exit codes: 0 valid, 1 tampered, 2 torn (only the end is incomplete), 3 unreadable.")

    @Argument(help: "The transcript (.jsonl).") var file: String
    @OptionGroup var exercise: ExerciseOverrideOptions
    @OptionGroup var key: KeyFileOptions
    @OptionGroup var color: ColorOptions

    func run() throws {
        try finish(
            VerifyCommand.run(file: file, exercise: exercise.exercise, keyFile: key.keyFile, color: color.color))
    }
}
