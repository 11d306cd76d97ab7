import Foundation
import Testing

/// The line editor in a real pseudo-terminal: tmux runs the binary, `send-keys` types, `capture-pane` reads.
@Suite(.serialized) struct PseudoTerminalTests {
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// A tmux session with its own server socket, so tests never touch the user's tmux.
    final class Terminal {
        let socket: String
        let name = "st"
        let state: URL

        init(state: URL) {
            socket =
                FileManager.default.temporaryDirectory.appendingPathComponent("sandtable-tmux-\(UUID().uuidString)")
                .path
            self.state = state
        }

        /// Runs tmux with posix_spawn and waitpid. Foundation's `Process` is not used: it notices a child's exit
        /// through a descriptor the child inherits, and the tmux server that `new-session` starts keeps it open.
        @discardableResult
        func tmux(_ arguments: [String]) throws -> String {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent(
                "sandtable-tmux-out-\(UUID().uuidString)"
            ).path
            defer { unlink(output) }
            let argv = [PseudoTerminalTests.tmux ?? "/usr/bin/tmux", "-S", socket] + arguments
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            // The test runner's threads block most signals and the mask is inherited: without resetting it, the
            // tmux server, the shell and the binary in it never see SIGHUP or SIGTERM, kill-server cannot end them,
            // and every test leaves a server (and its binary) running.
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var noSignals = sigset_t()
            sigemptyset(&noSignals)
            var allSignals = sigset_t()
            sigfillset(&allSignals)
            posix_spawnattr_setsigmask(&attributes, &noSignals)
            posix_spawnattr_setsigdefault(&attributes, &allSignals)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            var cArguments = argv.map { strdup($0) } + [nil]
            defer { for pointer in cArguments { free(pointer) } }
            var pid: pid_t = 0
            let status = posix_spawn(&pid, argv[0], &actions, &attributes, &cArguments, environ)
            guard status == 0 else { throw CocoaError(.executableNotLoadable) }
            var exitStatus: Int32 = 0
            while waitpid(pid, &exitStatus, 0) == -1 && errno == EINTR {}
            return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        }

        func start(_ arguments: String, transcripts: URL) throws {
            let command =
                "cd '\(Harness.root.path)' && env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 "
                + "HOME='\(state.path)' XDG_STATE_HOME='\(state.path)' XDG_CACHE_HOME='\(Harness.sharedCache.path)' NO_COLOR=1 '\(Harness.binary.path)' \(arguments) --out '\(transcripts.path)'; sleep 30"
            try tmux(["-u", "new-session", "-d", "-s", name, "-x", "100", "-y", "40", command])
        }

        func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

        func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

        func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

        /// Waits until the screen contains the text (or fails after a few seconds).
        @discardableResult
        func wait(for text: String, timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation)
            throws -> String
        {
            let deadline = Date().addingTimeInterval(timeout)
            var last = ""
            while Date() < deadline {
                last = try screen()
                if last.contains(text) { return last }
                Thread.sleep(forTimeInterval: 0.1)
            }
            Issue.record(
                "timed out waiting for \(text.debugDescription); screen:\n\(last)", sourceLocation: sourceLocation)
            return last
        }

        /// Runs an action and waits until the text appears once more than it did before: a prompt that is already
        /// on the screen from an earlier line must not satisfy the wait for the next one.
        @discardableResult
        func waitForAnother(
            _ text: String, timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation,
            after action: () throws -> Void
        ) throws -> String {
            let before = try screen().components(separatedBy: text).count
            try action()
            let deadline = Date().addingTimeInterval(timeout)
            var last = ""
            while Date() < deadline {
                last = try screen()
                if last.components(separatedBy: text).count > before { return last }
                Thread.sleep(forTimeInterval: 0.1)
            }
            Issue.record("timed out waiting for another \"\(text)\"; screen:\n\(last)", sourceLocation: sourceLocation)
            return last
        }

        func stop() { _ = try? tmux(["kill-server"]) }
    }

    @Test(.enabled(if: tmux != nil, "tmux is not installed (./scripts/setup.sh --test installs it)"))
    func lineEditingInARealTerminal() throws {
        let state = Harness.scratch()
        let transcripts = Harness.scratch()
        let terminal = Terminal(state: state)
        defer { terminal.stop() }
        try terminal.start("play exercises/tutorial.ttx --seed 3 --lang zh", transcripts: transcripts)
        try terminal.wait(for: "] >")

        // Tab completes a command from a unique prefix.
        try terminal.type("stat")
        try terminal.send("Tab")
        try terminal.wait(for: "> status")
        try terminal.waitForAnother("情景时间") { try terminal.send("Enter") }

        // Tab lists several candidates (the choice ids and commands starting with "s").
        try terminal.type("s")
        try terminal.send("Tab")
        // "score" appears nowhere else on this screen: only the listing shows it, beside the other candidates.
        let listed = try terminal.wait(for: "score")
        #expect(
            listed.split(separator: "\n").contains {
                $0.contains("score") && $0.contains("status") && $0.contains("share_routes")
            })
        try terminal.send("C-u")

        // Chinese input goes through intact: a role's name switches the seat.
        try terminal.type("as 区交通运输局")
        try terminal.send("Enter")
        try terminal.wait(for: "[区交通运输局 · 06:50] >")

        // Ctrl-C discards the half-typed line and the session goes on.
        try terminal.type("note 这一行不要")
        try terminal.send("C-c")
        try terminal.wait(for: "^C")
        let afterInterrupt = try terminal.screen()
        #expect(!afterInterrupt.contains("备注已记录"))
        try terminal.type("as 东湖街道办事处")
        try terminal.waitForAnother("[东湖街道办事处 · 06:50] >") { try terminal.send("Enter") }

        // Ctrl-D on an empty line ends the session cleanly, saying where the transcript is.
        try terminal.send("C-d")
        try terminal.wait(for: "sandtable resume")
        let history = try String(contentsOf: state.appendingPathComponent("sandtable/history"), encoding: .utf8)
        #expect(history.contains("status"))
        let mode =
            try FileManager.default.attributesOfItem(atPath: state.appendingPathComponent("sandtable/history").path)[
                .posixPermissions] as? Int
        #expect(mode == 0o600)
        terminal.stop()

        // After a restart, Up recalls the earlier input.
        let again = Terminal(state: state)
        defer { again.stop() }
        try again.start("play exercises/tutorial.ttx --seed 3 --lang zh", transcripts: transcripts)
        try again.wait(for: "] >")
        try again.send("Up")
        try again.wait(for: "> as 东湖街道办事处")
        try again.send("Up")
        try again.wait(for: "> as 区交通运输局")
    }
}
