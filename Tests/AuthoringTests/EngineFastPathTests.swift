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

/// The simulator's scores, computed without a ``Scorecard``, must be exactly ``Scorecard``'s.
@Suite struct QuickScoresTests {
    @Test(arguments: bundledExercises())
    func sameAsScorecard(file: String) throws {
        let scenario = try bundled(file)
        let simulator = Simulator(scenario: scenario)
        for index in 0..<100 {
            let playthrough = simulator.playthrough(index: index, SimulationOptions(runs: 1, seed: 77))
            let card = Scorecard(session: playthrough.session)
            var measures = Array(repeating: Distribution(), count: scenario.measures.count)
            var team = Distribution()
            var roles = Array(repeating: Distribution(), count: scenario.roles.count)
            QuickScores.add(
                playthrough.session.state, scenario, bounds: nil, measures: &measures, team: &team, roles: &roles)
            #expect(team.sum == card.teamTotal)
            #expect(roles.map(\.sum) == card.roleTotals)
            #expect(measures.map(\.sum) == card.measures.map(\.team))
        }
    }
}
