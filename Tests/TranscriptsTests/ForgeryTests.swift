import ExerciseEngine
import Foundation
import ScenarioLanguage
import Testing
import TranscriptsTestSupport

@testable import Transcripts

/// Writes `lines` as a forger without the key would (or with it, given `key`): every `prev`, `sum` (and `mac`)
/// recomputed, so that the chain is intact.
func reseal(_ lines: [JSONValue], to path: String, key: TranscriptKey? = nil) throws {
    var previous: String?
    var out: [UInt8] = []
    for line in lines {
        guard case .object(var members) = line.removing(["sum", "mac", "prev"]) else { continue }
        members.append(JSONMember("prev", .nullable(previous)))
        let sealed = Seal.seal(body: JSONValue.object(members).bytes, key: key)
        previous = Digest.sha256(sealed)
        out += sealed + [0x0A]
    }
    try writeBytes(out, to: path)
}

/// `value` with the member `key` set to `new` (appended when missing).
func setting(_ key: String, _ new: JSONValue, in value: JSONValue) -> JSONValue {
    guard case .object(var members) = value else { return value }
    if let i = members.firstIndex(where: { $0.key == key }) {
        members[i].value = new
    } else {
        members.append(JSONMember(key, new))
    }
    return .object(members)
}

/// Issue 15, defects 2–4: the forgeries of the campaign. Each must be rejected by `verify`, and, when the
/// transcript was signed, by every command given the key.
@Suite struct ForgeryTests {
    /// Index of the first input after the start step.
    static func firstChoice(_ lines: [JSONValue]) -> Int? {
        lines.indices.first { i in lines[i]["type"] == .string("input") && lines[i]["kind"] != .string("start") }
    }

    /// Defect 2: a `resume` record with another fingerprint, inserted after the start, switched replay off for
    /// everything after it, and `verify` said valid.
    @Test(arguments: [false, true])
    func insertedForcedResumeDoesNotVerify(rewriteScores: Bool) throws {
        let (path, scenario) = try tinyTranscript()
        var lines = try jsonLines(path)
        let at = try #require(Self.firstChoice(lines))
        var resume = lines[at]
        for key in ["kind", "role", "data", "events"] { resume = resume.removing([key]) }
        resume = setting("type", .string("resume"), in: resume)
        resume = setting("scenario_sha256", .string(String(repeating: "0", count: 64)), in: resume)
        resume = setting("forced", .bool(true), in: resume)
        resume = setting("discarded_bytes", .int(0), in: resume)
        resume = setting("mismatches", .array([]), in: resume)
        resume = setting("tool", .string("forged"), in: resume)
        lines.insert(resume, at: at)
        // Renumber, and, in one case, also give a choice no one made its effects and a perfect score.
        for i in lines.indices where i > 0 { lines[i] = setting("seq", .int(i), in: lines[i]) }
        if rewriteScores, let close = lines.indices.last {
            lines[close] = setting("ending", .null, in: lines[close])
        }
        try reseal(lines, to: path)
        let report = Verifier.verify(path: path, scenario: scenario, key: nil)
        #expect(report.status == .unverified, "\(report.problems)")
        #expect(report.uncheckedFrom == at + 1)
        #expect(report.status.rawValue == 4)
        // A deliberately edited exercise can be accepted, and the report still says from where.
        let allowed = Verifier.verify(path: path, scenario: scenario, key: nil, allowEdited: true)
        #expect(allowed.status == .valid)
        #expect(allowed.uncheckedFrom == at + 1)
    }

    /// The same forgery on a signed transcript, made without the key, fails on its HMACs.
    @Test func insertedResumeInASignedTranscriptIsTampered() throws {
        let (path, scenario) = try tinyTranscript(key: testKey)
        var lines = try jsonLines(path)
        let at = try #require(Self.firstChoice(lines))
        lines.insert(setting("type", .string("resume"), in: lines[at]), at: at)
        try reseal(lines, to: path)
        #expect(Verifier.verify(path: path, scenario: scenario, key: testKey).status == .tampered)
        #expect(Verifier.verify(path: path, scenario: scenario, key: nil).status == .tampered)
    }

    /// Defect 3: HMACs stripped, the header switched to unsigned, every line resealed.
    @Test func strippedHMACIsRefusedByEveryCommandGivenTheKey() throws {
        let (path, scenario) = try tinyTranscript(key: testKey)
        var lines = try jsonLines(path)
        lines[0] = setting("hmac", .bool(false), in: lines[0])
        try reseal(lines, to: path)
        #expect(Verifier.verify(path: path, scenario: scenario, key: testKey).status == .tampered)
        // debrief and replay read through Transcript.read; resume too.
        guard case .failure(let error) = Transcript.read(path: path, key: testKey) else {
            Issue.record("a stripped transcript was read with the key")
            return
        }
        #expect(error.message.contains("carries no HMAC although a key was given"))
        let unsignedCopy = path + ".open.jsonl"
        var open = lines
        if let close = open.indices.last { open.remove(at: close) }  // resumable: no close record
        try reseal(open, to: unsignedCopy)
        guard case .failure = Resumer.load(path: unsignedCopy, scenario: scenario, key: testKey) else {
            Issue.record("resume went on with a stripped transcript")
            return
        }
    }

