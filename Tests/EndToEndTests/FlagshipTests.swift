import Foundation
import Testing

/// Golden sessions of the flagship exercise fed through a pipe: a facilitated hot-seat session with every role
/// played (pause, a refused input, a breach of a secret item, requests, a tied weighted vote that goes to a
/// negotiation round and the lead's call, an override) and a trainee session with two roles played and the others
/// automated (facilitator commands refused).
@Suite struct FlagshipTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var arguments: [String]
        var description: String { name }
    }

    static let cases = [
        Case(name: "flood-facilitator", arguments: ["--seed", "11", "--facilitator"]),
        Case(name: "flood-trainee", arguments: ["--seed", "23", "--roles", "ema,transport"]),
    ]

    /// Plays a case in a scratch folder; returns the result and the transcripts folder.
    func play(_ c: Case) throws -> (Harness.Result, URL) {
        let input = try String(
            contentsOf: Harness.root.appendingPathComponent("Tests/EndToEndTests/Golden/\(c.name).input"),
            encoding: .utf8)
        return try Harness.runInScratchFolder(
            ["play", "exercises/flood-response.ttx", "--lang", "zh"] + c.arguments,
            input: input, environment: ["COLUMNS": "100"])
    }

    @Test(arguments: cases)
    func sessionMatchesGoldenAndVerifies(_ c: Case) throws {
        let (result, out) = try play(c)
        #expect(result.status == 0, "\(result.stderr)")
        try Harness.assertGolden(PlayThroughPipeTests.normalise(result.stdout, transcripts: out), "\(c.name).out")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".jsonl") }
        let transcript = try #require(files.first)
        let text = try String(contentsOf: out.appendingPathComponent(transcript), encoding: .utf8)
        try Harness.assertGolden(PlayThroughPipeTests.normaliseTranscript(text), "\(c.name).transcript.jsonl")
        let verify = try Harness.run(["verify", out.appendingPathComponent(transcript).path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test func sameSeedAndInputsGiveTheSameTranscript() throws {
        let (_, first) = try play(Self.cases[0])
        let (_, second) = try play(Self.cases[0])
        func events(_ folder: URL) throws -> String {
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            // Only wall times differ between two runs; everything else, chain included, is derived from them.
            return PlayThroughPipeTests.normaliseTranscript(text)
        }
        #expect(try events(first) == events(second))
    }
}
