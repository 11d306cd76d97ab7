import ArgumentParser
import Console
import Foundation
import LanguageServer

/// `sandtable lsp`: the language server for editors, on standard input and output.
struct LSP: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "lsp", abstract: HelpText["lsp.abstract"], discussion: HelpText["lsp.discussion"])
    }

    @OptionGroup var language: LanguageOptions
    @Option(help: HelpText.option("lsp.coverageRuns", value: "n")) var coverageRuns = 1000
    /// Accepted and ignored: VS Code's client adds it to the command line of a server it starts over stdio.
    @Flag(name: .customLong("stdio"), help: .hidden) var stdio = false

    func validate() throws {
        if coverageRuns < 1 { throw ValidationError(language.strings("invalid.atLeastOne", "--coverage-runs")) }
    }

    func run() throws {
        let options = LanguageServer.Options(
            language: language.language, environment: ProcessInfo.processInfo.environment,
            coverageRuns: coverageRuns, version: SandtableVersion.string)
        try finish(LanguageServerConnection.run(options: options))
    }
}
