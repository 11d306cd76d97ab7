import ExerciseEngine
import Foundation
import ScenarioLanguage
import Testing

@testable import Authoring

/// `simulate --policy expected|default`: a competent team and a passive one, played over every bundled exercise.
@Suite("Simulation policies")
struct PolicyTests {
    func simulate(
        _ scenario: Scenario, _ policy: SimulationPolicy, runs: Int = 8, bounds: ScoreBounds? = nil
    ) -> SimulationReport {
        var simulator = Simulator(scenario: scenario)
        simulator.bounds = bounds
        return simulator.run(SimulationOptions(runs: runs, seed: 1, hangTimeout: nil, policy: policy))
    }

    @Test("every bundled exercise is normalised per role: none declares a measure range")
    func bundledExercisesArePerRole() throws {
        let files = bundledExercises()
        for file in ["tutorial.ttx", "tutorial.en.ttx", "flood-response.ttx", "benchmark.ttx"] {
            #expect(files.contains(file))
        }
        for file in files {
            let declared = try bundled(file).measures.filter(\.rangeDeclared).map(\.id)
            #expect(declared.isEmpty, "\(file) declares a range for \(declared)")
        }
    }

    @Test(
        "normalised per role, a competent team scores at least 90 for every role and the team; a passive one far less",
        arguments: bundledExercises())
    func expectedPolicyScoresHigh(_ file: String) throws {
        let scenario = try bundled(file)
        let bounds = BoundsFinder(scenario: scenario).find()
        let report = simulate(scenario, .expected, bounds: bounds)
        #expect(report.bounds?.method == bounds.method)
        for objective in report.objectives {
            #expect(objective.counts[0] == report.runsCompleted, "\(file): \(objective.id) rated \(objective.counts)")
        }
        for role in report.roleTotals {
            #expect(role.total.min >= 90, "\(file): \(role.id) scored \(role.total.min)")
        }
        #expect(report.teamTotal.min >= 90, "\(file): team \(report.teamTotal.min)")
        let passive = simulate(scenario, .default, runs: 4, bounds: bounds)
        #expect(
            passive.teamTotal.mean <= report.teamTotal.mean - 25,
            "\(file): passive \(passive.teamTotal.mean), competent \(report.teamTotal.mean)")
    }

    @Test(
        "a competent team rates every objective P and meets every expected action it is offered",
        arguments: bundledExercises())
    func expectedPolicy(_ file: String) throws {
        let scenario = try bundled(file)
        let report = simulate(scenario, .expected)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.policy == .expected)
        for objective in report.objectives {
            #expect(objective.counts[0] == report.runsCompleted, "\(file): \(objective.id) rated \(objective.counts)")
        }
        for x in report.expectations {
            #expect(x.missed == 0 && x.late == 0, "\(file): \(x.id) \(x)")
            #expect(x.notOffered == 0, "\(file): \(x.id) is not offered in time: \(x)")
        }
    }

    @Test("the flagship offers every expected action in time, whoever plays and however (issue 17)")
    func flagshipOffersEveryExpectationInTime() throws {
        let scenario = try bundled("flood-response.ttx")
        for policy in [SimulationPolicy.default, .random] {
            let report = simulate(scenario, policy, runs: 20)
            #expect(report.errors.isEmpty, "\(report.errors)")
            #expect(report.notOffered.isEmpty, "\(policy): \(report.notOffered.map(\.id))")
        }
    }

    @Test("a passive team scores lower than a competent one", arguments: bundledExercises())
    func defaultPolicyScoresLower(_ file: String) throws {
        let scenario = try bundled(file)
        let competent = simulate(scenario, .expected, runs: 4)
        let passive = simulate(scenario, .default, runs: 4)
        #expect(passive.errors.isEmpty, "\(passive.errors)")
        #expect(passive.teamTotal.mean < competent.teamTotal.mean)
    }

    @Test("the same seed gives the same report: a policy plays deterministically")
    func deterministic() throws {
        let scenario = try bundled("tutorial.en.ttx")
        #expect(simulate(scenario, .expected) == simulate(scenario, .expected))
    }

    @Test("a choice offered only after its deadline is reported as not offered")
    func notOfferedReported() throws {
        let scenario = try compile(
            """
            exercise t "Late question"
              language en
              duration 10h
              peer off
            role a "A"
            role b "B"
            ending done "Done"
            inject alert "Alert"
              at +0m
              expect buses "B sends buses within 30 minutes" by b within 30m
                choose send_buses
            scene s "S"
              ask a "Wait?"
                choice wait "Wait" cost 1h expected
              ask b "Buses?"
                choice send_buses "Send buses" expected
                choice no "No"
              end done
            """)
        let report = simulate(scenario, .expected, runs: 2)
        #expect(report.notOffered.map(\.id) == ["buses"])
        #expect(report.notOffered.first?.notOffered == 2)
    }
}
