import Foundation
import Testing

/// `log` on a terminal: what does not fit on the screen goes through the pager (`less` with `LESS=FRX` when
/// `$PAGER` is unset), and quitting it returns to the session, which goes on.
@Suite(.serialized) struct PagerTests {
    static let tmux = PseudoTerminalTests.tmux
    static let less = FileManager.default.isExecutableFile(atPath: "/usr/bin/less")

    /// The English tutorial in a tmux window of this size, at its first prompt.
    static func tutorial(width: Int, height: Int) throws -> PseudoTerminalTests.Terminal {
        let terminal = PseudoTerminalTests.Terminal(state: Harness.scratch())
        try terminal.launch(
            "play exercises/tutorial.en.ttx --seed 3 --lang en --no-privacy-screen", width: width, height: height,
            transcripts: Harness.scratch())
        try terminal.wait(for: "] >")
        return terminal
    }

    @Test(.enabled(if: tmux != nil && less, "tmux or less is not installed (./scripts/setup.sh --test installs them)"))
    func longLogGoesThroughThePagerAndTheSessionGoesOn() throws {
        let terminal = try Self.tutorial(width: 80, height: 15)
        defer { terminal.stop() }
        try terminal.type("log all")
        try terminal.send("Enter")
        // less waits at its prompt on the last row: the log's first lines are on the screen, the prompt is not.
        let paged = try terminal.wait(for: "Sandtable tutorial")
        let deadline = Date().addingTimeInterval(10)
        var bottom = ""
        while Date() < deadline {
            bottom =
                try terminal.screen().split(separator: "\n", omittingEmptySubsequences: false)
                .last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init) ?? ""
            if bottom.hasPrefix(":") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(bottom.hasPrefix(":"), "less's prompt on the last row; screen:\n\(paged)")
        try terminal.send("q")
        try terminal.wait(for: "] >")
        let status = try terminal.waitForAnother("Scenario time") {
            try terminal.type("status")
            try terminal.send("Enter")
        }
        #expect(status.contains("Waiting for: Donghu Street Office"))
    }

    @Test(.enabled(if: tmux != nil, "tmux is not installed (./scripts/setup.sh --test installs it)"))
    func shortLogIsPrintedWithoutThePager() throws {
        let terminal = try Self.tutorial(width: 100, height: 60)
        defer { terminal.stop() }
        // One entry fits: it is printed and the prompt comes back at once, with no pager in between.
        let screen = try terminal.waitForAnother("] >") {
            try terminal.type("log 1")
            try terminal.send("Enter")
        }
        #expect(screen.components(separatedBy: "The situation: Monday").count == 3, "the entry shown again:\n\(screen)")
        #expect(!screen.contains("(END)"))
    }
}
