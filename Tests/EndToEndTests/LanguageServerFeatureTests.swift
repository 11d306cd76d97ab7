import Foundation
import Testing

/// The language features of `sandtable lsp` on an exercise split over two files: the tutorial with its roles moved
/// into `roles.ttx`, which `main.ttx` includes.
@Suite struct LanguageServerFeatureTests {
    struct Split {
        var folder: URL
        var main: URL
        var roles: URL
        var mainText: String
        var rolesText: String
    }

    func split() throws -> Split {
        let folder = Harness.scratch().appendingPathComponent("split")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lines = try String(
            contentsOf: Harness.root.appendingPathComponent("exercises/tutorial.ttx"), encoding: .utf8
        )
        .components(separatedBy: "\n")
        let firstRole = try #require(lines.firstIndex { $0.hasPrefix("role ") })
        let afterRoles = try #require(lines.firstIndex { $0.hasPrefix("info ") })
        let mainText = (lines[..<firstRole] + ["include \"roles.ttx\"", ""] + lines[afterRoles...]).joined(
            separator: "\n")
        let rolesText = lines[firstRole..<afterRoles].joined(separator: "\n")
        let main = folder.appendingPathComponent("main.ttx")
        let roles = folder.appendingPathComponent("roles.ttx")
        try mainText.write(to: main, atomically: true, encoding: .utf8)
        try rolesText.write(to: roles, atomically: true, encoding: .utf8)
        return Split(folder: folder, main: main, roles: roles, mainText: mainText, rolesText: rolesText)
    }

