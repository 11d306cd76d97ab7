import ArgumentParser
import Console

/// `sandtable`: the root command. Its subcommands parse and validate their options here and hand typed values to
/// the commands' logic in `Console`; the executable's `main` only calls ``main()``.
public struct SandtableCommand: ParsableCommand {
    /// The command's name, abstract, version and subcommands.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "sandtable",
            abstract: HelpText["root.abstract"],
            version: SandtableVersion.string,
            subcommands: [
                Play.self, Resume.self, Check.self, New.self, Simulate.self, Explore.self, Graph.self, Debrief.self,
                Replay.self, Verify.self, Export.self, LSP.self,
            ]
        )
    }

    /// Creates the root command (swift-argument-parser's requirement).
    public init() {}
}

extension ParsableCommand {
    /// Ends the command with `code` unless it is 0, the way swift-argument-parser expects an exit status.
    func finish(_ code: Int32) throws {
        if code != 0 { throw ExitCode(code) }
    }
}
