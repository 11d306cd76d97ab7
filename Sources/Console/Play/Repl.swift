import ExerciseEngine
import Foundation
import LineEditor
import Localization
import ScenarioLanguage
import TerminalText
import Transcripts

/// Options of one play session.
public struct PlayOptions: Sendable {
    /// The UI language.
    public var language: UILanguage
    /// Whether to colour output.
    public var color: Bool
    /// The terminal width.
    public var width: Int
    /// Whether a facilitator runs the session.
    public var facilitator: Bool
    /// Whether stdin and stdout are a terminal (hot-seat screens are cleared only then).
    public var interactive: Bool
    /// Whether the screen is cleared, and Enter awaited, when the keyboard passes to another department
    /// (only on a terminal; `--no-privacy-screen` turns it off).
    public var privacyScreen: Bool
    /// Whether the terminal cannot clear its screen (`TERM=dumb`): the privacy screen scrolls the text away.
    public var dumbTerminal: Bool

    /// Creates options.
    public init(
        language: UILanguage, color: Bool, width: Int, facilitator: Bool, interactive: Bool,
        privacyScreen: Bool = true, dumbTerminal: Bool = false
    ) {
        self.language = language
        self.color = color
        self.width = width
        self.facilitator = facilitator
        self.interactive = interactive
        self.privacyScreen = privacyScreen
        self.dumbTerminal = dumbTerminal
    }
}

/// The REPL: reads lines, turns them into inputs for the session, records them, and renders what follows.
public final class Repl {
    var session: Session
    let recorder: SessionRecorder
    let reader: LineReader
    let options: PlayOptions
    let s: Strings
    let paint: Paint
    /// The role whose seat is at the keyboard.
    var seat: Int?
    /// Messages (inject texts) waiting for a role that is not at the keyboard.
    var inbox: [Int: [String]] = [:]
    /// The session so far for `log`: one entry per event shown, each its rendered lines without colour.
    var history: [[String]] = []
    /// Peer ratings seen (named mode), for the scorecard.
    var peerRatings: [(rater: Int?, target: Int, question: Int, value: Int)] = []
    var flaggedPairs: [PeerPair] = []
    /// Whether recording failed: no more input is accepted.
    var recordingBroken = false
    var finished = false
    var lastQuestionShown: String?
    /// The event rendered last, which tells why the clock moved when it moves next.
    var previousEvent: Event?
    /// Set when input ended at the privacy screen: the loop then saves and stops as on Ctrl-D.
    var inputEnded = false

    var scenario: Scenario { session.scenario }

    /// Creates a REPL over a started session.
    /// - Parameter seat: The role at the keyboard (after resume: whoever gave the last recorded input); nil for the
    ///   first role people play.
    public init(
        session: Session, recorder: SessionRecorder, reader: LineReader, options: PlayOptions, seat: Int? = nil
    ) {
        self.session = session
        self.recorder = recorder
        self.reader = reader
        self.options = options
        self.s = Strings(.console, language: options.language)
        self.paint = Paint(enabled: options.color)
        self.seat = seat ?? session.scenario.roles.indices.first { session.isPlayed($0) }
    }

    // MARK: Output

    /// Prints one line, laid out in the terminal's width: every line the REPL shows passes through here, and so
    /// through ``SafeText``: exercise texts, notes and answers keep Sandtable's own colours only, any other escape
    /// sequence or control character becomes U+FFFD.
    func out(_ line: String = "") {
        for fitted in laidOut(line) { print(fitted) }
    }

    /// A line as it reaches the terminal: made safe, split at its newlines, fitted to the width, with no trailing
    /// spaces (a table's padding in its last column).
    func laidOut(_ line: String) -> [String] {
        SafeText.sanitized(keepingStyles: line).split(separator: "\n", omittingEmptySubsequences: false).flatMap {
            TextLayout.fit(String($0), width: options.width).map { String($0.reversed().drop { $0 == " " }.reversed()) }
        }
    }

