import ExerciseEngine
import ScenarioLanguage
import Transcripts

/// Why a transcript could not be debriefed or replayed.
public enum DebriefError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The transcript could not be read: missing, not a transcript, damaged or tampered with.
    case unreadable(path: String, reason: String)
    /// The exercise differs from the one the session was played with.
    case exerciseChanged(path: String, exercise: String)
    /// Replaying the transcript's inputs does not reproduce its events: it was edited, or the engine changed.
    case doesNotReplay(path: String, line: Int, reason: String)
    /// The transcript records nothing to report (not even the session's start).
    case empty(path: String)

    /// The message for the reader.
    public var message: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot debrief '\(path)': \(reason)"
        case .exerciseChanged(let path, let exercise):
            return "cannot debrief '\(path)': the exercise '\(exercise)' has changed since the session was played "
                + "(its fingerprint differs); give the version it was played with using --exercise"
        case .doesNotReplay(let path, let line, let reason):
            return "cannot debrief '\(path)': replaying it does not reproduce line \(line) (\(reason)); "
                + "run sandtable verify on it"
        case .empty(let path): return "cannot debrief '\(path)': it records no step of a session"
        }
    }

    /// The message.
    public var description: String { message }
}

/// One step of a session as replayed: an input (or the start) and the events it caused, with the scores after it.
struct ReplayedStep: Sendable {
    /// The input record.
    var input: TranscriptRecord
    /// The input, resolved against the exercise (nil for the start and the anonymous peer evaluation).
    var decoded: Input?
    /// The events, as the engine produced them.
    var events: [Event]
    /// The scenario clock before the step.
    var clockBefore: Int
    /// The scenario clock after it.
    var clock: Int
    /// What the session waited for after it.
    var waiting: Waiting
    /// The team's total after it.
    var teamTotal: Double
    /// Each role's total after it.
    var roleTotals: [Double]
    /// Which items each role knew after it (`item * roleCount + role`).
    var knows: [Bool]
}

/// A transcript replayed through the engine step by step.
///
/// The transcript is first checked the way `verify` checks it (``Replayer`` in strict mode: every event must come
/// out the same), then replayed again keeping each step's events and scores.
struct SessionReplay: Sendable {
    let transcript: Transcript
    let scenario: Scenario
    let ids: ScenarioIDs
    /// Every step, the start first.
    var steps: [ReplayedStep] = []
    /// The session after the last step.
    var session: Session
    /// The anonymous ratings (target, question, value), when an anonymous peer evaluation was completed.
    var anonymousRatings: [(target: Int, question: Int, value: Int)] = []
    /// The flagged pairs of an anonymous peer evaluation.
    var anonymousFlagged: [PeerPair] = []
    /// Whether the anonymous peer evaluation was completed (the session ended with it).
    var anonymousDone = false
    /// The line of a resume record from which a changed exercise was used, if any.
    var changedAt: Int?
    /// The team's and each role's totals before the first step.
    var initialTotals: (team: Double, roles: [Double]) = (0, [])

    /// Whether the session reached its end.
    var isComplete: Bool { transcript.close != nil || session.isEnded || anonymousDone }

