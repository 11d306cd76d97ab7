import Foundation
import Testing

@testable import LanguageServer

/// The server on documents an author is half-way through typing: mutated exercises, every request at random
/// positions (also past the end of a line or of the file). It must answer each request and never trap.
@Suite struct RobustnessTests {
    static let pieces = [
        "\"", "\"\"\"", "\n", "\n  ", "\t", "(", ")", ",", "  ", "scene ", "choice ", "include \"x.ttx\"", "雨", "🌧",
        "#", "..", "+=", "\r\n",
    ]

    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func mutatedDocumentsAndRandomPositionsGetAnswers() throws {
        let source = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("exercises/tutorial.en.ttx"), encoding: .utf8)
        var random = Generator(state: 20)
        let methods = [
            "textDocument/completion", "textDocument/hover", "textDocument/definition", "textDocument/references",
            "textDocument/prepareRename", "textDocument/rename", "textDocument/documentSymbol",
            "textDocument/foldingRange", "textDocument/semanticTokens/full", "textDocument/codeAction",
        ]
        var id = 1
        for mutant in 0..<30 {
            var characters = Array(source)
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let at = Int.random(in: 0..<characters.count, using: &random)
                if Bool.random(using: &random) {
                    characters.removeSubrange(at..<min(characters.count, at + Int.random(in: 1...40, using: &random)))
                } else {
                    characters.insert(contentsOf: Self.pieces.randomElement(using: &random) ?? "", at: at)
                }
            }
            let text = String(characters)
            let server = InProcessServer()
            let uri = "file:///tmp/mutant-\(mutant).ttx"
            server.open(uri, text)
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            for method in methods {
                let position: [String: Any] = [
                    "line": Int.random(in: 0...(lineCount + 2), using: &random),
                    "character": Int.random(in: 0...90, using: &random),
                ]
                let params: [String: Any] = [
                    "textDocument": ["uri": uri], "position": position, "newName": "renamed",
                    "range": ["start": position, "end": position],
                    "context": ["diagnostics": [], "includeDeclaration": true],
                ]
                let answer = server.request(id, method, params)
                #expect(answer["result"] != nil || answer["error"] != nil, "\(method) on mutant \(mutant): \(answer)")
                id += 1
            }
        }
    }
}