    /// Prints lines through the pager (see ``Pager``) when they would not fit on the terminal's screen and a
    /// person is reading it; else prints them.
    func paged(_ lines: [String]) {
        let screen = lines.flatMap(laidOut)
        if options.interactive, !options.dumbTerminal, let rows = TerminalSize.rows(), screen.count >= rows - 1,
            let command = Pager.command(), Pager.show(screen, command: command)
        {
            return
        }
        for line in screen { print(line) }
    }

    func flush() { fflush(nil) }

    /// Prints text wrapped to the terminal width, with an indent.
    func wrapped(_ text: String, indent: String = "") {
        for line in TextLayout.wrap(text, width: max(20, options.width), indent: indent) { out(line) }
    }

    /// Prints `text` after a (possibly coloured) prefix, wrapped, with continuation lines hanging under the text.
    func hanging(_ prefix: String, _ text: String, hang: Int? = nil) {
        let indent = hang ?? DisplayWidth.width(DisplayWidth.stripANSI(prefix))
        let pieces = TextLayout.wrap(text, width: max(20, options.width - indent))
        for (i, piece) in pieces.enumerated() {
            out((i == 0 ? prefix : String(repeating: " ", count: indent)) + piece)
        }
        if pieces.isEmpty { out(prefix) }
    }

    func error(_ text: String) {
        out(paint("✗ ", .red) + text)
    }

    func roleName(_ r: Int) -> String { scenario.roles[r].name }

    var clockText: String { ClockFormat.time(session.state.clock, start: scenario.header.clockStart) }

    // MARK: Running

    /// Shows the opening and the events of `start()`, then reads input until the session ends or input ends.
    /// - Returns: whether the session reached its end (or was quit), false when input ended or recording failed.
    public func run(openingEvents: [Event], resumed: Bool) -> Bool {
        updateFarewell()
        if !resumed { showOpening() }
        render(openingEvents)
        if session.isEnded { return finish() }
        afterEvents()
        while !finished {
            // Everything shown reaches the screen (or a pipe's reader) before the program waits for input.
            flush()
            let input = inputEnded ? .endOfInput : reader.readLine(prompt: prompt())
            switch input {
            case .endOfInput:
                out()
                out(recorder.path.isEmpty ? s("notice.notSaved") : s("notice.saved", recorder.path))
                if !recorder.path.isEmpty { out(s("notice.resumeHint", CommandText.quoted(recorder.path))) }
                flush()
                return false
            case .interrupted:
                out(paint.grey(s("notice.interrupt")))
            case .rejected(let why):
                switch why {
                case .invalidUTF8: error(s("error.invalidUTF8"))
                case .tooLong(let limit): error(s("error.lineTooLong", String(limit)))
                case .controlCharacters: error(s("error.controlCharacters"))
                }
            case .line(let line):
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                if !isPrivateAnswer(trimmed) { reader.addToHistory(trimmed) }
                handle(trimmed)
            }
            flush()
        }
        return !recordingBroken
    }

    /// Applies an input: validates, records durably, and only then renders its consequences.
    @discardableResult
    func submit(_ input: Input) -> Bool {
        guard !recordingBroken else {
            error(s("error.recordingBroken"))
            return false
        }
        var copy = session
        let events: [Event]
        do {
            events = try copy.apply(input)
        } catch {
            self.error(describe(error))
            return false
        }
        do {
            try recorder.record(input: input, events: events, wall: Date())
        } catch {
            stopRecording(error)
            return false
        }
        session = copy
        render(events)
        if session.isEnded {
            _ = finish()
        } else {
            afterEvents()
        }
        return true
    }

    /// Closes the transcript and shows the scorecard.
    func finish() -> Bool {
        guard !finished else { return true }
        finished = true
        var closeFailure: Error?
        do {
            try recorder.close(session: session, wall: Date())
        } catch {
            closeFailure = error
        }
        updateFarewell()
        showScorecard()
        if let closeFailure {
            out()
            stopRecording(closeFailure)
        } else if !recorder.path.isEmpty {
            out()
            out(s("notice.saved", recorder.path))
        }
        flush()
        return !recordingBroken
    }

