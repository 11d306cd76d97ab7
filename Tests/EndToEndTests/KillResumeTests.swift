import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 15's crash campaign: `play` killed with SIGKILL at random points of a scripted session, then `resume`d with
/// the rest of the script, must end with exactly the events and scores of the session played without a break.
///
/// `SANDTABLE_KILL_POINTS` sets the number of kill points (20 here; `scripts/campaign/kill-resume.sh` runs 100 and
/// prints the figures).
@Suite(.serialized) struct KillResumeTests {
    static let points = ProcessInfo.processInfo.environment["SANDTABLE_KILL_POINTS"].flatMap(Int.init) ?? 20
    static let seed = ProcessInfo.processInfo.environment["SANDTABLE_KILL_SEED"].flatMap(UInt64.init) ?? 2026

    /// The tutorial for every role, hot-seat: asks, an action, a request, a joint decision, a discussion for all and
    /// named peer ratings, with `as` switching seats in between.
    static let play = ["play", "exercises/tutorial.en.ttx", "--seed", "42", "--lang", "en"]

    static func script() throws -> [String] {
        try String(
            contentsOf: Harness.root.appendingPathComponent("Tests/EndToEndTests/Golden/tutorial-en.input"),
            encoding: .utf8
        ).split(separator: "\n").map(String.init)
    }

    /// Whether a line of the script is recorded as an input (`as` only moves the keyboard).
    static func isRecorded(_ line: String) -> Bool { !line.hasPrefix("as ") }

    /// The records of a transcript that must come out the same: every input and event (without its sequence number,
    /// wall time and seals) and the closing record; resume records, which only say that a break happened, left out.
    static func comparable(_ file: URL) throws -> [String] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return try text.split(separator: "\n").compactMap { line -> String? in
            guard var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                return nil
            }
            let type = object["type"] as? String
            if type == "header" || type == "resume" { return nil }
            for key in ["seq", "wall", "prev", "sum", "mac"] { object.removeValue(forKey: key) }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// How many script lines the transcript holds as complete steps (the start and resumes not counted).
    static func recordedInputs(_ file: URL) -> Int {
        guard let data = FileManager.default.contents(atPath: file.path) else { return 0 }
        var complete = 0
        var pending: (events: Int, counts: Bool)?
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { break }
            switch object["type"] as? String {
            case "input":
                let counts = (object["kind"] as? String) != "start"
                let events = object["events"] as? Int ?? 0
                pending = (events, counts)
                if events == 0 {
                    if counts { complete += 1 }
                    pending = nil
                }
            case "event":
                guard var p = pending else { break }
                p.events -= 1
                pending = p.events == 0 ? nil : p
                if p.events == 0 && p.counts { complete += 1 }
            default: break
            }
        }
        return complete
    }

    @Test func killedAndResumedSessionsEndExactlyAsUninterruptedOnes() throws {
        let script = try Self.script()
        let reference = Harness.scratch()
        let uninterrupted = try Harness.run(
            Self.play + ["--out", reference.path], input: script.joined(separator: "\n") + "\n")
        #expect(uninterrupted.status == 0, "\(uninterrupted.stderr)")
        let referenceFile = try #require(NothingLostTests.transcripts(in: reference).first)
        let expected = try Self.comparable(referenceFile)
        #expect(Self.recordedInputs(referenceFile) == script.filter(Self.isRecorded).count)
        #expect(expected.last?.contains("\"type\":\"close\"") == true)

        var random = SplitMix(state: Self.seed)
        var exact = 0
        var tornTails = 0
        var linesBeforeKill: [Int] = []
        let started = Date()
        for point in 0..<Self.points {
            let out = Harness.scratch()
            let live = try LiveSession(Self.play + ["--out", out.path])
            // Kill somewhere after the session started: after k lines typed, a random moment later.
            #expect(live.wait(for: "[wait_verify]"), "point \(point): \(live.stderr)")
            let k = Int(random.next() % UInt64(script.count))
            for line in script.prefix(k) { live.type(line) }
            usleep(useconds_t(random.next() % 60_000))
            kill(live.process.processIdentifier, SIGKILL)
            _ = live.exitStatus()
            linesBeforeKill.append(k)
            let file = try #require(NothingLostTests.transcripts(in: out).first, "point \(point)")
            let bytes = FileManager.default.contents(atPath: file.path) ?? Data()
            if bytes.last != 0x0A { tornTails += 1 }
            // Resume with the script from the first line not recorded.
            let recorded = Self.recordedInputs(file)
            var next = 0
            var seen = 0
            while seen < recorded, next < script.count {
                if Self.isRecorded(script[next]) { seen += 1 }
                next += 1
            }
            let rest = script[next...].joined(separator: "\n") + "\n"
            let resumed = try Harness.run(["resume", file.path, "--lang", "en"], input: rest)
            #expect(resumed.status == 0, "point \(point) (k \(k), recorded \(recorded)): \(resumed.stderr)")
            let got = try Self.comparable(file)
            if got == expected {
                exact += 1
            } else {
                let first =
                    zip(got, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                    ?? min(got.count, expected.count)
                let want = first < expected.count ? expected[first] : "<end>"
                let found = first < got.count ? got[first] : "<end>"
                Issue.record(
                    Comment(
                        rawValue: "point \(point) (k \(k), recorded \(recorded)) differs at record \(first):\n"
                            + "  expected: \(want)\n  got:      \(found)"))
            }
            try? FileManager.default.removeItem(at: out)
        }
        let seconds = Date().timeIntervalSince(started)
        print(
            "kill-resume campaign: \(Self.points) kill points (seed \(Self.seed)), \(exact) exact resumes, "
                + "\(tornTails) torn tails cut off, lines typed before the kill \(linesBeforeKill.min() ?? 0)–"
                + "\(linesBeforeKill.max() ?? 0), \(String(format: "%.1f", seconds)) s")
        #expect(exact == Self.points)
    }
}

