import Foundation
import Testing

/// Every command that takes or writes a path, run on paths of every shape a user types: a one-letter folder
/// (`sandtable verify t/x.jsonl` used to die with SIGILL inside Foundation's path code), `./`, an absolute path, a
/// folder with a space, a Chinese folder, and from inside the transcripts folder.
@Suite struct PathTests {
    struct Case: Sendable, CustomStringConvertible {
        /// The folder as given on the command line; `<root>` stands for the scratch folder's absolute path.
        var folder: String
        var description: String { folder }
    }

    static let cases = [
        Case(folder: "t"), Case(folder: "./t"), Case(folder: "t/u"), Case(folder: "<root>/t"), Case(folder: "a b"),
        Case(folder: "演练记录"),
    ]

    /// A scratch folder holding `exercises/tutorial.en.ttx` and the folder of the case, and the folder's spelling.
    func workspace(_ c: Case) throws -> (root: URL, folder: String) {
        let root = Harness.scratch()
        let exercises = root.appendingPathComponent("exercises")
        try FileManager.default.createDirectory(at: exercises, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Harness.root.appendingPathComponent("exercises/tutorial.en.ttx"),
            to: exercises.appendingPathComponent("tutorial.en.ttx"))
        let folder = c.folder.replacingOccurrences(of: "<root>", with: root.path)
        let url = folder.hasPrefix("/") ? URL(fileURLWithPath: folder) : root.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return (root, folder)
    }

    func run(_ arguments: [String], input: String = "", in directory: URL) throws -> Harness.Result {
        try Harness.run(arguments, input: input, environment: ["LANG": "en_US.UTF-8"], directory: directory)
    }

    @Test(arguments: cases)
    func transcriptCommands(_ c: Case) throws {
        let (root, folder) = try workspace(c)
        let played = try run(
            ["play", "exercises/tutorial.en.ttx", "--seed", "3", "--out", folder], input: "1\n", in: root)
        #expect(played.status == 0, "\(played.stderr)")
        let folderURL = folder.hasPrefix("/") ? URL(fileURLWithPath: folder) : root.appendingPathComponent(folder)
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folderURL.path).first { $0.hasSuffix(".jsonl") })
        let transcript = folder + "/" + name
        #expect(played.stdout.contains("Session saved to \(transcript)"), "\(played.stdout.suffix(300))")

        let verify = try run(["verify", transcript], in: root)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.hasPrefix("✓ valid: \(transcript)\n"))
        #expect(verify.stdout.contains("events reproduced"), "the exercise was not found: \(verify.stdout)")

        let debrief = try run(["debrief", transcript, "-o", folder + "/report.md"], in: root)
        #expect(debrief.status == 0, "\(debrief.stderr)")
        let report = try String(contentsOf: folderURL.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.hasPrefix("# After-action report"))

        let replay = try run(["replay", transcript], input: "n\nq\n", in: root)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("── Step 2 of"), "\(replay.stdout.prefix(300))")

        let resume = try run(["resume", transcript], input: "", in: root)
        #expect(resume.status == 0, "\(resume.stderr)")
        #expect(resume.stdout.contains("Session saved to \(transcript)"), "\(resume.stdout.suffix(300))")

        // From inside the transcripts folder, the exercise is found beside it (`../exercises/…`) when the folder
        // is one level below the exercises' parent.
        if !folder.contains("/") || folder.hasPrefix("./") && !folder.dropFirst(2).contains("/") {
            let inside = try run(["verify", name], in: folderURL)
            #expect(inside.status == 0, "\(inside.stdout)\(inside.stderr)")
            #expect(inside.stdout.contains("events reproduced"), "\(inside.stdout)")
        }
    }

    @Test(arguments: cases)
    func authoringCommands(_ c: Case) throws {
        let (root, folder) = try workspace(c)
        let created = try run(["new", "drill", "-o", folder, "--lang", "en"], in: root)
        #expect(created.status == 0, "\(created.stderr)")
        let exercise = folder + "/drill.ttx"
        #expect(created.stdout.hasPrefix("Created \(exercise)."), "\(created.stdout)")
        let again = try run(["new", "drill", "-o", folder, "--lang", "en"], in: root)
        #expect(again.status == 1)
        #expect(again.stderr.contains("\(exercise) exists already"), "\(again.stderr)")

        let check = try run(["check", exercise], in: root)
        #expect(check.status == 0, "\(check.stderr)")
        let simulate = try run(["simulate", exercise, "-n", "3"], in: root)
        #expect(simulate.status == 0, "\(simulate.stderr)")
        let graph = try run(["graph", exercise, "--format", "dot", "-o", folder + "/drill.dot"], in: root)
        #expect(graph.status == 0, "\(graph.stderr)")
        let folderURL = folder.hasPrefix("/") ? URL(fileURLWithPath: folder) : root.appendingPathComponent(folder)
        let dot = try String(contentsOf: folderURL.appendingPathComponent("drill.dot"), encoding: .utf8)
        #expect(dot.hasPrefix("digraph"))
    }

    @Test func aMissingFolderIsAnErrorNotACrash() throws {
        let root = Harness.scratch()
        for arguments in [["verify", "t/x.jsonl"], ["debrief", "t/x.jsonl"], ["replay", "t/x.jsonl"]] {
            let result = try run(arguments, in: root)
            #expect([1, 3].contains(result.status), "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("t/x.jsonl") || result.stdout.contains("t/x.jsonl"))
        }
        let created = try run(["new", "x", "-o", "t"], in: root)
        #expect(created.status == 1)
        #expect(created.stderr.contains("the folder 't' does not exist"), "\(created.stderr)")
    }
}
