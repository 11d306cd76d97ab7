import ExerciseEngine
import Foundation
import ScenarioLanguage
import Testing
import TranscriptsTestSupport

@testable import Transcripts

@Suite struct RoundTripTests {
    static let exercises = ["tutorial.ttx", "tutorial.en.ttx", "flood-response.ttx", "benchmark.ttx"]

    @Test(arguments: exercises, [UInt64(1), 7, 42])
    func bundledSessionRoundTrips(file: String, seed: UInt64) throws {
        let scenario = try bundled(file)
        let writer = try makeWriter(scenario, seed: seed)
        let (session, steps) = try playScripted(scenario: scenario, seed: seed, writer: writer)
        #expect(session.isEnded)
        let transcript = try Transcript.read(path: writer.path).get()
        #expect(transcript.torn == nil)
        #expect(transcript.close != nil)
        // Every step is in the file, in order, except withheld anonymous ratings.
        let anonymous = scenario.header.peer == .anonymous
        let expectedSteps = steps.filter { step in
            if anonymous, case .peerRating = step.input { return !step.events.isEmpty }
            return true
        }
        #expect(transcript.steps.count == expectedSteps.count)
        #expect(transcript.steps.map(\.events.count) == expectedSteps.map(\.events.count))
        let report = Verifier.verify(path: writer.path, scenario: scenario, key: nil)
        #expect(report.status == .valid, "\(report.problems)")
        #expect(report.replayChecked)
        // The anonymous ratings and the end they bring cannot be replayed (their inputs are withheld).
        #expect(report.eventsReplayed == steps.reduce(0) { $0 + $1.events.count } - (anonymous ? 2 : 0))
    }

    @Test func miniSessionRoundTripsAndReplays() throws {
        let scenario = try compile(miniExercise)
        for seed in UInt64(1)...20 {
            let writer = try makeWriter(scenario, seed: seed)
            let (session, steps) = try playScripted(scenario: scenario, seed: seed, writer: writer)
            let transcript = try Transcript.read(path: writer.path).get()
            #expect(transcript.steps.count == steps.count)
            // Inputs decode back to the same inputs.
            let codec = InputCodec(scenario: scenario)
            for (step, recorded) in zip(steps.dropFirst(), transcript.steps.dropFirst()) {
                let input = try codec.decode(
                    kind: recorded.input.kind, role: recorded.input.role, data: recorded.input.data,
                    line: recorded.input.line
                ).get()
                #expect(input == step.input)
            }
            // Replaying the decoded inputs rebuilds the same state.
            let replay = Replayer(transcript: transcript, scenario: scenario, strict: true).run()
            #expect(replay.failure == nil)
            #expect(replay.session.state == session.state)
            let report = Verifier.verify(path: writer.path, scenario: scenario, key: nil)
            #expect(report.status == .valid, "seed \(seed): \(report.problems)")
        }
    }

    @Test func outputIsByteStable() throws {
        let scenario = try compile(miniExercise)
        let a = try makeWriter(scenario, seed: 3)
        try playScripted(scenario: scenario, seed: 3, writer: a)
        let b = try makeWriter(scenario, seed: 3)
        try playScripted(scenario: scenario, seed: 3, writer: b)
        #expect(try fileBytes(a.path) == fileBytes(b.path))
    }

    @Test(arguments: [TranscriptHeader.InputSource.terminal, .pipe, nil])
    func headerSaysWhereTheInputsCameFrom(input: TranscriptHeader.InputSource?) throws {
        let scenario = try compile(miniExercise)
        let writer = try TranscriptWriter.create(
            directory: try temporaryDirectory(), scenario: scenario, seed: 1, played: [0], facilitated: false,
            uiLanguage: "en", tool: "test", key: nil, now: fixedStart, input: input)
        let header = try #require(try jsonLines(writer.path).first)
        #expect(header["input"] == input.map { .string($0.rawValue) })
        #expect(try Transcript.read(path: writer.path).get().header.input == input)
    }

