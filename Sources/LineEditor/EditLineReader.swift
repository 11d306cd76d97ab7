import CLibedit
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from a terminal with libedit: emacs key bindings, Home/End/Delete
/// and Ctrl-arrows as terminals send them (``KeyBindings``), then the user's
/// `~/.editrc`; persistent history, Tab completion, Ctrl-C and Ctrl-D.
///
/// Use it only when standard input and output are both terminals (see
/// ``LineReaders/makeDefault(programName:historyPath:completion:)``); libedit
/// keeps process-wide signal state, so at most one exists at a time.
///
/// - Ctrl-C while editing shows `^C`, discards the line and returns
///   ``LineInput/interrupted``. Signal keys are off while editing (so Ctrl-Z and
///   Ctrl-\\ do nothing then); outside editing they work as usual.
/// - Ctrl-D on an empty line prints a newline and returns ``LineInput/endOfInput``.
/// - Tab asks the ``CompletionProvider``: one candidate is inserted with a
///   trailing space, several are completed to their common prefix, or listed
///   below the line in columns.
/// - History is saved after every ``addToHistory(_:)``, mode 0600.
public final class EditLineReader: LineReader {
    private let editLine: OpaquePointer
    private let history: HistoryStore
    private let completion: CompletionProvider?
    /// The prompt libedit shows; must stay valid while libedit may call back.
    private var promptBytes: UnsafeMutablePointer<CChar>
    /// Set by the Ctrl-C key function during `el_gets`.
    private var interruptPressed = false

    private static let exists = Atomic<Bool>(false)
    private static let marker: Character = "\u{1}"
    /// Insert mode, insert one or N characters, delete one or N characters (termcap names).
    private static let wideUnsafeCapabilities = ["im", "ic", "IC", "dc", "DC"]

    /// Where the history is saved, if anywhere.
    public var historyPath: String? { history.path }

    /// The last failure to read or write the history file, worded for the
    /// user; `nil` when all went well. Editing goes on either way.
    public var historyError: String? { history.lastError }

    /// Sets up libedit on standard input and output.
    ///
    /// Returns `nil` when another `EditLineReader` exists or libedit cannot start.
    /// - Parameters:
    ///   - programName: selects the sections of `~/.editrc` that apply.
    ///   - historyPath: the history file, loaded now and saved after each entry; `nil` for none.
    ///   - completion: candidates for Tab; `nil` makes Tab ring the bell.
    public init?(programName: String, historyPath: String?, completion: CompletionProvider? = nil) {
        guard Self.exists.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return nil }
        // Before el_init: libedit only reads multibyte text if LC_CTYPE is UTF-8 by then.
        st_adopt_utf8_ctype()
        guard let history = HistoryStore(path: historyPath) else {
            Self.exists.store(false, ordering: .releasing)
            return nil
        }
        guard let editLine = st_el_init(programName), let promptBytes = strdup("") else {
            Self.exists.store(false, ordering: .releasing)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.completion = completion
        self.promptBytes = promptBytes
        configure()
    }

    deinit {
        el_end(editLine)
        free(promptBytes)
        Self.exists.store(false, ordering: .releasing)
    }

