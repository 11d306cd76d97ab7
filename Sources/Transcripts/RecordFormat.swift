import ExerciseEngine
import Foundation
import ScenarioLanguage

/// The kinds of lines in a transcript.
public enum TranscriptRecordType: String, Sendable, Hashable, CaseIterable {
    /// Line 1: what was played, by whom, with which exercise.
    case header
    /// Opens a step: an input (or the session's start), followed by its events.
    case input
    /// Something that happened.
    case event
    /// The session was resumed from this file.
    case resume
    /// The session ended: the final scores.
    case close
}

/// The transcript format version this tool writes. Version 2 added abstentions, vote counts and arbitration by a
/// role or by rules (`abstain`, `abstained`, `votes_counted`, `arbiter_call_awaited`).
public let transcriptFormatVersion = 2

/// The transcript format versions this tool reads: a version 1 transcript replays with the events version 2 added
/// (`votes_counted`) left out of the comparison.
public let readableTranscriptFormats = 1...2

/// Line sealing: every line ends with a `sum` (SHA-256 of the line without its `sum` and `mac`) and, when a key was
/// given, a `mac` (HMAC-SHA256 of the same bytes).
enum Seal {
    private static let sumPrefix = Array(#","sum":""#.utf8)
    private static let macPrefix = Array(#"","mac":""#.utf8)

    /// The sealed line for a record body (a JSON object ending with `}`), without the newline.
    static func seal(body: [UInt8], key: TranscriptKey?) -> [UInt8] {
        var line = body
        line.removeLast()
        line.append(contentsOf: sumPrefix)
        line.append(contentsOf: Digest.sha256(body).utf8)
        if let key {
            line.append(contentsOf: macPrefix)
            line.append(contentsOf: key.mac(body).utf8)
        }
        line.append(contentsOf: #""}"#.utf8)
        return line
    }

    /// Splits a sealed line into the body that was sealed, the `sum` and the `mac` (if any); nil when the line does
    /// not end the way sealed lines do.
    static func open(_ line: ArraySlice<UInt8>) -> (body: [UInt8], sum: String, mac: String?)? {
        let tail = 2  // `"}`
        guard line.count > sumPrefix.count + 64 + tail, line.last == UInt8(ascii: "}") else { return nil }
        var end = line.endIndex - tail  // the end of the last hex value
        var mac: String?
        let macLength = macPrefix.count + 64
        if line.count > sumPrefix.count + 64 + macLength + tail,
            line[(end - macLength)..<(end - 64)].elementsEqual(macPrefix)
        {
            let hex = line[(end - 64)..<end]
            guard Hex.isLowercaseHex(hex, count: 64) else { return nil }
            mac = String(decoding: hex, as: UTF8.self)
            end -= macLength
        }
        let sumStart = end - 64 - sumPrefix.count
        guard sumStart > line.startIndex, line[sumStart..<(end - 64)].elementsEqual(sumPrefix) else { return nil }
        let sumHex = line[(end - 64)..<end]
        guard Hex.isLowercaseHex(sumHex, count: 64) else { return nil }
        var body = Array(line[line.startIndex..<sumStart])
        body.append(UInt8(ascii: "}"))
        return (body, String(decoding: sumHex, as: UTF8.self), mac)
    }
}

/// Builds the JSON of each record type.
struct RecordBuilder {
    let ids: ScenarioIDs
    let events: EventCodec
    let inputs: InputCodec
    let key: TranscriptKey?

    init(scenario: Scenario, key: TranscriptKey?) {
        ids = ScenarioIDs(scenario)
        events = EventCodec(ids: ids)
        inputs = InputCodec(ids: ids)
        self.key = key
    }

    var clockStart: Int { ids.scenario.header.clockStart }

    func time(_ clock: Int) -> String { TranscriptTime.scenario(start: clockStart, minutes: clock) }

    /// The sealed line of a record's members, with `prev` appended.
    func line(_ members: [JSONMember], prev: String?) -> [UInt8] {
        var all = members
        all.append(JSONMember("prev", .nullable(prev)))
        return Seal.seal(body: JSONValue.object(all).bytes, key: key)
    }

    /// The header's `bounds`: how they were found and, per measure then role, the low and high raw values.
    static func encode(_ bounds: ScoreBounds) -> JSONValue {
        .ordered([
            "method": .string(bounds.method.rawValue), "low": .array(bounds.low.map(JSONValue.double)),
            "high": .array(bounds.high.map(JSONValue.double)),
        ])
    }

    func header(
        seed: UInt64, played: Set<Int>, facilitated: Bool, uiLanguage: String, tool: String, source: String?,
        started: Date, input: TranscriptHeader.InputSource?, scoreBounds: ScoreBounds? = nil
    ) -> [JSONMember] {
        let scenario = ids.scenario
        let roles: [JSONValue] = scenario.roles.enumerated().map { i, role in
            .ordered(["id": .string(role.id), "name": .string(role.name), "played": .bool(played.contains(i))])
        }
        return [
            JSONMember("type", .string(TranscriptRecordType.header.rawValue)),
            JSONMember("format", .int(transcriptFormatVersion)),
            JSONMember("scoring", .int(Session.scoringVersion)),
            JSONMember("bounds", scoreBounds.map(Self.encode) ?? .null),
            JSONMember(
                "exercise",
                .ordered([
                    "id": .string(scenario.header.id), "title": .string(scenario.header.title),
                    "version": .string(scenario.header.version),
                ])),
            JSONMember("scenario_sha256", .string(Digest.scenario(scenario))),
            JSONMember("source", .nullable(source)),
            JSONMember("seed", .uint(seed)),
            JSONMember("roles", .array(roles)),
            JSONMember("facilitated", .bool(facilitated)),
            JSONMember("peer", .string(scenario.header.peer.rawValue)),
            JSONMember("started", .string(TranscriptTime.wall(started))),
            JSONMember("tool", .string(tool)),
            JSONMember("ui_language", .string(uiLanguage)),
            JSONMember("hmac", .bool(key != nil)),
        ] + (input.map { [JSONMember("input", .string($0.rawValue))] } ?? [])
    }

    private func stamp(_ type: TranscriptRecordType, seq: Int, wall: String, clock: Int) -> [JSONMember] {
        [
            JSONMember("type", .string(type.rawValue)), JSONMember("seq", .int(seq)), JSONMember("wall", .string(wall)),
            JSONMember("clock", .int(clock)), JSONMember("time", .string(time(clock))),
        ]
    }

    func input(seq: Int, wall: String, clock: Int, kind: String, role: String?, data: JSONValue, events: Int)
        -> [JSONMember]
    {
        stamp(.input, seq: seq, wall: wall, clock: clock) + [
            JSONMember("kind", .string(kind)), JSONMember("role", .nullable(role)), JSONMember("data", data),
            JSONMember("events", .int(events)),
        ]
    }

    func event(seq: Int, wall: String, _ event: Event) -> [JSONMember] {
        let (kind, role, data) = events.encode(event)
        return stamp(.event, seq: seq, wall: wall, clock: event.clock) + [
            JSONMember("kind", .string(kind)), JSONMember("role", .nullable(role)), JSONMember("data", data),
        ]
    }

    /// The ending, reason and scores of a closing record for a session whose story has ended.
    func closeFields(_ session: Session) -> [JSONMember] {
        [
            JSONMember("ending", .nullable(session.state.ending.map(ids.ending))),
            JSONMember("reason", .string((session.state.endReason ?? .ending).rawValue)),
            JSONMember("scores", ScoreCodec.encode(session, ids: ids)),
        ]
    }

    func close(seq: Int, wall: String, clock: Int, session: Session) -> [JSONMember] {
        stamp(.close, seq: seq, wall: wall, clock: clock) + closeFields(session)
    }

    func resume(
        seq: Int, wall: String, clock: Int, fingerprint: String, forced: Bool, discarded: Int, mismatches: [String],
        tool: String
    ) -> [JSONMember] {
        stamp(.resume, seq: seq, wall: wall, clock: clock) + [
            JSONMember("scenario_sha256", .string(fingerprint)), JSONMember("forced", .bool(forced)),
            JSONMember("discarded_bytes", .int(discarded)),
            JSONMember("mismatches", .array(mismatches.map { .string($0) })), JSONMember("tool", .string(tool)),
        ]
    }
}