    @Test func headerRecordsTheSession() throws {
        let scenario = try compile(miniExercise)
        let directory = try temporaryDirectory()
        let writer = try TranscriptWriter.create(
            directory: directory, scenario: scenario, seed: 12_345_678_901_234_567_890, played: [1], facilitated: true,
            uiLanguage: "zh", tool: "9.9.9", key: nil, source: "exercises/mini.ttx", now: fixedStart)
        #expect(writer.path == directory + "/20260101-000000-mini.jsonl")
        let lines = try jsonLines(writer.path)
        let header = try #require(lines.first)
        #expect(header["type"] == .string("header"))
        #expect(header["format"] == .int(2))
        #expect(
            header["exercise"]
                == .ordered(["id": .string("mini"), "title": .string("Mini drill"), "version": .string("0.1")]))
        #expect(header["scenario_sha256"] == .string(scenario.transcriptFingerprint))
        #expect(header["seed"] == .number("12345678901234567890"))
        #expect(
            header["roles"]
                == .array([
                    .ordered(["id": .string("a"), "name": .string("Alpha"), "played": .bool(false)]),
                    .ordered(["id": .string("b"), "name": .string("Bravo"), "played": .bool(true)]),
                ]))
        #expect(header["facilitated"] == .bool(true))
        #expect(header["started"] == .string("2026-01-01T00:00:00.000Z"))
        #expect(header["tool"] == .string("9.9.9"))
        #expect(header["ui_language"] == .string("zh"))
        #expect(header["hmac"] == .bool(false))
        #expect(header["prev"] == .null)
        #expect(header["source"] == .string("exercises/mini.ttx"))
        let read = try Transcript.read(path: writer.path).get()
        #expect(read.header.seed == 12_345_678_901_234_567_890)
        #expect(read.header.roles.map(\.played) == [false, true])
        // A second session in the same second gets its own file.
        let second = try TranscriptWriter.create(
            directory: directory, scenario: scenario, seed: 1, played: [0], facilitated: false, uiLanguage: "en",
            tool: "t", key: nil, now: fixedStart)
        #expect(second.path == directory + "/20260101-000000-mini-2.jsonl")
    }

    @Test func recordsCarryStampsAndIds() throws {
        let scenario = try compile(miniExercise)
        let writer = try makeWriter(scenario, seed: 5)
        var session = Session(scenario: scenario, seed: 5, played: [0, 1])
        try writer.append(input: nil, events: session.start(), wall: fixedStart)
        let push = try #require(scenario.choice("push"))
        let events = try session.apply(.choose(role: 0, choice: push))
        try writer.append(
            input: .choose(role: 0, choice: push), events: events, wall: fixedStart.addingTimeInterval(65.25))
        let lines = try jsonLines(writer.path)
        let input = try #require(lines.first { $0["kind"] == .string("choose") })
        #expect(input["type"] == .string("input"))
        #expect(input["role"] == .string("a"))
        #expect(input["data"] == .sorted(["choice": .string("push")]))
        #expect(input["wall"] == .string("2026-01-01T00:01:05.250Z"))
        #expect(input["clock"] == .int(0))
        #expect(input["time"] == .string("23:30"))
        #expect(input["events"] == .int(events.count))
        let shared = try #require(lines.first { $0["kind"] == .string("item_shared") })
        #expect(shared["role"] == .string("a"))
        #expect(shared["data"]?["item"] == .string("intel"))
        #expect(
            shared["data"]?["with"] == .array([.string("a"), .string("b")])
                || shared["data"]?["with"] == .array([.string("b")]))
        #expect(shared["data"]?["cause"] == .sorted(["kind": .string("choice"), "id": .string("push")]))
        let measure = try #require(lines.first { $0["kind"] == .string("measure_changed") })
        #expect(measure["data"]?["delta"] == .int(5))
        // Sequence numbers count from 1 after the header, and each line links to the one before.
        let seqs = lines.dropFirst().compactMap { $0["seq"]?.intValue }
        #expect(seqs == Array(1...seqs.count))
        let raw = try String(contentsOfFile: writer.path, encoding: .utf8).split(separator: "\n")
        for (i, line) in lines.enumerated().dropFirst() {
            #expect(line["prev"] == .string(Digest.sha256(Array(raw[i - 1].utf8))))
        }
    }

    @Test func scenarioTimePassesMidnight() {
        #expect(TranscriptTime.scenario(start: 23 * 60 + 30, minutes: 0) == "23:30")
        #expect(TranscriptTime.scenario(start: 23 * 60 + 30, minutes: 45) == "00:15+1d")
        #expect(TranscriptTime.scenario(start: 0, minutes: 2 * 1440 + 61) == "01:01+2d")
        #expect(TranscriptTime.wall(Date(timeIntervalSince1970: 0.999)) == "1970-01-01T00:00:00.999Z")
        #expect(TranscriptTime.wall(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
        #expect(TranscriptTime.fileStamp(Date(timeIntervalSince1970: 1_709_210_096)) == "20240229-123456")
        #expect(TranscriptTime.fileStamp(Date(timeIntervalSince1970: 1_709_210_096.9)) == "20240229-123456")
        #expect(TranscriptTime.wall(Date(timeIntervalSince1970: 1_772_352_902.123)) == "2026-03-01T08:15:02.123Z")
        #expect(TranscriptTime.wall(Date(timeIntervalSince1970: 1.9996)) == "1970-01-01T00:00:02.000Z")
        #expect(TranscriptTime.wall(Date(timeIntervalSince1970: -0.0015)) == "1969-12-31T23:59:59.998Z")
        #expect(TranscriptTime.wall(Date(timeIntervalSince1970: 253_402_300_799.999)) == "9999-12-31T23:59:59.999Z")
        #expect(TranscriptTime.wallMilliseconds("2026-03-01T08:15:02.123Z") == 1_772_352_902_123)
        #expect(TranscriptTime.wallMilliseconds("2026-03-01T08:15:02Z") == 1_772_352_902_000)
        #expect(TranscriptTime.wallMilliseconds("2026-03-01 08:15:02Z") == nil)
        #expect(TranscriptTime.wallMilliseconds("") == nil)
        // Every millisecond of a sample reads back as written.
        for millis in stride(from: Int64(1_772_352_900_000), to: 1_772_352_903_000, by: 7) {
            let text = TranscriptTime.wall(Date(timeIntervalSince1970: Double(millis) / 1000))
            #expect(TranscriptTime.wallMilliseconds(text) == millis, "\(text)")
        }
    }
}

