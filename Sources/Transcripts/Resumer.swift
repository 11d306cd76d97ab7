import ExerciseEngine
import Foundation
import Localization
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
    /// What the trainer is told: what was discarded, what restarts, what no longer matches.
    public var notes: [ResumeNote]
    /// The role that gave the last recorded input, when a person plays it: whose seat was at the keyboard.
    public var lastActor: Int?
}

/// Something `resume` tells the trainer, in their language (``message(in:)``).
public enum ResumeNote: Sendable, Hashable {
    /// A crash had cut the end off; those bytes were never shown and were removed.
    case discarded(bytes: Int)
    /// The exercise changed; the session was replayed by ids, with this many mismatches.
    case replayedByIDs(mismatches: Int)
    /// One point where the edited exercise no longer matches the recording (in English, with ids).
    case mismatch(String)
    /// The anonymous peer evaluation starts again from its first rater.
    case anonymousReviewRestarts

    /// The note in `language`.
    public func message(in language: UILanguage) -> String {
        let s = Strings(.transcripts, language: language)
        switch self {
        case .discarded(let bytes): return s.plural("resume.discarded", count: bytes)
        case .replayedByIDs(let n): return n == 0 ? s["resume.replayedByIDs"] : s.plural("resume.mismatches", count: n)
        case .mismatch(let text): return text
        case .anonymousReviewRestarts: return s["resume.anonymousRestarts"]
        }
    }
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
    /// - A session run by a facilitator is resumed only with `facilitator` (and, when signed, the key), so that
    ///   whoever resumes it does not get the facilitator's commands by accident; `facilitator` on a session without
    ///   one is refused too. With a key, an unsigned transcript is refused (its HMACs may have been stripped).
    public static func load(
        path: String, scenario: Scenario, force: Bool = false, key: TranscriptKey? = nil, facilitator: Bool = false,
        tool: String = "", now: Date = Date()
    ) -> Result<ResumedSession, TranscriptError> {
        let transcript: Transcript
        switch Transcript.read(path: path, key: key) {
        case .success(let t): transcript = t
        case .failure(let e): return .failure(e)
        }
        if transcript.close != nil { return .failure(.alreadyEnded(path: path)) }
        if transcript.header.hmac && key == nil { return .failure(.keyRequired(path: path)) }
        if transcript.header.facilitated && !facilitator { return .failure(.facilitatorRequired(path: path)) }
        if !transcript.header.facilitated && facilitator { return .failure(.notFacilitated(path: path)) }
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
        var notes: [ResumeNote] = []
        if let torn = transcript.torn { notes.append(.discarded(bytes: torn.bytes)) }
        if changed { notes.append(.replayedByIDs(mismatches: outcome.mismatches.count)) }
        notes += outcome.mismatches.map { .mismatch($0) }
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
            notes.append(.anonymousReviewRestarts)
        }
        let ids = ScenarioIDs(scenario)
        let lastActor = transcript.steps.last { $0.input.role != nil }?.input.role.flatMap { ids.role(id: $0) }
        return .success(
            ResumedSession(
                session: outcome.session, writer: writer, transcript: transcript, events: outcome.events,
                mismatches: outcome.mismatches, discarded: transcript.torn, scenarioChanged: changed, notes: notes,
                lastActor: lastActor.flatMap { outcome.session.isPlayed($0) ? $0 : nil }))
    }
}
