import ArgumentParser
import Console

struct Sandtable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandtable",
        abstract: "Run tabletop exercises for cross-department collaboration.",
        version: SandtableVersion.string,
        subcommands: [
            Play.self, Resume.self, Check.self, New.self, Simulate.self, Explore.self, Graph.self, Debrief.self,
            Replay.self, Verify.self,
        ]
    )
}

Sandtable.main()
