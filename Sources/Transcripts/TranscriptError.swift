import Foundation
import Localization

/// Why a transcript could not be written, read, verified or resumed. Each case has a message a trainer understands
/// (``message``, also the `description`).
public enum TranscriptError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The transcripts folder does not exist.
    case directoryMissing(path: String)
    /// The path given as the transcripts folder is not a folder.
    case notADirectory(path: String)
    /// Sandtable may not create files in the transcripts folder.
    case directoryNotWritable(path: String, reason: SystemReason)
    /// No transcripts folder was named (`--out ''`).
    case directoryUnnamed
    /// The transcript file could not be created.
    case cannotCreate(path: String, reason: SystemReason)
    /// Writing to the transcript failed (for example, the disk is full); the transcript keeps everything before.
    case writeFailed(path: String, reason: SystemReason)
    /// The transcript file was deleted or moved away while the session was being written to it.
    case fileVanished(path: String)
    /// Another file took the transcript's place while the session was being written to it.
    case fileReplaced(path: String)
    /// An earlier write failed, so the transcript accepts nothing more.
    case writerBroken(path: String)
    /// The transcript was closed.
    case writerClosed(path: String)
    /// The session's start was recorded twice, or a step was recorded before the start.
    case outOfOrder(path: String, reason: TranscriptReason)
    /// The key file could not be read.
    case keyFileUnreadable(path: String)
    /// The key is empty.
    case keyEmpty(source: String)
    /// The transcript file does not exist.
    case fileMissing(path: String)
    /// The transcript file exists but could not be read.
    case cannotRead(path: String, reason: SystemReason)
    /// The file is not a Sandtable transcript.
    case notATranscript(path: String, reason: TranscriptReason)
    /// The transcript was written in a format version this tool does not know.
    case unsupportedFormat(path: String, version: String)
    /// A line before the last is damaged or does not belong there.
    case corrupt(path: String, line: Int, reason: TranscriptReason)
    /// A line was changed after it was written: its checksum, its link to the line before, or its HMAC fails.
    case tampered(path: String, line: Int, reason: TranscriptReason)
    /// The transcript is signed with an HMAC and no key was given.
    case keyRequired(path: String)
    /// The session was recorded under other scoring rules (``Session/scoringVersion``): replayed now, it would
    /// score differently.
    case scoringChanged(path: String, recorded: Int, current: Int)
    /// The exercise changed since the session was recorded.
    case scenarioChanged(path: String, exercise: String, recorded: String, current: String)
    /// The transcript names an element the exercise does not have.
    case unknownID(line: Int, kind: String, id: String)
    /// A line's data is missing a field or has one of the wrong type.
    case malformed(line: Int, reason: TranscriptReason)
    /// Replaying a recorded input was refused by the exercise engine.
    case inputRejected(line: Int, reason: TranscriptReason)
    /// Replaying the inputs did not reproduce the recorded events.
    case replayMismatch(line: Int, expected: String, found: String)
    /// Only the end is incomplete: a crash interrupted the last write (`verify`'s torn verdict).
    case tornEnd(line: Int, reason: TranscriptReason)
    /// The closing record comes before the replayed session ended.
    case closedEarly(line: Int)
    /// The closing record's ending or scores differ from the replayed session's.
    case scoresDiffer(line: Int, expected: String, found: String)
    /// More problems than a report lists.
    case moreProblems(count: Int)
    /// The session has already ended; there is nothing to resume.
    case alreadyEnded(path: String)
    /// Another Sandtable process is writing the transcript.
    case inUse(path: String)
    /// The session was run by a facilitator; resuming it needs `--facilitator`.
    case facilitatorRequired(path: String)
    /// `--facilitator` was given for a session that had no facilitator.
    case notFacilitated(path: String)

    /// The message shown to the trainer, in English.
    public var message: String { message(in: .en) }

    /// The message shown to the trainer in `language` (the texts are in TranscriptCatalog.swift).
    public func message(in language: UILanguage) -> String {
        let s = Strings(.transcripts, language: language)
        switch self {
        case .directoryMissing(let path): return s("transcript.directoryMissing", path, CommandText.quoted(path))
        case .directoryUnnamed: return s["transcript.directoryUnnamed"]
        case .notADirectory(let path): return s("transcript.notADirectory", path)
        case .directoryNotWritable(let path, let reason):
            return s("transcript.directoryNotWritable", path, reason.message(in: language))
        case .cannotCreate(let path, let reason):
            return s("transcript.cannotCreate", path, reason.message(in: language))
        case .writeFailed(let path, let reason):
            let hint = reason.isLackOfSpace ? "space" : reason.isPermission ? "permission" : "other"
            return s("transcript.writeFailed", path, reason.message(in: language))
                + s("transcript.writeFailed.\(hint)", CommandText.quoted(path))
        case .fileVanished(let path): return s("transcript.fileVanished", path)
        case .fileReplaced(let path): return s("transcript.fileReplaced", path)
        case .writerBroken(let path): return s("transcript.writerBroken", path, CommandText.quoted(path))
        case .writerClosed(let path): return s("transcript.writerClosed", path)
        case .outOfOrder(let path, let reason): return s("transcript.outOfOrder", path, reason.message(in: language))
        case .keyFileUnreadable(let path): return s("transcript.keyFileUnreadable", path)
        case .keyEmpty(let source): return s("transcript.keyEmpty", source)
        case .fileMissing(let path): return s("transcript.fileMissing", path)
        case .cannotRead(let path, let reason): return s("transcript.cannotRead", path, reason.message(in: language))
        case .notATranscript(let path, let reason):
            return s("transcript.notATranscript", path, reason.message(in: language))
        case .unsupportedFormat(let path, let version): return s("transcript.unsupportedFormat", path, version)
        case .corrupt(let path, let line, let reason):
            return s("transcript.corrupt", path, String(line), reason.message(in: language))
        case .tampered(let path, let line, let reason):
            return s("transcript.tampered", path, String(line), reason.message(in: language))
        case .keyRequired(let path): return s("transcript.keyRequired", path, TranscriptKey.environmentVariable)
        case .scenarioChanged(let path, let exercise, let recorded, let current):
            return s(
                "transcript.scenarioChanged", exercise, path, String(recorded.prefix(12)), String(current.prefix(12)))
        case .scoringChanged(let path, let recorded, let current):
            return s("transcript.scoringChanged", path, String(recorded), String(current))
        case .unknownID(let line, let kind, let id): return s("transcript.unknownID", String(line), kind, id)
        case .malformed(let line, let reason):
            return s("transcript.malformed", String(line), reason.message(in: language))
        case .inputRejected(let line, let reason):
            return s("transcript.inputRejected", String(line), reason.message(in: language))
        case .replayMismatch(let line, let expected, let found):
            return s("transcript.replayMismatch", String(line), expected, found)
        case .inUse(let path): return s("transcript.inUse", path)
        case .alreadyEnded(let path): return s("transcript.alreadyEnded", path, CommandText.quoted(path))
        case .facilitatorRequired(let path):
            return s("transcript.facilitatorRequired", path, CommandText.quoted(path))
        case .notFacilitated(let path): return s("transcript.notFacilitated", path)
        case .tornEnd(_, let reason): return s("transcript.tornEnd", reason.message(in: language))
        case .closedEarly(let line): return s("transcript.closedEarly", String(line))
        case .scoresDiffer(let line, let expected, let found):
            return s("transcript.scoresDiffer", String(line), expected, found)
        case .moreProblems(let count): return s.plural("transcript.moreProblems", count: count)
        }
    }

    /// The 1-based line the problem is on, when it is tied to one.
    public var line: Int? {
        switch self {
        case .unknownID(let line, _, _), .malformed(let line, _), .inputRejected(let line, _),
            .replayMismatch(let line, _, _), .corrupt(_, let line, _), .tampered(_, let line, _), .tornEnd(let line, _),
            .closedEarly(let line), .scoresDiffer(let line, _, _):
            return line
        default: return nil
        }
    }

    /// The message without the file's path, for a report about one file: `Line 5 does not match its checksum.`
    public var lineMessage: String { lineMessage(in: .en) }

    /// ``lineMessage`` in `language`.
    public func lineMessage(in language: UILanguage) -> String {
        let s = Strings(.transcripts, language: language)
        switch self {
        case .tampered(_, let line, let reason):
            return s("transcript.line.tampered", String(line), reason.message(in: language))
        case .corrupt(_, let line, let reason):
            return s("transcript.line.corrupt", String(line), reason.message(in: language))
        default: return message(in: language)
        }
    }

    /// Same as ``message``.
    public var description: String { message }
}

