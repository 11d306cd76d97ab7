import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Long output through the user's pager on a terminal, as `git log` does it: `$PAGER`, else `less`, with
/// `LESS=FRX` when the user has not set `LESS` (quit at once when the text fits, keep colours, leave the text on
/// the screen after quitting, so the session reads on below it).
enum Pager {
    /// The shell command to page with: `$PAGER` when it is set (an empty value or `cat` turns paging off), else
    /// `less` when it is installed; nil for no paging.
    static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let pager = environment["PAGER"] {
            let trimmed = pager.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed == "cat" ? nil : trimmed
        }
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        let found = path.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/less")
        }
        return found ? "less" : nil
    }

    /// Writes `lines` to the pager's standard input and waits for the user to leave it. Returns false when the
    /// pager could not be started, so that the caller prints the lines itself.
    ///
    /// `posix_spawn` rather than Foundation's `Process`: the pager must stay in the terminal's foreground process
    /// group (it reads its keys from the terminal) with default signal handling, and `Process` on Linux starts the
    /// child in a session of its own, where less cannot read the keyboard and quits at once.
    static func show(_ lines: [String], command: String) -> Bool {
        fflush(nil)
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return false }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTSTP, SIGPIPE, SIGWINCH, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var environment = ProcessInfo.processInfo.environment
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        if environment["LV"] == nil { environment["LV"] = "-c" }
        let argv = ["/bin/sh", "-c", command]
        var cArguments = argv.map { strdup($0) } + [nil]
        var cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in cArguments { free(pointer) }
            for pointer in cEnvironment { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &cArguments, &cEnvironment)
        close(readEnd)
        guard spawned == 0 else {
            close(writeEnd)
            return false
        }
        // A user who quits the pager before the end closes the pipe: that must not kill the session. While the
        // pager runs, Ctrl-C is the pager's (less uses it to stop a search), not the session's.
        var ignore = sigaction()
        #if canImport(Glibc)
            ignore.__sigaction_handler.sa_handler = SIG_IGN
        #else
            ignore.__sigaction_u.__sa_handler = SIG_IGN
        #endif
        var previousPipe = sigaction()
        var previousInterrupt = sigaction()
        sigaction(SIGPIPE, &ignore, &previousPipe)
        sigaction(SIGINT, &ignore, &previousInterrupt)
        defer {
            sigaction(SIGPIPE, &previousPipe, nil)
            sigaction(SIGINT, &previousInterrupt, nil)
        }
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return write(writeEnd, base + offset, buffer.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
        close(writeEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return true
    }
}
