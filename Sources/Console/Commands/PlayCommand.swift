import ExerciseEngine
import Foundation
import LineEditor
import Localization
import ScenarioLanguage
import Transcripts

/// `sandtable play FILE`: compiles the exercise, opens the transcript, and runs the REPL.
public enum PlayCommand {
    /// What `play` was asked to do.
    public struct Arguments: Sendable {
        /// The exercise file.
        public var file: String
        /// Role ids to play (nil: all roles, hot-seat).
        public var roles: [String]?
        /// The seed (nil: from the clock).
        public var seed: UInt64?
        /// Facilitator mode.
        public var facilitator: Bool
        /// The UI language asked for, or nil for the locale's.
        public var language: UILanguage?
        /// Colour mode.
        public var color: ColorMode
        /// The transcripts folder.
        public var outDirectory: String
        /// Whether to write no transcript.
        public var noTranscript: Bool
        /// A file holding the facilitator's HMAC key (else `SANDTABLE_HMAC_KEY`, else unsigned).
        public var keyFile: String?
        /// Whether to clear the screen between hot seats (`--no-privacy-screen` turns it off).
        public var privacyScreen: Bool

        /// Creates arguments.
        public init(
            file: String, roles: [String]?, seed: UInt64?, facilitator: Bool, language: UILanguage?, color: ColorMode,
            outDirectory: String, noTranscript: Bool, keyFile: String? = nil, privacyScreen: Bool = true
        ) {
            self.keyFile = keyFile
            self.privacyScreen = privacyScreen
            self.file = file
            self.roles = roles
            self.seed = seed
            self.facilitator = facilitator
            self.language = language
            self.color = color
            self.outDirectory = outDirectory
            self.noTranscript = noTranscript
        }
    }

    /// Opens a recorder for a new session; set by the transcript layer. `interactive` tells whether a person types
    /// at a terminal.
    public typealias RecorderFactory = (
        _ scenario: Scenario, _ session: Session, _ arguments: Arguments, _ ui: UILanguage, _ interactive: Bool
    ) throws -> SessionRecorder

    /// Runs a play session and returns the exit code.
    public static func run(_ arguments: Arguments, recorder makeRecorder: RecorderFactory) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let errorPaint = Paint(
            enabled: colorEnabled(mode: arguments.color, environment: environment, isTTY: isatty(2) == 1))
        guard
            let scenario = ExerciseLoading.compile(
                arguments.file, color: arguments.color, report: .errorsOnly, language: arguments.language)
        else { return 1 }
        // Under the C locale (or none), a Chinese exercise is played in Chinese.
        let language = UILanguage.detect(
            explicit: arguments.language?.rawValue, environment: environment,
            contentLanguage: scenario.header.language)
        let strings = Strings(.console, language: language)
        var played = Set(scenario.roles.indices)
        if let ids = arguments.roles {
            played = []
            for id in ids where !id.isEmpty {
                if id == "none" { continue }
                guard let r = scenario.roles.firstIndex(where: { $0.id == id || $0.name == id }) else {
                    var message = strings("error.unknownRole", id)
                    if let guess = closestMatch(to: id, in: scenario.roles.map(\.id)) {
                        message += strings("error.didYouMean", guess)
                    }
                    standardError(
                        message + " — " + strings("play.rolesAre", scenario.roles.map(\.id).joined(separator: ", ")))
                    return 2
                }
                played.insert(r)
            }
        }
        let seed = arguments.seed ?? UInt64(Date().timeIntervalSince1970 * 1000) & 0xFFFF_FFFF
        var session = Session(scenario: scenario, seed: seed, played: played, facilitated: arguments.facilitator)
        session.scoreBounds = ScoreBoundsStore.bounds(for: scenario)
        let recorder: SessionRecorder
        do {
            recorder =
                arguments.noTranscript
                ? NullRecorder()
                : try makeRecorder(scenario, session, arguments, language, LineReaders.isInteractive)
        } catch {
            let reason = (error as? TranscriptError)?.message(in: language) ?? String(describing: error)
            standardError(errorPaint("✗ ", .red) + strings("play.noTranscript", reason))
            return 1
        }
        let events = session.start()
        do {
            try recorder.record(input: nil, events: events, wall: Date())
        } catch {
            let reason = (error as? TranscriptError)?.message(in: language) ?? String(describing: error)
            standardError(strings("error.recordFailed", reason))
            return 1
        }
        return runRepl(
            session: session, events: events, recorder: recorder, arguments: arguments, language: language,
            resumed: false)
    }

    /// Runs the REPL over a session (new or resumed).
    public static func runRepl(
        session: Session, events: [Event], recorder: SessionRecorder, arguments: Arguments,
        language: UILanguage, resumed: Bool, earlier: [Event] = [], seat: Int? = nil
    ) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let interactive = LineReaders.isInteractive
        let options = PlayOptions(
            language: language,
            color: colorEnabled(
                mode: arguments.color, environment: environment, isTTY: TerminalSize.isStandardOutputTerminal),
            width: TerminalSize.columns(environment: environment), facilitator: arguments.facilitator,
            interactive: interactive, privacyScreen: arguments.privacyScreen,
            dumbTerminal: environment["TERM"] == "dumb")
        Interrupts.install()
        Interrupts.installTermination()
        let box = CompletionBox()
        let reader = LineReaders.makeDefault(
            programName: "sandtable", historyPath: LineReaders.defaultHistoryPath(),
            completion: { line in box.repl?.completions(forLine: line) ?? [] })
        let repl = Repl(session: session, recorder: recorder, reader: reader, options: options, seat: seat)
        box.repl = repl
        repl.remember(earlier)
        let ended = repl.run(openingEvents: events, resumed: resumed)
        _ = ended
        return repl.recordingBroken ? 1 : 0
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Lets the completion closure reach the REPL created after the reader.
final class CompletionBox {
    weak var repl: Repl?
}
