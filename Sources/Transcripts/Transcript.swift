import ExerciseEngine
import Foundation

/// The header of a transcript (line 1).
public struct TranscriptHeader: Sendable, Hashable {
    /// A role as the header lists it.
    public struct Role: Sendable, Hashable {
        /// Its id.
        public var id: String
        /// Its display name.
        public var name: String
        /// Whether a person played it (else it was automated).
        public var played: Bool
    }

    /// The format version.
    public var format: Int
    /// The version of the scoring rules the session was recorded under (``Session/scoringVersion``); 1 when the
    /// header does not say (transcripts written before it did).
    public var scoring: Int
    /// The exercise's id.
    public var exerciseID: String
    /// The exercise's title.
    public var exerciseTitle: String
    /// The exercise's version string.
    public var exerciseVersion: String
    /// The SHA-256 of the exercise's source files (see ``Scenario/transcriptFingerprint``).
    public var scenarioSHA256: String
    /// The exercise's main file as given when the session started, if recorded.
    public var source: String?
    /// The session's seed.
    public var seed: UInt64
    /// The roles, in the exercise's order.
    public var roles: [Role]
    /// Whether a facilitator ran the session.
    public var facilitated: Bool
    /// The peer-evaluation mode: `named`, `anonymous` or `off`.
    public var peer: String
    /// When the session started, ISO 8601 UTC.
    public var started: String
    /// The version of Sandtable that started it.
    public var tool: String
    /// The UI language.
    public var uiLanguage: String
    /// Whether every line carries an HMAC.
    public var hmac: Bool
    /// Where the inputs came from when the session started: a person at a terminal or a pipe (a script, a test).
    /// Nil in transcripts written before the header said so.
    public var input: InputSource?

    /// Where a session's inputs come from.
    public enum InputSource: String, Sendable, Hashable {
        /// A person typing at a terminal: wall-clock times between a question and its answer are deliberation.
        case terminal
        /// A pipe: the inputs were all there at once, so wall-clock gaps mean nothing.
        case pipe
    }

    /// The per-role bounds the session's scores were normalised against (scoring rules 3); nil when the header has
    /// none (each measure's `range` then serves, as under rules 2).
    public var scoreBounds: ScoreBounds?

    init(json: JSONValue, line: Int) throws(TranscriptError) {
        func need<T>(_ key: String, _ value: T?) throws(TranscriptError) -> T {
            guard let value else {
                throw .malformed(line: line, reason: .init("header.field", key))
            }
            return value
        }
        format = try need("format", json["format"]?.intValue)
        scoring = json["scoring"]?.intValue ?? 1
        let exercise = json["exercise"]
        exerciseID = try need("exercise.id", exercise?["id"]?.stringValue)
        exerciseTitle = try need("exercise.title", exercise?["title"]?.stringValue)
        exerciseVersion = try need("exercise.version", exercise?["version"]?.stringValue)
        scenarioSHA256 = try need("scenario_sha256", json["scenario_sha256"]?.stringValue)
        source = json["source"]?.stringValue
        seed = try need("seed", json["seed"]?.uint64Value)
        var roles: [Role] = []
        for r in try need("roles", json["roles"]?.arrayValue) {
            roles.append(
                Role(
                    id: try need("roles.id", r["id"]?.stringValue),
                    name: try need("roles.name", r["name"]?.stringValue),
                    played: try need("roles.played", r["played"]?.boolValue)))
        }
        self.roles = roles
        facilitated = try need("facilitated", json["facilitated"]?.boolValue)
        peer = try need("peer", json["peer"]?.stringValue)
        started = try need("started", json["started"]?.stringValue)
        tool = try need("tool", json["tool"]?.stringValue)
        uiLanguage = try need("ui_language", json["ui_language"]?.stringValue)
        hmac = try need("hmac", json["hmac"]?.boolValue)
        input = json["input"]?.stringValue.flatMap(InputSource.init(rawValue:))
        if let bounds = json["bounds"], !bounds.isNull {
            guard let method = bounds["method"]?.stringValue.flatMap(ScoreBounds.Method.init(rawValue:)),
                let low = bounds["low"]?.arrayValue?.compactMap(\.doubleValue),
                let high = bounds["high"]?.arrayValue?.compactMap(\.doubleValue),
                low.count == bounds["low"]?.arrayValue?.count, high.count == bounds["high"]?.arrayValue?.count
            else { throw .malformed(line: line, reason: .init("header.field", "bounds")) }
            scoreBounds = ScoreBounds(method: method, low: low, high: high)
        }
    }
}