/// Why the system refused to read or write a file, in words a trainer understands (``message(in:)``).
public enum SystemReason: Sendable, Hashable {
    /// `ENOSPC`.
    case diskFull
    /// `EDQUOT`.
    case quotaExceeded
    /// `EACCES`, `EPERM`.
    case permissionDenied
    /// `EROFS`.
    case readOnly
    /// `EIO`.
    case inputOutput
    /// `ENOENT`.
    case noSuchFile
    /// Any other error, in the system's own words (`strerror`, English).
    case other(String)

    /// The reason for an `errno` value.
    public init(errno code: Int32) {
        switch code {
        case ENOSPC: self = .diskFull
        case EDQUOT: self = .quotaExceeded
        case EACCES, EPERM: self = .permissionDenied
        case EROFS: self = .readOnly
        case EIO: self = .inputOutput
        case ENOENT: self = .noSuchFile
        default: self = .other(String(cString: strerror(code)))
        }
    }

    /// Whether freeing space is the cure.
    public var isLackOfSpace: Bool { self == .diskFull || self == .quotaExceeded }
    /// Whether permissions are the cause.
    public var isPermission: Bool { self == .permissionDenied || self == .readOnly }

    /// The reason in `language`.
    public func message(in language: UILanguage) -> String {
        let s = Strings(.transcripts, language: language)
        switch self {
        case .diskFull: return s["reason.diskFull"]
        case .quotaExceeded: return s["reason.quotaExceeded"]
        case .permissionDenied: return s["reason.permissionDenied"]
        case .readOnly: return s["reason.readOnly"]
        case .inputOutput: return s["reason.inputOutput"]
        case .noSuchFile: return s["reason.noSuchFile"]
        case .other(let text): return text
        }
    }
}

/// Why a file, a line or a record was refused: a key of ``Catalog/transcripts`` (under `reason.`) and its arguments,
/// told in the reader's language by ``message(in:)``.
public struct TranscriptReason: Sendable, Hashable, CustomStringConvertible {
    /// The key, without its `reason.` prefix.
    public let key: String
    /// The values of its placeholders (ids, line numbers, counts), in order.
    public let arguments: [String]

    init(_ key: String, _ arguments: String...) {
        self.key = key
        self.arguments = arguments
    }

    /// The reason in `language`.
    public func message(in language: UILanguage) -> String {
        Strings(.transcripts, language: language).format("reason." + key, arguments: arguments)
    }

    /// The reason in English.
    public var description: String { message(in: .en) }
}
