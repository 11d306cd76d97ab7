import Testing

@testable import ScenarioLanguage

/// The checker reads on after an error: one run reports every independent problem, each once.
@Suite("Recovery")
struct RecoveryTests {
    @Test("independent mistakes across a file are all reported, each once, in file order")
    func manyDiagnostics() {
        let source = """
            exercise demo "演示"
              clock 1️⃣25:00
            role a "甲"
              breif 2️⃣"简介"
            state water = 1 range 0..5
            ending done "结束"
            scene start "开始"
              ask 3️⃣b "怎么办?"
                choice go "出发"
                  water += 4️⃣true
                choice stay "留下" default
                  advance 1h
              if 5️⃣watr > 1 and visited(6️⃣strat)
                say 7️⃣"未闭合
              8️⃣goto nowhere
            """
        let (result, markers) = compileMarked([("\(testFolder)/main.ttx", source)])
        let expected: [(String, DiagnosticCode)] = [
            ("1️⃣", .invalidLiteral), ("3️⃣", .undefinedID), ("4️⃣", .typeMismatch), ("5️⃣", .undefinedID),
            ("6️⃣", .undefinedID), ("7️⃣", .unterminatedText),
        ]
        for (marker, code) in expected {
            let position = markers[marker]
            #expect(
                result.diagnostics.contains {
                    $0.code == code && $0.location.line == position?.line && $0.location.column == position?.column
                }, "\(marker) \(code.rawValue) missing:\n\(describe(result.diagnostics))")
        }
        // `breif` is reported at the word, `goto nowhere` at the id.
        #expect(result.diagnostics.contains { $0.code == .unknownStatement && $0.location.line == markers["2️⃣"]?.line })
        #expect(result.diagnostics.contains { $0.code == .undefinedID && $0.location.line == markers["8️⃣"]?.line })
        #expect(result.diagnostics.count == 8, "\(describe(result.diagnostics))")
        #expect(result.diagnostics.map(\.location) == result.diagnostics.map(\.location).sorted())
    }

    @Test("an unknown id in an expression gives one error, not one per operator around it")
    func poisonedExpressions() {
        let result = ScenarioCompiler.compile(
            text: cleanExercise.replacingOccurrences(
                of: "if water >= 2", with: "if (watr + 1) * 2 >= 3 and not wtr or time > 1h"))
        #expect(result.diagnostics.map(\.code) == [.undefinedID, .undefinedID], "\(describe(result.diagnostics))")
    }

    @Test("a malformed expression skips the rest of its line, and the next line is read")
    func syntaxErrorsSkipTheLine() {
        let result = ScenarioCompiler.compile(
            text: cleanExercise.replacingOccurrences(of: "if water >= 2", with: "if water >= ) 2 ( +"))
        #expect(result.diagnostics.map(\.code) == [.expected], "\(describe(result.diagnostics))")
    }
}