/// One line after the header: an input, an event or a resume record.
public struct TranscriptRecord: Sendable, Hashable {
    /// The 1-based line number in the file.
    public var line: Int
    /// `input`, `event` or `resume`.
    public var type: TranscriptRecordType
    /// The sequence number (the header is 0; records count from 1).
    public var seq: Int
    /// The wall-clock time, ISO 8601 UTC with milliseconds.
    public var wall: String
    /// Minutes on the scenario clock.
    public var clock: Int
    /// The scenario time, `HH:MM` (with `+Nd` past midnight).
    public var time: String
    /// The input or event kind (`resume` for a resume record).
    public var kind: String
    /// The acting role's id, if any.
    public var role: String?
    /// The kind's data (for a resume record: the whole record).
    public var data: JSONValue
    /// For an input: how many event lines follow it.
    public var eventCount: Int
    /// The whole line as JSON.
    public var json: JSONValue
}

/// A step: an input (or the start) and the events that followed it.
public struct TranscriptStep: Sendable, Hashable {
    /// The input record.
    public var input: TranscriptRecord
    /// Its events.
    public var events: [TranscriptRecord]
}

/// The closing record.
public struct TranscriptClose: Sendable, Hashable {
    /// The 1-based line number.
    public var line: Int
    /// The sequence number.
    public var seq: Int
    /// The wall-clock time.
    public var wall: String
    /// Minutes on the scenario clock.
    public var clock: Int
    /// The ending's id, if the story reached one.
    public var ending: String?
    /// Why the exercise ended: `ending`, `time_up`, `facilitator` or `error`.
    public var reason: String
    /// The final scores.
    public var scores: JSONValue
}

/// What was cut off the end of a transcript because a crash interrupted writing it.
public struct TornTail: Sendable, Hashable {
    /// The first line that was not complete (1-based).
    public var line: Int
    /// How many bytes were dropped.
    public var bytes: Int
    /// What was wrong.
    public var reason: TranscriptReason
}

/// A transcript read from a file: checked line by line (checksum, chain, sequence, HMAC when a key is given) and
/// grouped into steps. A torn last line, or a last step whose events were not all written, is reported in ``torn``
/// and left out, never read as valid.
public struct Transcript: Sendable {
    /// The file.
    public var path: String
    /// Line 1.
    public var header: TranscriptHeader
    /// Every input, event and resume record in order.
    public var records: [TranscriptRecord]
    /// The closing record, if the session ended.
    public var close: TranscriptClose?
    /// What was dropped from the end, if anything.
    public var torn: TornTail?

    /// The size of the file.
    public internal(set) var fileLength: Int
    /// The length up to the end of the last complete step or record.
    public internal(set) var validLength: Int
    var lastSeq: Int
    var lastLineHash: String
    var lastClock: Int

    /// The inputs with their events, in order (resume records left out).
    public var steps: [TranscriptStep] {
        var steps: [TranscriptStep] = []
        for r in records {
            switch r.type {
            case .input: steps.append(TranscriptStep(input: r, events: []))
            case .event: if !steps.isEmpty { steps[steps.count - 1].events.append(r) }
            default: break
            }
        }
        return steps
    }

    /// The resume records.
    public var resumes: [TranscriptRecord] { records.filter { $0.type == .resume } }