extension KillResumeTests {
    /// Defect 5: after resume, the next answer must be taken for the role whose seat was at the keyboard, not for
    /// the first role played. The session is left (Ctrl-D) just before, and just after, the first answer to the
    /// discussion put to all roles, whose first answer goes to whoever is at the keyboard; both with the script's
    /// `as` lines and without them (seats then change only as questions hand the keyboard over).
    @Test(arguments: [true, false])
    func resumeRestoresWhoIsAtTheKeyboard(withAs: Bool) throws {
        let script = try Self.script().filter { withAs || !$0.hasPrefix("as ") }
        let reference = Harness.scratch()
        let whole = try Harness.run(
            Self.play + ["--out", reference.path], input: script.joined(separator: "\n") + "\n")
        #expect(whole.status == 0)
        let expected = try Self.comparable(try #require(NothingLostTests.transcripts(in: reference).first))
        let discussion = try #require(script.firstIndex { $0.hasPrefix("The school routes") })
        for split in [discussion, discussion + 1] {
            let out = Harness.scratch()
            let first = try Harness.run(
                Self.play + ["--out", out.path], input: script[..<split].joined(separator: "\n") + "\n")
            #expect(first.status == 0)
            let file = try #require(NothingLostTests.transcripts(in: out).first)
            let resumed = try Harness.run(
                ["resume", file.path, "--lang", "en"], input: script[split...].joined(separator: "\n") + "\n")
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let got = try Self.comparable(file)
            let differs = zip(got, expected).enumerated().first { $0.element.0 != $0.element.1 }
            let same = got == expected
            let difference = differs.map { "\($0.element.0) vs \($0.element.1)" } ?? "in length"
            #expect(same, "split at line \(split + 1): first difference \(difference)")
        }
    }
}

/// SplitMix64, so that a campaign's kill points can be chosen again from its seed.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
