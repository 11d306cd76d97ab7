import ExerciseEngine
import ScenarioLanguage
import Testing

@testable import Authoring

@Suite struct ExplorerTests {
    @Test func oneRoleOneQuestion() throws {
        let scenario = try compile(
            """
            exercise a "A"
            role r "R"
            measure m "M" range 0..10
            ending done "Done"
            scene s "S"
              ask r "How much?"
                choice full "Full"
                  m += 10
                choice half "Half"
                  m += 5
                choice none "None"
              end done
            """)
        let report = Explorer(scenario: scenario).run(ExploreOptions(seeds: [1]))
        #expect(report.complete)
        #expect(report.best == ScorePath(total: 100, ending: "done", seed: 1, path: ["r: full"]))
        #expect(report.worst == ScorePath(total: 0, ending: "done", seed: 1, path: ["r: none"]))
        #expect(report.endStates == 3)
        #expect(report.measures.first?.roles == [RoleRange(role: "r", min: 0, max: 10)])
        #expect(report.measures.first?.suggested == "range 0..10")
        #expect(report.measures.first?.declared == "0..10")
    }

    /// Per role, total = (3·m1/10 + m2/4)·100/4. Best: both choose x and keep m1 (75 each). Worst: both choose y
    /// (25 each; cutting m1 below 0 is clamped).
    @Test func twoRolesWeightsAndADecisionByHand() throws {
        let scenario = try compile(
            """
            exercise b "B"
            role p "P"
            role q "Q"
            measure m1 "M1" weight 3 range 0..10
            measure m2 "M2" weight 1 range 0..4
            ending done "Done"
            scene s1 "S1"
              ask p, q "Which?"
                choice x "X"
                  m1 += 10
                choice y "Y"
                  m2 += 4
              goto s2
            scene s2 "S2"
              decide d "Cut?" by p, q rule unanimous
                fallback arbitrate
                option cut "Cut"
                  m1 -= 5
                option keep "Keep" default
              end done
            """)
        let report = Explorer(scenario: scenario).run(ExploreOptions(seeds: [1]))
        #expect(report.complete)
        #expect(report.errors.isEmpty)
        let best = try #require(report.best)
        #expect(best.total == 75)
        // Of the paths to 75, the shortest: both keep, rather than a split settled by arbitration.
        #expect(best.path == ["p: x", "q: x", "p: position keep", "q: position keep"])
        let worst = try #require(report.worst)
        #expect(worst.total == 25)
        #expect(worst.path == ["p: y", "q: y", "p: position cut", "q: position cut"])
        #expect(report.measures.map(\.suggested) == ["range 0..10", "range 0..4"])
        #expect(report.coverage.allSatisfy { $0.never.isEmpty })
    }

    @Test func actionsAndRequestAnswersAreExploredOrNot() throws {
        let text = """
            exercise c "C"
            role a "A"
            role b "B"
            measure m "M" range 0..10
            ending done "Done"
            action boost "Boost" by a once
              m += 10
            request favour "Favour" from a to b within 1h
              accept "Yes"
                m += 10
              refuse "No"
            scene s "S"
              ask a "Send?"
                choice send "Send"
                  send favour
                choice skip "Skip"
              ask b "Done?"
                choice ok "OK"
              end done
            """
        let scenario = try compile(text)
        let with = Explorer(scenario: scenario).run(ExploreOptions(seeds: [1]))
        #expect(with.best?.total == 100)
        #expect(with.best.map { Set($0.path) } == ["a: do boost", "a: send", "b: accept favour", "b: ok"])
        #expect(with.worst?.total == 0)
        let without = Explorer(scenario: scenario).run(ExploreOptions(seeds: [1], actions: false))
        #expect(without.best?.total == 0)
        #expect(without.coverage.first { $0.kind == "actions" }?.never.map(\.id) == ["boost"])
        #expect(without.coverage.first { $0.kind == "requests" }?.never.isEmpty == true)
    }

