import Foundation
import Localization
import SystemPackage
import Testing

@testable import ScenarioLanguage

/// Diagnostics as data: every message has its text in both languages, and every fix-it's edits fix what they say.
@Suite("Diagnostics as data: catalogue, languages, fix-it edits")
struct DiagnosticDataTests {
    /// The catalogue's own entries in one language.
    func entries(_ language: UILanguage) -> [String: String] { Catalog.diagnostics.own[language] ?? [:] }

    @Test("the Chinese and English catalogues have the same keys and the same placeholders")
    func catalogueAgrees() {
        #expect(Catalog.diagnostics.problems == [])
        #expect(Set(entries(.zh).keys) == Set(entries(.en).keys))
        #expect(entries(.en).count > 250)
    }

    @Test("every diagnostic code has its texts in Chinese and English, and every coded text has a real code")
    func everyCodeHasText() {
        for language in UILanguage.allCases {
            let keys = entries(language).keys
            for code in DiagnosticCode.allCases {
                #expect(keys.contains { $0.hasPrefix(code.rawValue + ".") }, "\(code.rawValue) has no \(language) text")
            }
            for key in keys where key.first == "E" || key.first == "W" {
                let code = String(key.prefix { $0 != "." })
                #expect(DiagnosticCode(rawValue: code) != nil, "\(key) names no code")
            }
        }
    }

