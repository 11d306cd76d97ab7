import ExerciseEngine
import ScenarioLanguage
import Synchronization
import Testing

@testable import Authoring

/// An exercise with a scene nobody reaches and a runtime error on one branch: `first` falls off its end when `a`
/// chooses `stay`.
let faultyExercise = """
    exercise faulty "Faulty"
      start first

    role a "Role A"
    role b "Role B"

    state ok = false
    measure m "M" range 0..10

    ending done "Done"

    scene first "First"
      ask a "Go or stay?"
        choice go "Go"
          set ok = true
          m += 10
        choice stay "Stay"
      if ok
        end done

    scene orphan "Nobody comes here"
      ask b "Hello?"
        choice hi "Hi"
      end done
    """

@Suite struct SimulatorTests {
    @Test func reportsTheRuntimeErrorWithTheSeedThatReproducesIt() throws {
        let scenario = try compile(faultyExercise)
        let simulator = Simulator(scenario: scenario)
        let options = SimulationOptions(runs: 500, seed: 40)
        let report = simulator.run(options)
        #expect(report.hasErrors)
        #expect(report.errors.count == 1)
        let error = try #require(report.errors.first)
        #expect(error.message == "scene 'first' ended without a goto or an end")
        #expect(error.location == "test.ttx:12:1")
        // The reported seed is the first playthrough that meets the error, and it reproduces it.
        let index = Int(error.seed - options.seed)
        #expect(error.playthrough == index)
        for earlier in 0..<index { #expect(simulator.playthrough(index: earlier, options).error == nil) }
        let replay = simulator.playthrough(index: index, options)
        #expect(replay.error?.message == error.message)
        #expect(replay.error?.seed == error.seed)
        // Exactly the playthroughs in which `a` stays meet it.
        let failing = (0..<options.runs).filter { simulator.playthrough(index: $0, options).error != nil }
        #expect(error.count == failing.count)
        let ending = try #require(report.endings.first { $0.id == "(runtime error)" })
        #expect(ending.count == failing.count)
        #expect(report.endings.first { $0.id == "done" }?.count == options.runs - failing.count)
        #expect(failing.count > 150 && failing.count < 350)
    }

    @Test func namesTheUnreachableSceneAndItsChoice() throws {
        let report = Simulator(scenario: try compile(faultyExercise)).run(SimulationOptions(runs: 300))
        let scenes = try #require(report.coverage.first { $0.kind == "scenes" })
        #expect(scenes.total == 2 && scenes.reached == 1)
        #expect(scenes.never.map(\.id) == ["orphan"])
        #expect(scenes.never.first?.location == "test.ttx:21:7")
        let choices = try #require(report.coverage.first { $0.kind == "choices" })
        #expect(choices.never.map(\.id) == ["hi"])
        let endings = try #require(report.coverage.first { $0.kind == "endings" })
        #expect(endings.never.isEmpty)
    }

    @Test func sameSeedSameReportWhateverTheJobs() throws {
        for scenario in [try compile(faultyExercise), try bundled("tutorial.ttx")] {
            let simulator = Simulator(scenario: scenario)
            let one = simulator.run(SimulationOptions(runs: 1200, seed: 7, jobs: 1))
            let again = simulator.run(SimulationOptions(runs: 1200, seed: 7, jobs: 1))
            let two = simulator.run(SimulationOptions(runs: 1200, seed: 7, jobs: 2))
            let three = simulator.run(SimulationOptions(runs: 1200, seed: 7, jobs: 3))
            #expect(one == again)
            #expect(one == two)
            #expect(one == three)
            let other = simulator.run(SimulationOptions(runs: 1200, seed: 8, jobs: 2))
            #expect(one != other)
        }
    }

    @Test func anAskLeftWithNoChoiceForAWaitingRoleIsAnError() throws {
        // Whoever answers first locks the question for the other, who then waits forever.
        let scenario = try compile(
            """
            exercise stuck "Stuck"
            role a "A"
            role b "B"
            state locked = false
            ending done "Done"
            scene only "Only"
              ask a, b "Take the lock?"
                choice lock "Lock" if not locked
                  set locked = true
              end done
            """)
        let report = Simulator(scenario: scenario).run(SimulationOptions(runs: 50))
        // One error per role left waiting, depending on who answered first; the engine reports it as a runtime error.
        #expect(
            Set(report.errors.map(\.message)) == [
                "no choice of this ask is offered to 'a' any more",
                "no choice of this ask is offered to 'b' any more",
            ])
        #expect(report.errors.allSatisfy { $0.location == "test.ttx:7:3" })
        #expect(report.errors.reduce(0) { $0 + $1.count } == 50)
        #expect(report.errors.first?.seed == 1)
    }

    @Test func aLoopThePlayersCannotLeaveIsCapped() throws {
        let scenario = try compile(
            """
            exercise loop "Loop"
            role a "A"
            ending done "Done"
            scene again "Again"
              ask a "Once more?"
                choice more "More"
              goto again
            """)
        let report = Simulator(scenario: scenario).run(SimulationOptions(runs: 3, maxInputs: 200))
        let error = try #require(report.errors.first)
        #expect(error.message.contains("did not end after 200 inputs"))
        #expect(error.count == 3)
    }