    @Test func chanceDependsOnTheSeedAndSeveralSeedsCoverBothOutcomes() throws {
        let scenario = try compile(
            """
            exercise d "D"
            role r "R"
            measure m "M" range 0..10
            ending done "Done"
            scene s "S"
              chance 50%
                m += 10 for r
              ask r "Go?"
                choice go "Go"
              end done
            """)
        let explorer = Explorer(scenario: scenario)
        let single = explorer.run(ExploreOptions(seeds: [1]))
        #expect(single.best?.total == single.worst?.total)
        let many = explorer.run(ExploreOptions(seeds: Array(1...16)))
        #expect(many.best?.total == 100)
        #expect(many.worst?.total == 0)
        #expect(many.best?.seed != many.worst?.seed)
    }

    @Test func loopsAreCut() throws {
        let scenario = try compile(
            """
            exercise e "E"
            role r "R"
            measure m "M" range 0..10
            ending done "Done"
            scene s "S"
              ask r "Again?"
                choice again "Again"
                  goto s
                choice stop "Stop"
                  m += 10
                  end done
              end done
            """)
        let report = Explorer(scenario: scenario).run(ExploreOptions(seeds: [1]))
        #expect(report.complete)
        #expect(report.best?.total == 100 && report.worst?.total == 100)
        #expect(report.best?.path == ["r: stop"])
    }

    @Test func reachableRuntimeErrorsComeWithTheirInputs() throws {
        let report = Explorer(scenario: try compile(faultyExercise)).run(ExploreOptions(seeds: [5]))
        #expect(report.complete)
        #expect(
            report.errors == [
                ExplorationError(
                    message: "scene 'first' ended without a goto or an end", location: "test.ttx:12:1",
                    seed: 5, path: ["a: stay"])
            ])
        #expect(report.coverage.first { $0.kind == "scenes" }?.never.map(\.id) == ["orphan"])
        #expect(report.coverage.first { $0.kind == "choices" }?.never.map(\.id) == ["hi"])
        // Only `go` reaches an ending: a scores 100, b 0.
        #expect(report.best?.total == 50 && report.worst?.total == 50)
    }

    @Test func saysSoWhenTheSpaceIsTooLarge() throws {
        let scenario = try bundled("flood-response.ttx")
        let report = Explorer(scenario: scenario).run(ExploreOptions(limit: 2000, seeds: [1]))
        #expect(!report.complete)
        #expect(report.stopReason == "state limit of 2000 reached")
        #expect(report.states == 2000)
        #expect(report.bound > 1e9)
        #expect(report.boundExplanation.contains("16 asks"))
        var progress: [Int] = []
        let cancelled = Explorer(scenario: scenario).run(
            ExploreOptions(seeds: [1]), progress: { progress.append($0) }, shouldCancel: { true })
        #expect(!cancelled.complete)
        #expect(cancelled.stopReason == "cancelled")
        #expect(cancelled.states < 100_000)
        #expect(progress == progress.sorted())
        let timed = Explorer(scenario: scenario).run(ExploreOptions(seeds: [1], timeLimit: 0.2))
        #expect(timed.stopReason == "time limit of 0.2 s reached")
    }

    @Test func benchmarkIsExploredCompletely() throws {
        let report = Explorer(scenario: try bundled("benchmark.ttx")).run(ExploreOptions(seeds: [1], actions: false))
        #expect(report.complete)
        #expect(report.errors.isEmpty)
        let best = try #require(report.best)
        let worst = try #require(report.worst)
        #expect(best.total > worst.total)
        // Replaying the best path reaches the best total.
        let scenario = try bundled("benchmark.ttx")
        var session = Session(scenario: scenario, seed: 1, played: Set(scenario.roles.indices), facilitated: true)
        _ = session.start()
        let search = Explorer(scenario: scenario)
        for step in best.path {
            let input = try #require(search.input(named: step, in: session), "\(step)")
            _ = try session.apply(input)
        }
        #expect(session.state.endReason != nil)
        #expect(abs(Scorecard(session: session).teamTotal - best.total) < 1e-9)
    }
}
