import Testing

@testable import ScenarioLanguage

/// The index of declarations and references that editors use: built by the compiler, across includes, also when
/// the exercise has errors.
@Suite("Source index: definitions, references, outline, tokens, vocabulary")
struct SourceIndexTests {
    static let main = """
        exercise flood "内涝"
          start first
        include "roles.ttx"
        info forecast "降雨预报" owner weather
        state water = 0 range 0..5
        measure sharing "信息共享"
        ending done "结束"

        scene first "第一幕"
          ask weather "怎么办？"
            choice push "推送" expected
              share forecast with 交通局
              sharing += 1
            choice wait "等待"
              water += 1
          decide metro "停运？" by weather, 交通局
            option stop "停运"
            option keep "维持" default
          if decided(metro, stop) and water > 1 and chose(push, weather)
            goto first
          end done
        """
    static let roles = """
        role weather "气象局"
          knows forecast
        role 交通局 "交通局"
        """

    static func compile(_ main: String = main) -> CompileResult {
        ScenarioCompiler.compile(
            path: "/x/flood.ttx", sources: MemorySources(["/x/flood.ttx": main, "/x/roles.ttx": roles]))
    }

    func definition(_ index: SourceIndex, _ kind: ElementKind, _ name: String) throws -> Int {
        try #require(index.definitions.firstIndex { $0.kind == kind && $0.name == name })
    }

