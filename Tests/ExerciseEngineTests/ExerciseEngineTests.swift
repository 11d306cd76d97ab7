import Foundation
import ScenarioLanguage
import Testing

@testable import ExerciseEngine

@Suite struct SmokeTests {
    @Test(arguments: ["tutorial.ttx", "tutorial.en.ttx", "flood-response.ttx", "benchmark.ttx"])
    func automatedPlaythroughEnds(file: String) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("exercises/\(file)").path
        let result = ScenarioCompiler.compile(path: path)
        let scenario = try #require(result.scenario, "\(result.diagnostics.map(\.message))")
        var session = Session(scenario: scenario, seed: 7, played: [])
        let events = session.start()
        for e in events { print(e.clock, e.kind) }
        #expect(session.isEnded)
    }
}
