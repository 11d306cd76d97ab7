import Foundation
import Testing

/// The contact-tracing example played through a pipe: health sends the full list to education, education leaks it
/// to the parents' chat group by command and forwards it there again by choice, the scenario's inject passes it on
/// once more; the leak to the parents is shown, recorded and counted once.
@Suite struct PrivacyExampleTests {
    static let input = """
        send_list
        as education
        info
        share contact_list with 家长群
        forward_list
        as police
        trace_to_health
        as health
        brief_numbers
        review

        """

    func play() throws -> (Harness.Result, URL) {
        try Harness.runInScratchFolder(
            [
                "play", "exercises/examples/contact-tracing.ttx", "--lang", "zh", "--seed", "3", "--roles",
                "health,education,police",
            ], input: Self.input, environment: ["COLUMNS": "100"])
    }

    @Test func aLeakToTheParentsChatIsShownRecordedAndCountedOnce() throws {
        let (result, out) = try play()
        #expect(result.status == 0, "\(result.stderr)")
        try Harness.assertGolden(
            PlayThroughPipeTests.normalise(result.stdout, transcripts: out), "contact-tracing.out")
        #expect(result.stdout.components(separatedBy: "泄露给了家长群").count == 2, "one leak line for the parents")
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasSuffix(".jsonl") })
        let transcript = out.appendingPathComponent(name)
        let text = try String(contentsOf: transcript, encoding: .utf8)
        let leaks = text.split(separator: "\n").filter { $0.contains(#""kind":"leaked""#) }
        #expect(leaks.filter { $0.contains(#""party":"parents_chat""#) }.count == 1)
        #expect(leaks.count == 3, "parents once, the press twice: the list by the inject, the counts by health")
        let verify = try Harness.run(["verify", transcript.path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")

        let debrief = try Harness.run(["debrief", transcript.path, "--lang", "en", "--format", "markdown"])
        #expect(debrief.status == 0, "\(debrief.stderr)")
        let section = debrief.stdout.components(separatedBy: "### Leaks outside the government").last ?? ""
        #expect(section.contains("3 leaks: each item is counted once per party it reached."))
        #expect(section.components(separatedBy: "reached 家长群").count == 2, "\(section.prefix(600))")
    }
}
