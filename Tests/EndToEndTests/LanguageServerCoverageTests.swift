import Foundation
import Testing

/// The coverage lenses of `sandtable lsp`: counts from simulated playthroughs, computed in the background and
/// cancellable.
@Suite struct LanguageServerCoverageTests {
    func open(_ name: String, arguments: [String], locale: String? = nil) throws -> (LanguageServerClient, String) {
        let file = Harness.root.appendingPathComponent("exercises/\(name)")
        let client = try LanguageServerClient(arguments: arguments)
        var params: [String: Any] = ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [:]]
        if let locale { params["locale"] = locale }
        _ = try client.request("initialize", params)
        try client.notify("initialized", [:])
        let text = try String(contentsOf: file, encoding: .utf8)
        try client.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": file.absoluteString, "languageId": "ttx", "version": 1, "text": text]])
        _ = try client.diagnostics(of: file.absoluteString)
        return (client, file.absoluteString)
    }

    @Test func lensesCountTheRunsThatReachEachScene() throws {
        let (client, uri) = try open("tutorial.en.ttx", arguments: ["--coverage-runs", "200"], locale: "en")
        defer { client.stop() }
        let response = try client.request("textDocument/codeLens", ["textDocument": ["uri": uri]], timeout: 120)
        let lenses = try #require(response["result"] as? [[String: Any]], "\(response)")
        let titles = lenses.compactMap { ($0["command"] as? [String: Any])?["title"] as? String }
        #expect(titles.count == lenses.count && !titles.isEmpty)
        #expect(titles.allSatisfy { $0.hasSuffix(" of 200 runs") }, "\(titles)")
        // The first scene is where every playthrough starts.
        let text = try String(contentsOf: URL(string: uri) ?? Harness.root, encoding: .utf8)
        let firstScene = try #require(text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("scene ") })
        let first = lenses.first {
            (($0["range"] as? [String: Any])?["start"] as? [String: Int])?["line"] == firstScene
        }
        #expect((first?["command"] as? [String: Any])?["title"] as? String == "reached in 200 of 200 runs")
        // Asked again for the same text: answered from what was counted.
        let again = try client.request("textDocument/codeLens", ["textDocument": ["uri": uri]], timeout: 5)
        #expect((again["result"] as? [[String: Any]])?.count == lenses.count)
        try client.notify("exit")
    }

    @Test func aLongSimulationIsCancelledAndTheServerKeepsAnswering() throws {
        let (client, uri) = try open("tutorial.ttx", arguments: ["--coverage-runs", "100000000"])
        defer { client.stop() }
        let id = try client.send("textDocument/codeLens", ["textDocument": ["uri": uri]])
        // While it runs, other requests are answered.
        let symbols = try client.request("textDocument/documentSymbol", ["textDocument": ["uri": uri]], timeout: 10)
        #expect((symbols["result"] as? [[String: Any]])?.isEmpty == false)
        try client.notify("$/cancelRequest", ["id": id])
        let cancelled = try client.response(to: id, timeout: 10)
        #expect((cancelled["error"] as? [String: Any])?["code"] as? Int == -32800, "\(cancelled)")
        // An edit also ends a waiting request, with ContentModified.
        let second = try client.send("textDocument/codeLens", ["textDocument": ["uri": uri]])
        try client.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": uri, "version": 2],
                "contentChanges": [
                    [
                        "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                        "text": "# \n",
                    ]
                ],
            ])
        let modified = try client.response(to: second, timeout: 10)
        #expect((modified["error"] as? [String: Any])?["code"] as? Int == -32801, "\(modified)")
        _ = try client.request("shutdown", timeout: 10)
        try client.notify("exit")
        #expect(client.waitForExit(timeout: 10) == 0)
    }
}