    @Test func exercisesEveryKindOfInput() throws {
        // Actions, requests (accepted and refused), arbitration, lead calls, discussions and peer ratings.
        let scenario = try compile(
            """
            exercise all "All"
              peer named
            role a "A" lead
            role b "B"
            info note "Note" owner a
            measure m "M" range -10..10
            state pressure = 0
            ending done "Done"
            action push "Push" by a once
              m += 1
            request help "Help?" from a to b within 1h
              accept "Yes"
                m += 2
              refuse "No"
                m -= 2
            scene one "One"
              ask a "Start?"
                choice ask_help "Ask for help"
                  send help
                choice alone "Alone"
              decide plan "Plan?" by a, b rule unanimous
                fallback lead, arbitrate
                option left "Left"
                option right "Right"
              decide vote "Vote?" by a, b rule arbitrate
                option yes "Yes"
                option no "No"
              discuss lessons "Lessons?"
              end done
            """)
        let simulator = Simulator(scenario: scenario)
        let options = SimulationOptions(runs: 400, seed: 3)
        var inputs = Set<String>()
        for index in 0..<options.runs {
            let playthrough = simulator.playthrough(index: index, options)
            #expect(playthrough.error == nil)
            for step in playthrough.steps {
                guard let input = step.input else { continue }
                switch input {
                case .choose: inputs.insert("choose")
                case .position: inputs.insert("position")
                case .leadCall: inputs.insert("leadCall")
                case .discuss: inputs.insert("discuss")
                case .act: inputs.insert("act")
                case .share: inputs.insert("share")
                case .answer(_, _, let accept): inputs.insert(accept ? "accept" : "refuse")
                case .peerRating(_, _, let value): inputs.insert(value == nil ? "skip rating" : "rating")
                case .facilitator(.arbitrate): inputs.insert("arbitrate")
                default: inputs.insert("other")
                }
            }
        }
        #expect(
            inputs == [
                "choose", "position", "leadCall", "discuss", "act", "share", "accept", "refuse", "rating",
                "skip rating", "arbitrate",
            ])
        let report = simulator.run(options)
        #expect(report.errors.isEmpty)
        #expect(report.coverage.allSatisfy { $0.never.isEmpty })
    }

    @Test func stopsWhenCancelledAndReportsWhatWasPlayed() throws {
        let scenario = try bundled("benchmark.ttx")
        // Cancel on the third poll after the first batch is done: on a loaded machine the workers may not have
        // finished one when the third poll comes, and a report of nothing played would prove nothing.
        var polls = 0
        var done = 0
        let report = Simulator(scenario: scenario).run(
            SimulationOptions(runs: 100_000, jobs: 2),
            progress: { done = $0 },
            shouldCancel: {
                if done > 0 { polls += 1 }
                return polls > 2
            })
        #expect(report.cancelled)
        #expect(report.runsCompleted > 0 && report.runsCompleted < 100_000)
        #expect(report.runsCompleted % Simulator.chunkSize == 0)
        #expect(report.endings.reduce(0) { $0 + $1.count } == report.runsCompleted)
    }

    @Test func progressCountsUpToTheRuns() throws {
        let scenario = try bundled("tutorial.ttx")
        var counts: [Int] = []
        let report = Simulator(scenario: scenario).run(
            SimulationOptions(runs: 1000, jobs: 2), progress: { counts.append($0) })
        #expect(report.runsCompleted == 1000)
        #expect(counts.last == 1000)
        #expect(counts == counts.sorted())
    }

    @Test func distributionsSummariseTheScores() throws {
        // One role, one measure 0..10: choosing `full` scores 100, `half` 50, `none` 0.
        let scenario = try compile(
            """
            exercise d "D"
            role a "A"
            measure m "M" range 0..10
            objective o "O"
              P when m >= 10
              S when m >= 5
              else U
            ending done "Done"
            scene s "S"
              ask a "How much?"
                choice full "Full"
                  m += 10
                choice half "Half"
                  m += 5
                choice none "None"
              end done
            """)
        let report = Simulator(scenario: scenario).run(SimulationOptions(runs: 3000, seed: 11))
        #expect(report.teamTotal.count == 3000)
        #expect(report.teamTotal.min == 0)
        #expect(report.teamTotal.max == 100)
        #expect(report.teamTotal.bins[0] + report.teamTotal.bins[5] + report.teamTotal.bins[9] == 3000)
        let ratings = try #require(report.objectives.first).counts
        #expect(ratings[0] == report.teamTotal.bins[9])
        #expect(ratings[1] == report.teamTotal.bins[5])
        #expect(ratings[2] == 0)
        #expect(ratings[3] == report.teamTotal.bins[0])
        for bin in [0, 5, 9] { #expect(abs(report.teamTotal.bins[bin] - 1000) < 120) }
        #expect(abs(report.teamTotal.mean - 50) < 3)
        #expect(report.measures.first?.team == report.teamTotal)
    }
}

@Suite struct DistributionTests {
    @Test func mergingEqualsAddingOneByOne() {
        var all = Distribution()
        var left = Distribution()
        var right = Distribution()
        let values = (0..<200).map { Double(($0 * 37) % 101) }
        for (i, v) in values.enumerated() {
            all.add(v)
            if i < 80 { left.add(v) } else { right.add(v) }
        }
        left.merge(right)
        #expect(left.count == all.count && left.min == all.min && left.max == all.max && left.bins == all.bins)
        #expect(abs(left.sum - all.sum) < 1e-9)
        #expect(Distribution.bin(of: 100) == 9)
        #expect(Distribution.bin(of: -5) == 0)
        #expect(Distribution.bin(of: 9.99) == 0)
        #expect(Distribution.bin(of: 10) == 1)
    }
}