    /// HMACs stripped from the later lines only: signing cannot stop mid-file, with or without the key.
    @Test func signingCannotChangeMidFile() throws {
        let (path, scenario) = try tinyTranscript(key: testKey)
        let lines = try jsonLines(path)
        var previous: String?
        var out: [UInt8] = []
        for (i, line) in lines.enumerated() {
            guard case .object(var members) = line.removing(["sum", "mac", "prev"]) else { continue }
            members.append(JSONMember("prev", .nullable(previous)))
            let sealed = Seal.seal(body: JSONValue.object(members).bytes, key: i < 3 ? testKey : nil)
            previous = Digest.sha256(sealed)
            out += sealed + [0x0A]
        }
        try writeBytes(out, to: path)
        #expect(Verifier.verify(path: path, scenario: scenario, key: nil).status == .tampered)
        #expect(Verifier.verify(path: path, scenario: scenario, key: testKey).status == .tampered)

        // And an unsigned transcript cannot start carrying HMACs.
        let (plain, _) = try tinyTranscript()
        var signedLater: [UInt8] = []
        previous = nil
        for (i, line) in try jsonLines(plain).enumerated() {
            guard case .object(var members) = line.removing(["sum", "mac", "prev"]) else { continue }
            members.append(JSONMember("prev", .nullable(previous)))
            let sealed = Seal.seal(body: JSONValue.object(members).bytes, key: i < 3 ? nil : testKey)
            previous = Digest.sha256(sealed)
            signedLater += sealed + [0x0A]
        }
        try writeBytes(signedLater, to: plain)
        #expect(Verifier.verify(path: plain, scenario: scenario, key: nil).status == .tampered)
    }

    /// Defect 4: `facilitated: true` written into the header. Signed, the forgery fails on its HMACs; unsigned,
    /// resume still does not hand out the facilitator's commands without --facilitator.
    @Test func grantedFacilitationIsRefused() throws {
        let (signed, scenario) = try tinyTranscript(key: testKey)
        var lines = try jsonLines(signed)
        lines[0] = setting("facilitated", .bool(true), in: lines[0])
        try reseal(lines, to: signed)
        #expect(Verifier.verify(path: signed, scenario: scenario, key: testKey).status == .tampered)
        #expect(Verifier.verify(path: signed, scenario: scenario, key: nil).status == .tampered)

        let scenarioMini = try compile(miniExercise)
        let writer = try makeWriter(scenarioMini, seed: 4)
        var session = Session(scenario: scenarioMini, seed: 4, played: [0, 1])
        try writer.append(input: nil, events: session.start(), wall: fixedStart)
        writer.detach()
        var open = try jsonLines(writer.path)
        open[0] = setting("facilitated", .bool(true), in: open[0])
        try reseal(open, to: writer.path)
        guard case .failure(let refusal) = Resumer.load(path: writer.path, scenario: scenarioMini) else {
            Issue.record("a trainee resumed a session as its facilitator")
            return
        }
        #expect(refusal == .facilitatorRequired(path: writer.path))
        #expect(refusal.message(in: .zh).contains("--facilitator"))
    }

    /// A genuinely facilitated session needs --facilitator; a trainee session refuses it.
    @Test func resumingAFacilitatedSessionNeedsTheFlag() throws {
        let scenario = try compile(miniExercise)
        for facilitated in [true, false] {
            let writer = try makeWriter(scenario, seed: 5, facilitated: facilitated)
            var session = Session(scenario: scenario, seed: 5, played: [0, 1], facilitated: facilitated)
            try writer.append(input: nil, events: session.start(), wall: fixedStart)
            writer.detach()
            let wrong = Resumer.load(path: writer.path, scenario: scenario, facilitator: !facilitated)
            guard case .failure = wrong else {
                Issue.record("facilitated \(facilitated): resumed with the wrong flag")
                continue
            }
            let right = Resumer.load(path: writer.path, scenario: scenario, facilitator: facilitated)
            guard case .success(let resumed) = right else {
                Issue.record("facilitated \(facilitated): \(right)")
                continue
            }
            #expect(resumed.session.facilitated == facilitated)
            resumed.writer.detach()
        }
    }

    /// Another fingerprint in the header (replay would be skipped), and no exercise at all: neither is valid.
    @Test func unreplayableContentIsUnverified() throws {
        let (path, scenario) = try tinyTranscript()
        var lines = try jsonLines(path)
        lines[0] = setting("scenario_sha256", .string(String(repeating: "f", count: 64)), in: lines[0])
        try reseal(lines, to: path)
        let changed = Verifier.verify(path: path, scenario: scenario, key: nil)
        #expect(changed.status == .unverified)
        #expect(changed.uncheckedFrom == 1)
        #expect(Verifier.verify(path: path, scenario: scenario, key: nil, allowEdited: true).status == .valid)
        let missing = Verifier.verify(path: path, scenario: nil, key: nil)
        #expect(missing.status == .unverified)
        #expect(Verifier.verify(path: path, scenario: nil, key: nil, allowEdited: true).status == .unverified)
    }
}
