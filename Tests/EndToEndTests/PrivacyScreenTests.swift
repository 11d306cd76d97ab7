import Foundation
import Testing

/// Hot-seat privacy in a real terminal: when the keyboard passes to another department, what the previous one
/// chose and read leaves the screen until the next one presses Enter; `--no-privacy-screen` turns that off.
@Suite(.serialized) struct PrivacyScreenTests {
    static let tmux = PseudoTerminalTests.tmux

    @Test(.enabled(if: tmux != nil, "tmux is not installed (./scripts/setup.sh --test installs it)"))
    func handOverHidesThePreviousDepartment() throws {
        let terminal = PseudoTerminalTests.Terminal(state: Harness.scratch())
        defer { terminal.stop() }
        try terminal.launch(
            "play exercises/tutorial.ttx --seed 42 --lang zh", width: 100, transcripts: Harness.scratch())
        let first = try terminal.wait(for: "[东湖街道办事处 · 06:50] >")
        #expect(first.contains("街道办接到网格员报告"))
        try terminal.type("1")
        try terminal.send("Enter")
        let screen = try terminal.wait(for: "请把键盘交给区交通运输局，准备好后按回车")
        // Nothing of the street office's turn is left: not its question, not its choice, not the events after it.
        #expect(!screen.contains("街道办接到网格员报告"))
        #expect(!screen.contains("东湖街道办事处选择了"))
        #expect(!screen.contains("立即上报险情"))
        #expect(!screen.contains("] >"))
        try terminal.send("Enter")
        let next = try terminal.wait(for: "[区交通运输局 · 07:25] >")
        #expect(next.contains("早高峰马上到来"))
        #expect(!next.contains("东湖街道办事处选择了"))
        #expect(!next.contains("准备好后按回车"))
        // What was shown to the previous seat is still in the log for whoever asks.
        try terminal.type("log 100")
        try terminal.send("Enter")
        try terminal.wait(for: "东湖街道办事处选择了")
    }

    @Test(.enabled(if: tmux != nil, "tmux is not installed (./scripts/setup.sh --test installs it)"))
    func noPrivacyScreenKeepsTheScreen() throws {
        let terminal = PseudoTerminalTests.Terminal(state: Harness.scratch())
        defer { terminal.stop() }
        try terminal.launch(
            "play exercises/tutorial.ttx --seed 42 --lang zh --no-privacy-screen", width: 100, height: 60,
            transcripts: Harness.scratch())
        try terminal.wait(for: "[东湖街道办事处 · 06:50] >")
        try terminal.type("1")
        try terminal.send("Enter")
        let screen = try terminal.wait(for: "[区交通运输局 · 07:25] >")
        #expect(screen.contains("东湖街道办事处选择了"))
        #expect(!screen.contains("请把键盘交给区交通运输局，准备好后按回车"))
    }
}
