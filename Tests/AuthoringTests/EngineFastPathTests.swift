import ExerciseEngine
import ScenarioLanguage
import Testing

@testable import Authoring

/// `Session.recordsEvents = false` (the simulator's fast path) must change nothing but the events returned.
@Suite struct EngineFastPathTests {
    @Test(arguments: bundledExercises())
    func sameStateWithoutEvents(file: String) throws {
        let scenario = try bundled(file)
        for index in 0..<200 {
            let options = SimulationOptions(runs: 1, seed: 1000)
            let full = Simulator(scenario: scenario).playthrough(index: index, options)
            var quiet = Session(
                scenario: scenario, seed: full.seed, played: Set(scenario.roles.indices),
                facilitated: full.facilitated)
            quiet.recordsEvents = false
            #expect(quiet.start().isEmpty)
            for step in full.steps.dropFirst() {
                guard let input = step.input else { continue }
                #expect(try quiet.apply(input).isEmpty)
            }
            #expect(quiet.state == full.session.state, "\(file), playthrough \(index)")
        }
    }
}
