import ExerciseEngine
import Foundation
import ScenarioLanguage
import Testing

@testable import Authoring

/// The repository's root folder.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Compiles an exercise held in a string, failing the test on errors.
func compile(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Scenario {
    let result = ScenarioCompiler.compile(text: text, path: "test.ttx")
    let errors = result.diagnostics.filter { $0.severity == .error }.map { "\($0.location): \($0.message)" }
    return try #require(result.scenario, "\(errors)", sourceLocation: sourceLocation)
}

/// Compiles a bundled exercise.
func bundled(_ file: String) throws -> Scenario {
    let result = ScenarioCompiler.compile(path: repositoryRoot.appendingPathComponent("exercises/\(file)").path)
    return try #require(result.scenario, "\(result.diagnostics.map(\.message))")
}

/// The bundled exercises' file names, relative to `exercises/`: the exercises, then the examples
/// (`examples/contact-tracing.ttx`).
func bundledExercises() -> [String] {
    let folder = repositoryRoot.appendingPathComponent("exercises").path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let examples = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/examples")) ?? []
    return names.filter { $0.hasSuffix(".ttx") }.sorted()
        + examples.filter { $0.hasSuffix(".ttx") }.sorted().map {
            "examples/" + $0
        }
}
