import Foundation
import Testing

/// What the newer pseudo-terminal tests add to ``PseudoTerminalTests/Terminal``: any width, raw key bytes, and
/// waits that only count what appeared after an earlier screen (a wait must never match an older prompt).
extension PseudoTerminalTests.Terminal {
    /// Starts the binary in a `width`×`height` tmux window, like `start(_:transcripts:)` does at 100×40.
    func launch(_ arguments: String, width: Int, height: Int = 40, transcripts: URL, language: String = "C.UTF-8")
        throws
    {
        let command =
            "cd '\(Harness.root.path)' && env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=\(language) LC_ALL=\(language) "
            + "HOME='\(state.path)' XDG_STATE_HOME='\(state.path)' NO_COLOR=1 '\(Harness.binary.path)' \(arguments) --out '\(transcripts.path)'; sleep 30"
        try tmux(["-u", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command])
    }

    /// Sends raw bytes, given in hexadecimal (`"1b 5b 31 7e"`), as a terminal would for a key.
    func sendBytes(_ hex: String) throws {
        try tmux(["send-keys", "-t", name, "-H"] + hex.split(separator: " ").map(String.init))
    }

    /// Waits until the screen shows `text` more often than `earlier` did: the next prompt, not the last one.
    @discardableResult
    func waitForAnother(
        _ text: String, after earlier: String, timeout: TimeInterval = 10,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let before = earlier.occurrences(of: text)
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.occurrences(of: text) > before { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record(
            "timed out waiting for another \(text.debugDescription); screen:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// The line the cursor is on, as tmux shows it, without trailing blanks.
    func cursorLine() throws -> String {
        let row =
            Int(
                try tmux(["display-message", "-p", "-t", name, "#{cursor_y}"]).trimmingCharacters(
                    in: .whitespacesAndNewlines)) ?? 0
        let lines = try screen().components(separatedBy: "\n")
        guard row < lines.count else { return "" }
        return String(lines[row].reversed().drop { $0 == " " }.reversed())
    }
}

extension String {
    /// How many times `text` occurs, not overlapping.
    func occurrences(of text: String) -> Int {
        guard !text.isEmpty else { return 0 }
        return components(separatedBy: text).count - 1
    }
}