    /// The source of the message types, where the factories name their catalogue keys.
    static let messageSources: String = {
        let folder = repositoryRoot.appendingPathComponent("Sources/ScenarioLanguage/Diagnostics")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix("Message.swift") || $0.contains("Message+") }.sorted().map {
            (try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) ?? ""
        }.joined(separator: "\n")
    }()

    @Test("every message a factory can make, and every term, has a catalogue entry; no coded entry is unused")
    func everyFactoryHasText() throws {
        let sources = Self.messageSources
        #expect(sources.contains("struct CompilerMessage"))
        // `Self(.code, "name", …)` and `Self(.code, flag ? "one" : "other", …)`.
        let factory = try Regex(#"Self\(\s*\.(\w+),\s*([^,()]*"\w+"[^,()]*)"#)
        var made: Set<String> = []
        for match in sources.matches(of: factory) {
            let caseName = String(match.output[1].substring ?? "")
            let code = try #require(
                DiagnosticCode.allCases.first { String(describing: $0) == caseName }, "no code .\(caseName)")
            for name in String(match.output[2].substring ?? "").matches(of: try Regex(#""(\w+)""#)) {
                made.insert("\(code.rawValue).\(name.output[1].substring ?? "")")
            }
        }
        #expect(made.count > 200)
        let english = entries(.en)
        for key in made.sorted() {
            #expect(english[key] != nil, "\(key) has no text")
        }
        for key in english.keys where (key.first == "E" || key.first == "W") && !made.contains(key) {
            Issue.record("\(key) is in the catalogue, but no message uses it")
        }
        // Terms: the kinds of element, the types, the places, the functions' usages, the reasons.
        var terms = Set(ElementKind.allCases.flatMap { ["term.kind.\($0.rawValue)", "term.aKind.\($0.rawValue)"] })
        for type in [ValueType.number, .duration, .bool, .text] {
            terms.insert("term.type.\(type.rawValue)")
            terms.insert("term.aType.\(type.rawValue)")
        }
        let compilerSources = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Sources/ScenarioLanguage/Compiler.swift"),
            encoding: .utf8)
        for match in (sources + compilerSources).matches(of: try Regex(#"Term\("(term\.[\w.]+)""#)) {
            terms.insert(String(match.output[1].substring ?? ""))
        }
        let expressions = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Sources/ScenarioLanguage/Compiler+Expressions.swift"),
            encoding: .utf8)
        for match in expressions.matches(of: try Regex(#"\.usage\("(\w+)""#)) {
            terms.insert("term.usage.\(match.output[1].substring ?? "")")
        }
        #expect(terms.count > 50)
        for key in terms.sorted() {
            #expect(english[key] != nil, "\(key) has no text")
        }
    }

    @Test("a message is rendered in either language with every placeholder filled, terms translated")
    func rendering() {
        let message = CompilerMessage.wrongKind("done", is: .ending, expected: .scene)
        #expect(message.text(in: .en) == "'done' is an ending, not a scene")
        #expect(message.text(in: .zh) == "「done」是结局，不是场景")
        #expect(message.severity == .error)
        #expect(message.catalogueKey == "E0203.wrongKind")
        #expect(message.id == MessageID(domain: .compiler, name: "wrongKind"))
        let rule = CompilerMessage.propertyIs("scores", oneOf: ["hidden", "totals", "full"])
        #expect(rule.text(in: .en) == "scores is hidden, totals or full")
        #expect(rule.text(in: .zh) == "scores 的取值是 hidden、totals 或 full")
        let typed = CompilerMessage.typeMismatch(expected: .valueFor("closed"), type: .bool, found: .number)
        #expect(typed.text(in: .en) == "expected a value for 'closed' (flag), but this is a number")
        #expect(typed.text(in: .zh) == "这里需要「closed」的值（真假值），但这是数值")
        #expect(AnalysisMessage.unusedRole("c").severity == .warning)
        #expect(NoteMessage.firstDeclared("ema").text(in: .zh) == "「ema」首次声明于此")
    }

    @Test("severity comes from the code: E is an error, W a warning")
    func severityFromCode() {
        for code in DiagnosticCode.allCases {
            #expect(code.severity == (code.rawValue.hasPrefix("E") ? .error : .warning))
        }
        #expect(Severity.error.label(in: .en) == "error: ")
        #expect(Severity.warning.label(in: .zh) == "警告：")
    }

    @Test("the summary line in both languages")
    func summary() {
        let error = ScenarioCompiler.compile(text: cleanExercise.replacingOccurrences(of: "ask a, b", with: "ask a, c"))
        let warnings = ScenarioCompiler.compile(
            text: cleanExercise.replacingOccurrences(
                of: "role b \"乙\"", with: "role b \"乙\"\nrole x \"戊\"\nrole y \"己\""))
        let all = error.diagnostics + warnings.diagnostics
        #expect(all.map(\.code) == [.undefinedID, .unused, .unused])
        #expect(all.summary(in: .en) == "1 error, 2 warnings")
        #expect(all.summary(in: .zh) == "1 个错误，2 个警告")
        #expect(Array(all.prefix(2)).summary(in: .en) == "1 error, 1 warning")
        #expect([Diagnostic]().summary(in: .en) == "ok: no problems found")
        #expect([Diagnostic]().summary(in: .zh) == "没有发现问题")
    }

    // MARK: Fix-its

    /// A mistake with an obvious fix: the broken text, and the text the fix-it's edits must give.
    struct Mistake: CustomStringConvertible, Sendable {
        var name: String
        var code: DiagnosticCode
        var broken: String
        var fixed: String
        var description: String { name }

        init(_ name: String, _ code: DiagnosticCode, _ from: String, _ to: String, in base: String = cleanExercise) {
            self.name = name
            self.code = code
            self.broken = base.replacingOccurrences(of: to, with: from)
            self.fixed = base
            precondition(broken != fixed, "\(name): the mistake is not in the exercise")
        }
    }

    static let mistakes: [Mistake] = [
        Mistake("a misspelt role", .undefinedID, "ask a, bb", "ask a, b"),
        Mistake("a misspelt variable", .undefinedID, "if watr >= 2", "if water >= 2"),
        Mistake(
            "a misspelt function", .unknownFunction, "if maxx(water, 1) >= 2", "if max(water, 1) >= 2", in: withMax),
        Mistake("a misspelt declaration", .unknownDeclaration, "endign done", "ending done"),
        Mistake("a misspelt statement", .unknownStatement, "sya \"水位上涨。\"", "say \"水位上涨。\""),
        Mistake("a misspelt property", .unknownStatement, "  breif \"简介\"", "  brief \"简介\"", in: withBrief),
        Mistake("a misspelt property value", .expected, "  scores totls", "  scores totals", in: withScores),
        Mistake("a full-width parenthesis", .unexpectedCharacter, "if （water >= 2)", "if (water >= 2)", in: withParens),
        Mistake("a single = in a condition", .expected, "if water = 2", "if water == 2", in: withEquals),
        Mistake("a range upside down", .invalidValue, "range 10..0", "range 0..10"),
        Mistake("a value given without set", .expected, "      water = 1", "      set water = 1", in: withSet),
        Mistake(
            "a misspelt option of a decision", .undefinedID, "decided(plan, stp)", "decided(plan, stop)",
            in: withDecision),
    ]

    static let withMax = cleanExercise.replacingOccurrences(of: "if water >= 2", with: "if max(water, 1) >= 2")
    static let withBrief = cleanExercise.replacingOccurrences(of: "role a \"甲\"", with: "role a \"甲\"\n  brief \"简介\"")
    static let withScores = cleanExercise.replacingOccurrences(
        of: "  clock 08:00", with: "  clock 08:00\n  scores totals")
    static let withParens = cleanExercise.replacingOccurrences(of: "if water >= 2", with: "if (water >= 2)")
    static let withEquals = cleanExercise.replacingOccurrences(of: "if water >= 2", with: "if water == 2")
    static let withSet = cleanExercise.replacingOccurrences(of: "      water += 1", with: "      set water = 1")
    static let withDecision = cleanExercise.replacingOccurrences(
        of: "  if water >= 2\n",
        with: """
              decide plan "怎么办？" by a, b rule majority
                option go "走"
                option stop "停" default
              if decided(plan, stop) or water >= 2

            """)

    @Test("applying a did-you-mean fix-it's edits gives the fixed text, which then checks clean", arguments: mistakes)
    func fixItFixes(_ mistake: Mistake) throws {
        expectClean(mistake.fixed)
        let result = ScenarioCompiler.compile(text: mistake.broken)
        let diagnostic = try #require(
            result.diagnostics.first { $0.code == mistake.code }, "\(describe(result.diagnostics))")
        let fixIt = try #require(diagnostic.fixIts.first, "no fix-it for \(diagnostic.message)")
        #expect(!fixIt.edits.isEmpty)
        for language in UILanguage.allCases {
            #expect(!fixIt.message.text(in: language).contains("⟦"))
        }
        let file = try #require(result.sources.first)
        #expect(file.applying(fixIt.edits) == mistake.fixed)
    }

    @Test("fix-it messages say what the edit does")
    func fixItMessages() throws {
        let result = ScenarioCompiler.compile(text: Self.mistakes[0].broken)
        let fixIt = try #require(result.diagnostics.first?.fixIts.first)
        #expect(fixIt.message.text(in: .en) == "replace 'bb' with 'b'")
        #expect(fixIt.message.text(in: .zh) == "将「bb」改为「b」")
        let insert = FixIt.insert("set ", at: SourceLocation(file: "x.ttx", line: 1, column: 1))
        #expect(insert.message.text(in: .en) == "insert 'set '")
        #expect(insert.edits.first?.range.length == 0)
    }

    @Test("edits apply by characters, in order, leave other files and overlapping edits alone")
    func applyingEdits() {
        let file = SourceFile(path: "a.ttx", text: "交通 = 1\r\nrole 乙\nend")
        func at(_ line: Int, _ column: Int, _ length: Int) -> SourceSpan {
            SourceSpan(start: SourceLocation(file: "a.ttx", line: line, column: column), length: length)
        }
        #expect(file.applying([SourceEdit(range: at(1, 1, 2), replacement: "交通局")]) == "交通局 = 1\r\nrole 乙\nend")
        #expect(
            file.applying([
                SourceEdit(range: at(2, 6, 1), replacement: "丙"), SourceEdit(range: at(1, 4, 1), replacement: "=="),
            ]) == "交通 == 1\r\nrole 丙\nend")
        // An insertion at the end of a line, an edit of another file, an overlapping edit, an edit past the line.
        #expect(
            file.applying([
                SourceEdit(range: at(3, 4, 0), replacement: " done"),
                SourceEdit(
                    range: SourceSpan(start: SourceLocation(file: "b.ttx", line: 1, column: 1), length: 1),
                    replacement: "x"),
                SourceEdit(range: at(1, 1, 3), replacement: "a"), SourceEdit(range: at(1, 2, 1), replacement: "b"),
                SourceEdit(range: at(2, 40, 1), replacement: "c"),
            ]) == "a= 1\r\nrole 乙\nend done")
    }

    // MARK: Paths through the source provider

    @Test("includes stay inside the folder, as written and through symbolic links the source provider follows")
    func includesThroughLinks() {
        let main = cleanExercise.replacingOccurrences(of: "role b \"乙\"\n", with: "include \"INCLUDE\"\n")
        func check(_ include: String, links: [String: String] = [:]) -> [DiagnosticCode] {
            let sources = MemorySources(
                [
                    "/ex/main.ttx": main.replacingOccurrences(of: "INCLUDE", with: include),
                    "/ex/parts/roles.ttx": "role b \"乙\"\n",
                    "/outside/roles.ttx": "role b \"乙\"\n",
                ], symbolicLinks: links)
            // A rejected include also leaves role b undeclared; that error is not what is tested here.
            return ScenarioCompiler.compile(path: "/ex/main.ttx", sources: sources).diagnostics.map(\.code)
                .filter { $0 != .undefinedID }
        }
        #expect(check("parts/roles.ttx") == [])
        #expect(check("./parts/../parts/roles.ttx") == [])
        #expect(check("/ex/parts/roles.ttx") == [])
        #expect(check("../outside/roles.ttx") == [.includeOutsideFolder])
        #expect(check("/outside/roles.ttx") == [.includeOutsideFolder])
        #expect(check("parts/../../outside/roles.ttx") == [.includeOutsideFolder])
        #expect(check(".") == [.includeOutsideFolder])
        // A link inside the folder to a file inside it is fine; to a file or a folder outside it is not.
        #expect(check("alias.ttx", links: ["/ex/alias.ttx": "parts/roles.ttx"]) == [])
        #expect(check("link.ttx", links: ["/ex/link.ttx": "/outside/roles.ttx"]) == [.includeOutsideFolder])
        #expect(check("shared/roles.ttx", links: ["/ex/shared": "../outside"]) == [.includeOutsideFolder])
        #expect(check("missing.ttx") == [.includeNotFound])
    }

    @Test("memory sources: relative paths start at /, folders are told apart from files")
    func memorySources() {
        let sources = MemorySources(["exercise.ttx": "x", "/a/b/c.ttx": "y"])
        #expect(sources.read("/exercise.ttx") == .success(Array("x".utf8)))
        #expect(sources.read("./exercise.ttx") == .success(Array("x".utf8)))
        #expect(sources.read("/a/b") == .failure(.isDirectory))
        #expect(sources.read("/a") == .failure(.isDirectory))
        #expect(sources.read("/a/b/d.ttx") == .failure(.notFound))
        #expect(sources.resolvingSymbolicLinks("a/./b/../b/c.ttx") == "/a/b/c.ttx")
    }

    @Test("the file system's source provider reads files, and tells a folder, a missing file and a link apart")
    func fileSystemSources() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandtable-fs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = String(repeating: "甲乙丙丁", count: 40_000)
        try Data(big.utf8).write(to: folder.appendingPathComponent("big.ttx"))
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("link.ttx"), withDestinationURL: folder.appendingPathComponent("big.ttx"))
        let sources = FileSystemSources()
        let base = FilePath(folder.path)
        #expect(sources.read(base.appending("big.ttx")) == .success(Array(big.utf8)))
        #expect(sources.read(base) == .failure(.isDirectory))
        #expect(sources.read(base.appending("nowhere.ttx")) == .failure(.notFound))
        let real = sources.resolvingSymbolicLinks(base)
        #expect(sources.resolvingSymbolicLinks(base.appending("link.ttx")) == real.appending("big.ttx"))
        // A path that does not exist keeps its missing part, under the resolved folder.
        #expect(sources.resolvingSymbolicLinks(base.appending("no/such.ttx")) == real.appending("no/such.ttx"))
    }
}
