import ExerciseEngine
import Foundation
import Localization
import ScenarioLanguage
import Testing
import TranscriptsTestSupport

@testable import Transcripts

/// A one-question exercise: its transcripts are small enough to flip every bit of.
let tinyExercise = """
    exercise tiny "Tiny"
      language en
      clock 08:00
      peer off
    role a "A"
    measure m "M" range 0..10
    ending done "Done"
    scene s "S"
      ask a "Go?"
        choice yes "Yes"
          m += 2
        choice no "No" default
      end done

    """

/// Writes a finished tiny session and returns its path.
func tinyTranscript(key: TranscriptKey? = nil) throws -> (path: String, scenario: Scenario) {
    let scenario = try compile(tinyExercise, path: "tiny.ttx")
    let writer = try makeWriter(scenario, seed: 1, key: key)
    var session = Session(scenario: scenario, seed: 1, played: [0])
    try writer.append(input: nil, events: session.start(), wall: fixedStart)
    let yes = try #require(scenario.choice("yes"))
    try writer.append(
        input: .choose(role: 0, choice: yes), events: try session.apply(.choose(role: 0, choice: yes)), wall: fixedStart
    )
    try writer.close(session: session, wall: fixedStart)
    return (writer.path, scenario)
}

/// Rewrites a transcript as someone without the key would: changes records, then recomputes every checksum and
/// link so that the chain is intact again.
func forge(_ path: String, key: TranscriptKey? = nil, _ change: (Int, JSONValue) -> JSONValue) throws {
    var previous: String?
    var out: [UInt8] = []
    for (i, line) in try jsonLines(path).enumerated() {
        guard case .object(var members) = change(i, line).removing(["sum", "mac", "prev"]) else { continue }
        members.append(JSONMember("prev", .nullable(previous)))
        let sealed = Seal.seal(body: JSONValue.object(members).bytes, key: key)
        previous = Digest.sha256(sealed)
        out += sealed + [0x0A]
    }
    try writeBytes(out, to: path)
}

@Suite struct VerifyTests {
    @Test func validTranscriptVerifies() throws {
        let (path, scenario) = try tinyTranscript()
        let report = Verifier.verify(path: path, scenario: scenario, key: nil)
        #expect(report.status == .valid)
        #expect(report.problems.isEmpty)
        #expect(report.replayChecked)
        #expect(report.closed)
        #expect(!report.hmacChecked)
    }

