import Testing

@testable import ScenarioLanguage

/// The exercises in exercises/ compile, and say what their header comments promise.
@Suite("Bundled exercises")
struct BundledExerciseTests {
    @Test("every bundled exercise compiles without errors")
    func compile() {
        let exercises = bundledExercises()
        #expect(exercises.count >= 4)
        for (name, text) in exercises {
            let result = ScenarioCompiler.compile(text: text, path: name)
            #expect(!result.diagnostics.hasErrors, "\(name):\n\(describe(result.diagnostics))")
            #expect(result.scenario != nil, "\(name)")
        }
    }

    @Test("every bundled exercise has no warnings either, so check --strict passes on each")
    func noWarnings() {
        for (name, text) in bundledExercises() {
            let result = ScenarioCompiler.compile(text: text, path: name)
            #expect(result.diagnostics.isEmpty, "\(name):\n\(describe(result.diagnostics))")
        }
    }

    @Test("the Chinese and English tutorials have the same ids and structure")
    func tutorialTwins() {
        let exercises = Dictionary(uniqueKeysWithValues: bundledExercises().map { ($0.name, $0.text) })
        guard let zh = exercises["tutorial.ttx"].flatMap({ ScenarioCompiler.compile(text: $0).scenario }),
            let en = exercises["tutorial.en.ttx"].flatMap({ ScenarioCompiler.compile(text: $0).scenario })
        else {
            Issue.record("a tutorial does not compile")
            return
        }
        #expect(zh.header.id == en.header.id)
        #expect(zh.roles.map(\.id) == en.roles.map(\.id))
        #expect(zh.scenes.map(\.id) == en.scenes.map(\.id))
        #expect(zh.choices.map(\.id) == en.choices.map(\.id))
        #expect(zh.options.map(\.id) == en.options.map(\.id))
        #expect(zh.injects.map(\.id) == en.injects.map(\.id))
        #expect(zh.objectives.map(\.id) == en.objectives.map(\.id))
        #expect(zh.code.count == en.code.count)
    }

    @Test("the flagship and benchmark exercises have the shape their headers describe")
    func shapes() {
        let exercises = Dictionary(uniqueKeysWithValues: bundledExercises().map { ($0.name, $0.text) })
        if let flood = exercises["flood-response.ttx"].flatMap({ ScenarioCompiler.compile(text: $0).scenario }) {
            #expect(flood.roles.count == 4)
            #expect(flood.scenes.count == 6)
            #expect(flood.endings.count == 3)
            #expect(flood.objectives.count == 5)
            #expect(flood.measures.count == 4)
            #expect(flood.leadRole.map { flood.roles[$0].id } == "ema")
        } else {
            Issue.record("flood-response.ttx does not compile")
        }
        if let bench = exercises["benchmark.ttx"].flatMap({ ScenarioCompiler.compile(text: $0).scenario }) {
            #expect(bench.scenes.count == 6)
            #expect(bench.roles.count == 2)
            #expect(bench.choices.count + bench.options.count == 22)
            #expect(bench.variables.count == 5)
            #expect(bench.measures.count == 3)
            #expect(bench.injects.count == 2)
            #expect(bench.actions.count == 1)
        } else {
            Issue.record("benchmark.ttx does not compile")
        }
    }
}
