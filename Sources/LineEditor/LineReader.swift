import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the REPL's input one line at a time.
///
/// Two implementations: ``EditLineReader`` on a terminal, ``PlainLineReader``
/// otherwise; ``LineReaders/makeDefault(programName:historyPath:completion:)``
/// picks one. Readers are not thread-safe: use one from one thread.
public protocol LineReader: AnyObject {
    /// Shows `prompt` (when editing) and reads the next line.
    func readLine(prompt: Prompt) -> LineInput
    /// Records `line` for recall with the Up key (and saves it), where there is a history.
    func addToHistory(_ line: String)
}

/// Choosing and configuring a ``LineReader``.
public enum LineReaders {
    /// Whether standard input and standard output are both terminals, the
    /// condition for line editing. (With only input a terminal, libedit would
    /// turn editing off and put raw Tab and arrow bytes into the line.)
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// The reader for this process: an ``EditLineReader`` when
    /// ``isInteractive`` (and libedit starts), else a ``PlainLineReader`` on
    /// standard input that prints no prompt.
    ///
    /// Call it once: only one `EditLineReader` may exist at a time.
    /// - Parameters:
    ///   - programName: selects the sections of `~/.editrc` that apply.
    ///   - historyPath: the history file; see ``defaultHistoryPath(environment:)``.
    ///   - completion: candidates for Tab.
    public static func makeDefault(
        programName: String, historyPath: String?, completion: CompletionProvider? = nil
    ) -> LineReader {
        if isInteractive,
            let reader = EditLineReader(programName: programName, historyPath: historyPath, completion: completion)
        {
            return reader
        }
        return PlainLineReader()
    }

    /// `$XDG_STATE_HOME/sandtable/history`, or `$HOME/.local/state/sandtable/history`
    /// when `XDG_STATE_HOME` is unset, empty or relative (as the XDG spec says to
    /// ignore it then); `nil` when neither gives an absolute folder.
    public static func defaultHistoryPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], FilePath(state).isAbsolute {
            return FilePath(state).pushing("sandtable/history").string
        }
        if let home = environment["HOME"], FilePath(home).isAbsolute {
            return FilePath(home).pushing(".local/state/sandtable/history").string
        }
        return nil
    }

    /// ``defaultHistoryPath(environment:)`` for this process's environment.
    public static func defaultHistoryPath() -> String? {
        var environment: [String: String] = [:]
        for name in ["XDG_STATE_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return defaultHistoryPath(environment: environment)
    }
}
