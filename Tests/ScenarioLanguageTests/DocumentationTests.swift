import Foundation
import Testing

@testable import ScenarioLanguage

/// docs/language.md and the implementation agree on the diagnostics and the constructs.
@Suite("The language reference")
struct DocumentationTests {
    let reference =
        (try? String(contentsOf: repositoryRoot.appendingPathComponent("docs/language.md"), encoding: .utf8)) ?? ""

    @Test("every diagnostic code is documented, and every documented code exists")
    func codes() throws {
        #expect(!reference.isEmpty)
        for code in DiagnosticCode.allCases {
            #expect(reference.contains("| \(code.rawValue) |"), "docs/language.md does not document \(code.rawValue)")
        }
        let documented = try Regex(#"\| ([EW][0-9]{4}) \|"#)
        for match in reference.matches(of: documented) {
            let code = String(match.output[1].substring ?? "")
            #expect(DiagnosticCode(rawValue: code) != nil, "docs/language.md documents \(code), which does not exist")
        }
    }

    @Test("every function, declaration and statement keyword appears in the grammar")
    func keywords() {
        let grammar = reference.components(separatedBy: "## 5. Grammar").last ?? ""
        for word in Compiler.functionNames + Compiler.declarationKeywords + Compiler.statementKeywords {
            #expect(grammar.contains("\"\(word)\""), "the grammar does not mention \"\(word)\"")
        }
    }

    @Test("the examples at the top of the reference check clean")
    func firstExample() {
        guard let start = reference.range(of: "```\n"),
            let end = reference.range(of: "\n```", range: start.upperBound..<reference.endIndex)
        else {
            Issue.record("no example found")
            return
        }
        let example = String(reference[start.upperBound..<end.lowerBound])
        let result = ScenarioCompiler.compile(text: example)
        #expect(!result.diagnostics.hasErrors, "\(describe(result.diagnostics))")
    }
}
