import ExerciseEngine
import Foundation
import ScenarioLanguage
import SystemPackage

/// Writes a session's transcript: append-only, one JSON line per record, each step written with a single `write`
/// and `fsync`ed before ``append(input:events:wall:)`` returns, so that whatever the REPL has shown is on disk.
///
/// When a write or an `fsync` fails (a full disk, say), the writer cuts the file back to the end of the last complete
/// step, marks itself broken and throws; every later call throws ``TranscriptError/writerBroken(path:)`` at once.
/// Before and after every write it also checks that the file it writes is still the one at ``path`` (its link count
/// and its device and inode): a transcript deleted, moved away or replaced while the session runs would otherwise
/// take every later decision into a file nobody can read, so the writer breaks with
/// ``TranscriptError/fileVanished(path:)`` or ``TranscriptError/fileReplaced(path:)`` instead. Not thread-safe: one
/// writer belongs to one session loop.
public final class TranscriptWriter {
    /// The transcript's path.
    public let path: String
    /// Whether a write failed; a broken writer records nothing more.
    public private(set) var isBroken = false
    /// Whether the closing record was written.
    public private(set) var isClosed = false

    private let builder: RecordBuilder
    private var descriptor: Int32
    /// The length of the file up to the end of the last complete record.
    private var length: Int64
    private var seq: Int
    private var previousHash: String
    private var clock: Int
    private var started: Bool
    /// The device and inode of the file when it was opened.
    private var identity: (device: UInt64, inode: UInt64)?
    /// For tests: the bytes left on a pretend disk; a write beyond them is cut short and fails with `ENOSPC`.
    var simulatedSpace: Int?

    private init(
        path: String, builder: RecordBuilder, descriptor: Int32, length: Int64, seq: Int, previousHash: String,
        clock: Int, started: Bool
    ) {
        self.path = path
        self.builder = builder
        self.descriptor = descriptor
        self.length = length
        self.seq = seq
        self.previousHash = previousHash
        self.clock = clock
        self.started = started
        var info = stat()
        if fstat(descriptor, &info) == 0 { identity = (UInt64(info.st_dev), UInt64(info.st_ino)) }
    }

    deinit {
        if descriptor >= 0 { _ = Foundation.close(descriptor) }
    }

    // MARK: Creating