    /// Changing any single byte (here: flipping one bit, three different bits in turn) is detected. Only the final
    /// newline is a torn line rather than a change.
    @Test(arguments: [false, true])
    func everySingleByteChangeIsDetected(signed: Bool) throws {
        let key = signed ? testKey : nil
        let (path, scenario) = try tinyTranscript(key: key)
        let original = try fileBytes(path)
        let copy = try temporaryDirectory() + "/copy.jsonl"
        var failures: [String] = []
        for mask: UInt8 in [0x01, 0x20, 0x80] {
            for offset in original.indices {
                var bytes = original
                bytes[offset] ^= mask
                try writeBytes(bytes, to: copy)
                // Without the exercise (checksums, chain, HMAC) and with it (replay too).
                for exercise in mask == 0x01 ? [nil, scenario] : [nil] {
                    let status = Verifier.verify(path: copy, scenario: exercise, key: key).status
                    let expected: VerifyReport.Status = offset == original.count - 1 ? .torn : .tampered
                    if status != expected {
                        failures.append("mask \(mask) offset \(offset): \(status)")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test func removedInsertedOrSwappedLinesAreDetected() throws {
        let (path, _) = try tinyTranscript()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .dropLast().map(String.init)
        let copy = try temporaryDirectory() + "/copy.jsonl"
        func check(_ edited: [String]) throws -> VerifyReport.Status {
            try writeBytes(Array((edited.joined(separator: "\n") + "\n").utf8), to: copy)
            return Verifier.verify(path: copy, scenario: nil, key: nil).status
        }
        for i in 1..<(lines.count - 1) {
            var removed = lines
            removed.remove(at: i)
            #expect(try check(removed) == .tampered, "removing line \(i + 1)")
            var swapped = lines
            swapped.swapAt(i, i + 1)
            #expect(try check(swapped) == .tampered, "swapping line \(i + 1)")
            var doubled = lines
            doubled.insert(lines[i], at: i)
            #expect(try check(doubled) == .tampered, "repeating line \(i + 1)")
        }
    }

    @Test func forgedChainIsCaughtByReplay() throws {
        let (path, scenario) = try tinyTranscript()
        // Raise the score in the closing record and recompute the chain.
        try forge(path) { _, line in
            guard line["type"] == .string("close"), case .object(var members) = line else { return line }
            for (i, m) in members.enumerated() where m.key == "scores" {
                members[i].value = .string("all 100")
            }
            return .object(members)
        }
        // Without the exercise nothing could be replayed: not valid, only unverified (issue 15).
        #expect(Verifier.verify(path: path, scenario: nil, key: nil).status == .unverified)
        let report = Verifier.verify(path: path, scenario: scenario, key: nil)
        #expect(report.status == .tampered)
        #expect(report.problems.contains { $0.message.contains("final scores") })
    }

    @Test func forgedChoiceIsCaughtByReplay() throws {
        let (path, scenario) = try tinyTranscript()
        try forge(path) { _, line in
            guard line["kind"] == .string("choose"), case .object(var members) = line else { return line }
            for (i, m) in members.enumerated() where m.key == "data" {
                members[i].value = .sorted(["choice": .string("no")])
            }
            return .object(members)
        }
        let report = Verifier.verify(path: path, scenario: scenario, key: nil)
        #expect(report.status == .tampered)
    }

    @Test func forgedChainIsCaughtByTheHMAC() throws {
        let (path, _) = try tinyTranscript(key: testKey)
        try forge(path, key: TranscriptKey(bytes: Array("a guess".utf8))) { _, line in line }
        let report = Verifier.verify(path: path, scenario: nil, key: testKey)
        #expect(report.status == .tampered)
        #expect(report.problems.first?.message.contains("HMAC") == true)
        // Stripping the HMACs and marking the header unsigned is caught when the key is given.
        try forge(path, key: nil) { i, line in
            guard i == 0, case .object(var members) = line else { return line }
            for (j, m) in members.enumerated() where m.key == "hmac" { members[j].value = .bool(false) }
            return .object(members)
        }
        #expect(Verifier.verify(path: path, scenario: nil, key: testKey).status == .tampered)
    }

    @Test func signedTranscriptWithoutKeySaysTheHMACWasNotChecked() throws {
        let (path, scenario) = try tinyTranscript(key: testKey)
        let withKey = Verifier.verify(path: path, scenario: scenario, key: testKey)
        #expect(withKey.status == .valid)
        #expect(withKey.hmacChecked)
        let without = Verifier.verify(path: path, scenario: scenario, key: nil)
        #expect(without.status == .valid)
        #expect(!without.hmacChecked)
        #expect(without.notes.contains(.signedButNoKey))
        let wrong = Verifier.verify(path: path, scenario: scenario, key: TranscriptKey(bytes: Array("wrong".utf8)))
        #expect(wrong.status == .tampered)
    }

    @Test func tornLastLineIsReportedApartFromCorruption() throws {
        let (path, scenario) = try tinyTranscript()
        let original = try fileBytes(path)
        // Half of the closing record.
        let lastStart = try #require(original.dropLast().lastIndex(of: 0x0A)) + 1
        let cut = Array(original[..<(lastStart + (original.count - lastStart) / 2)])
        try writeBytes(cut, to: path)
        let lastLine = original.filter { $0 == 0x0A }.count
        let transcript = try Transcript.read(path: path).get()
        #expect(transcript.torn?.line == lastLine)
        #expect(transcript.close == nil)
        #expect(transcript.validLength == lastStart)
        let report = Verifier.verify(path: path, scenario: scenario, key: nil)
        #expect(report.status == .torn)
        #expect(report.torn != nil)
        // The same bytes with a line end: a damaged line, not a torn one.
        try writeBytes(cut + [0x0A], to: path)
        #expect(Verifier.verify(path: path, scenario: scenario, key: nil).status == .tampered)
        if case .failure(let error) = Transcript.read(path: path) {
            #expect(error.line == lastLine)
        } else {
            Issue.record("a damaged line must not read as valid")
        }
    }

    @Test func incompleteLastStepIsTorn() throws {
        let scenario = try compile(miniExercise)
        let writer = try makeWriter(scenario, seed: 4)
        try playScripted(scenario: scenario, seed: 4, writer: writer, maxSteps: 4)
        let lines = try String(contentsOfFile: writer.path, encoding: .utf8).split(separator: "\n")
        // Drop the last event line: the last step lists more events than follow.
        try writeBytes(Array((lines.dropLast().joined(separator: "\n") + "\n").utf8), to: writer.path)
        let transcript = try Transcript.read(path: writer.path).get()
        #expect(transcript.torn != nil)
        #expect(transcript.steps.count == 3)
        #expect(Verifier.verify(path: writer.path, scenario: scenario, key: nil).status == .torn)
    }

    @Test func unreadableFilesAreTold() throws {
        let directory = try temporaryDirectory()
        #expect(Verifier.verify(path: directory + "/missing.jsonl", scenario: nil, key: nil).status == .unreadable)
        #expect(Verifier.verify(path: directory, scenario: nil, key: nil).status == .unreadable)
        try writeBytes([], to: directory + "/empty.jsonl")
        #expect(Verifier.verify(path: directory + "/empty.jsonl", scenario: nil, key: nil).status == .unreadable)
        try writeBytes(Array("hello\nworld\n".utf8), to: directory + "/text.jsonl")
        #expect(Verifier.verify(path: directory + "/text.jsonl", scenario: nil, key: nil).status == .unreadable)
        try writeBytes(Array("{\"a\":1}\n".utf8), to: directory + "/json.jsonl")
        #expect(Verifier.verify(path: directory + "/json.jsonl", scenario: nil, key: nil).status == .unreadable)
        // A format from the future.
        let (path, _) = try tinyTranscript()
        try forge(path) { i, line in
            guard i == 0, case .object(var members) = line else { return line }
            for (j, m) in members.enumerated() where m.key == "format" { members[j].value = .int(3) }
            return .object(members)
        }
        let report = Verifier.verify(path: path, scenario: nil, key: nil)
        #expect(report.status == .unreadable)
        #expect(report.problems.first?.message.contains("format version 3") == true)
    }

    @Test func changedExerciseSkipsReplayAndIsUnverified() throws {
        let (path, _) = try tinyTranscript()
        let edited = try compile(tinyExercise.replacingOccurrences(of: "\"Yes\"", with: "\"Yes!\""), path: "tiny.ttx")
        // Nothing could be replayed, so the transcript is unverified (issue 15), unless an edit is accepted.
        let report = Verifier.verify(path: path, scenario: edited, key: nil)
        #expect(report.status == .unverified)
        #expect(!report.replayChecked)
        #expect(report.notes.contains(.replaySkippedExerciseChanged))
        #expect(Verifier.verify(path: path, scenario: edited, key: nil, allowEdited: true).status == .valid)
    }
}

@Suite struct TranscriptCatalogTests {
    @Test func catalogueIsSound() {
        #expect(Catalog.transcripts.problems == [])
    }

    @Test func errorsInBothLanguages() {
        let error = TranscriptError.corrupt(path: "t/x.jsonl", line: 5, reason: .init("notObject"))
        #expect(error.message == "The transcript 't/x.jsonl' is damaged at line 5: the line is not a JSON object.")
        #expect(error.message(in: .zh) == "记录「t/x.jsonl」第 5 行已损坏：这一行不是 JSON 对象。")
        #expect(error.lineMessage == "Line 5 is damaged: the line is not a JSON object.")
        // The reasons inside the messages are in the reader's language too (issue 15).
        let tampered = TranscriptError.tampered(path: "t/x.jsonl", line: 3, reason: .init("chain", "2"))
        #expect(tampered.lineMessage(in: .zh) == "第 3 行 接不上第 2 行（它之前有一行被改动、删除或插入）。")
        #expect(
            TranscriptError.writeFailed(path: "t/x.jsonl", reason: .permissionDenied).message.contains("permissions"))
        #expect(!TranscriptError.writeFailed(path: "t/x.jsonl", reason: .permissionDenied).message.contains("space"))
        #expect(TranscriptError.writeFailed(path: "a b.jsonl", reason: .diskFull).message(in: .zh).contains("腾出磁盘空间"))
        #expect(
            TranscriptError.writeFailed(path: "a b.jsonl", reason: .diskFull).message.contains("resume 'a b.jsonl'"))
        #expect(TranscriptError.directoryUnnamed.message(in: .en).contains("--out is empty"))
        #expect(!TranscriptError.directoryMissing(path: "").message.contains("mkdir -p )"))
        #expect(TranscriptError.inUse(path: "a").message(in: .zh) == "另一个 Sandtable 会话正在写入记录「a」。请先关闭那个会话。")
    }
}