    /// The 0-based line and character of the first `needle` in `text`, plus `offset` characters.
    func position(of needle: String, in text: String, offset: Int = 0) throws -> [String: Int] {
        let lines = text.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains(needle) }, "\(needle)")
        let column = try #require(lines[line].range(of: needle))
        return [
            "line": line,
            "character": lines[line].utf16.distance(from: lines[line].startIndex, to: column.lowerBound) + offset,
        ]
    }

    func start(_ s: Split) throws -> LanguageServerClient {
        let client = try LanguageServerClient(directory: s.folder)
        _ = try client.request("initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [:]])
        try client.notify("initialized", [:])
        try client.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": s.main.absoluteString, "languageId": "ttx", "version": 1, "text": s.mainText]])
        let diagnostics = try client.diagnostics(of: s.main.absoluteString)
        #expect(diagnostics.filter { $0["severity"] as? Int == 1 }.isEmpty, "\(diagnostics)")
        return client
    }

    func at(_ uri: URL, _ position: [String: Int]) -> [String: Any] {
        ["textDocument": ["uri": uri.absoluteString], "position": position]
    }

    @Test func definitionReferencesAndRenameCrossTheInclude() throws {
        let s = try split()
        let client = try start(s)
        defer { client.stop() }
        let owner = try position(of: "  owner jiedao", in: s.mainText, offset: 10)

        let definition = try client.request("textDocument/definition", at(s.main, owner))
        let target = try #require(definition["result"] as? [String: Any], "\(definition)")
        #expect(target["uri"] as? String == s.roles.absoluteString)
        #expect((target["range"] as? [String: Any])?["start"] as? [String: Int] == ["line": 0, "character": 5])

        var params = at(s.main, owner)
        params["context"] = ["includeDeclaration": true]
        let references = try client.request("textDocument/references", params)
        let found = try #require(references["result"] as? [[String: Any]])
        let uris = Set(found.compactMap { $0["uri"] as? String })
        #expect(uris == [s.main.absoluteString, s.roles.absoluteString])
        #expect(found.count >= 5, "\(found)")

        // Renaming from a use in the main file changes the declaration in roles.ttx and every use; the renamed
        // exercise still passes `check`.
        var rename = at(s.main, owner)
        rename["newName"] = "jiedaoban"
        let renamed = try client.request("textDocument/rename", rename)
        let changes = try #require((renamed["result"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])
        #expect(Set(changes.keys) == uris)
        try apply(changes[s.main.absoluteString] ?? [], to: s.mainText).write(
            to: s.main, atomically: true, encoding: .utf8)
        try apply(changes[s.roles.absoluteString] ?? [], to: s.rolesText).write(
            to: s.roles, atomically: true, encoding: .utf8)
        let check = try Harness.run(["check", s.main.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(try String(contentsOf: s.roles, encoding: .utf8).contains("role jiedaoban "))

        // A name that is taken, or not an id, is refused with a message.
        rename["newName"] = "jiaotong"
        let taken = try client.request("textDocument/rename", rename)
        #expect(((taken["error"] as? [String: Any])?["message"] as? String)?.contains("jiaotong") == true, "\(taken)")
        rename["newName"] = "two words"
        let invalid = try client.request("textDocument/rename", rename)
        #expect(invalid["error"] != nil)
        try client.notify("exit")
    }

    @Test func completionHoverOutlineFoldingAndTokens() throws {
        let s = try split()
        let client = try start(s)
        defer { client.stop() }
        // After `owner `: the roles, declared in the other file.
        let owner = try position(of: "  owner jiedao", in: s.mainText, offset: 8)
        let roles = try client.request("textDocument/completion", at(s.main, owner))
        let roleLabels = Set(
            ((roles["result"] as? [String: Any])?["items"] as? [[String: Any]] ?? []).compactMap {
                $0["label"] as? String
            })
        #expect(roleLabels.isSuperset(of: ["jiedao", "jiaotong", "yingji"]), "\(roleLabels)")
        #expect(!roleLabels.contains("student_routes"))
        // After `sensitivity `: its values.
        let sensitivity = try position(of: "  sensitivity internal", in: s.mainText, offset: 14)
        let values = try client.request("textDocument/completion", at(s.main, sensitivity))
        let valueLabels = Set(
            ((values["result"] as? [String: Any])?["items"] as? [[String: Any]] ?? []).compactMap {
                $0["label"] as? String
            })
        #expect(valueLabels == ["public", "internal", "secret"])
        // Inside `shared(`: items first.
        let shared = try position(of: "shared(student_routes, all)", in: s.mainText, offset: 7)
        let items = try client.request("textDocument/completion", at(s.main, shared))
        let itemLabels = Set(
            ((items["result"] as? [String: Any])?["items"] as? [[String: Any]] ?? []).compactMap {
                $0["label"] as? String
            })
        #expect(itemLabels.contains("student_routes") && !itemLabels.contains("jiedao"), "\(itemLabels)")

        // Hover on the item: its title, sensitivity, owner and who knows it at start, in the exercise's language.
        let item = try position(of: "info student_routes", in: s.mainText, offset: 6)
        let hover = try client.request("textDocument/hover", at(s.main, item))
        let text = ((hover["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
        #expect(text.contains("育才小学上学时段") && text.contains("内部") && text.contains("`jiedao`"), "\(text)")

        let symbols = try client.request(
            "textDocument/documentSymbol", ["textDocument": ["uri": s.main.absoluteString]])
        let top = try #require(symbols["result"] as? [[String: Any]])
        let names = top.compactMap { $0["name"] as? String }
        #expect(names.contains("student_routes") && names.contains("s1_call"), "\(names)")
        let scene = try #require(top.first { $0["name"] as? String == "s1_call" })
        #expect(!((scene["children"] as? [[String: Any]]) ?? []).isEmpty)

        let folds = try client.request("textDocument/foldingRange", ["textDocument": ["uri": s.main.absoluteString]])
        let sceneLine = try position(of: "scene s1_call", in: s.mainText)["line"]
        #expect((folds["result"] as? [[String: Any]] ?? []).contains { $0["startLine"] as? Int == sceneLine })

        let tokens = try client.request(
            "textDocument/semanticTokens/full", ["textDocument": ["uri": s.main.absoluteString]])
        let data = ((tokens["result"] as? [String: Any])?["data"] as? [Int]) ?? []
        #expect(data.count > 500 && data.count % 5 == 0)
        try client.notify("exit")
    }

    /// Text with LSP edits applied (positions in UTF-16 code units), last edit first.
    func apply(_ edits: [[String: Any]], to text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        let sorted = edits.sorted {
            let a = ($0["range"] as? [String: Any])?["start"] as? [String: Int] ?? [:]
            let b = ($1["range"] as? [String: Any])?["start"] as? [String: Int] ?? [:]
            return (a["line"] ?? 0, a["character"] ?? 0) > (b["line"] ?? 0, b["character"] ?? 0)
        }
        for edit in sorted {
            let range = edit["range"] as? [String: Any]
            let start = range?["start"] as? [String: Int] ?? [:]
            let end = range?["end"] as? [String: Int] ?? [:]
            guard let line = start["line"], line == end["line"], line < lines.count else { continue }
            var units = Array(lines[line].utf16)
            units.replaceSubrange(
                (start["character"] ?? 0)..<(end["character"] ?? 0),
                with: Array((edit["newText"] as? String ?? "").utf16))
            lines[line] = String(decoding: units, as: UTF16.self)
        }
        return lines.joined(separator: "\n")
    }
}
