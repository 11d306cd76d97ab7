import Testing

@testable import ScenarioLanguage

@Suite("The starter exercise of sandtable new")
struct StarterTests {
    @Test("the starter checks clean, with no warning, in both languages", arguments: StarterExercise.Language.allCases)
    func checksClean(language: StarterExercise.Language) {
        let text = StarterExercise.text(name: "暴雨演练", language: language)
        let result = ScenarioCompiler.compile(text: text, path: "暴雨演练.ttx")
        #expect(result.diagnostics.isEmpty, "\(describe(result.diagnostics))")
        #expect(result.scenario?.header.id == "暴雨演练")
        #expect(result.scenario?.header.language == (language == .zh ? "zh-Hans" : "en"))
    }

    @Test("the starter uses every statement and declaration of the language")
    func coversTheLanguage() {
        let text = StarterExercise.text(name: "demo", language: .en)
        let words =
            Compiler.declarationKeywords.filter { $0 != "include" } + Compiler.statementKeywords
            + [
                "choice", "option", "expect", "timeout", "fallback", "on breach", "accept", "refuse", "+=", "-=",
                " for ",
            ]
        for word in words {
            #expect(text.contains(word), "the starter never shows \(word)")
        }
        #expect(text.contains("include \""), "the starter mentions include in a comment")
    }

    @Test("names become valid ids")
    func identifiers() {
        #expect(StarterExercise.identifier(from: "flood-drill") == "flood_drill")
        #expect(StarterExercise.identifier(from: "2024演练") == "exercise_2024演练")
        #expect(StarterExercise.identifier(from: "all") == "all_exercise")
        #expect(StarterExercise.identifier(from: "") == "exercise")
        let result = ScenarioCompiler.compile(text: StarterExercise.text(name: "2024 flood drill!", language: .zh))
        #expect(result.diagnostics.isEmpty, "\(describe(result.diagnostics))")
    }
}
