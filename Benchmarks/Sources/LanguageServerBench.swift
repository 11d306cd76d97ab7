import Foundation
import LanguageServer
import ScenarioLanguage
import Synchronization

/// What the server sent, with when.
final class SentMessages: Sendable {
    let entries = Mutex<[(method: String?, id: Int?, at: UInt64)]>([])
}

/// Drives a `LanguageServer` in process, the way the stdio transport does, and times its answers.
final class BenchClient {
    private let sent = SentMessages()
    let server: LanguageServer
    private var nextID = 1

    init() {
        let sent = self.sent
        server = LanguageServer(
            options: LanguageServer.Options(coverageRuns: 1),
            send: { body in
                let json = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
                let entry = (json?["method"] as? String, json?["id"] as? Int, DispatchTime.now().uptimeNanoseconds)
                sent.entries.withLock { $0.append(entry) }
            },
            log: { _ in })
        _ = request("initialize", ["capabilities": [String: Any]()])
        notify("initialized", [:])
    }

    func message(_ object: [String: Any]) {
        let body = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        server.handle(Array(body))
    }

    func notify(_ method: String, _ params: [String: Any]) {
        message(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Sends a request and returns the seconds until its answer was sent.
    func request(_ method: String, _ params: [String: Any]) -> Double {
        let id = nextID
        nextID += 1
        let start = DispatchTime.now().uptimeNanoseconds
        message(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        let at = sent.entries.withLock { $0.last { $0.id == id }?.at } ?? start
        return Double(at - start) / 1e9
    }

    /// Sends a change and returns the seconds until its diagnostics were published (the transport flushes after
    /// the messages that arrived together).
    func change(_ params: [String: Any]) -> Double {
        let before = sent.entries.withLock { $0.count }
        let start = DispatchTime.now().uptimeNanoseconds
        notify("textDocument/didChange", params)
        server.flush()
        let at =
            sent.entries.withLock { entries in
                entries[before...].first { $0.method == "textDocument/publishDiagnostics" }?.at
            } ?? start
        return Double(at - start) / 1e9
    }
}

/// Median, 95th percentile and maximum, in milliseconds.
func latencies(_ seconds: [Double]) -> String {
    let sorted = seconds.sorted()
    guard !sorted.isEmpty else { return "no samples" }
    func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }
    let p95 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
    return
        "median \(ms(sorted[sorted.count / 2])), p95 \(ms(p95)), max \(ms(sorted[sorted.count - 1]))  (\(sorted.count) edits)"
}

/// Types `word` one character at a time at the end of line `line` of the document and times each keystroke's
/// diagnostics; then deletes it again the same way.
func typeAndErase(_ client: BenchClient, uri: String, line: Int, column: Int, word: String, version: inout Int)
    -> [Double]
{
    var samples: [Double] = []
    var at = column
    for character in word {
        version += 1
        samples.append(
            client.change([
                "textDocument": ["uri": uri, "version": version],
                "contentChanges": [
                    [
                        "range": ["start": ["line": line, "character": at], "end": ["line": line, "character": at]],
                        "text": String(character),
                    ]
                ],
            ]))
        at += String(character).utf16.count
    }
    for character in word.reversed() {
        version += 1
        let width = String(character).utf16.count
        samples.append(
            client.change([
                "textDocument": ["uri": uri, "version": version],
                "contentChanges": [
                    [
                        "range": [
                            "start": ["line": line, "character": at - width], "end": ["line": line, "character": at],
                        ],
                        "text": "",
                    ]
                ],
            ]))
        at -= width
    }
    return samples
}

/// The latency of `sandtable lsp`'s answers on an exercise's text, opened as `path`.
func benchLanguageServer(path: String, text: String) {
    let client = BenchClient()
    let uri = URL(fileURLWithPath: path).absoluteString
    let lines = text.components(separatedBy: "\n")
    client.notify(
        "textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "ttx", "version": 1, "text": text]])
    client.server.flush()
    var version = 1
    // An edit at the end of the file: a new scene id typed and erased again (each keystroke recompiles).
    let scene = lines.firstIndex { $0.hasPrefix("scene ") } ?? 0
    let target = lines.lastIndex { $0.hasPrefix("  goto ") } ?? scene
    let column = lines[target].utf16.count
    let samples =
        typeAndErase(client, uri: uri, line: target, column: column, word: "_x", version: &version)
        + typeAndErase(client, uri: uri, line: target, column: column, word: "_备用", version: &version)
    figure("diagnostics after an edit", latencies(samples))
    // For comparison: the compiler alone on the same text, from memory.
    var compiles: [Double] = []
    for _ in 0..<10 { compiles.append(time { _ = ScenarioCompiler.compile(text: text, path: path) }) }
    figure("the compile alone", latencies(compiles).replacingOccurrences(of: "edits", with: "compiles"))
    // Completion and hover at an id: the first `owner ROLE` line.
    let owner = lines.firstIndex { $0.hasPrefix("  owner ") } ?? 0
    var completions: [Double] = []
    var hovers: [Double] = []
    for _ in 0..<20 {
        version += 1
        _ = client.change([
            "textDocument": ["uri": uri, "version": version],
            "contentChanges": [
                ["range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]], "text": ""]
            ],
        ])
        let position: [String: Any] = ["textDocument": ["uri": uri], "position": ["line": owner, "character": 9]]
        completions.append(client.request("textDocument/completion", position))
        hovers.append(client.request("textDocument/hover", position))
    }
    figure("completion (after an edit)", latencies(completions).replacingOccurrences(of: "edits", with: "requests"))
    figure("hover (no edit in between)", latencies(hovers).replacingOccurrences(of: "edits", with: "requests"))
}

/// The `lsp` section: diagnostics after each keystroke, completion and hover, on the flagship and on 5,000 lines.
func benchLanguageServerSection() {
    let flagship = exercisePath("flood-response.ttx")
    if let text = try? String(contentsOfFile: flagship, encoding: .utf8) {
        print("flood-response.ttx: \(text.split(separator: "\n", omittingEmptySubsequences: false).count) lines")
        benchLanguageServer(path: flagship, text: text)
    }
    // A generated exercise of 5,000 lines (Benchmarks/gen-exercise.py), when Python is there to write it.
    let generator = Process()
    generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    generator.arguments = ["python3", "Benchmarks/gen-exercise.py", "5000"]
    let pipe = Pipe()
    generator.standardOutput = pipe
    guard (try? generator.run()) != nil else { return print("(python3 not found: no generated exercise)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    generator.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    print("generated: \(text.split(separator: "\n", omittingEmptySubsequences: false).count) lines")
    benchLanguageServer(path: FileManager.default.temporaryDirectory.appendingPathComponent("big.ttx").path, text: text)
}