    /// Checks and replays a transcript.
    static func run(_ transcript: Transcript, scenario: Scenario) -> Result<SessionReplay, DebriefError> {
        let path = transcript.path
        let current = Digest.scenario(scenario)
        let header = transcript.header
        let sameAsRecorded = current == header.scenarioSHA256
        if !Session.replayableScoringVersions.contains(header.scoring) {
            let error = TranscriptError.scoringChanged(
                path: path, recorded: header.scoring, current: Session.scoringVersion)
            return .failure(.unreadable(path: path, reason: error.message))
        }
        if !sameAsRecorded
            && !transcript.resumes.contains(where: { $0.data["scenario_sha256"]?.stringValue == current })
        {
            return .failure(.exerciseChanged(path: path, exercise: header.exerciseID))
        }
        let check = Replayer(transcript: transcript, scenario: scenario, strict: sameAsRecorded).run()
        if let failure = check.failure {
            return .failure(.doesNotReplay(path: path, line: failure.line ?? 0, reason: failure.lineMessage))
        }
        let ids = ScenarioIDs(scenario)
        var played: Set<Int> = []
        for role in header.roles where role.played {
            if let r = ids.role(id: role.id) { played.insert(r) }
        }
        var session = Session(scenario: scenario, seed: header.seed, played: played, facilitated: header.facilitated)
        session.scoreBounds = header.scoreBounds
        session.rulesVersion = header.scoring
        var replay = SessionReplay(transcript: transcript, scenario: scenario, ids: ids, session: session)
        replay.changedAt = check.comparisonStoppedAt
        let initial = Scorecard(session: replay.session)
        replay.initialTotals = (initial.teamTotal, initial.roleTotals)
        replay.stepThrough()
        if replay.steps.isEmpty { return .failure(.empty(path: path)) }
        return .success(replay)
    }

    private mutating func stepThrough() {
        let records = transcript.records
        let roleCount = scenario.roles.count
        var index = 0
        var started = false
        while index < records.count {
            let record = records[index]
            index += 1
            guard record.type == .input else { continue }
            var recorded: [TranscriptRecord] = []
            while index < records.count, records[index].type == .event {
                recorded.append(records[index])
                index += 1
            }
            if anonymousDone { break }
            let before = session.state.clock
            var decoded: Input?
            var events: [Event]
            switch record.kind {
            case InputCodec.startKind:
                guard !started else { continue }
                started = true
                events = session.start()
            case InputCodec.anonymousPeerReviewKind:
                guard started else { continue }
                anonymousDone = true
                readAnonymous(recorded)
                let ending = session.state.ending
                events = [
                    Event(
                        clock: session.state.clock,
                        kind: .ended(ending: ending, reason: session.state.endReason ?? .ending))
                ]
            default:
                guard started,
                    case .success(let input) = InputCodec(ids: ids).decode(
                        kind: record.kind, role: record.role, data: record.data, line: record.line)
                else { continue }
                // Inputs that no longer apply (only after a forced resume with an edited exercise) are skipped.
                guard let produced = try? session.apply(input) else { continue }
                decoded = input
                events = produced
            }
            let card = Scorecard(session: session)
            var knows: [Bool] = []
            knows.reserveCapacity(scenario.items.count * roleCount)
            for item in scenario.items.elementIndices {
                for role in 0..<roleCount { knows.append(session.knows(role, item)) }
            }
            steps.append(
                ReplayedStep(
                    input: record, decoded: decoded, events: events, clockBefore: before, clock: session.state.clock,
                    waiting: anonymousDone ? .ended : session.state.waiting, teamTotal: card.teamTotal,
                    roleTotals: card.roleTotals, knows: knows))
        }
    }

    /// Reads the anonymous ratings and flagged pairs from the recorded `peer_ratings_anonymous` event.
    private mutating func readAnonymous(_ recorded: [TranscriptRecord]) {
        guard let event = recorded.first(where: { $0.kind == "peer_ratings_anonymous" }) else { return }
        for rating in event.data["ratings"]?.arrayValue ?? [] {
            guard let target = rating["target"]?.stringValue.flatMap(ids.role(id:)),
                let question = rating["question"]?.stringValue.flatMap(ids.question(id:)),
                let value = rating["value"]?.intValue
            else { continue }
            anonymousRatings.append((target, question, value))
        }
        for pair in event.data["flagged_pairs"]?.arrayValue ?? [] {
            guard let first = pair["first"]?.stringValue.flatMap(ids.role(id:)),
                let second = pair["second"]?.stringValue.flatMap(ids.role(id:)),
                let question = pair["question"]?.stringValue.flatMap(ids.question(id:)),
                let gap = pair["gap"]?.intValue
            else { continue }
            anonymousFlagged.append(PeerPair(first: first, second: second, question: question, gap: gap))
        }
    }
}