    /// After a failed write: says why in the UI language, and stops taking decisions (the REPL ends and `play`
    /// exits non-zero), so that nothing is decided that the transcript does not hold.
    func stopRecording(_ failure: Error) {
        recordingBroken = true
        updateFarewell()
        let reason = (failure as? TranscriptError)?.message(in: options.language) ?? String(describing: failure)
        error(s("error.recordFailed", reason))
        out(s("notice.stopped"))
        finished = true
        flush()
    }

    /// What is printed when SIGTERM or SIGHUP ends the program (see ``Interrupts/installTermination()``): where the
    /// session is saved and, while it can go on, how to resume it.
    func updateFarewell() {
        var text = "\n"
        if !recorder.path.isEmpty && !recordingBroken {
            text += s("notice.saved", recorder.path) + "\n"
            if !finished { text += s("notice.resumeHint", CommandText.quoted(recorder.path)) + "\n" }
        }
        Interrupts.setFarewell(text)
    }

    /// After events: hand the keyboard to whoever must answer, and show their question.
    func afterEvents() {
        let waiting = session.waiting
        let pending = waiting.roles.filter { session.isPlayed($0) }
        if let seat, pending.contains(seat) {
            showQuestion(for: seat)
            return
        }
        if let next = pending.first {
            switchSeat(to: next, handOver: true)
            showQuestion(for: next)
            return
        }
        if case .arbitration(let d) = waiting {
            out(paint.yellow(s("decision.arbitrationAwaited", scenario.decisions[d].question)))
            showOptions(decision: d)
        }
    }

    func switchSeat(to role: Int, handOver: Bool) {
        guard seat != role else { return }
        if handOver && options.interactive && options.privacyScreen {
            privacyScreen(before: role)
        } else if handOver && options.interactive, case .positions = session.waiting {
            // Hot-seat without the privacy screen: positions of a joint decision still stay hidden.
            clearScreen()
        }
        seat = role
        if handOver {
            out()
            out(paint.bold(s("seat.handOver", roleName(role))))
        }
        if let messages = inbox.removeValue(forKey: role), !messages.isEmpty {
            out(paint.bold(s.plural("seat.inbox", count: messages.count, roleName(role))))
            for m in messages { wrapped(m, indent: "  ") }
        }
    }

    /// Hot-seat privacy: hides what the previous department typed and saw, then waits until the next one is at
    /// the keyboard. Whatever is typed at that prompt is not an input of the session.
    func privacyScreen(before role: Int) {
        clearScreen()
        let input = reader.readLine(
            prompt: Prompt(s("seat.privacy", roleName(role)), color: options.color ? .yellow : nil))
        if input == .endOfInput { inputEnded = true }
        clearScreen()
    }

    /// Clears the screen and its scrollback, or on a terminal that cannot, scrolls the text out of sight.
    func clearScreen() {
        if options.dumbTerminal {
            out(String(repeating: "\n", count: 60))
        } else {
            print("\u{1B}[H\u{1B}[2J\u{1B}[3J", terminator: "")
        }
        flush()
    }

    func prompt() -> Prompt {
        let who = seat.map { roleName($0) } ?? (options.facilitator ? s("word.facilitator") : s("prompt.observer"))
        let paused = session.state.paused ? " · " + s("prompt.paused") : ""
        return Prompt(SafeText.sanitized("[\(who) · \(clockText)\(paused)] > "), color: options.color ? .cyan : nil)
    }

    // MARK: Input handling

