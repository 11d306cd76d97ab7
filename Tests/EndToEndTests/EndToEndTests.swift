import Foundation
import Testing

/// The binary fed through a pipe, as a scripted trainee would use it, compared with golden output.
@Suite struct PlayThroughPipeTests {
    /// Replaces what changes from run to run (the transcript's file name) with a fixed marker.
    static func normalise(_ text: String, transcripts: URL) -> String {
        text.replacingOccurrences(of: transcripts.path, with: "<transcripts>")
            .replacingOccurrences(of: #"\d{8}-\d{6}-"#, with: "<start>-", options: .regularExpression)
    }

    /// Replaces wall-clock stamps, hashes and checksums (which change with every run or edit) with markers.
    static func normaliseTranscript(_ text: String) -> String {
        var result = text
        for (pattern, replacement) in [
            (#""(wall|started)":"[^"]*""#, #""$1":"<time>""#),
            (#""(prev|sum|mac|scenario_sha256)":"[0-9a-f]{64}""#, #""$1":"<hash>""#),
            (#""tool":"[^"]*""#, #""tool":"<version>""#),
        ] {
            result = result.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return result
    }

    @Test(arguments: [("tutorial.ttx", "zh"), ("tutorial.en.ttx", "en")])
    func tutorialPlaysToTheEnd(file: String, language: String) throws {
        let input = try String(
            contentsOf: Harness.root.appendingPathComponent("Tests/EndToEndTests/Golden/tutorial-\(language).input"),
            encoding: .utf8)
        let (result, out) = try Harness.runInScratchFolder(
            ["play", "exercises/\(file)", "--seed", "42", "--lang", language], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        try Harness.assertGolden(Self.normalise(result.stdout, transcripts: out), "tutorial-\(language).out")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".jsonl") }
        #expect(files.count == 1)
        guard let name = files.first else { return }
        let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count > 20)
        for line in lines {
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8))
            #expect(object is [String: Any], "not a JSON object: \(line.prefix(80))")
        }
        #expect(text.hasSuffix("\n"))
        try Harness.assertGolden(Self.normaliseTranscript(text), "tutorial-\(language).transcript.jsonl")
        #expect(lines.last?.contains("\"type\":\"close\"") == true)
    }

    @Test func badInputGetsAnErrorAndChangesNothing() throws {
        var input = "stauts\n\n   \n9\n0\n-1\nfrobnicate\n"
        input += String(repeating: "x", count: 1_048_576) + "\n"
        input += "abc\u{7}def\n"
        let result0 = try Harness.run(
            ["play", "exercises/tutorial.ttx", "--seed", "1", "--lang", "en", "--no-transcript"],
            input: input)
        let out = result0.stdout
        #expect(result0.status == 0)
        #expect(out.contains("Unknown command 'stauts' (did you mean 'status'?)"))
        #expect(out.contains("Choose a number from 1 to 3, or a choice id"))
        #expect(out.contains("Unknown command 'frobnicate'"))
        #expect(out.contains("That line is too long"))
        #expect(out.contains("That line contains control characters"))
        // Nothing was chosen: the first question is still waiting at the end.
        #expect(!out.contains(" chose: "))
    }

    /// `:end` asks the facilitator y/N before ending: anything but yes keeps the exercise going; `:end yes` and
    /// `:end!` end at once, also through a pipe.
    @Test(arguments: [":end yes", ":end!", ":end\ny"])
    func endAsksForConfirmation(confirm: String) throws {
        let result = try Harness.run(
            [
                "play", "exercises/flood-response.ttx", "--seed", "3", "--lang", "en", "--facilitator",
                "--no-transcript",
            ], input: ":end\nno\n:end maybe\n" + confirm + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        let asked = out.components(separatedBy: "Type y to end, anything else to go on").count - 1
        #expect(asked == (confirm == ":end\ny" ? 2 : 1))
        #expect(out.components(separatedBy: "The exercise goes on.").count - 1 == 1)
        #expect(out.contains("':end' needs more"))
        // Only the last line ended it, after the refusals.
        let ended = try #require(out.range(of: "The facilitator ended the exercise"))
        #expect(try #require(out.range(of: "The exercise goes on.")).lowerBound < ended.lowerBound)
    }

    @Test func invalidUTF8IsRejected() throws {
        let input = Data([0x61, 0xFF, 0xFE, 0x0A]) + Data("1\n".utf8)
        let result = try Harness.spawn(
            Harness.binary, ["play", "exercises/tutorial.ttx", "--lang", "en", "--no-transcript"], input: input,
            environment: ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": Harness.scratch().path])
        #expect(result.stdout.contains("That line is not valid UTF-8"))
        #expect(result.stdout.contains("chose:"))
    }

    @Test func unknownRoleIsRefusedBeforePlay() throws {
        let result = try Harness.run([
            "play", "exercises/tutorial.ttx", "--roles", "jiaotng", "--lang", "en", "--no-transcript",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean 'jiaotong'"))
    }

    @Test func versionAndHelp() throws {
        let version = try Harness.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try Harness.run(["--help"])
        #expect(help.stdout.contains("play"))
        #expect(help.stdout.contains("check"))
    }
}
