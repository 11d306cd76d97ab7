import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C outside line editing: a flag that long-running work polls.
///
/// After ``install()``, SIGINT no longer ends the process; it sets
/// ``requested``. Work that may take long checks the flag now and then and
/// stops early, and the session goes on.
///
/// While a line is being edited this handler does not run: ``EditLineReader``
/// turns the terminal's signal keys off (`setty -d -isig`) and handles Ctrl-C as
/// a key, returning ``LineInput/interrupted``. Every ``LineReader/readLine(prompt:)``
/// clears the flag when it starts, so a Ctrl-C meant for earlier work never
/// stops the next command.
///
/// The handler is installed without `SA_RESTART`: a blocking `read(2)` on a pipe
/// or terminal fails with `EINTR` when Ctrl-C is pressed. ``PlainLineReader``
/// turns that into ``LineInput/interrupted``; other code reading pipes must
/// retry on `EINTR` itself.
public enum Interrupts {
    private static let flag = Atomic<Bool>(false)
    private static let installed = Atomic<Bool>(false)

    /// Installs the SIGINT handler. Idempotent; call once at start-up, before
    /// the first read.
    public static func install() {
        // Touch the flag first, so its lazy initialisation never runs inside the handler.
        flag.store(false, ordering: .relaxed)
        guard installed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { _ in Interrupts.flag.store(true, ordering: .relaxed) }
        #else
            action.__sigaction_u.__sa_handler = { _ in Interrupts.flag.store(true, ordering: .relaxed) }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: blocking reads return EINTR
        sigaction(SIGINT, &action, nil)
    }

    // MARK: SIGTERM and SIGHUP

    /// The farewell's bytes: a buffer allocated once, before any handler can run, and its length.
    private static let farewellCapacity = 4096
    nonisolated(unsafe) private static let farewell = UnsafeMutablePointer<UInt8>.allocate(capacity: farewellCapacity)
    private static let farewellLength = Atomic<Int>(0)
    private static let terminationInstalled = Atomic<Bool>(false)

    /// Makes SIGTERM (a supervisor or `kill` stopping the program) and SIGHUP (the terminal closed) end the process
    /// cleanly: the handler writes the text last given to ``setFarewell(_:)`` to standard output and exits with
    /// status 128 + the signal's number. Idempotent.
    ///
    /// Nothing is lost by exiting there: a session's every step is written and `fsync`ed before the REPL shows it,
    /// so what was shown is on disk and a torn last step (a signal in the middle of writing one) is never read as
    /// valid. While a line is being edited, libedit's own handler runs first and puts the terminal back in its
    /// normal mode before passing the signal on to this one.
    public static func installTermination() {
        farewellLength.store(0, ordering: .relaxed)
        guard
            terminationInstalled.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing)
                .exchanged
        else { return }
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { signal in Interrupts.terminate(signal) }
        #else
            action.__sigaction_u.__sa_handler = { signal in Interrupts.terminate(signal) }
        #endif
        sigemptyset(&action.sa_mask)
        sigaddset(&action.sa_mask, SIGTERM)
        sigaddset(&action.sa_mask, SIGHUP)
        action.sa_flags = 0
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGHUP, &action, nil)
        // A blocked signal mask is inherited through exec: a parent that blocked them must not make us deaf.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTERM)
        sigaddset(&unblock, SIGHUP)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Sets what is written when SIGTERM or SIGHUP ends the process (at most 4 KiB of it), e.g. where the session
    /// is saved and how to resume it. Call it whenever that changes.
    public static func setFarewell(_ text: String) {
        let bytes = Array(text.utf8.prefix(farewellCapacity))
        farewellLength.store(0, ordering: .sequentiallyConsistent)
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { farewell.update(from: base, count: source.count) }
        }
        farewellLength.store(bytes.count, ordering: .sequentiallyConsistent)
    }

    /// The signal handler: only async-signal-safe calls (`write`, `_exit`).
    private static func terminate(_ signal: Int32) {
        var offset = 0
        let length = farewellLength.load(ordering: .sequentiallyConsistent)
        while offset < length {
            let n = write(STDOUT_FILENO, farewell + offset, length - offset)
            if n <= 0 { break }
            offset += n
        }
        _exit(128 + signal)
    }

    /// Whether Ctrl-C was pressed since the last ``clear()`` (or the last read).
    public static var requested: Bool {
        flag.load(ordering: .relaxed)
    }

    /// Forgets a pending request; call when the work that saw it has stopped.
    public static func clear() {
        flag.store(false, ordering: .relaxed)
    }

    /// Clears a pending request and reports whether there was one.
    static func take() -> Bool {
        flag.exchange(false, ordering: .relaxed)
    }
}
