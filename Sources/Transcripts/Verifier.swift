import ExerciseEngine
import ScenarioLanguage

/// What `sandtable verify` found.
public struct VerifyReport: Sendable {
    /// The verdict, which is also the exit code.
    public enum Status: Int32, Sendable, Hashable {
        /// Every check passed.
        case valid = 0
        /// A line was changed, removed, inserted or damaged, an HMAC fails, or replay does not reproduce the events.
        case tampered = 1
        /// Only the end is incomplete: a crash interrupted the last write.
        case torn = 2
        /// The file is missing, unreadable, or not a transcript.
        case unreadable = 3
        /// The chain holds, but replay could not check all of the content: the exercise was not found, or it differs
        /// from the one recorded (from line 1, or from a resume record with another fingerprint). A transcript is
        /// only as trustworthy as its weakest record, so this is not valid unless `allowEdited` accepts an edited
        /// exercise.
        case unverified = 4
    }

    /// The verdict.
    public var status: Status
    /// The path checked.
    public var path: String
    /// The header, when it could be read.
    public var header: TranscriptHeader?
    /// A problem found.
    public struct Problem: Sendable, Hashable {
        /// The 1-based line, or 0 when the problem is not tied to one.
        public var line: Int
        /// What is wrong, in words (English).
        public var message: String
        /// The error behind the problem, when there is one, so that it can be told in another language.
        public var error: TranscriptError?

        /// A problem at `line` described by `error` (its ``TranscriptError/lineMessage``).
        init(line: Int, error: TranscriptError) {
            self.line = line
            self.message = error.lineMessage
            self.error = error
        }

        /// A problem at `line` described in English words.
        init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    /// The problems found, in file order.
    public var problems: [Problem] = []
    /// Information that does not change the verdict: what was not checked and why, the session's state.
    public var notes: [Note] = []

    /// A piece of information that does not change the verdict. A value, so that the command line can say it in
    /// the reader's language; ``message`` is the English text.
    public enum Note: Sendable, Hashable, CustomStringConvertible {
        /// The transcript is signed, but no key was given: its HMACs were not checked.
        case signedButNoKey
        /// The transcript is not signed: only accidental damage shows.
        case unsigned
        /// Replay was not checked because the file is damaged or changed.
        case replaySkippedDamaged
        /// Replay was not checked: the exercise was not found.
        case replaySkippedNoExercise
        /// Replay was not checked: the exercise's fingerprint differs from the recorded one.
        case replaySkippedExerciseChanged
        /// Replay was not checked: the session was recorded under another version of the scoring rules.
        case replaySkippedScoringChanged(recorded: Int)
        /// The session was resumed with a changed exercise at `line`; later events were not compared.
        case resumedWithForce(line: Int)
        /// Anonymous peer ratings are not recorded as inputs; the checksums, chain (and HMACs when `signed`) cover
        /// them.
        case anonymousRatings(signed: Bool)
        /// The session ended but its closing record is missing.
        case closingRecordMissing
        /// The session has no closing record: it is unfinished.
        case unfinished

        /// The note in English.
        public var message: String {
            switch self {
            case .signedButNoKey:
                "The transcript is signed with the facilitator's key, but no key was given: its HMACs were not checked "
                    + "(use --key-file or \(TranscriptKey.environmentVariable))."
            case .unsigned:
                "The transcript is not signed: its checksums and chain show accidental damage, but anyone could rewrite "
                    + "them. Sign transcripts with a facilitator's key to detect deliberate edits."
            case .replaySkippedDamaged: "Replay was not checked because the file is damaged or changed."
            case .replaySkippedNoExercise:
                "Replay was not checked: the exercise was not found (give it with --exercise)."
            case .replaySkippedExerciseChanged:
                "Replay was not checked: the exercise has changed since the session was recorded (its fingerprint "
                    + "differs)."
            case .replaySkippedScoringChanged(let recorded):
                "Replay was not checked: the session was recorded under scoring rules version \(recorded), and this "
                    + "Sandtable scores by version \(Session.scoringVersion)."
            case .resumedWithForce(let line):
                "The session was resumed with a changed exercise (--force) at line \(line); events after it were not "
                    + "compared."
            case .anonymousRatings(let signed):
                "The anonymous peer ratings are deliberately not recorded as inputs, so replay cannot reproduce them; "
                    + "they are covered by the checksums and chain" + (signed ? " and HMACs." : ".")
            case .closingRecordMissing:
                "The session ended but its closing record is missing; sandtable resume completes it."
            case .unfinished: "The session has no closing record: it is unfinished (sandtable resume continues it)."
            }
        }

