import Foundation
import Testing

/// `sandtable lsp` behind real editor clients: Neovim's built-in LSP client, headless, with the set-up of
/// `editors/neovim/sandtable.lua`; and the VS Code extension's client (`editors/vscode/extension.js`) under Node with a
/// stand-in for VS Code's API. `scripts/setup.sh --test` installs Neovim; Node comes with the machine.
@Suite struct LanguageServerEditorTests {
    /// The tutorial with its first item's owner misspelt, in a scratch folder.
    func misspelt() throws -> (file: URL, text: String) {
        let folder = Harness.scratch()
        let original = try String(
            contentsOf: Harness.root.appendingPathComponent("exercises/tutorial.ttx"), encoding: .utf8)
        let text = original.replacingOccurrences(of: "\n  owner jiedao\n", with: "\n  owner jiedoa\n")
        let file = folder.appendingPathComponent("tutorial.ttx")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (file, text)
    }

    /// Runs a program with a time limit; nil when it did not finish.
    func run(_ program: String, _ arguments: [String], environment: [String: String], timeout: Double) throws
        -> Harness.Result?
    {
        let folder = Harness.scratch()
        let out = folder.appendingPathComponent("out")
        let err = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        return Harness.Result(
            status: process.terminationStatus, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    func program(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)", "/bin/\(name)"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    @Test func neovimShowsTheDiagnosticGoesToADefinitionAndSeesTheFixedText() throws {
        let nvim = try #require(program("nvim"), "Neovim is not installed: run scripts/setup.sh --test")
        let (file, text) = try misspelt()
        let lines = text.components(separatedBy: "\n")
        // The definition of the item named on the objective's `shared(student_routes, all)` line.
        let line = try #require(lines.firstIndex { $0.contains("shared(student_routes, all)") })
        let character =
            try #require(lines[line].range(of: "student_routes")).lowerBound.utf16Offset(in: lines[line]) + 3
        let out = Harness.scratch().appendingPathComponent("nvim.json")
        let environment = [
            "PATH": "/usr/bin:/bin", "HOME": Harness.scratch().path, "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": Harness.scratch().path, "XDG_DATA_HOME": Harness.scratch().path,
            "XDG_STATE_HOME": Harness.scratch().path,
            "SANDTABLE_BINARY": Harness.binary.path, "SANDTABLE_FILE": file.path,
            "SANDTABLE_SETUP": Harness.root.appendingPathComponent("editors/neovim/sandtable.lua").path,
            "SANDTABLE_LINE": String(line), "SANDTABLE_CHARACTER": String(character), "SANDTABLE_OUT": out.path,
        ]
        let script = Harness.root.appendingPathComponent("Tests/EndToEndTests/Neovim/lsp-test.lua").path
        let result = try #require(
            try run(nvim, ["--headless", "--clean", "-c", "luafile \(script)"], environment: environment, timeout: 90),
            "nvim did not finish")
        let data = try Data(contentsOf: out)
        let seen = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(result.stderr)")
        #expect(seen["problem"] == nil, "\(seen)")
        #expect(seen["filetype"] as? String == "ttx")
        let diagnostics = seen["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.contains { ($0["message"] as? String)?.contains("jiedoa") == true }, "\(seen)")
        let definition = seen["definition"] as? [String: Any] ?? (seen["definition"] as? [[String: Any]])?.first ?? [:]
        let start = (definition["range"] as? [String: Any])?["start"] as? [String: Int]
        let infoLine = try #require(lines.firstIndex { $0.hasPrefix("info student_routes") })
        #expect(start == ["line": infoLine, "character": 5], "\(seen)")
        #expect(seen["fix"] as? String == "jiedao")
        #expect(seen["changed"] as? Bool == true, "\(seen)")
    }

    @Test func theVSCodeClientDrivesTheServer() throws {
        let node = try #require(program("node"), "Node is not installed")
        let (file, _) = try misspelt()
        let script = Harness.root.appendingPathComponent("editors/vscode/test/extension-test.js").path
        let result = try #require(
            try run(
                node, [script, Harness.binary.path, file.path],
                environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"], timeout: 120),
            "node did not finish")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("1 passed, 0 failed"))
    }

    @Test func theVSIXHoldsTheExtensionAndTheGrammar() throws {
        let output = Harness.scratch().appendingPathComponent("sandtable.vsix")
        let result = try #require(
            try run(
                "/bin/bash", [Harness.root.appendingPathComponent("scripts/package-vscode.sh").path, output.path],
                environment: ["PATH": "/usr/bin:/bin"], timeout: 60))
        #expect(result.status == 0, "\(result.stderr)")
        let listing = try #require(
            try run(
                "/usr/bin/python3",
                ["-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", output.path],
                environment: ["PATH": "/usr/bin:/bin"], timeout: 30))
        let names = Set(listing.stdout.split(separator: "\n").map(String.init))
        #expect(
            names.isSuperset(of: [
                "[Content_Types].xml", "extension.vsixmanifest", "extension/package.json", "extension/extension.js",
                "extension/ttx.tmLanguage.json", "extension/language-configuration.json",
            ]), "\(names)")
    }
}
