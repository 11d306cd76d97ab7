import Foundation
import Testing

/// What the newer pseudo-terminal tests add to ``PseudoTerminalTests/Terminal``: any width and language, raw key
/// bytes, the line under the cursor.
extension PseudoTerminalTests.Terminal {
    /// Starts the binary in a `width`×`height` tmux window, like `start(_:transcripts:)` does at 100×40.
    func launch(_ arguments: String, width: Int, height: Int = 40, transcripts: URL, language: String = "C.UTF-8")
        throws
    {
        let command =
            "cd '\(Harness.root.path)' && env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=\(language) LC_ALL=\(language) "
            + "HOME='\(state.path)' XDG_STATE_HOME='\(state.path)' XDG_CACHE_HOME='\(Harness.sharedCache.path)' NO_COLOR=1 '\(Harness.binary.path)' \(arguments) --out '\(transcripts.path)'; sleep 30"
        try tmux(["-u", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command])
    }

    /// Sends raw bytes, given in hexadecimal (`"1b 5b 31 7e"`), as a terminal would for a key.
    func sendBytes(_ hex: String) throws {
        try tmux(["send-keys", "-t", name, "-H"] + hex.split(separator: " ").map(String.init))
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
