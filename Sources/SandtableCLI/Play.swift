import ArgumentParser
import Console

/// `sandtable play FILE`.
struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play an exercise in the terminal (hot-seat when several roles are played).")

    @Argument(help: "The exercise (.ttx) to play.") var file: String
    @Option(help: "Comma-separated role ids that people play (default: all roles). The others are automated.")
    var roles: String?
    @Option(help: "Seed of the random draws (recorded in the transcript).") var seed: UInt64?
    @Flag(help: "Run as the facilitator: commands starting with ':' and facilitator notes.") var facilitator = false
    @OptionGroup var language: LanguageOptions
    @OptionGroup var color: ColorOptions
    @Option(help: ArgumentHelp("Folder for the transcript.", valueName: "folder")) var out: String = "transcripts"
    @Flag(help: "Write no transcript.") var noTranscript = false
    @OptionGroup var key: KeyFileOptions

    /// The role ids `--roles` names, without blanks.
    var roleIDs: [String]? {
        roles.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
    }

    func run() throws {
        let arguments = PlayCommand.Arguments(
            file: file, roles: roleIDs, seed: seed, facilitator: facilitator, language: language.language,
            color: color.color, outDirectory: out, noTranscript: noTranscript, keyFile: key.keyFile)
        try finish(PlayCommand.run(arguments, recorder: TranscriptRecorders.make))
    }
}
