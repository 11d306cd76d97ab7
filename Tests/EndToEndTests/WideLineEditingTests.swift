import Foundation
import Testing

/// Editing the middle of a long Chinese line that wraps over several rows, in a real terminal at 40, 60 and 100
/// columns: after moving left, inserting and deleting, the screen shows exactly the text, and the text saved is
/// the one shown.
@Suite(.serialized) struct WideLineEditingTests {
    static let tmux = PseudoTerminalTests.tmux
    static let prompt = "[东湖街道办事处 · 06:50] > "
    static let text =
        "note 街道办第一时间推送了学生上学路线，交通局据此让公交改道并通知家长；应急管理局协调供水企业关阀止水，调派排水泵车到长兴路通道"

    /// The rows the prompt and the line take on the screen (from the top, after Ctrl-L), joined: a row that ends
    /// early because a wide character did not fit its last column adds nothing for that column.
    static func shownLine(_ screen: String) -> String {
        screen.components(separatedBy: "\n").prefix { !$0.isEmpty }
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined()
    }

    @Test(
        .enabled(if: tmux != nil, "tmux is not installed (./scripts/setup.sh --test installs it)"),
        arguments: [40, 60, 100])
    func editingAWrappedChineseLineMidway(width: Int) throws {
        let transcripts = Harness.scratch()
        let terminal = PseudoTerminalTests.Terminal(state: Harness.scratch())
        defer { terminal.stop() }
        try terminal.launch(
            "play exercises/tutorial.ttx --seed 3 --lang zh", width: width, transcripts: transcripts)
        try terminal.wait(for: "] >")
        try terminal.send("C-l")
        var expected = Array(Self.text)
        try terminal.type(Self.text)
        try terminal.wait(for: "长兴路通道")
        #expect(Self.shownLine(try terminal.screen()) == Self.prompt + String(expected))

        // Left 30 times into the middle of the second row or so, insert two characters.
        for _ in 0..<30 { try terminal.send("Left") }
        var cursor = expected.count - 30
        try terminal.type("立即")
        expected.insert(contentsOf: "立即", at: cursor)
        cursor += 2
        try terminal.wait(for: "立即")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(Self.shownLine(try terminal.screen()) == Self.prompt + String(expected), "after inserting at \(width)")

        // Backspace three times (the two characters and one before them), then type at the cursor.
        for _ in 0..<3 { try terminal.send("BSpace") }
        expected.removeSubrange((cursor - 3)..<cursor)
        cursor -= 3
        Thread.sleep(forTimeInterval: 0.3)
        #expect(Self.shownLine(try terminal.screen()) == Self.prompt + String(expected), "after deleting at \(width)")
        try terminal.type("尽快")
        expected.insert(contentsOf: "尽快", at: cursor)
        try terminal.wait(for: "尽快")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(Self.shownLine(try terminal.screen()) == Self.prompt + String(expected), "after typing at \(width)")

        // Delete forward at the start of the text, then End and one more character at the end.
        try terminal.send("Home")
        for _ in 0..<5 { try terminal.send("Right") }
        try terminal.send("DC")
        expected.remove(at: 5)
        try terminal.send("End")
        try terminal.type("。")
        expected.append("。")
        try terminal.wait(for: "通道。")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(
            Self.shownLine(try terminal.screen()) == Self.prompt + String(expected), "after Delete and End at \(width)")

        // The line entered is the line shown.
        try terminal.waitForAnother("备注已记录") { try terminal.send("Enter") }
        let note = String(expected.dropFirst("note ".count))
        let saved = try FileManager.default.contentsOfDirectory(atPath: transcripts.path).filter {
            $0.hasSuffix(".jsonl")
        }
        let transcript = try String(
            contentsOf: transcripts.appendingPathComponent(try #require(saved.first)), encoding: .utf8)
        #expect(transcript.contains(note))
    }
}