    /// Reads and checks a transcript. Fails on the first damaged, changed or misplaced line; a torn last line is
    /// not a failure (see ``torn``). With a key, HMACs are checked too and an unsigned transcript is refused;
    /// without one, a signed transcript is read with its checksums and chain checked.
    public static func read(path: String, key: TranscriptKey? = nil) -> Result<Transcript, TranscriptError> {
        let bytes: [UInt8]
        switch load(path) {
        case .success(let b): bytes = b
        case .failure(let e): return .failure(e)
        }
        // With a key, an unsigned transcript is refused: its HMACs may have been stripped and the lines resealed.
        let scan = TranscriptScanner.scan(
            bytes, path: path, key: key, requireSignature: key != nil, stopAtFirstIssue: true)
        if let unreadable = scan.unreadable { return .failure(unreadable) }
        if let first = scan.issues.first { return .failure(first.error) }
        guard let transcript = scan.transcript else {
            return .failure(.notATranscript(path: path, reason: .init("noHeader")))
        }
        return .success(transcript)
    }

    /// The header of the transcript at `path`, read from its first line without checking the rest; nil when the
    /// first line is not a readable header. For finding the exercise before a full check.
    public static func peekHeader(path: String) -> TranscriptHeader? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        while bytes.count < 1 << 20, let chunk = try? handle.read(upToCount: 4096), !chunk.isEmpty {
            if let newline = chunk.firstIndex(of: 0x0A) {
                bytes += chunk[chunk.startIndex..<newline]
                break
            }
            bytes += chunk
        }
        guard let json = try? JSONValue.parse(bytes).get(), json["type"] == .string("header") else { return nil }
        return try? TranscriptHeader(json: json, line: 1)
    }

    /// The file's bytes, or why they cannot be read.
    static func load(_ path: String) -> Result<[UInt8], TranscriptError> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(
                errno == ENOENT || errno == ENOTDIR
                    ? .fileMissing(path: path) : .cannotRead(path: path, reason: SystemReason(errno: errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(.notATranscript(path: path, reason: .init("notAFile")))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.cannotRead(path: path, reason: .permissionDenied))
        }
        return .success(Array(data))
    }
}

/// A problem found on a line.
struct ScanIssue: Sendable {
    /// The 1-based line.
    var line: Int
    /// The problem.
    var error: TranscriptError
}

/// Checks a transcript's lines: checksums, the hash chain, HMACs, sequence numbers, record structure, steps.
struct TranscriptScanner {
    var transcript: Transcript?
    var issues: [ScanIssue] = []
    var unreadable: TranscriptError?
    /// Whether HMACs were checked with a key.
    var hmacChecked = false
    /// Lines in the file (complete ones).
    var lineCount = 0

