import Foundation
import Testing

/// Wrong files given to `play` and `resume` are refused in a few lines that name the next command.
@Suite struct WrongFileTests {
    @Test func aFileThatIsNoExerciseIsSaidSoInOneLine() throws {
        let result = try Harness.run(["play", "README.md", "--lang", "en", "--no-transcript"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("'README.md' is not a Sandtable exercise ("))
        #expect(result.stderr.contains("sandtable new writes one"))
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr.prefix(400))")
    }

    @Test func aTranscriptGivenToPlayPointsToResume() throws {
        let transcript = "Tests/EndToEndTests/Golden/tutorial-zh.transcript.jsonl"
        let result = try Harness.run(["play", transcript, "--lang", "zh", "--no-transcript"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("「\(transcript)」是演练记录，不是演练脚本；要接着演练，请运行：sandtable resume \(transcript)"))
        #expect(!result.stderr.contains("[E0003]"))
    }

    @Test func anExerciseGivenToResumePointsToPlay() throws {
        let result = try Harness.run(["resume", "exercises/tutorial.en.ttx", "--lang", "en"])
        #expect(result.status != 0)
        #expect(
            result.stderr.contains(
                "it is an exercise, not a transcript; to play it: sandtable play exercises/tutorial.en.ttx"))
    }

    @Test func aMissingFileDoesNotSendToCheck() throws {
        let result = try Harness.run(["play", "no-such-exercise.ttx", "--lang", "en", "--no-transcript"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("there is no such file"))
        #expect(!result.stderr.contains("sandtable check"))
    }

    @Test func manyErrorsAreCapped() throws {
        let folder = Harness.scratch()
        var text = "exercise x \"X\"\n  language en\nrole a \"A\"\nscene s \"S\"\n  ask a \"Q?\"\n    choice c \"C\"\n"
        for n in 0..<15 { text += "      goto nowhere\(n)\n" }
        let file = folder.appendingPathComponent("many.ttx")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try Harness.run(["play", file.path, "--lang", "en", "--no-transcript"])
        #expect(result.status != 0)
        #expect(result.stderr.components(separatedBy: "error: ").count - 1 == 10)
        #expect(result.stderr.contains("… and 5 more errors: sandtable check \(file.path) lists them all"))
    }
}
