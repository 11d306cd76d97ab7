/// Why a transcript could not be written, read, verified or resumed. Each case has a message a trainer understands
/// (``message``, also the `description`).
public enum TranscriptError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The transcripts folder does not exist.
    case directoryMissing(path: String)
    /// The path given as the transcripts folder is not a folder.
    case notADirectory(path: String)
    /// Sandtable may not create files in the transcripts folder.
    case directoryNotWritable(path: String, reason: String)
    /// The transcript file could not be created.
    case cannotCreate(path: String, reason: String)
    /// Writing to the transcript failed (for example, the disk is full); the transcript keeps everything before.
    case writeFailed(path: String, reason: String)
    /// An earlier write failed, so the transcript accepts nothing more.
    case writerBroken(path: String)
    /// The transcript was closed.
    case writerClosed(path: String)
    /// The session's start was recorded twice, or a step was recorded before the start.
    case outOfOrder(path: String, reason: String)
    /// The key file could not be read.
    case keyFileUnreadable(path: String)
    /// The key is empty.
    case keyEmpty(source: String)
    /// The transcript file does not exist.
    case fileMissing(path: String)
    /// The transcript file exists but could not be read.
    case cannotRead(path: String, reason: String)
    /// The file is not a Sandtable transcript.
    case notATranscript(path: String, reason: String)
    /// The transcript was written in a format version this tool does not know.
    case unsupportedFormat(path: String, version: String)
    /// A line before the last is damaged or does not belong there.
    case corrupt(path: String, line: Int, reason: String)
    /// A line was changed after it was written: its checksum, its link to the line before, or its HMAC fails.
    case tampered(path: String, line: Int, reason: String)
    /// The transcript is signed with an HMAC and no key was given.
    case keyRequired(path: String)
    /// The exercise changed since the session was recorded.
    case scenarioChanged(path: String, exercise: String, recorded: String, current: String)
    /// The transcript names an element the exercise does not have.
    case unknownID(line: Int, kind: String, id: String)
    /// A line's data is missing a field or has one of the wrong type.
    case malformed(line: Int, reason: String)
    /// Replaying a recorded input was refused by the exercise engine.
    case inputRejected(line: Int, reason: String)
    /// Replaying the inputs did not reproduce the recorded events.
    case replayMismatch(line: Int, expected: String, found: String)
    /// The session has already ended; there is nothing to resume.
    case alreadyEnded(path: String)
    /// Another Sandtable process is writing the transcript.
    case inUse(path: String)

    /// The message shown to the trainer.
    public var message: String {
        switch self {
        case .directoryMissing(let path):
            return
                "The transcripts folder '\(path)' does not exist. Create it (mkdir -p \(path)) or choose another folder."
        case .notADirectory(let path):
            return "'\(path)' is not a folder, so transcripts cannot be written there. Choose a folder."
        case .directoryNotWritable(let path, let reason):
            return "Sandtable cannot write transcripts into the folder '\(path)' (\(reason)). "
                + "Check its permissions or choose another folder."
        case .cannotCreate(let path, let reason):
            return "The transcript '\(path)' could not be created (\(reason))."
        case .writeFailed(let path, let reason):
            return "Writing to the transcript '\(path)' failed (\(reason)). Everything up to the last shown step is "
                + "saved; the session cannot accept more input until it can be recorded. Free some space, then resume "
                + "with: sandtable resume \(path)"
        case .writerBroken(let path):
            return "The transcript '\(path)' stopped accepting records after a failed write; nothing more can be "
                + "recorded. Resume later with: sandtable resume \(path)"
        case .writerClosed(let path):
            return "The transcript '\(path)' is already closed."
        case .outOfOrder(let path, let reason):
            return "The transcript '\(path)' cannot record this step: \(reason)."
        case .keyFileUnreadable(let path):
            return "The key file '\(path)' could not be read."
        case .keyEmpty(let source):
            return "The HMAC key from \(source) is empty."
        case .fileMissing(let path):
            return "There is no transcript at '\(path)'."
        case .cannotRead(let path, let reason):
            return "The transcript '\(path)' could not be read (\(reason))."
        case .notATranscript(let path, let reason):
            return "'\(path)' is not a Sandtable transcript (\(reason))."
        case .unsupportedFormat(let path, let version):
            return "The transcript '\(path)' uses format version \(version), which this version of Sandtable does "
                + "not know. Use a newer Sandtable."
        case .corrupt(let path, let line, let reason):
            return "The transcript '\(path)' is damaged at line \(line): \(reason)."
        case .tampered(let path, let line, let reason):
            return "The transcript '\(path)' was changed after it was written: line \(line) \(reason)."
        case .keyRequired(let path):
            return "The transcript '\(path)' is signed with the facilitator's key. Give the key with --key-file "
                + "or the \(TranscriptKey.environmentVariable) environment variable."
        case .scenarioChanged(let path, let exercise, let recorded, let current):
            return "The exercise '\(exercise)' has changed since the session in '\(path)' was recorded "
                + "(fingerprint \(recorded.prefix(12))… then, \(current.prefix(12))… now). Resuming could replay the "
                + "recorded decisions differently. Restore the original exercise, or use --force to replay by ids and "
                + "see every point where the edited exercise no longer matches."
        case .unknownID(let line, let kind, let id):
            return "Line \(line) names the \(kind) '\(id)', which the exercise does not have."
        case .malformed(let line, let reason):
            return "Line \(line) is not a valid transcript record: \(reason)."
        case .inputRejected(let line, let reason):
            return "The input at line \(line) no longer applies when replayed: \(reason)."
        case .replayMismatch(let line, let expected, let found):
            return "Replaying the session does not reproduce line \(line): expected \(expected), found \(found)."
        case .inUse(let path):
            return "The transcript '\(path)' is being written by another Sandtable session. Close that session first."
        case .alreadyEnded(let path):
            return "The session in '\(path)' has already ended; there is nothing to resume. "
                + "Use sandtable debrief \(path) to see the results."
        }
    }

    /// The 1-based line the problem is on, when it is tied to one.
    public var line: Int? {
        switch self {
        case .unknownID(let line, _, _), .malformed(let line, _), .inputRejected(let line, _),
            .replayMismatch(let line, _, _), .corrupt(_, let line, _), .tampered(_, let line, _):
            return line
        default: return nil
        }
    }

    /// The message without the file's path, for a report about one file: `Line 5 does not match its checksum.`
    public var lineMessage: String {
        switch self {
        case .tampered(_, let line, let reason): return "Line \(line) \(reason)."
        case .corrupt(_, let line, let reason): return "Line \(line) is damaged: \(reason)."
        default: return message
        }
    }

    /// Same as ``message``.
    public var description: String { message }
}