    static func scan(
        _ bytes: [UInt8], path: String, key: TranscriptKey?, requireSignature: Bool, stopAtFirstIssue: Bool
    )
        -> TranscriptScanner
    {
        var result = TranscriptScanner()
        guard !bytes.isEmpty else {
            result.unreadable = .notATranscript(path: path, reason: .init("empty"))
            return result
        }
        // Split into complete lines (each ended by a newline) and a trailing fragment.
        var lines: [Range<Int>] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                if buffer[i] == 0x0A {
                    lines.append(start..<i)
                    start = i + 1
                }
                i += 1
            }
        }
        let fragment = start..<bytes.count
        result.lineCount = lines.count

        var header: TranscriptHeader?
        var records: [TranscriptRecord] = []
        var close: TranscriptClose?
        var previousHash: String?
        var previousOK = true
        var expectedSeq = 1
        var pendingEvents = 0
        var stepStart = (line: 0, offset: 0)
        var stable = (offset: 0, seq: 0, hash: "", clock: 0, records: 0)
        var clock = 0
        var sawRecord = false
        var signed = false

        func report(_ line: Int, _ error: TranscriptError) { result.issues.append(ScanIssue(line: line, error: error)) }

        for (index, range) in lines.enumerated() {
            if stopAtFirstIssue && !result.issues.isEmpty { break }
            let number = index + 1
            let slice = bytes[range]
            let lineHash = Digest.sha256(Array(slice))
            defer { previousHash = lineHash }
            var lineOK = true
            let parsed = JSONValue.parse(slice)
            guard case .success(let json) = parsed, case .object = json else {
                let why: TranscriptReason
                if case .failure(let e) = parsed {
                    why = .init("notJSON", e.description)
                } else {
                    why = .init("notObject")
                }
                report(number, .corrupt(path: path, line: number, reason: why))
                previousOK = false
                continue
            }
            if let type = json["type"]?.stringValue, TranscriptRecordType(rawValue: type) != nil { sawRecord = true }
            // Checksum and HMAC.
            if let sealed = Seal.open(slice) {
                if Digest.sha256(sealed.body) != sealed.sum {
                    lineOK = false
                    report(number, .tampered(path: path, line: number, reason: .init("checksum")))
                }
                let headerSigned = number == 1 ? json["hmac"]?.boolValue == true : signed
                if headerSigned {
                    if let mac = sealed.mac {
                        if let key {
                            result.hmacChecked = true
                            if key.mac(sealed.body) != mac {
                                lineOK = false
                                report(
                                    number,
                                    .tampered(
                                        path: path, line: number,
                                        reason: .init("hmacMismatch")))
                            }
                        }
                    } else {
                        lineOK = false
                        report(number, .tampered(path: path, line: number, reason: .init("hmacLost")))
                    }
                } else if sealed.mac != nil {
                    lineOK = false
                    report(
                        number,
                        .tampered(
                            path: path, line: number,
                            reason: .init("hmacUnexpected")))
                }
            } else {
                lineOK = false
                report(number, .tampered(path: path, line: number, reason: .init("noChecksum")))
            }
            // The chain.
            let prev = json["prev"]
            if number == 1 {
                if prev != .null {
                    report(number, .tampered(path: path, line: number, reason: .init("headerPrev")))
                }
            } else if prev?.stringValue != previousHash, previousOK, lineOK {
                report(
                    number,
                    .tampered(
                        path: path, line: number,
                        reason: .init("chain", String(number - 1))
                    ))
            }
            previousOK = lineOK
            // Structure.
            guard let typeName = json["type"]?.stringValue, let type = TranscriptRecordType(rawValue: typeName) else {
                report(number, .corrupt(path: path, line: number, reason: .init("noType")))
                continue
            }
            if number == 1 {
                guard type == .header else {
                    report(number, .corrupt(path: path, line: number, reason: .init("firstNotHeader")))
                    continue
                }
                do {
                    let h = try TranscriptHeader(json: json, line: number)
                    if !readableTranscriptFormats.contains(h.format) && lineOK {
                        result.unreadable = .unsupportedFormat(path: path, version: String(h.format))
                        return result
                    }
                    header = h
                    signed = h.hmac
                    if requireSignature && !h.hmac {
                        report(
                            number,
                            .tampered(
                                path: path, line: number,
                                reason: .init("unsignedWithKey")
                            ))
                    }
                } catch {
                    let reason: TranscriptReason
                    if case .malformed(_, let why) = error {
                        reason = why
                    } else {
                        reason = .init("other", error.message)
                    }
                    report(number, .corrupt(path: path, line: number, reason: reason))
                }
                stable = (range.upperBound + 1, 0, lineHash, 0, 0)
                continue
            }
            if type == .header {
                report(number, .tampered(path: path, line: number, reason: .init("secondHeader")))
                continue
            }
            if close != nil {
                report(number, .tampered(path: path, line: number, reason: .init("afterClose")))
            }
            guard let seq = json["seq"]?.intValue else {
                report(number, .corrupt(path: path, line: number, reason: .init("noSeq")))
                continue
            }
            if seq != expectedSeq {
                report(
                    number,
                    .tampered(path: path, line: number, reason: .init("seq", String(seq), String(expectedSeq))))
            }
            expectedSeq = seq + 1
            guard let wall = json["wall"]?.stringValue, let recordClock = json["clock"]?.intValue,
                let time = json["time"]?.stringValue
            else {
                report(
                    number, .corrupt(path: path, line: number, reason: .init("noStamp")))
                continue
            }
            if TranscriptTime.parseWall(wall) == nil {
                report(
                    number,
                    .corrupt(
                        path: path, line: number, reason: .init("wall", String(wall.prefix(40)))))
            }
            switch type {
            case .input, .event:
                guard let kind = json["kind"]?.stringValue, let roleValue = json["role"],
                    roleValue.isNull || roleValue.stringValue != nil, let data = json["data"], data.objectValue != nil
                else {
                    report(
                        number, .corrupt(path: path, line: number, reason: .init("noKind")))
                    continue
                }
                var count = 0
                if type == .input {
                    if pendingEvents > 0 {
                        report(
                            number,
                            .corrupt(
                                path: path, line: number,
                                reason: .init("stepIncomplete", String(stepStart.line), String(pendingEvents))))
                    }
                    guard let n = json["events"]?.intValue, n >= 0 else {
                        report(
                            number,
                            .corrupt(path: path, line: number, reason: .init("noEventCount")))
                        continue
                    }
                    count = n
                    pendingEvents = n
                    stepStart = (number, range.lowerBound)
                } else {
                    if pendingEvents == 0 {
                        report(number, .corrupt(path: path, line: number, reason: .init("orphanEvent")))
                    } else {
                        pendingEvents -= 1
                    }
                }
                records.append(
                    TranscriptRecord(
                        line: number, type: type, seq: seq, wall: wall, clock: recordClock, time: time, kind: kind,
                        role: roleValue.stringValue, data: data, eventCount: count, json: json))
            case .resume, .close:
                if pendingEvents > 0 {
                    report(
                        number,
                        .corrupt(
                            path: path, line: number,
                            reason: .init("stepIncomplete", String(stepStart.line), String(pendingEvents))))
                    pendingEvents = 0
                }
                if type == .resume {
                    guard json["scenario_sha256"]?.stringValue != nil, json["forced"]?.boolValue != nil else {
                        report(number, .corrupt(path: path, line: number, reason: .init("resumeIncomplete")))
                        continue
                    }
                    records.append(
                        TranscriptRecord(
                            line: number, type: .resume, seq: seq, wall: wall, clock: recordClock, time: time,
                            kind: "resume",
                            role: nil, data: json, eventCount: 0, json: json))
                } else {
                    guard let reason = json["reason"]?.stringValue, let ending = json["ending"],
                        ending.isNull || ending.stringValue != nil, let scores = json["scores"]
                    else {
                        report(number, .corrupt(path: path, line: number, reason: .init("closeIncomplete")))
                        continue
                    }
                    close = TranscriptClose(
                        line: number, seq: seq, wall: wall, clock: recordClock, ending: ending.stringValue,
                        reason: reason,
                        scores: scores)
                }
            case .header:
                break
            }
            clock = max(clock, recordClock)
            if pendingEvents == 0 {
                stable = (range.upperBound + 1, seq, lineHash, clock, records.count)
            }
        }

        guard let header else {
            if !sawRecord {
                let reason = TranscriptReason(lines.isEmpty ? "firstLineCut" : "firstLineNotHeader")
                result.unreadable = .notATranscript(path: path, reason: reason)
            } else if result.issues.isEmpty {
                result.issues.append(
                    ScanIssue(line: 1, error: .corrupt(path: path, line: 1, reason: .init("headerMissing"))))
            }
            return result
        }
        var torn: TornTail?
        if pendingEvents > 0 {
            let firstLine = stepStart.line
            torn = TornTail(
                line: firstLine, bytes: bytes.count - stepStart.offset,
                reason: .init("tornStep", String(firstLine), String(pendingEvents)))
            records.removeSubrange(stable.records...)
        } else if !fragment.isEmpty {
            torn = TornTail(
                line: lines.count + 1, bytes: fragment.count,
                reason: .init("tornLine", String(lines.count + 1)))
        }
        result.transcript = Transcript(
            path: path, header: header, records: records, close: close, torn: torn, fileLength: bytes.count,
            validLength: stable.offset, lastSeq: stable.seq, lastLineHash: stable.hash, lastClock: stable.clock)
        return result
    }
}