@Suite struct FileSafetyTests {
    @Test func fileModeIs0600() throws {
        let scenario = try compile(miniExercise)
        let old = umask(0)
        defer { umask(old) }
        let writer = try makeWriter(scenario, seed: 1)
        var info = stat()
        #expect(stat(writer.path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test func missingFolderIsReportedBeforePlay() throws {
        let scenario = try compile(miniExercise)
        let missing = try temporaryDirectory() + "/nope"
        #expect(throws: TranscriptError.directoryMissing(path: missing)) {
            try TranscriptWriter.checkDirectory(missing)
        }
        #expect(throws: TranscriptError.directoryMissing(path: missing)) {
            _ = try TranscriptWriter.create(
                directory: missing, scenario: scenario, seed: 1, played: [0], facilitated: false, uiLanguage: "en",
                tool: "t",
                key: nil)
        }
        #expect(TranscriptError.directoryMissing(path: missing).message.contains("does not exist"))
    }

    @Test func fileInsteadOfFolderIsReported() throws {
        let file = try temporaryDirectory() + "/plain"
        try writeBytes([0x41], to: file)
        #expect(throws: TranscriptError.notADirectory(path: file)) { try TranscriptWriter.checkDirectory(file) }
    }

    @Test func unwritableFolderIsReported() throws {
        var directory = try temporaryDirectory()
        chmod(directory, 0o500)
        if access(directory, W_OK) == 0 {
            // Running as root: permissions do not stop us; use a folder no one may write.
            directory = "/proc/sys"
            guard access(directory, W_OK) != 0 else { return }
        }
        do {
            try TranscriptWriter.checkDirectory(directory)
            Issue.record("expected an error")
        } catch {
            guard case .directoryNotWritable(let path, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == directory)
            #expect(error.message.contains("cannot write"))
        }
    }

    @Test func failedWriteKeepsTheFileConsistentAndBreaksTheWriter() throws {
        let scenario = try compile(miniExercise)
        let writer = try makeWriter(scenario, seed: 2)
        var session = Session(scenario: scenario, seed: 2, played: [0, 1])
        try writer.append(input: nil, events: session.start(), wall: fixedStart)
        let before = try fileBytes(writer.path)
        writer.simulatedSpace = 100  // the disk fills up 100 bytes into the next step
        let push = try #require(scenario.choice("push"))
        let events = try session.apply(.choose(role: 0, choice: push))
        #expect(throws: TranscriptError.self) {
            try writer.append(input: .choose(role: 0, choice: push), events: events, wall: fixedStart)
        }
        #expect(writer.isBroken)
        #expect(try fileBytes(writer.path) == before)
        #expect(throws: TranscriptError.writerBroken(path: writer.path)) {
            try writer.append(input: .note(role: 0, text: "x"), events: [], wall: fixedStart)
        }
        let report = Verifier.verify(path: writer.path, scenario: scenario, key: nil)
        #expect(report.status == .valid)
    }
}