    /// Checks that transcripts can be written into a folder: it exists, is a folder, and Sandtable may create files
    /// in it. Call it before play starts, so a trainee never plays a session that cannot be recorded.
    public static func checkDirectory(_ directory: String) throws(TranscriptError) {
        guard !directory.isEmpty else { throw .directoryUnnamed }
        var info = stat()
        guard stat(directory, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .directoryMissing(path: directory) }
            throw .directoryNotWritable(path: directory, reason: SystemReason(errno: errno))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notADirectory(path: directory) }
        guard access(directory, W_OK | X_OK) == 0 else {
            throw .directoryNotWritable(path: directory, reason: SystemReason(errno: errno))
        }
    }

    /// The default file name of a transcript: `<yyyyMMdd-HHmmss>-<exercise id>.jsonl`, the start time in UTC.
    public static func fileName(exercise: String, started: Date) -> String {
        let safe = String(
            exercise.unicodeScalars.map { s -> Character in
                s.properties.isAlphabetic || s.properties.numericType != nil || s == "_" || s == "-"
                    ? Character(s) : "_"
            })
        return "\(TranscriptTime.fileStamp(started))-\(safe.isEmpty ? "exercise" : safe).jsonl"
    }

    /// Creates a new transcript in `directory` and writes its header.
    ///
    /// The file is created with `O_CREAT | O_EXCL` and mode 0600; when a file of that name exists (two sessions of
    /// the same exercise started in the same second), `-2`, `-3`, … is added before `.jsonl`.
    /// - Parameters:
    ///   - directory: The transcripts folder; it must exist and be writable.
    ///   - scenario: The exercise.
    ///   - seed: The session's seed.
    ///   - played: The roles people play (indices).
    ///   - facilitated: Whether a facilitator runs the session.
    ///   - uiLanguage: The UI language, e.g. `zh` or `en`.
    ///   - tool: Sandtable's version.
    ///   - key: The facilitator's key; when given, every line carries an HMAC.
    ///   - source: The exercise's main file as given on the command line (default: the scenario's first source);
    ///     `verify` and `resume` use it to find the exercise.
    ///   - now: The start time (the header's `started` and the file name).
    ///   - scoreBounds: The bounds the session's scores are normalised against (``Session/scoreBounds``),
    ///     recorded so that replaying gives the same numbers.
    public static func create(
        directory: String = "transcripts", scenario: Scenario, seed: UInt64, played: Set<Int>, facilitated: Bool,
        uiLanguage: String, tool: String, key: TranscriptKey?, source: String? = nil, now: Date = Date(),
        input: TranscriptHeader.InputSource? = nil, scoreBounds: ScoreBounds? = nil
    ) throws(TranscriptError) -> TranscriptWriter {
        try checkDirectory(directory)
        let name = fileName(exercise: scenario.header.id, started: now)
        let stem = String(name.dropLast(".jsonl".count))
        var attempt = 1
        var path = ""
        var fd: Int32 = -1
        while fd < 0 {
            let file = attempt == 1 ? name : "\(stem)-\(attempt).jsonl"
            path = FilePath(directory).appending(file).string
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
            if fd < 0 {
                let code = errno
                if code == EEXIST && attempt < 1000 {
                    attempt += 1
                    continue
                }
                if code == EACCES || code == EROFS || code == EPERM {
                    throw .directoryNotWritable(path: directory, reason: SystemReason(errno: code))
                }
                throw .cannotCreate(path: path, reason: SystemReason(errno: code))
            }
        }
        _ = fchmod(fd, 0o600)  // whatever the umask
        _ = flock(fd, LOCK_EX | LOCK_NB)
        let builder = RecordBuilder(scenario: scenario, key: key)
        let writer = TranscriptWriter(
            path: path, builder: builder, descriptor: fd, length: 0, seq: 0, previousHash: "", clock: 0, started: false)
        let header = builder.header(
            seed: seed, played: played, facilitated: facilitated, uiLanguage: uiLanguage, tool: tool,
            source: source ?? scenario.sources.first?.path, started: now, input: input,
            scoreBounds: scoreBounds)
        let line = builder.line(header, prev: nil)
        try writer.write(lines: [line])
        writer.previousHash = Digest.sha256(line)
        // Make the new directory entry durable too.
        let dirfd = open(directory, O_RDONLY | O_CLOEXEC)
        if dirfd >= 0 {
            _ = fsync(dirfd)
            _ = Foundation.close(dirfd)
        }
        return writer
    }

    /// Opens an existing transcript to go on writing it (for resume): reads it, cuts off a torn or incomplete last
    /// step, and continues its sequence numbers and hash chain. The key must be the one the transcript was started
    /// with (none for an unsigned transcript, whose lines stay unsigned).
    public static func openForAppend(path: String, scenario: Scenario, key: TranscriptKey?) throws(TranscriptError)
        -> TranscriptWriter
    {
        let transcript: Transcript
        switch Transcript.read(path: path, key: key) {
        case .success(let t): transcript = t
        case .failure(let e): throw e
        }
        return try openForAppend(transcript: transcript, scenario: scenario, key: key)
    }

    /// Opens a transcript already read.
    static func openForAppend(transcript: Transcript, scenario: Scenario, key: TranscriptKey?) throws(TranscriptError)
        -> TranscriptWriter
    {
        let path = transcript.path
        if transcript.close != nil { throw .alreadyEnded(path: path) }
        if transcript.header.hmac && key == nil { throw .keyRequired(path: path) }
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotRead(path: path, reason: SystemReason(errno: errno)) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            _ = Foundation.close(fd)
            throw .inUse(path: path)
        }
        if transcript.fileLength != transcript.validLength {
            guard ftruncate(fd, off_t(transcript.validLength)) == 0, fsync(fd) == 0 else {
                let reason = SystemReason(errno: errno)
                _ = Foundation.close(fd)
                throw .writeFailed(path: path, reason: reason)
            }
        }
        let builder = RecordBuilder(scenario: scenario, key: transcript.header.hmac ? key : nil)
        return TranscriptWriter(
            path: path, builder: builder, descriptor: fd, length: Int64(transcript.validLength),
            seq: transcript.lastSeq,
            previousHash: transcript.lastLineHash, clock: transcript.lastClock,
            started: transcript.records.contains { $0.type == .input })
    }

    // MARK: Appending

    /// Records one step: the input (nil for the session's start) and the events that followed, then `fsync`s.
    ///
    /// In an anonymous peer evaluation (`peer anonymous`), a `peerRating` input is never written: a rating with no
    /// events writes nothing; the last rating, whose events carry the anonymous results and the close, is written as
    /// a `peer_review_anonymous` step with no data. Nothing in the file links a rater to a rating.
    public func append(input: Input?, events: [Event], wall: Date = Date()) throws(TranscriptError) {
        try checkWritable()
        let stamp = TranscriptTime.wall(wall)
        let kind: String
        let role: String?
        let data: JSONValue
        if let input {
            guard started else { throw .outOfOrder(path: path, reason: .init("startFirst")) }
            if case .peerRating = input, builder.ids.scenario.header.peer == .anonymous {
                if events.isEmpty { return }
                (kind, role, data) = (InputCodec.anonymousPeerReviewKind, nil, .object([]))
            } else {
                (kind, role, data) = builder.inputs.encode(input, rater: Self.rater(in: events))
            }
        } else {
            guard !started else { throw .outOfOrder(path: path, reason: .init("startAgain")) }
            (kind, role, data) = (InputCodec.startKind, nil, .object([]))
        }
        var next = seq
        var hash = previousHash
        var lines: [[UInt8]] = []
        lines.reserveCapacity(events.count + 1)
        next += 1
        let inputLine = builder.line(
            builder.input(
                seq: next, wall: stamp, clock: clock, kind: kind, role: role, data: data, events: events.count),
            prev: hash)
        hash = Digest.sha256(inputLine)
        lines.append(inputLine)
        for event in events {
            next += 1
            let line = builder.line(builder.event(seq: next, wall: stamp, event), prev: hash)
            hash = Digest.sha256(line)
            lines.append(line)
        }
        try write(lines: lines)
        seq = next
        previousHash = hash
        if let last = events.last { clock = max(clock, last.clock) }
        started = true
    }

    /// Writes the closing record with the session's ending and final scores, then closes the file.
    public func close(session: Session, wall: Date = Date()) throws(TranscriptError) {
        try checkWritable()
        guard session.isEnded else { throw .outOfOrder(path: path, reason: .init("notEnded")) }
        try writeClose(session: session, wall: wall)
    }

    /// Stops writing without a closing record and releases the file, so the session can be resumed later (by this
    /// process or another). Later appends throw ``TranscriptError/writerClosed(path:)``.
    public func detach() {
        guard !isClosed else { return }
        isClosed = true
        if descriptor >= 0 { _ = Foundation.close(descriptor) }
        descriptor = -1
    }

    /// Writes the closing record for a session whose story ended (used by resume after a crash between the end and
    /// the closing record).
    func writeClose(session: Session, wall: Date) throws(TranscriptError) {
        try checkWritable()
        let line = builder.line(
            builder.close(
                seq: seq + 1, wall: TranscriptTime.wall(wall), clock: max(clock, session.state.clock), session: session),
            prev: previousHash)
        try write(lines: [line])
        seq += 1
        previousHash = Digest.sha256(line)
        isClosed = true
        _ = Foundation.close(descriptor)
        descriptor = -1
    }

    /// Writes a resume record.
    func writeResume(fingerprint: String, forced: Bool, discarded: Int, mismatches: [String], tool: String, wall: Date)
        throws(TranscriptError)
    {
        try checkWritable()
        let line = builder.line(
            builder.resume(
                seq: seq + 1, wall: TranscriptTime.wall(wall), clock: clock, fingerprint: fingerprint, forced: forced,
                discarded: discarded, mismatches: mismatches, tool: tool),
            prev: previousHash)
        try write(lines: [line])
        seq += 1
        previousHash = Digest.sha256(line)
    }

    /// Sets the scenario clock that the next input is stamped with (after a replay, the session's clock).
    func setClock(_ minutes: Int) { clock = minutes }

    private func checkWritable() throws(TranscriptError) {
        if isBroken { throw .writerBroken(path: path) }
        if isClosed { throw .writerClosed(path: path) }
    }

    /// The role giving a named peer rating, from its event.
    private static func rater(in events: [Event]) -> Int? {
        for e in events { if case .peerRated(let rater, _, _, _) = e.kind { return rater } }
        return nil
    }

    /// Writes whole lines with one `write` (retried on partial writes) and `fsync`s. On failure, cuts the file back
    /// to its last good length so that no half line stays, and marks the writer broken.
    private func write(lines: [[UInt8]]) throws(TranscriptError) {
        try checkIdentity()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for line in lines {
            buffer.append(contentsOf: line)
            buffer.append(0x0A)
        }
        let space = simulatedSpace
        let failure: Int32? = buffer.withUnsafeBytes { raw -> Int32? in
            var offset = 0
            while offset < raw.count {
                if let space, offset >= space { return ENOSPC }
                let chunk = min(raw.count - offset, space.map { $0 - offset } ?? Int.max)
                let n = Foundation.write(descriptor, raw.baseAddress.map { $0 + offset }, chunk)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                offset += n
            }
            return fsync(descriptor) == 0 ? nil : errno
        }
        if let failure {
            isBroken = true
            _ = ftruncate(descriptor, off_t(length))
            _ = fsync(descriptor)
            throw .writeFailed(path: path, reason: SystemReason(errno: failure))
        }
        length += Int64(buffer.count)
        // Deleted while the lines were being written: they are in no file anyone can open.
        try checkIdentity()
    }

    /// Throws, and breaks the writer, when the open file is no longer the one at ``path``: no link left to it, no
    /// file at the path, or another file there.
    private func checkIdentity() throws(TranscriptError) {
        var open = stat()
        var info = stat()
        let named = stat(path, &info) == 0 ? (device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) : nil
        if let identity, let named, identity != named {
            isBroken = true
            throw .fileReplaced(path: path)
        }
        if named == nil || fstat(descriptor, &open) != 0 || open.st_nlink == 0 {
            isBroken = true
            throw .fileVanished(path: path)
        }
    }
}
