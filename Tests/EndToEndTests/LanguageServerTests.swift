import Foundation
import Testing

/// `sandtable lsp` as an editor meets it: the real binary started as a separate process, spoken to in framed
/// JSON-RPC over pipes.
@Suite struct LanguageServerTests {
    /// A scratch folder with a Chinese name holding the tutorial with the owner of its first item misspelt
    /// (`jiedoa` for `jiedao`, on lines 37 and 50), and the file's URI.
    func misspeltTutorial() throws -> (folder: URL, file: URL, uri: String, text: String) {
        let folder = Harness.scratch().appendingPathComponent("演练 草稿")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let original = try String(
            contentsOf: Harness.root.appendingPathComponent("exercises/tutorial.ttx"), encoding: .utf8)
        let text = original.replacingOccurrences(of: "\n  owner jiedao\n", with: "\n  owner jiedoa\n")
        #expect(text != original)
        let file = folder.appendingPathComponent("入门.ttx")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (folder, file, file.absoluteString, text)
    }

    func initialize(_ client: LanguageServerClient, locale: String? = nil) throws -> [String: Any] {
        var params: [String: Any] = ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [String: Any]()]
        if let locale { params["locale"] = locale }
        let response = try client.request("initialize", params)
        try client.notify("initialized", [String: Any]())
        return response
    }

    static func range(_ d: [String: Any]) -> (Int, Int, Int, Int) {
        let range = d["range"] as? [String: Any]
        let start = range?["start"] as? [String: Any]
        let end = range?["end"] as? [String: Any]
        return (
            start?["line"] as? Int ?? -1, start?["character"] as? Int ?? -1, end?["line"] as? Int ?? -1,
            end?["character"] as? Int ?? -1
        )
    }

    @Test func diagnosticsFollowTheEditsAndFixItsAreCodeActions() throws {
        let (folder, _, uri, text) = try misspeltTutorial()
        let client = try LanguageServerClient(directory: folder)
        defer { client.stop() }
        let initialized = try initialize(client)
        let capabilities = (initialized["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        #expect((capabilities?["textDocumentSync"] as? [String: Any])?["change"] as? Int == 2)

        try client.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": uri, "languageId": "ttx", "version": 1, "text": text]])
        var diagnostics = try client.diagnostics(of: uri)
        // The unknown role twice (and, after each, the item that lacks a valid owner).
        let errors = diagnostics.filter { $0["severity"] as? Int == 1 && $0["code"] as? String == "E0201" }
        #expect(errors.count == 2, "\(diagnostics)")
        let first = try #require(errors.first)
        #expect(Self.range(first) == (36, 8, 36, 14))
        // The exercise is in Chinese and the locale is C: the message is in Chinese, as `check` writes it.
        let message = first["message"] as? String ?? ""
        #expect(message.contains("jiedoa") && message.contains("角色"), "\(message)")

        // The fix-it is a quick fix that replaces the id.
        let actions = try client.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": uri],
                "range": ["start": ["line": 36, "character": 10], "end": ["line": 36, "character": 10]],
                "context": ["diagnostics": [first]],
            ])
        let action = try #require((actions["result"] as? [[String: Any]])?.first, "\(actions)")
        #expect(action["kind"] as? String == "quickfix")
        let edits = ((action["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]]
        #expect(edits?.first?["newText"] as? String == "jiedao", "\(action)")

        // Typing the fix on line 37 leaves the error on line 50; fixing that one too leaves no error.
        try client.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": uri, "version": 2],
                "contentChanges": [
                    [
                        "range": ["start": ["line": 36, "character": 12], "end": ["line": 36, "character": 14]],
                        "text": "ao",
                    ]
                ],
            ])
        diagnostics = try client.diagnostics(of: uri)
        let unknown = diagnostics.filter { $0["code"] as? String == "E0201" }
        #expect(unknown.map { Self.range($0).0 } == [49], "\(diagnostics)")
        try client.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": uri, "version": 3],
                "contentChanges": [
                    [
                        "range": ["start": ["line": 49, "character": 8], "end": ["line": 49, "character": 14]],
                        "text": "jiedao",
                    ]
                ],
            ])
        diagnostics = try client.diagnostics(of: uri)
        #expect(diagnostics.filter { $0["severity"] as? Int == 1 }.isEmpty, "\(diagnostics)")

        let shutdown = try client.request("shutdown")
        #expect(shutdown.keys.contains("result") && shutdown["error"] == nil)
        try client.notify("exit")
        #expect(client.waitForExit() == 0)
    }

    @Test func theClientsLocaleChoosesTheLanguage() throws {
        let (folder, _, uri, text) = try misspeltTutorial()
        let client = try LanguageServerClient(directory: folder)
        defer { client.stop() }
        _ = try initialize(client, locale: "en-GB")
        try client.notify(
            "textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "ttx", "version": 1, "text": text]])
        let first = try #require(try client.diagnostics(of: uri).first { $0["code"] as? String == "E0201" })
        let message = first["message"] as? String ?? ""
        #expect(message.contains("jiedoa") && message.contains("role"), "\(message)")
        try client.notify("exit")
        #expect(client.waitForExit() == 1)  // exit without shutdown
    }

    @Test func malformedFramesAndRequestsAreSkippedAndTheServerGoesOn() throws {
        let client = try LanguageServerClient()
        defer { client.stop() }
        let early = try client.request("textDocument/hover", ["textDocument": ["uri": "file:///x.ttx"]])
        #expect((early["error"] as? [String: Any])?["code"] as? Int == -32002)
        _ = try initialize(client)
        // Headers without a length, a length that is not a number, a body that is not JSON, a JSON body that is
        // not an object, and random bytes with and without frames: none of them ends the connection.
        client.write(raw: Array("Content-Type: x\r\n\r\n{}".utf8))
        client.write(raw: Array("Content-Length: many\r\n\r\n{}".utf8))
        client.write(raw: Array("Content-Length: 5\r\n\r\nhello".utf8))
        client.write(raw: Array("Content-Length: 2\r\n\r\n[]".utf8))
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40 {
            let noise = (0..<Int.random(in: 1...300, using: &generator)).map { _ in UInt8.random(in: 0...255) }
            let framed = round.isMultiple(of: 2)
            client.write(raw: framed ? Array("Content-Length: \(noise.count)\r\n\r\n".utf8) + noise : noise)
        }
        // Typed parameters that do not fit, and a method nobody knows, are answered with errors.
        let bad = try client.request("textDocument/codeAction", ["textDocument": 7])
        #expect((bad["error"] as? [String: Any])?["code"] as? Int == -32602, "\(bad)")
        let unknown = try client.request("sandtable/nothing")
        #expect((unknown["error"] as? [String: Any])?["code"] as? Int == -32601)
        let shutdown = try client.request("shutdown")
        #expect(shutdown["error"] == nil)
        #expect(client.stderr.contains("malformed"))
        try client.notify("exit")
        #expect(client.waitForExit() == 0)
    }

    @Test func theServerEndsWhenTheEditorCloses() throws {
        let client = try LanguageServerClient()
        defer { client.stop() }
        _ = try initialize(client)
        client.closeInput()
        #expect(client.waitForExit() == 1)
    }
}