        /// Same as ``message``.
        public var description: String { message }
    }
    /// What a crash cut off the end, if anything.
    public var torn: TornTail?
    /// Complete lines in the file.
    public var lines = 0
    /// Whether the HMAC of every line was checked with a key.
    public var hmacChecked = false
    /// Whether replaying the inputs was checked against the recorded events.
    public var replayChecked = false
    /// Event lines that replay reproduced.
    public var eventsReplayed = 0
    /// Whether the transcript has its closing record.
    public var closed = false
    /// The first line whose content replay could not check, when there is one (1 when nothing could be replayed).
    public var uncheckedFrom: Int?
}

/// Checks a transcript: its header, the sequence numbers, every line's checksum and link to the line before (the
/// hash chain), HMACs with the facilitator's key, and, given the exercise with the same fingerprint, that
/// replaying the inputs reproduces every recorded event and the final scores.
public enum Verifier {
    /// Verifies the transcript at `path`.
    /// - Parameters:
    ///   - scenario: The exercise, for the replay check; nil skips it (noted in the report).
    ///   - key: The facilitator's key. When given, every line must carry a valid HMAC; an unsigned transcript then
    ///     counts as tampered (its HMACs may have been removed).
    ///   - allowEdited: Whether content recorded with an edited exercise (the header's fingerprint differs from
    ///     `scenario`'s, or a resume record's does) is accepted with a note; otherwise it makes the report
    ///     ``VerifyReport/Status/unverified``. A missing exercise is always unverified.
    public static func verify(path: String, scenario: Scenario?, key: TranscriptKey?, allowEdited: Bool = false)
        -> VerifyReport
    {
        var report = VerifyReport(status: .valid, path: path)
        let bytes: [UInt8]
        switch Transcript.load(path) {
        case .success(let b): bytes = b
        case .failure(let e):
            report.status = .unreadable
            report.problems.append(.init(line: 0, error: e))
            return report
        }
        let scan = TranscriptScanner.scan(
            bytes, path: path, key: key, requireSignature: key != nil, stopAtFirstIssue: false)
        report.lines = scan.lineCount
        if let unreadable = scan.unreadable {
            report.status = .unreadable
            report.problems.append(.init(line: 0, error: unreadable))
            return report
        }
        let limit = 20
        for issue in scan.issues.prefix(limit) {
            report.problems.append(.init(line: issue.line, error: issue.error))
        }
        if scan.issues.count > limit {
            report.problems.append(.init(line: 0, error: .moreProblems(count: scan.issues.count - limit)))
        }
        guard let transcript = scan.transcript else {
            report.status = .tampered
            return report
        }
        report.header = transcript.header
        report.torn = transcript.torn
        report.closed = transcript.close != nil
        report.hmacChecked = transcript.header.hmac && key != nil && scan.issues.isEmpty
        if transcript.header.hmac && key == nil {
            report.notes.append(.signedButNoKey)
        } else if !transcript.header.hmac && key == nil {
            report.notes.append(.unsigned)
        }
        if !scan.issues.isEmpty {
            report.status = .tampered
            report.notes.append(.replaySkippedDamaged)
            return report
        }
        if let torn = transcript.torn {
            report.status = .torn
            report.problems.append(.init(line: torn.line, error: .tornEnd(line: torn.line, reason: torn.reason)))
        }

        // Replay.
        func unchecked(from line: Int) {
            report.uncheckedFrom = line
            if report.status == .valid { report.status = .unverified }
        }
        guard let scenario else {
            report.notes.append(.replaySkippedNoExercise)
            unchecked(from: 1)
            return report
        }
        guard Session.replayableScoringVersions.contains(transcript.header.scoring) else {
            report.notes.append(.replaySkippedScoringChanged(recorded: transcript.header.scoring))
            return report
        }
        let fingerprint = Digest.scenario(scenario)
        guard fingerprint == transcript.header.scenarioSHA256 else {
            report.notes.append(.replaySkippedExerciseChanged)
            if allowEdited {
                report.uncheckedFrom = 1
            } else {
                unchecked(from: 1)
            }
            return report
        }
        let replay = Replayer(transcript: transcript, scenario: scenario, strict: true).run()
        report.eventsReplayed = replay.eventsCompared
        if let failure = replay.failure {
            report.status = .tampered
            report.problems.append(.init(line: failure.line ?? 0, error: failure))
            return report
        }
        if let stop = replay.comparisonStoppedAt {
            report.notes.append(.resumedWithForce(line: stop))
            if allowEdited {
                report.uncheckedFrom = stop
            } else {
                unchecked(from: stop)
            }
        } else {
            report.replayChecked = true
        }
        if replay.anonymousReviewRecorded {
            report.notes.append(.anonymousRatings(signed: transcript.header.hmac))
        }
        if let close = transcript.close, replay.comparisonStoppedAt == nil {
            let builder = RecordBuilder(scenario: scenario, key: nil)
            let expected = JSONValue.object(builder.closeFields(replay.session)).canonical
            let found = JSONValue.object([
                JSONMember("ending", .nullable(close.ending)), JSONMember("reason", .string(close.reason)),
                JSONMember("scores", close.scores),
            ]).canonical
            let ended = replay.session.isEnded || replay.anonymousReviewRecorded
            if !ended {
                report.status = .tampered
                report.problems.append(.init(line: close.line, error: .closedEarly(line: close.line)))
            } else if expected != found {
                report.status = .tampered
                report.problems.append(
                    .init(
                        line: close.line,
                        error: .scoresDiffer(line: close.line, expected: expected.text, found: found.text)))
            }
        }
        if transcript.close == nil {
            report.notes.append(replay.endRecorded ? .closingRecordMissing : .unfinished)
        }
        return report
    }
}
