import ArgumentParser
import Console
import Foundation

struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play an exercise in the terminal (hot-seat when several roles are played).")

    @Argument(help: "The exercise (.ttx) to play.") var file: String
    @Option(help: "Comma-separated role ids that people play (default: all roles). The others are automated.")
    var roles: String?
    @Option(help: "Seed of the random draws (recorded in the transcript).") var seed: UInt64?
    @Flag(help: "Run as the facilitator: commands starting with ':' and facilitator notes.") var facilitator = false
    @Option(help: "UI language: zh or en (default: from the locale).") var lang: String?
    @Option(help: "Colour: auto, always or never.") var color: String = "auto"
    @Option(help: "Folder for the transcript.") var out: String = "transcripts"
    @Flag(help: "Write no transcript.") var noTranscript = false
    @Option(help: "File with the facilitator's key: transcripts then carry an HMAC (or set SANDTABLE_HMAC_KEY).")
    var keyFile: String?

    func validate() throws {
        if ColorMode(rawValue: color) == nil { throw ValidationError("--color must be auto, always or never") }
        if let lang, lang != "zh" && lang != "en" { throw ValidationError("--lang must be zh or en") }
    }

    func run() throws {
        let arguments = PlayCommand.Arguments(
            file: file,
            roles: roles.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } },
            seed: seed, facilitator: facilitator, language: lang, color: ColorMode(rawValue: color) ?? .auto,
            outDirectory: out, noTranscript: noTranscript, keyFile: keyFile)
        let code = PlayCommand.run(arguments, recorder: TranscriptRecorders.make)
        if code != 0 { throw ExitCode(code) }
    }
}