/// Issue 15, defect 1: a transcript deleted or replaced under a running session.
@Suite struct VanishedFileTests {
    /// A writer with the start recorded, the session, and the choice to make next.
    private func started() throws -> (TranscriptWriter, Session, Input, [Event]) {
        let scenario = try compile(miniExercise)
        let writer = try makeWriter(scenario, seed: 2)
        var session = Session(scenario: scenario, seed: 2, played: [0, 1])
        try writer.append(input: nil, events: session.start(), wall: fixedStart)
        let push = try #require(scenario.choice("push"))
        let input = Input.choose(role: 0, choice: push)
        return (writer, session, input, try session.apply(input))
    }

    @Test func deletedFolderBreaksTheWriter() throws {
        let (writer, _, input, events) = try started()
        let folder = URL(fileURLWithPath: writer.path).deletingLastPathComponent().path
        try FileManager.default.removeItem(atPath: folder)
        #expect(throws: TranscriptError.fileVanished(path: writer.path)) {
            try writer.append(input: input, events: events, wall: fixedStart)
        }
        #expect(writer.isBroken)
        #expect(throws: TranscriptError.writerBroken(path: writer.path)) {
            try writer.append(input: .note(role: 0, text: "x"), events: [], wall: fixedStart)
        }
    }

    @Test func movedFileBreaksTheWriter() throws {
        let (writer, _, input, events) = try started()
        #expect(rename(writer.path, writer.path + ".moved") == 0)
        #expect(throws: TranscriptError.fileVanished(path: writer.path)) {
            try writer.append(input: input, events: events, wall: fixedStart)
        }
        // What was recorded before is intact where the file went.
        let moved = Verifier.verify(path: writer.path + ".moved", scenario: try compile(miniExercise), key: nil)
        #expect(moved.status == .valid)
    }

    @Test func replacedFileBreaksTheWriter() throws {
        let (writer, _, input, events) = try started()
        let copy = writer.path + ".copy"
        try FileManager.default.copyItem(atPath: writer.path, toPath: copy)
        #expect(rename(copy, writer.path) == 0)
        #expect(throws: TranscriptError.fileReplaced(path: writer.path)) {
            try writer.append(input: input, events: events, wall: fixedStart)
        }
        #expect(writer.isBroken)
    }

    @Test func messagesSayTheSessionStops() {
        let vanished = TranscriptError.fileVanished(path: "t/a.jsonl")
        #expect(vanished.message(in: .en).contains("deleted or moved away"))
        #expect(vanished.message(in: .zh).contains("被删除或移走"))
        #expect(TranscriptError.fileReplaced(path: "t/a.jsonl").message(in: .zh).contains("不再接受任何决定"))
    }
}