    func handle(_ line: String) {
        if line.hasPrefix(":") {
            handleFacilitator(String(line.dropFirst()))
            return
        }
        let (word, rest) = Self.split(line)
        if let command = ReplCommand.find(word) {
            run(command, rest)
            return
        }
        if answerCurrentQuestion(line) { return }
        if let seat, Int(line) != nil || answerWordsOfQuestion().contains(line) {
            // An answer (a number or an id) typed at a seat that has nothing to answer: say whose turn it is and
            // how to get there.
            let others = session.waiting.roles.filter { session.isPlayed($0) && $0 != seat }
            if let next = others.first {
                error(
                    s(
                        "error.alreadyAnsweredTurn", roleName(seat),
                        others.map(roleName).joined(separator: s("list.separator")), scenario.roles[next].id))
            } else {
                error(s(session.waiting.roles.isEmpty ? "error.nothingToAnswer" : "error.unexpected"))
            }
            return
        }
        var message = s("error.unknownCommand", word)
        let known: [String] = ReplCommand.all.flatMap { [$0.name.rawValue] + $0.aliases } + currentAnswerWords()
        if let guess = closestMatch(to: word, in: known) { message += s("error.didYouMean", guess) }
        error(message)
    }

    /// The command word and the rest of a line. Split at the first space scalar, not character: a space followed by a
    /// combining mark is one character, and `note ́text` must still be the `note` command.
    static func split(_ line: String) -> (word: String, rest: String) {
        let scalars = line.unicodeScalars
        guard let space = scalars.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (line, "") }
        let rest = String(scalars[scalars.index(after: space)...]).trimmingCharacters(in: .whitespaces)
        return (String(scalars[..<space]), rest)
    }

    /// Whether a line is an answer that must not stay in the line editor's history, where the next person at the
    /// keyboard could recall it with the Up key: a peer rating (anonymous or not), a discussion answer, or a position
    /// in a joint decision, typed at the seat they are asked of.
    func isPrivateAnswer(_ line: String) -> Bool {
        guard let seat, !line.hasPrefix(":"), ReplCommand.find(Self.split(line).word) == nil else { return false }
        switch session.waiting {
        case .peerReview(let rater, _): return rater == seat
        case .discussion(_, let pending), .positions(_, let pending): return pending.contains(seat)
        default: return false
        }
    }

    /// Words that answer the current question (choice or option ids).
    func currentAnswerWords() -> [String] {
        guard let seat else { return [] }
        switch session.waiting {
        case .ask(let a, let pending) where pending.contains(seat):
            return session.offeredChoices(a, to: seat).map { scenario.choices[$0].id }
        case .positions(let d, _):
            return scenario.decisions[d].options.map { scenario.options[$0].id }
                + (scenario.decisions[d].isVote ? [s("answer.abstain")] : [])
        case .leadCall(let d, _), .arbitration(let d), .arbiterCall(let d, _):
            return scenario.decisions[d].options.map { scenario.options[$0].id }
        default:
            return []
        }
    }

    /// Every choice or option id of the question being asked now, whoever it is put to.
    func answerWordsOfQuestion() -> [String] {
        switch session.waiting {
        case .ask(let a, _): return scenario.asks[a].choices.map { scenario.choices[$0].id }
        case .positions(let d, _), .leadCall(let d, _), .arbitration(let d), .arbiterCall(let d, _):
            return scenario.decisions[d].options.map { scenario.options[$0].id }
        default: return []
        }
    }

    /// Treats the line as an answer (a number or an id) to the seat's current question.
    func answerCurrentQuestion(_ line: String) -> Bool {
        guard let seat else { return false }
        switch session.waiting {
        case .ask(let a, let pending) where pending.contains(seat):
            let offered = session.offeredChoices(a, to: seat)
            if let n = Int(line) {
                guard (1...max(1, offered.count)).contains(n), n <= offered.count else {
                    error(s("error.choiceOutOfRange", "1", String(offered.count)))
                    showQuestion(for: seat)
                    return true
                }
                submit(.choose(role: seat, choice: offered[n - 1]))
                return true
            }
            if let c = offered.first(where: { scenario.choices[$0].id == line }) {
                submit(.choose(role: seat, choice: c))
                return true
            }
            if let c = scenario.asks[a].choices.first(where: { scenario.choices[$0].id == line }) {
                error(s("error.choiceNotOffered", scenario.choices[c].label))
                return true
            }
            return false
        case .positions(let d, let pending) where pending.contains(seat):
            if scenario.decisions[d].isVote && (line == "abstain" || line == "弃权") {
                submit(.abstain(role: seat))
                return true
            }
            guard let option = option(of: d, from: line) else { return looksLikeAnswer(line, d) }
            submit(.position(role: seat, option: option))
            return true
        case .leadCall(let d, let lead) where lead == seat, .arbiterCall(let d, let lead) where lead == seat:
            guard let option = option(of: d, from: line) else { return looksLikeAnswer(line, d) }
            submit(.leadCall(role: seat, option: option))
            return true
        case .discussion(_, let pending) where pending.contains(seat):
            submit(.discuss(role: seat, text: line))
            return true
        case .peerReview(let rater, let remaining) where rater == seat:
            guard let slot = remaining.first else { return false }
            if line == "skip" || line == "跳过" {
                submit(.peerRating(target: slot.target, question: slot.question, value: nil))
                return true
            }
            guard let value = Int(line) else { return false }
            let q = scenario.peerQuestions[slot.question]
            guard (q.low...q.high).contains(value) else {
                error(s("error.ratingOutOfRange", String(q.low), String(q.high)))
                showQuestion(for: seat)
                return true
            }
            submit(.peerRating(target: slot.target, question: slot.question, value: value))
            return true
        default:
            return false
        }
    }

    func option(of d: DecisionIndex, from line: String) -> Int? {
        let options = scenario.decisions[d].options
        if let n = Int(line), (1...options.count).contains(n) { return options[n - 1] }
        return options.first { scenario.options[$0].id == line }
    }

    private func looksLikeAnswer(_ line: String, _ d: DecisionIndex) -> Bool {
        guard Int(line) != nil else { return false }
        error(s("error.choiceOutOfRange", "1", String(scenario.decisions[d].options.count)))
        return true
    }

    /// A refusal from the engine, in words.
    func describe(_ error: Error) -> String {
        guard let error = error as? SessionError else { return String(describing: error) }
        switch error {
        case .ended: return s("error.sessionOver")
        case .paused: return s("error.paused")
        case .notYourTurn(let r): return s("error.notYourTurn", roleName(r))
        case .nothingAsked: return s("error.nothingToAnswer")
        case .choiceNotOffered(let c): return s("error.choiceNotOffered", scenario.choices[c].label)
        case .alreadyAnswered(let r): return s("error.alreadyAnswered", roleName(r))
        case .optionNotOffered(let o): return s("error.unknownChoice", scenario.options[o].id)
        case .cannotAbstain: return s("error.cannotAbstain")
        case .actionUnavailable(let a, let why):
            let reason: String
            switch why {
            case .notForRole: reason = s("error.action.notForRole")
            case .conditionFails: reason = s("error.action.conditionFails")
            case .alreadyTaken: reason = s("error.action.alreadyTaken")
            }
            return s("error.actionUnavailable", scenario.actions[a].title) + " " + reason
        case .doesNotKnow(let i): return s("error.itemNotHeld", seat.map(roleName) ?? "", scenario.items[i].title)
        case .sharingScripted: return s("error.sharingScripted")
        case .noSuchRequest(let q): return s("error.noSuchRequest", scenario.requests[q].id)
        case .facilitatorOnly: return s("error.facilitatorOnly")
        case .ratingOutOfRange(let low, let high): return s("error.ratingOutOfRange", String(low), String(high))
        case .unexpected: return s("error.unexpected")
        case .emptyText: return s("error.emptyText")
        case .invalidDuration: return s("error.invalidDuration")
        case .noDeadline: return s("error.noDeadline")
        case .noDerivedItem(let i): return s("error.noDerivedItem", i.map { scenario.items[$0].title } ?? "—")
        case .noOpenRequest(let k): return s("error.noOpenRequest", requestName(k))
        }
    }
}