    @Test("every element is defined with its id's span, its title and the lines of its block")
    func definitions() throws {
        let result = Self.compile()
        #expect(result.scenario != nil, "\(result.diagnostics)")
        let index = result.index
        let scene = index.definitions[try definition(index, .scene, "first")]
        #expect(scene.span == SourceSpan(start: SourceLocation(file: "/x/flood.ttx", line: 9, column: 7), length: 5))
        #expect(scene.title == "第一幕")
        #expect(scene.lines == 9...21)
        let role = index.definitions[try definition(index, .role, "交通局")]
        #expect(role.span.start == SourceLocation(file: "/x/roles.ttx", line: 3, column: 6))
        #expect(role.span.length == 3)
        let option = index.definitions[try definition(index, .option, "stop")]
        #expect(option.qualifiedName == "metro.stop")
        #expect(option.container == (try definition(index, .decision, "metro")))
        #expect(
            index.definitions[try definition(index, .choice, "push")].container
                == (try definition(index, .scene, "first")))
        #expect(index.definitions[try definition(index, .choice, "push")].lines == 11...13)
        #expect(scene.container == nil)
        #expect(index.definition(of: .item, element: 0) == (try definition(index, .item, "forecast")))
    }

    @Test("references resolve to their definitions across files, from statements, properties and expressions")
    func references() throws {
        let index = Self.compile().index
        let item = try definition(index, .item, "forecast")
        let uses = index.references(to: item).map {
            "\($0.span.start.file):\($0.span.start.line):\($0.span.start.column)"
        }
        #expect(uses == ["/x/flood.ttx:12:13", "/x/roles.ttx:2:9"])
        let role = try definition(index, .role, "交通局")
        #expect(index.references(to: role).map(\.span.start.line) == [12, 16])
        let option = try definition(index, .option, "stop")
        #expect(index.references(to: option).map(\.span.start.column) == [21])
        let variable = try definition(index, .variable, "water")
        #expect(index.references(to: variable).map(\.span.start.line) == [15, 19])
        let measure = try definition(index, .measure, "sharing")
        #expect(index.references(to: measure).map(\.span.start.line) == [13])
        let scene = try definition(index, .scene, "first")
        #expect(index.references(to: scene).map(\.span.start.line) == [2, 20])
        // The position of an id, its first character to just after its last, finds it.
        let at = SourceLocation(file: "/x/flood.ttx", line: 12, column: 28)
        #expect(index.definition(at: at) == role)
        #expect(index.definition(at: SourceLocation(file: "/x/flood.ttx", line: 9, column: 12)) == scene)
        #expect(index.definition(at: SourceLocation(file: "/x/flood.ttx", line: 9, column: 2)) == nil)
    }

    @Test("a reference that does not resolve keeps the kind its place needs, and the rest is indexed as usual")
    func unresolved() throws {
        let text = Self.main.replacingOccurrences(of: "goto first", with: "goto fir")
            .replacingOccurrences(of: "share forecast with 交通局", with: "share forecast with tr")
        let result = Self.compile(text)
        #expect(result.scenario == nil)
        let index = result.index
        let goto = try #require(index.references.first { $0.name == "fir" })
        #expect(goto.kind == .scene && goto.definition == nil)
        let role = try #require(index.references.first { $0.name == "tr" })
        #expect(role.kind == .role && role.definition == nil)
        #expect(index.definitions.count == Self.compile().index.definitions.count)
        #expect(result.elements.roles.map(\.id) == ["weather", "交通局"])
        #expect(result.elements.items.first?.title == "降雨预报")
    }

    @Test("the outline nests lines by indentation, with the last line of each block")
    func outline() throws {
        let index = Self.compile().index
        let lines = index.lines(inFile: "/x/flood.ttx")
        let scene = try #require(lines.first { $0.keyword == "scene" })
        #expect(scene.line == 9 && scene.lastLine == 21 && scene.parent == nil)
        let choice = try #require(lines.first { $0.keyword == "choice" })
        #expect(choice.indentWidth == 4)
        let ask = try #require(choice.parent)
        #expect(index.lines[ask].keyword == "ask")
        #expect(index.lines[ask].lastLine == 15)
        #expect(index.lines(inFile: "/x/roles.ttx").count == 3)
        #expect(index.enclosingDefinition(file: "/x/flood.ttx", line: 12) == (try definition(index, .choice, "push")))
    }

    @Test("tokens come from the lexer, with narrative lines and Chinese ids in characters")
    func tokens() {
        let file = SourceFile(path: "a.ttx", text: "scene 开始 \"第一幕\"\n  \"\"\"\n  雨。\n  \"\"\"\n  advance 1h # x\n")
        let kinds = file.tokens.map { "\($0.span.start.line):\($0.span.start.column)+\($0.span.length) \($0.kind)" }
        #expect(
            kinds == [
                "1:1+5 word(\"scene\")", "1:7+2 word(\"开始\")", "1:10+5 text", "2:3+3 narrative", "3:3+2 narrative",
                "4:3+3 narrative", "5:3+7 word(\"advance\")", "5:11+2 duration",
            ])
    }

    @Test("the vocabulary agrees with the compiler: every word it lists for a block compiles there")
    func vocabulary() {
        #expect(Vocabulary.declarations == Compiler.declarationKeywords)
        #expect(Set(Vocabulary.functions) == Set(Compiler.functionNames))
        for function in Vocabulary.functions where !["min", "max"].contains(function) {
            #expect(Vocabulary.argumentKinds(of: function) != nil, "\(function)")
        }
        // A property or statement word in its block is never an unknown property or statement (E0012, E0013).
        let blocks = [
            "exercise", "role", "info", "measure", "state", "objective", "ending", "inject", "action", "request",
            "scene", "ask", "decide", "choice", "option", "expect", "on", "accept", "refuse", "peer",
        ]
        for block in blocks {
            for word in Vocabulary.blockWords(under: block) ?? [] {
                let text = Self.snippet(block: block, word: word)
                let line = Self.wordLine(block)
                let codes = ScenarioCompiler.compile(text: text).diagnostics.filter { (d: Diagnostic) in
                    (d.code.rawValue == "E0012" || d.code.rawValue == "E0013") && d.location.line == line
                }
                #expect(codes.isEmpty, "\(word) under \(block): \(codes)")
            }
        }
    }

    /// An exercise with `word` on a line of its own in the block of a `block` line.
    static func snippet(block: String, word: String) -> String {
        let head = "exercise x\nrole r\n  knows i\ninfo i owner r\nscene s\n  ask r \"?\"\n    choice c\n"
        switch block {
        case "exercise": return "exercise x\n  \(word)\nscene s\n  end e\nending e\n"
        case "peer": return "exercise x\n  peer named\n    \(word)\nscene s\n  end e\nending e\n"
        case "scene": return head + "  \(word)\n"
        case "ask": return "exercise x\nrole r\nscene s\n  ask r \"?\"\n    \(word)\n"
        case "choice": return "exercise x\nrole r\nscene s\n  ask r \"?\"\n    choice c\n      \(word)\n"
        case "decide": return "exercise x\nrole r\nscene s\n  decide d \"?\" by r\n    \(word)\n"
        case "option": return "exercise x\nrole r\nscene s\n  decide d \"?\" by r\n    option o\n      \(word)\n"
        case "expect": return "exercise x\nscene s\ninject j\n  expect e\n    \(word)\n"
        case "on": return "exercise x\nscene s\ninfo i\n  on breach\n    \(word)\n"
        case "accept", "refuse": return "exercise x\nscene s\nrequest q\n  \(block)\n    \(word)\n"
        default: return "exercise x\nscene s\n\(block) b\n  \(word)\n"
        }
    }

    /// The line of `word` in ``snippet(block:word:)``.
    static func wordLine(_ block: String) -> Int {
        switch block {
        case "exercise": 2
        case "peer", "ask", "decide": 5 - (block == "peer" ? 2 : 0)
        case "scene": 8
        case "choice", "option": 6
        case "expect", "on", "accept", "refuse": 5
        default: 4
        }
    }
}
