import Foundation
import Testing

/// The basin example of issue 12 played through the binary: pollution-share weights set during play (7/5/3), a ⅔
/// of held threshold that 8 of 15 misses, and arbitration by the commission; the debrief shows the weights, the
/// tally and `resolved_by`.
@Suite(.serialized) struct BasinVoteTests {
    static let exercise = "exercises/examples/basin-vote.ttx"

    /// Publishes the tracing report, then upstream votes for equal shares and the other two for shares by load.
    static let input = "1\nequal\nby_share\nby_share\n"

    static func normalise(_ text: String) -> String {
        DebriefTests.normalise(text).replacingOccurrences(
            of: #"\d{8}-\d{6}-basin_vote(-\d+)?\.jsonl"#, with: "<transcript>.jsonl", options: .regularExpression)
    }

    @Test func playsAndDebriefShowsWeightsTallyAndResolvedBy() throws {
        let folder = Harness.scratch()
        let play = try Harness.run(
            [
                "play", Self.exercise, "--seed", "1", "--roles", "upstream,midstream,downstream", "--lang", "zh",
                "--color", "never", "--out", folder.path,
            ], input: Self.input)
        #expect(play.status == 0, "\(play.stderr)")
        // The players see the tally with the weights set during play.
        #expect(play.stdout.contains("计票："))
        let flat = play.stdout.replacingOccurrences(of: "\n  ", with: "")
        #expect(flat.contains("表决权 青川市生态环境局 7、平阳市生态环境局 5、临江市生态环境局 3"))
        #expect(flat.contains("需达持有总数 15 的至少 2/3，即 10"))
        #expect(flat.contains("未通过：按污染贡献度 7:5:3 分摊 未达门槛"))
        try Harness.assertGolden(
            Self.normalise(play.stdout.replacingOccurrences(of: folder.path, with: "<out>")), "basin-vote-play.zh.txt")

        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }
        let transcript = folder.appendingPathComponent(try #require(files.first))
        let text = try String(contentsOf: transcript, encoding: .utf8)
        #expect(text.contains(#""format":2"#))
        #expect(text.contains(#""kind":"votes_counted""#))
        #expect(text.contains(#""by":"arbitration_role""#))

        let verify = try Harness.run(["verify", transcript.path, "--lang", "en"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")

        for language in ["zh", "en"] {
            let md = try Harness.run(["debrief", transcript.path, "--lang", language])
            #expect(md.status == 0, "\(md.stderr)")
            try Harness.assertGolden(Self.normalise(md.stdout), "basin-vote-debrief.\(language).md")
        }
        let en = try Harness.run(["debrief", transcript.path, "--lang", "en"]).stdout
        #expect(en.contains("weights 青川市生态环境局 7, 平阳市生态环境局 5, 临江市生态环境局 3"))
        #expect(en.contains("needs at least 2/3 of 15 held = 10"))
        #expect(en.contains("resolved_by: `arbitration`"))
        let json = try Harness.run(["debrief", transcript.path, "--format", "json"])
        #expect(json.stdout.contains(#""resolved_by" : "arbitration""#))
        #expect(json.stdout.contains(#""outcome" : "short""#))
    }
}
