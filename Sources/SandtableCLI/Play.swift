import ArgumentParser
import Console

/// `sandtable play FILE`.
struct Play: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: HelpText["play.abstract"]) }

    @Argument(help: ArgumentHelp(HelpText["play.file"])) var file: String
    @Option(help: ArgumentHelp(HelpText["play.roles"])) var roles: String?
    @Option(help: ArgumentHelp(HelpText["play.seed"])) var seed: UInt64?
    @Flag(help: ArgumentHelp(HelpText["play.facilitator"])) var facilitator = false
    @OptionGroup var language: LanguageOptions
    @OptionGroup var color: ColorOptions
    @Option(help: HelpText.option("play.out", value: "folder")) var out: String = "transcripts"
    @Flag(help: ArgumentHelp(HelpText["play.noTranscript"])) var noTranscript = false
    @Flag(help: ArgumentHelp(HelpText["play.noPrivacyScreen"])) var noPrivacyScreen = false
    @OptionGroup var key: KeyFileOptions

    /// The role ids `--roles` names, without blanks.
    var roleIDs: [String]? {
        roles.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
    }

    func run() throws {
        let arguments = PlayCommand.Arguments(
            file: file, roles: roleIDs, seed: seed, facilitator: facilitator, language: language.language,
            color: color.color, outDirectory: out, noTranscript: noTranscript, keyFile: key.keyFile,
            privacyScreen: !noPrivacyScreen)
        try finish(PlayCommand.run(arguments, recorder: TranscriptRecorders.make))
    }
}
