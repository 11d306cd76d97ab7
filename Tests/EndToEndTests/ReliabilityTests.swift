import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 15: nothing a trainee decided is lost, nothing shown is missing from the transcript, and nothing from an
/// exercise or a transcript drives the terminal.
@Suite struct NothingLostTests {
    static let play = ["play", "exercises/tutorial.en.ttx", "--seed", "42", "--lang", "en"]

    /// The transcripts in a folder.
    static func transcripts(in folder: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".jsonl") }
            .map { folder.appendingPathComponent($0) }
    }

    @Test func deletedTranscriptFolderStopsTheSession() throws {
        let out = Harness.scratch().appendingPathComponent("gone")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let live = try LiveSession(Self.play + ["--out", out.path])
        #expect(live.wait(for: "[wait_verify]"))
        live.type("share_routes")
        #expect(live.wait(for: "Collaboration points +3"))
        try FileManager.default.removeItem(at: out)
        live.type("note the folder is gone")
        live.type("as jiaotong")
        live.type("do close_underpass")
        live.endInput()
        let status = live.exitStatus()
        #expect(status == 1, "\(live.stdout)")
        let after = live.stdout.components(separatedBy: "Collaboration points +3").last ?? ""
        #expect(after.contains("was deleted or moved away while the session was running"))
        #expect(after.contains("The session stops here"))
        // Nothing after the failed step was taken or said to be saved.
        #expect(!after.contains("Note added"))
        #expect(!after.contains("session saved"))
        #expect(!after.contains("Acting as"))
    }

    @Test func sigtermAndSighupSaveAndExit() throws {
        for signal in [SIGTERM, SIGHUP] {
            let out = Harness.scratch()
            let live = try LiveSession(Self.play + ["--out", out.path])
            #expect(live.wait(for: "[wait_verify]"))
            live.type("share_routes")
            #expect(live.wait(for: "Collaboration points +3"))
            kill(live.process.processIdentifier, signal)
            let status = live.exitStatus(timeout: 10)
            #expect(status == 128 + signal, "signal \(signal): \(live.stdout)")
            // The play screen may wrap a long path onto the next line.
            let shown = live.stdout.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(
                of: "\u{00A0}", with: " ")
            #expect(shown.contains("Session saved to"), "signal \(signal)")
            #expect(shown.contains("Resume with: sandtable resume"), "signal \(signal): \(live.stdout.suffix(300))")
            let files = Self.transcripts(in: out)
            #expect(files.count == 1)
            guard let file = files.first else { continue }
            let verify = try Harness.run(["verify", file.path, "--lang", "en"])
            #expect(verify.status == 0, "\(verify.stdout)")
            #expect(verify.stdout.contains("unfinished"))
        }
    }

    @Test func resumeHintQuotesPathsWithSpaces() throws {
        let out = Harness.scratch().appendingPathComponent("my sessions")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let result = try Harness.run(Self.play + ["--out", out.path], input: "share_routes\n")
        #expect(result.status == 0)
        let shown = result.stdout.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(
            of: "\u{00A0}", with: " ")
        #expect(shown.contains("Resume with: sandtable resume '\(out.path)/"), "\(result.stdout.suffix(300))")
    }
}

/// Issue 15, defect 8: escape sequences in an exercise never reach a terminal.
@Suite struct TerminalSafetyTests {
    static let hostile = "\u{1B}[2J\u{1B}]0;OWNED\u{07}"

    /// The tutorial with the escape sequences of the issue in its first narrative and a role's name.
    static func hostileTutorial() throws -> URL {
        let folder = Harness.scratch()
        var text = try String(
            contentsOf: Harness.root.appendingPathComponent("exercises/tutorial.en.ttx"), encoding: .utf8)
        text = text.replacingOccurrences(
            of: "Welcome to the Sandtable tutorial.", with: "Welcome\(hostile) to the Sandtable tutorial.")
        text = text.replacingOccurrences(of: "\"Donghu Street Office\"", with: "\"Donghu\u{9B}2J Street Office\"")
        let file = folder.appendingPathComponent("hostile.en.ttx")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func checkRefusesControlCharactersInTexts() throws {
        let file = try Self.hostileTutorial()
        let result = try Harness.run(["check", file.path, "--lang", "en"])
        #expect(result.status == 1)
        let all = result.stdout + result.stderr
        #expect(all.contains("error: the control character U+001B in a text"))
        #expect(all.contains("the control character U+009B"))
        #expect(all.contains("[E0003]"))
        #expect(!all.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 })
    }

    @Test func playOfAHostileExerciseStopsBeforeTheTerminal() throws {
        let file = try Self.hostileTutorial()
        let result = try Harness.run(["play", file.path, "--no-transcript", "--color", "never"], input: "1\n")
        #expect(result.status == 1)
        let all = result.stdout + result.stderr
        #expect(!all.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 })
    }

    @Test func notesWithC1ControlsAreRefused() throws {
        let result = try Harness.run(
            Self.hostileFree + ["--no-transcript"], input: "note before\u{9B}2Jafter\nnote plain\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("control characters"), "\(result.stdout.suffix(400))")
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x9B })
        #expect(result.stdout.contains("Note added"))
    }

    @Test func noteFollowedByACombiningMarkIsANote() throws {
        let result = try Harness.run(Self.hostileFree + ["--no-transcript"], input: "note \u{301}accent first\n")
        #expect(result.status == 0)
        #expect(!result.stdout.contains("unknown command"))
        #expect(result.stdout.contains("Note added"))
    }

    static let hostileFree = ["play", "exercises/tutorial.en.ttx", "--seed", "1", "--lang", "en"]
}
