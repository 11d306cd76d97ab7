import ExerciseEngine
import Foundation
import ScenarioLanguage

/// A session rebuilt from its transcript, ready to go on.
public struct ResumedSession {
    /// The session, in the state the transcript recorded.
    public var session: Session
    /// The writer, open at the end of the same file (a resume record already written).
    public var writer: TranscriptWriter
    /// The transcript as read.
    public var transcript: Transcript
    /// Every event of the replay, in order (the session's history).
    public var events: [Event]
    /// Where the exercise no longer matches the recording (only with `force`): each input that was skipped, or the
    /// first event that came out differently.
    public var mismatches: [String]
    /// What a crash had cut off the end and was removed, if anything.
    public var discarded: TornTail?
    /// Whether the exercise differs from the one recorded (and `force` allowed it).
    public var scenarioChanged: Bool
    /// Messages for the trainer: what was discarded, what restarts, what no longer matches.
    public var notes: [String]
}

/// Rebuilds a session from its transcript so that play can go on in the same file.
public enum Resumer {
    /// Reads the transcript at `path`, checks it, replays its inputs through a fresh session, and opens the file for
    /// appending.
    ///
    /// - A torn last line, or a last step whose events were not all written, was never shown to anyone: it is cut
    ///   off (reported in ``ResumedSession/discarded``).
    /// - When the exercise's fingerprint differs from the recorded one, it refuses with
    ///   ``TranscriptError/scenarioChanged(path:exercise:recorded:current:)`` unless `force` is set; with `force` it
    ///   replays by ids, skips every input that no longer applies and lists each point in
    ///   ``ResumedSession/mismatches`` (also written into the resume record).
    /// - A transcript signed with an HMAC needs the same key.
    /// - A session whose end was recorded cannot be resumed (``TranscriptError/alreadyEnded(path:)``); when only
    ///   its closing record was missing, that record is written first.
    /// - In an anonymous peer evaluation the ratings are not recorded until the last one, so an interrupted
    ///   evaluation starts again from the first rater.
    public static func load(
        path: String, scenario: Scenario, force: Bool = false, key: TranscriptKey? = nil, tool: String = "",
        now: Date = Date()
    ) -> Result<ResumedSession, TranscriptError> {
        let transcript: Transcript
        switch Transcript.read(path: path, key: key) {
        case .success(let t): transcript = t
        case .failure(let e): return .failure(e)
        }
        if transcript.close != nil { return .failure(.alreadyEnded(path: path)) }
        if transcript.header.hmac && key == nil { return .failure(.keyRequired(path: path)) }
        let current = Digest.scenario(scenario)
        let recorded = transcript.header.scenarioSHA256
        let latest = transcript.resumes.last?.data["scenario_sha256"]?.stringValue ?? recorded
        let sameAsRecorded =
            current == recorded && transcript.resumes.allSatisfy { $0.data["scenario_sha256"]?.stringValue == current }
        if current != latest && !force {
            return .failure(
                .scenarioChanged(path: path, exercise: transcript.header.exerciseID, recorded: latest, current: current)
            )
        }
        var outcome = Replayer(transcript: transcript, scenario: scenario, strict: sameAsRecorded).run()
        if let failure = outcome.failure {
            guard force else { return .failure(failure) }
            outcome = Replayer(transcript: transcript, scenario: scenario, strict: false).run()
        }
        let changed = current != recorded || !sameAsRecorded

        let writer: TranscriptWriter
        do {
            writer = try TranscriptWriter.openForAppend(transcript: transcript, scenario: scenario, key: key)
        } catch {
            return .failure(error)
        }
        if outcome.endRecorded {
            do {
                try writer.writeClose(session: outcome.session, wall: now)
            } catch {
                return .failure(error)
            }
            return .failure(.alreadyEnded(path: path))
        }
        var notes: [String] = []
        if let torn = transcript.torn {
            notes.append(
                "The end of the transcript was incomplete (\(torn.reason)); those \(torn.bytes) bytes were never shown "
                    + "and have been removed.")
        }
        if changed {
            notes.append(
                "The exercise has changed since the session was recorded; the session was replayed by ids"
                    + (outcome.mismatches.isEmpty
                        ? " and everything still matches." : " with \(outcome.mismatches.count) mismatches."))
        }
        notes += outcome.mismatches
        if !transcript.header.hmac && key != nil {
            notes.append("This transcript was started without a key; it stays unsigned.")
        }
        writer.setClock(outcome.session.state.clock)
        do {
            try writer.writeResume(
                fingerprint: current, forced: changed, discarded: transcript.torn?.bytes ?? 0,
                mismatches: outcome.mismatches, tool: tool, wall: now)
            if !outcome.startRecorded {
                let events = outcome.session.start()
                try writer.append(input: nil, events: events, wall: now)
                outcome.events += events
            }
        } catch {
            return .failure(error)
        }
        if case .peerReview = outcome.session.waiting, scenario.header.peer == .anonymous {
            notes.append(
                "The anonymous peer evaluation starts again from the first rater: its ratings are recorded only when "
                    + "the last one is given.")
        }
        return .success(
            ResumedSession(
                session: outcome.session, writer: writer, transcript: transcript, events: outcome.events,
                mismatches: outcome.mismatches, discarded: transcript.torn, scenarioChanged: changed, notes: notes))
    }
}
