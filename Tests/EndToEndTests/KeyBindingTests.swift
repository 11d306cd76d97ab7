import Foundation
import Testing

/// Home, End, Delete and the word moves in a real terminal, under `TERM=xterm-256color` in tmux, for the byte
/// sequences that xterm, tmux/screen, PuTTY, rxvt and the Linux console send; `~/.editrc` overrides them.
@Suite(.serialized) struct KeyBindingTests {
    static let tmux = PseudoTerminalTests.tmux

    /// Types `typed`, presses `keys` (tmux key names or raw bytes), types `more`, and returns the edited line.
    private static func edit(
        _ terminal: PseudoTerminalTests.Terminal, typed: String, keys: [Key], more: String
    ) throws -> String {
        try terminal.waitForAnother(typed) { try terminal.type(typed) }
        for key in keys {
            switch key {
            case .named(let name): try terminal.send(name)
            case .bytes(let hex): try terminal.sendBytes(hex)
            }
        }
        if !more.isEmpty {
            try terminal.waitForAnother(more) { try terminal.type(more) }
        }
        // Let the redisplay settle, then read the line and discard it.
        Thread.sleep(forTimeInterval: 0.2)
        let line = try terminal.cursorLine()
        try terminal.send("C-u")
        // Wait until the line is really empty: the next edit counts what is on the screen before it types, and a
        // `status` still shown would hide the new `tus` (one goes as the other comes).
        let deadline = Date().addingTimeInterval(10)
        while try !terminal.cursorLine().hasSuffix("] >"), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        return line
    }

    enum Key {
        case named(String)
        case bytes(String)
    }

    private static func start(state: URL) throws -> PseudoTerminalTests.Terminal {
        let terminal = PseudoTerminalTests.Terminal(state: state)
        try terminal.launch(
            "play exercises/tutorial.en.ttx --seed 3 --lang en", width: 100, transcripts: Harness.scratch())
        try terminal.wait(for: "] >")
        return terminal
    }

    @Test(.enabled(if: tmux != nil, "tmux is not installed (./scripts/setup.sh --test installs it)"))
    func homeEndDeleteAndWordMoves() throws {
        let terminal = try Self.start(state: Harness.scratch())
        defer { terminal.stop() }
        // Home as tmux sends it, then every other family's sequence.
        for home in [
            Key.named("Home"), .bytes("1b 5b 31 7e"), .bytes("1b 5b 48"), .bytes("1b 4f 48"), .bytes("1b 5b 37 7e"),
        ] {
            let line = try Self.edit(terminal, typed: "tus", keys: [home], more: "sta")
            #expect(line.hasSuffix("] > status"), "Home \(home): \(line)")
        }
        for end in [
            Key.named("End"), .bytes("1b 5b 34 7e"), .bytes("1b 5b 46"), .bytes("1b 4f 46"), .bytes("1b 5b 38 7e"),
        ] {
            let line = try Self.edit(terminal, typed: "sta", keys: [.named("Left"), .named("Left"), end], more: "tus")
            #expect(line.hasSuffix("] > status"), "End \(end): \(line)")
        }
        for delete in [Key.named("DC"), .bytes("1b 5b 33 7e")] {
            let line = try Self.edit(
                terminal, typed: "sxtatus", keys: [.named("Home"), .named("Right"), delete], more: "")
            #expect(line.hasSuffix("] > status"), "Delete \(delete): \(line)")
        }
        for left in [Key.named("C-Left"), .bytes("1b 5b 31 3b 35 44"), .bytes("1b 5b 35 44"), .bytes("1b 4f 64")] {
            let line = try Self.edit(terminal, typed: "note one two", keys: [left], more: "X")
            #expect(line.hasSuffix("] > note one Xtwo"), "Ctrl-Left \(left): \(line)")
        }
        for right in [Key.named("C-Right"), .bytes("1b 5b 31 3b 35 43"), .bytes("1b 5b 35 43"), .bytes("1b 4f 63")] {
            let line = try Self.edit(terminal, typed: "note one two", keys: [.named("Home"), right], more: "X")
            #expect(line.hasSuffix("] > noteX one two"), "Ctrl-Right \(right): \(line)")
        }
        // The edited line is what runs: Home then typing gives a working command, with no `~` in it.
        try terminal.type("tus")
        try terminal.send("Home")
        try terminal.type("sta")
        let after = try terminal.waitForAnother("Scenario time") { try terminal.send("Enter") }
        #expect(!after.contains("~"))
    }

    @Test(.enabled(if: tmux != nil, "tmux is not installed (./scripts/setup.sh --test installs it)"))
    func editrcOverridesTheBindings() throws {
        let state = Harness.scratch()
        // The user's ~/.editrc makes End go to the start of the line instead.
        try "sandtable:bind \"\\e[4~\" ed-move-to-beg\n".write(
            to: state.appendingPathComponent(".editrc"), atomically: true, encoding: .utf8)
        let terminal = try Self.start(state: state)
        defer { terminal.stop() }
        let line = try Self.edit(terminal, typed: "tus", keys: [.bytes("1b 5b 34 7e")], more: "sta")
        #expect(line.hasSuffix("] > status"), "End with ~/.editrc: \(line)")
        let home = try Self.edit(terminal, typed: "tus", keys: [.named("Home")], more: "sta")
        #expect(home.hasSuffix("] > status"), "Home with ~/.editrc: \(home)")
    }
}
