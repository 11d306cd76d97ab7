import ExerciseEngine
import ScenarioLanguage

/// Rebuilds a session from a transcript's inputs, for verify and resume.
///
/// Strict replay stops at the first point where the recording and the replay differ (an unknown id, an input the
/// engine refuses, an event that differs). Lenient replay (resume with `--force`) skips what no longer applies and
/// describes each such point.
package struct Replayer {
    /// The result of a replay.
    package struct Outcome {
        /// The rebuilt session.
        package var session: Session
        /// Lenient replay: where the exercise no longer matches the recording.
        package var mismatches: [String] = []
        /// Strict replay: the first difference.
        package var failure: TranscriptError?
        /// Whether the transcript records the session's start.
        package var startRecorded = false
        /// Whether the transcript records the end of the session (an `ended` event).
        package var endRecorded = false
        /// Whether the anonymous peer evaluation was completed (its ratings cannot be replayed).
        package var anonymousReviewRecorded = false
        /// The line of a resume record after which the exercise was different, so events were no longer compared.
        package var comparisonStoppedAt: Int?
        /// Inputs replayed (including the start).
        package var steps = 0
        /// Event lines compared with the replay.
        package var eventsCompared = 0
        /// All events the replay produced, in order.
        package var events: [Event] = []
    }

    let transcript: Transcript
    let scenario: Scenario
    let builder: RecordBuilder
    let fingerprint: String
    /// Whether to stop at the first difference (else skip and describe).
    let strict: Bool

    package init(transcript: Transcript, scenario: Scenario, strict: Bool) {
        self.transcript = transcript
        self.scenario = scenario
        builder = RecordBuilder(scenario: scenario, key: nil)
        fingerprint = Digest.scenario(scenario)
        self.strict = strict
    }

    private static let unstamped: Set<String> = ["seq", "wall", "prev", "sum", "mac"]

    /// A short description of a record for messages.
    static func summary(_ json: JSONValue) -> String {
        let text = json.removing(unstamped.union(["type", "clock"])).text
        return text.count > 240 ? String(text.prefix(240)) + "…" : text
    }

    package func run() -> Outcome {
        let header = transcript.header
        guard Session.replayableScoringVersions.contains(header.scoring) else {
            var outcome = Outcome(
                session: Session(scenario: scenario, seed: header.seed, played: [], facilitated: header.facilitated))
            outcome.failure = .scoringChanged(
                path: transcript.path, recorded: header.scoring, current: Session.scoringVersion)
            return outcome
        }
        var played: Set<Int> = []
        var notes: [String] = []
        var failure: TranscriptError?
        for role in header.roles where role.played {
            if let r = builder.ids.role(id: role.id) {
                played.insert(r)
            } else if strict {
                failure = .unknownID(line: 1, kind: "role", id: role.id)
            } else {
                notes.append("line 1: the role '\(role.id)' no longer exists; it is left out")
            }
        }
        var session = Session(scenario: scenario, seed: header.seed, played: played, facilitated: header.facilitated)
        session.scoreBounds = header.scoreBounds
        session.rulesVersion = header.scoring
        var outcome = Outcome(session: session)
        outcome.mismatches = notes
        outcome.failure = failure
        if failure != nil { return outcome }
        var compare = fingerprint == header.scenarioSHA256
        if !compare { outcome.comparisonStoppedAt = 1 }
        var finished = false  // the anonymous review ended the session

        let records = transcript.records
        var index = 0
        while index < records.count {
            let record = records[index]
            index += 1
            if record.type == .resume {
                if compare, record.data["scenario_sha256"]?.stringValue != fingerprint {
                    compare = false
                    outcome.comparisonStoppedAt = record.line
                    // What follows was played with another exercise: strict replay cannot judge it.
                    if strict { return outcome }
                }
                continue
            }
            guard record.type == .input else { continue }
            var recorded: [TranscriptRecord] = []
            while index < records.count, records[index].type == .event {
                recorded.append(records[index])
                index += 1
            }
            for e in recorded where e.kind == "ended" { outcome.endRecorded = true }
            if finished {
                if fail(&outcome, .inputRejected(line: record.line, reason: .init("ended"))) {
                    return outcome
                }
                continue
            }
            let produced: [Event]
            switch record.kind {
            case InputCodec.startKind:
                if outcome.startRecorded {
                    if fail(&outcome, .inputRejected(line: record.line, reason: .init("startedTwice"))) {
                        return outcome
                    }
                    continue
                }
                outcome.startRecorded = true
                produced = outcome.session.start()
            case InputCodec.anonymousPeerReviewKind:
                guard case .peerReview = outcome.session.waiting, scenario.header.peer == .anonymous else {
                    if fail(
                        &outcome,
                        .inputRejected(line: record.line, reason: .init("noAnonymousReview")))
                    {
                        return outcome
                    }
                    continue
                }
                outcome.anonymousReviewRecorded = true
                finished = true
                outcome.steps += 1
                if compare, let problem = checkAnonymousEnd(recorded, session: outcome.session) {
                    if fail(&outcome, problem) { return outcome }
                }
                continue
            default:
                guard outcome.startRecorded else {
                    if fail(&outcome, .inputRejected(line: record.line, reason: .init("beforeStart"))) {
                        return outcome
                    }
                    continue
                }
                let input: Input
                switch builder.inputs.decode(kind: record.kind, role: record.role, data: record.data, line: record.line)
                {
                case .success(let i): input = i
                case .failure(let e):
                    if fail(&outcome, e) { return outcome }
                    continue
                }
                if compare && strict && record.clock != outcome.session.state.clock {
                    let problem = TranscriptError.replayMismatch(
                        line: record.line, expected: "the input at clock \(outcome.session.state.clock)",
                        found: "clock \(record.clock)")
                    if fail(&outcome, problem) { return outcome }
                }
                let before = outcome.session
                do {
                    produced = try outcome.session.apply(input)
                } catch {
                    outcome.session = before
                    let reason = describe(error, session: before)
                    if fail(&outcome, .inputRejected(line: record.line, reason: reason)) { return outcome }
                    continue
                }
                if compare && strict {
                    var rater: Int?
                    for e in produced { if case .peerRated(let r, _, _, _) = e.kind { rater = r } }
                    let again = builder.inputs.encode(input, rater: rater)
                    if again.kind != record.kind || again.role != record.role
                        || again.data.canonical != record.data.canonical
                    {
                        let expected = "\(again.kind) \(again.role ?? "-") \(again.data.text)"
                        let found = "\(record.kind) \(record.role ?? "-") \(record.data.text)"
                        if fail(&outcome, .replayMismatch(line: record.line, expected: expected, found: found)) {
                            return outcome
                        }
                    }
                }
            }
            outcome.steps += 1
            outcome.events += produced
            if compare, let problem = compareEvents(produced, recorded, after: record) {
                outcome.eventsCompared += recorded.count
                if strict {
                    outcome.failure = problem
                    return outcome
                }
                outcome.mismatches.append(problem.message + " (later events are not compared)")
                compare = false
                outcome.comparisonStoppedAt = problem.line ?? 0
            } else if compare {
                outcome.eventsCompared += recorded.count
            }
        }
        return outcome
    }

    /// Records a problem; returns whether replay stops (strict).
    private func fail(_ outcome: inout Outcome, _ problem: TranscriptError) -> Bool {
        if strict {
            outcome.failure = problem
            return true
        }
        outcome.mismatches.append(problem.message + " It is skipped.")
        return false
    }

    /// Compares replayed events with recorded event lines.
    func compareEvents(_ produced: [Event], _ recorded: [TranscriptRecord], after input: TranscriptRecord)
        -> TranscriptError?
    {
        // Version 1 recorded no vote counts: leave them out of what the replay is compared with.
        let produced =
            transcript.header.format < 2
            ? produced.filter { if case .votesCounted = $0.kind { false } else { true } } : produced
        for (i, event) in produced.enumerated() {
            let expected = builder.events.record(event)
            guard i < recorded.count else {
                return .replayMismatch(
                    line: (recorded.last ?? input).line, expected: "one more event after it: \(Self.summary(expected))",
                    found: "none")
            }
            let found = recorded[i].json.removing(Self.unstamped)
            if expected.canonical != found.canonical {
                return .replayMismatch(
                    line: recorded[i].line, expected: Self.summary(expected), found: Self.summary(found))
            }
        }
        if recorded.count > produced.count {
            let extra = recorded[produced.count]
            return .replayMismatch(line: extra.line, expected: "no further event", found: Self.summary(extra.json))
        }
        return nil
    }

    /// The events recorded for a finished anonymous review: the anonymous ratings, then the end, matching the session.
    private func checkAnonymousEnd(_ recorded: [TranscriptRecord], session: Session) -> TranscriptError? {
        guard recorded.count == 2, recorded[0].kind == "peer_ratings_anonymous", recorded[1].kind == "ended" else {
            let line = recorded.first?.line ?? 0
            return .replayMismatch(
                line: line, expected: "the anonymous ratings and the end of the session",
                found: recorded.map(\.kind).joined(separator: ", "))
        }
        let end = builder.events.record(
            Event(
                clock: session.state.clock,
                kind: .ended(ending: session.state.ending, reason: session.state.endReason ?? .ending)))
        let found = recorded[1].json.removing(Self.unstamped)
        if end.canonical != found.canonical {
            return .replayMismatch(line: recorded[1].line, expected: Self.summary(end), found: Self.summary(found))
        }
        if recorded[0].role != nil || recorded[0].data["rater"] != nil {
            return .replayMismatch(line: recorded[0].line, expected: "no rater", found: "a rater")
        }
        return nil
    }

    /// Why the engine refused an input, in words with ids.
    func describe(_ error: Error, session: Session) -> TranscriptReason {
        guard let error = error as? SessionError else { return .init("other", String(describing: error)) }
        let ids = builder.ids
        switch error {
        case .ended: return .init("ended")
        case .paused: return .init("paused")
        case .notYourTurn(let r): return .init("notYourTurn", ids.role(r))
        case .nothingAsked: return .init("nothingAsked")
        case .choiceNotOffered(let c): return .init("choiceNotOffered", ids.choice(c))
        case .alreadyAnswered(let r): return .init("alreadyAnswered", ids.role(r))
        case .optionNotOffered(let o): return .init("optionNotOffered", ids.option(o))
        case .cannotAbstain: return .init("cannotAbstain")
        case .actionUnavailable(let a, _): return .init("actionUnavailable", ids.action(a))
        case .doesNotKnow(let item): return .init("doesNotKnow", ids.item(item))
        case .sharingScripted: return .init("sharingScripted")
        case .noSuchRequest(let q): return .init("noSuchRequest", ids.request(q))
        case .facilitatorOnly: return .init("facilitatorOnly")
        case .ratingOutOfRange(let low, let high): return .init("ratingOutOfRange", String(low), String(high))
        case .unexpected: return .init("unexpected")
        case .emptyText: return .init("emptyText")
        case .invalidDuration: return .init("invalidDuration")
        case .noDeadline: return .init("noDeadline")
        case .noDerivedItem(let item): return .init("noDerivedItem", item.map(ids.item) ?? "—")
        case .noOpenRequest(let k): return .init("noOpenRequest", "r\(k + 1)")
        }
    }
}