    /// Shows `prompt` and reads one edited line.
    ///
    /// A pending ``Interrupts`` request is cleared first. The line is not added
    /// to the history; call ``addToHistory(_:)`` for lines worth recalling.
    public func readLine(prompt: Prompt) -> LineInput {
        setPrompt(prompt)
        _ = Interrupts.take()
        interruptPressed = false
        var count: Int32 = 0
        let raw = el_gets(editLine, &count)
        let failure = errno
        if interruptPressed {
            interruptPressed = false
            return .interrupted
        }
        guard let raw, count > 0 else {
            // A SIGINT sent from outside (Ctrl-C itself is a key while editing).
            if count < 0 && failure == EINTR {
                _ = Interrupts.take()
                st_write_stdout("^C\n")
                return .interrupted
            }
            st_write_stdout("\n")
            return .endOfInput
        }
        var bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw))[...]
        if bytes.last == UInt8(ascii: "\n") { bytes = bytes.dropLast() }
        return validatedLine(bytes)
    }

    /// Adds `line` to the history (blank lines and repeats of the newest entry
    /// are skipped) and saves the history file.
    public func addToHistory(_ line: String) {
        history.add(line)
    }

    // MARK: - Set-up

    private func configure() {
        st_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        st_el_set_prompt_esc(editLine, { EditLineReader.owner(of: $0)?.promptBytes }, 1)
        st_el_set_history(editLine, history.handle)
        // SIGWINCH (resize), SIGTSTP and SIGCONT handled while editing.
        st_el_set_signal(editLine, 1)
        // libedit's redisplay through the terminal's insert- and delete-character capabilities miscounts
        // double-width characters: editing the middle of a wrapped Chinese line left gaps and stray characters, or
        // lost the second row. Without those capabilities it rewrites the rest of the line, which it gets right.
        for capability in Self.wideUnsafeCapabilities { st_el_settc(editLine, capability, "") }
        st_el_set_editor(editLine, "emacs")

        st_el_add_function(editLine, "sandtable-complete", "Complete the word before the cursor") { el, _ in
            guard let reader = EditLineReader.owner(of: el) else { return UInt8(CC_ERROR) }
            return reader.completeWord()
        }
        st_el_bind(editLine, "^I", "sandtable-complete")

        // Ctrl-C is a key while editing, not a signal.
        st_el_setty_edit(editLine, "-isig")
        st_el_add_function(editLine, "sandtable-interrupt", "Discard the line") { el, _ in
            guard let reader = EditLineReader.owner(of: el) else { return UInt8(CC_ERROR) }
            return reader.discardLine()
        }
        st_el_bind(editLine, "^C", "sandtable-interrupt")

        // Home, End, Delete and word moves as xterm, tmux/screen, PuTTY and the Linux console send them.
        for binding in KeyBindings.all { st_el_bind(editLine, binding.keys, binding.function) }

        // Last, so the user's ~/.editrc can override the bindings above.
        el_source(editLine, nil)
    }

    private func setPrompt(_ prompt: Prompt) {
        guard let copy = strdup(prompt.rendered(zeroWidthMarker: Self.marker)) else { return }
        free(promptBytes)
        promptBytes = copy
    }

    /// The reader registered as client data of `el`.
    private static func owner(of el: OpaquePointer?) -> EditLineReader? {
        guard let el, let data = st_el_get_clientdata(el) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    }

    // MARK: - Key functions

    /// Ctrl-C: show `^C` after the text, then end the line through libedit's
    /// own newline so the display ends cleanly on a fresh row.
    private func discardLine() -> UInt8 {
        interruptPressed = true
        el_cursor(editLine, Int32.max / 2)
        el_insertstr(editLine, "^C")
        el_push(editLine, "\n")
        return UInt8(CC_REFRESH)
    }

    /// Tab: complete, or list the candidates.
    private func completeWord() -> UInt8 {
        guard let completion, let info = el_line(editLine)?.pointee else { return UInt8(CC_REFRESH_BEEP) }
        let before = String(
            decoding: UnsafeRawBufferPointer(start: info.buffer, count: info.cursor - info.buffer), as: UTF8.self)
        let word = CompletionLogic.word(inLineBeforeCursor: before)
        switch CompletionLogic.action(word: word, candidates: completion(before)) {
        case .none:
            return UInt8(CC_REFRESH_BEEP)
        case .insert(let text):
            return el_insertstr(editLine, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_REFRESH_BEEP)
        case .list(let candidates):
            let columns = Int(st_el_columns(editLine))
            let rows = CompletionLogic.columns(candidates, width: (columns > 0 ? columns : 80) - 1)
            st_write_stdout("\n" + rows.joined(separator: "\n") + "\n")
            return UInt8(CC_REDISPLAY)
        }
    }
}
