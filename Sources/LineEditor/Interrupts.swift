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
