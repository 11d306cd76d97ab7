import Foundation
import Synchronization
import Testing

@testable import LanguageServer

/// What a server sent.
final class Sent: Sendable {
    let bodies = Mutex<[[UInt8]]>([])
}

/// A server in process, fed JSON messages, with what it sent kept.
final class InProcessServer {
    let sent = Sent()
    let server: LanguageServer

    init() {
        let sent = self.sent
        server = LanguageServer(
            options: LanguageServer.Options(environment: ["LANG": "en_US.UTF-8"]),
            send: { body in sent.bodies.withLock { $0.append(body) } }, log: { _ in })
        request(0, "initialize", ["capabilities": [String: Any]()])
    }

    @discardableResult
    func request(_ id: Int, _ method: String, _ params: [String: Any]) -> [String: Any] {
        let body =
            (try? JSONSerialization.data(withJSONObject: [
                "jsonrpc": "2.0", "id": id, "method": method, "params": params,
            ])) ?? Data()
        server.handle(Array(body))
        let answers = sent.bodies.withLock { $0 }.compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0))) as? [String: Any]
        }
        return answers.last { $0["id"] as? Int == id } ?? [:]
    }

    func open(_ uri: String, _ text: String) {
        let params: [String: Any] = ["textDocument": ["uri": uri, "languageId": "ttx", "version": 1, "text": text]]
        let body =
            (try? JSONSerialization.data(withJSONObject: [
                "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": params,
            ])) ?? Data()
        server.handle(Array(body))
    }
}

@Suite struct CompletionTests {
    static let text = """
        exercise drill "Drill"
          language en
          start first

        role weather "Weather office"
          knows forecast
        role roads "Roads department"

        info forecast "Rain forecast" owner weather sensitivity internal
        info closures "Road closures" owner roads

        measure sharing "Sharing" weight 2
        state water = 0

        scene first "First"
          ask weather "What now?"
            choice push "Push it" default
              share forecast with all
              sharing += 1 for weather
          decide plan "Plan" by weather, roads rule majority
            option early "Early" default
            option late "Late"
          if decided(plan, early)
            goto second
          goto second

        scene second "Second"
          end

        """

    /// The labels offered at a 0-based line and character of `text` with `insert` typed there first.
    func labels(line: Int, character: Int, insert: String = "") -> Set<String> {
        var lines = Self.text.components(separatedBy: "\n")
        var row = Array(lines[line])
        row.insert(contentsOf: insert, at: min(character, row.count))
        lines[line] = String(row)
        let server = InProcessServer()
        server.open("file:///tmp/drill.ttx", lines.joined(separator: "\n"))
        let answer = server.request(
            1, "textDocument/completion",
            [
                "textDocument": ["uri": "file:///tmp/drill.ttx"],
                "position": ["line": line, "character": character + insert.utf16.count],
            ])
        let items = (answer["result"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
        return Set(items.compactMap { $0["label"] as? String })
    }

    func line(_ prefix: String) -> Int {
        Self.text.components(separatedBy: "\n").firstIndex { $0.hasPrefix(prefix) } ?? -1
    }

    @Test func idsByKindAfterTheWordThatNeedsThem() {
        #expect(labels(line: line("info closures"), character: 36).isSuperset(of: ["weather", "roads"]))
        let goto = line("    goto second")
        #expect(labels(line: goto, character: 9) == ["first", "second"])
        let share = line("      share forecast")
        #expect(labels(line: share, character: 12).isSuperset(of: ["forecast", "closures"]))
        #expect(!labels(line: share, character: 12).contains("weather"))
        // After `with`: roles and `all`.
        #expect(labels(line: share, character: 26) == ["weather", "roads", "all"])
        // A list goes on after a comma: roles after `by weather, `.
        let decide = line("  decide plan")
        #expect(labels(line: decide, character: 34).isSuperset(of: ["weather", "roads"]))
    }

    @Test func functionArgumentsByPosition() {
        let condition = line("  if decided(plan, early)")
        // decided(plan, |: the options of plan.
        #expect(labels(line: condition, character: 20) == ["early", "late"])
        // decided(|: decisions.
        #expect(labels(line: condition, character: 14) == ["plan"])
    }

    @Test func keywordsByTheBlockALineStartsIn() {
        // A new top-level line: the declarations.
        #expect(
            labels(line: line("role weather") - 1, character: 0).isSuperset(of: ["role", "info", "scene", "objective"]))
        // Under a role: its properties.
        let roleBody = labels(line: line("  knows forecast"), character: 2)
        #expect(roleBody.isSuperset(of: ["brief", "knows", "lead"]) && !roleBody.contains("goto"))
        // In a scene's body: statements; in a choice's block: effects, not questions.
        #expect(labels(line: line("  goto second"), character: 2).isSuperset(of: ["ask", "goto", "decide"]))
        let effects = labels(line: line("      sharing += 1"), character: 6)
        #expect(effects.contains("share") && !effects.contains("ask"), "\(effects)")
        // After `sensitivity`: its values.
        #expect(labels(line: line("info forecast"), character: 59) == ["public", "internal", "secret"])
    }
}
