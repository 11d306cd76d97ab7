import Foundation
import Testing

/// Runs the built `sandtable` binary the way a user would, and compares what it prints with golden files.
enum Harness {
    /// The package's root folder.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The built binary: next to the test bundle, in the same build folder.
    static var binary: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("sandtable")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/sandtable")
    }

    /// A score-bounds cache (`XDG_CACHE_HOME`) shared by every run of the binary in the tests, filled once with the
    /// bounds of every bundled exercise: a run then starts at once, as it does for a user after the first, instead
    /// of first searching the bounds (which would delay the first prompt under a pseudo-terminal).
    static let sharedCache: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sandtable-test-cache-\(ProcessInfo.processInfo.processIdentifier)")
        let list = { (sub: String) in
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(sub).path)) ?? [])
                .filter { $0.hasSuffix(".ttx") }.sorted()
        }
        let exercises = list("exercises") + list("exercises/examples").map { "examples/" + $0 }
        for file in exercises {
            _ = try? spawn(
                binary, ["simulate", "exercises/\(file)", "-n", "1"], input: Data(),
                environment: [
                    "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1", "XDG_CACHE_HOME": folder.path,
                ],
                directory: root)
        }
        return folder
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary with arguments and standard input, in a clean environment.
    static func run(
        _ arguments: [String], input: String = "", environment extra: [String: String] = [:],
        directory: URL? = nil
    ) throws -> Result {
        var environment = [
            "PATH": "/usr/bin:/bin", "COLUMNS": "80", "LANG": "C.UTF-8", "NO_COLOR": "1",
            "HOME": FileManager.default.temporaryDirectory.path, "XDG_STATE_HOME": scratch().path,
            "XDG_CACHE_HOME": sharedCache.path,
        ]
        environment.merge(extra) { $1 }
        return try spawn(
            binary, arguments, input: Data(input.utf8), environment: environment, directory: directory ?? root)
    }

    /// Runs the binary in a new folder that links to the bundled exercises, so `exercises/…` works and
    /// `--out t` writes transcripts to a short path: the lines that print it then fit a terminal of 40 columns and
    /// do not depend on where the temporary folder is.
    /// - Returns: the result, and the transcripts folder (`t` in that folder).
    static func runInScratchFolder(
        _ arguments: [String], input: String = "", environment extra: [String: String] = [:]
    ) throws -> (Result, URL) {
        let folder = scratch()
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("exercises"), withDestinationURL: root.appendingPathComponent("exercises")
        )
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("t"), withIntermediateDirectories: true)
        let result = try run(arguments + ["--out", "t"], input: input, environment: extra, directory: folder)
        return (result, folder.appendingPathComponent("t"))
    }

    /// Runs a program with standard input, output and error in temporary files, never pipes: tests run in
    /// parallel, and a pipe's end inherited by another test's child (a tmux server lives on) would keep a reader
    /// waiting for an end of file that never comes.
    static func spawn(
        _ executable: URL, _ arguments: [String], input: Data = Data(), environment: [String: String]? = nil,
        directory: URL? = nil
    ) throws -> Result {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inURL = folder.appendingPathComponent("stdin")
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        try input.write(to: inURL)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let stdin = try FileHandle(forReadingFrom: inURL)
        let stdout = try FileHandle(forWritingTo: outURL)
        let stderr = try FileHandle(forWritingTo: errURL)
        defer {
            try? stdin.close()
            try? stdout.close()
            try? stderr.close()
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        if let environment { process.environment = environment }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// A new empty temporary folder.
    static func scratch() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sandtable-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Compares text with a golden file; with SANDTABLE_UPDATE_GOLDEN=1 writes it instead.
    static func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let url = root.appendingPathComponent("Tests/EndToEndTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["SANDTABLE_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let a = actual.components(separatedBy: "\n")
            let e = expected.components(separatedBy: "\n")
            let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            let got = first < a.count ? a[first] : "<end>"
            let want = first < e.count ? e[first] : "<end>"
            Issue.record(
                "\(name) differs from golden at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)\n(rerun with SANDTABLE_UPDATE_GOLDEN=1 to accept)",
                sourceLocation: sourceLocation)
        }
    }
}
