import Foundation
import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// A seeded random driver that picks only inputs the session allows now: answers to what it waits for, and side
/// moves (actions, shares, request answers, notes and, when facilitated, facilitator commands).
struct RandomDriver {
    var rng: SeededRandom

    init(seed: UInt64) { rng = SeededRandom(seed: seed ^ 0x5EED_D21F) }

    mutating func chance(_ p: Double) -> Bool { rng.unit() < p }
    mutating func pick<T>(_ list: [T]) -> T? { list.isEmpty ? nil : list[rng.index(list.count)] }

    /// The next input, or nil when the session has ended.
    mutating func next(_ session: Session) -> Input? {
        let scenario = session.scenario
        if session.isEnded { return nil }
        let storyOver = session.state.endReason != nil
        let played = scenario.roles.indices.filter { session.isPlayed($0) }
        if session.facilitated {
            if session.state.paused { return .facilitator(.resume) }
            if chance(0.08), let command = facilitatorCommand(session, storyOver: storyOver) {
                return .facilitator(command)
            }
        }
        if !storyOver, chance(0.3), let role = pick(played), let move = sideMove(session, role: role) { return move }
        switch session.waiting {
        case .ask(let a, let pending):
            guard let role = pick(pending), let choice = pick(session.offeredChoices(a, to: role)) else { return nil }
            return .choose(role: role, choice: choice)
        case .positions(let d, let pending):
            guard let role = pick(pending), let option = pick(scenario.decisions[d].options) else { return nil }
            if scenario.decisions[d].isVote, chance(0.1) { return .abstain(role: role) }
            return .position(role: role, option: option)
        case .leadCall(let d, let role), .arbiterCall(let d, let role):
            return pick(scenario.decisions[d].options).map { .leadCall(role: role, option: $0) }
        case .arbitration(let d):
            return pick(scenario.decisions[d].options).map { .facilitator(.arbitrate(option: $0)) }
        case .discussion(_, let pending):
            return pick(pending).map { .discuss(role: $0, text: "answer \(rng.index(100))") }
        case .peerReview(_, let remaining):
            guard let slot = pick(remaining) else { return nil }
            let q = scenario.peerQuestions[slot.question]
            let value: Int? = chance(0.1) ? nil : q.low + rng.index(q.high - q.low + 1)
            return .peerRating(target: slot.target, question: slot.question, value: value)
        case .running, .ended:
            return nil
        }
    }

    mutating func sideMove(_ session: Session, role: Int) -> Input? {
        let scenario = session.scenario
        switch rng.index(4) {
        case 0:
            return pick(session.availableActions(for: role)).map { .act(role: role, action: $0) }
        case 1:
            return pick(session.pendingRequests(for: role)).map {
                .answer(role: role, request: $0, accept: chance(0.75))
            }
        case 2:
            guard scenario.header.openSharing,
                let item = pick(scenario.items.elementIndices.filter { session.knows(role, $0) })
            else { return nil }
            let others = scenario.roles.indices.filter { $0 != role }
            if chance(0.5) || others.isEmpty { return .share(role: role, item: item, with: [], parties: []) }
            return .share(role: role, item: item, with: [others[rng.index(others.count)]], parties: [])
        default:
            return .note(role: role, text: "note")
        }
    }

    mutating func facilitatorCommand(_ session: Session, storyOver: Bool) -> FacilitatorCommand? {
        let scenario = session.scenario
        switch rng.index(5) {
        case 0 where !storyOver: return .advance(1 + rng.index(60))
        case 1 where !storyOver:
            return pick(scenario.injects.indices.filter { !session.state.fired[$0] }).map { .inject($0) }
        case 2: return .pause
        case 3:
            guard let o = pick(Array(scenario.objectives.indices)), let rating = pick(Rating.allCases) else {
                return nil
            }
            return .rate(objective: o, rating: rating, reason: "override")
        case 4 where chance(0.05): return .end
        default: return nil
        }
    }
}

/// One driven playthrough: every input and the events each produced.
struct Playthrough {
    var session: Session
    var inputs: [Input] = []
    var events: [Event] = []
    var refusals: [String] = []

    /// Plays `scenario` with the driver until the session ends or `limit` inputs were given.
    init(_ scenario: Scenario, seed: UInt64, played: Set<Int>, facilitated: Bool, limit: Int = 600) {
        session = Session(scenario: scenario, seed: seed, played: played, facilitated: facilitated)
        events = session.start()
        var driver = RandomDriver(seed: seed)
        while inputs.count < limit, let input = driver.next(session) {
            do {
                events += try session.apply(input)
                inputs.append(input)
            } catch {
                refusals.append("\(input): \(error)")
                break
            }
        }
    }
}

/// Canonical event text: the clock and `String(describing:)` of the kind (no event holds a dictionary, so the
/// description is the same from one run to the next).
func canonical(_ event: Event) -> String {
    "\(event.clock) \(String(describing: event.kind))"
}

/// The role sets a playthrough plays: nobody, the first role, every role.
func playedSets(_ scenario: Scenario) -> [Set<Int>] {
    [[], [0], Set(scenario.roles.indices)]
}

@Suite("Properties of the bundled exercises")
struct PropertyTests {
    @Test(
        "random valid inputs never crash, are never refused, and the exercise ends without a runtime error",
        arguments: bundledExerciseNames)
    func randomPlaythroughs(file: String) throws {
        let scenario = try bundled(file)
        var ended = 0
        var total = 0
        for seed in UInt64(1)...40 {
            for played in playedSets(scenario) {
                for facilitated in [false, true] {
                    let run = Playthrough(scenario, seed: seed, played: played, facilitated: facilitated)
                    total += 1
                    #expect(run.refusals.isEmpty, "seed \(seed): \(run.refusals)")
                    let errors = run.events.filter { if case .runtimeError = $0.kind { true } else { false } }
                    #expect(errors.isEmpty, "seed \(seed), played \(played): \(errors)")
                    #expect(run.session.state.endReason != .error)
                    if run.session.isEnded { ended += 1 }
                    // After the end of the story only the peer evaluation may wait.
                    if run.session.state.endReason != nil, !run.session.isEnded {
                        guard case .peerReview = run.session.waiting else {
                            Issue.record("seed \(seed): the story went on after its end: \(run.session.waiting)")
                            continue
                        }
                    }
                    // Exactly one ending and one close.
                    #expect(run.events.filter { if case .endingReached = $0.kind { true } else { false } }.count <= 1)
                    #expect(run.events.filter { if case .ended = $0.kind { true } else { false } }.count <= 1)
                    // The clock never runs backwards, nor past the duration.
                    let clocks = run.events.map(\.clock)
                    #expect(zip(clocks, clocks.dropFirst()).allSatisfy { $0 <= $1 }, "seed \(seed)")
                    if let duration = scenario.header.duration { #expect(clocks.allSatisfy { $0 <= duration }) }
                    // Each move of the clock starts where the last one ended.
                    let moves = run.events.compactMap {
                        if case .clockAdvanced(let from, let to) = $0.kind { (from, to) } else { nil }
                    }
                    #expect(zip(moves, moves.dropFirst()).allSatisfy { $0.1 == $1.0 }, "seed \(seed): \(moves)")
                }
            }
        }
        #expect(ended == total, "\(total - ended) of \(total) playthroughs did not end within the input limit")
    }

    @Test("the same scenario, seed and inputs give the same events, byte for byte", arguments: bundledExerciseNames)
    func determinism(file: String) throws {
        let scenario = try bundled(file)
        for seed in UInt64(1)...12 {
            for played in playedSets(scenario) {
                let first = Playthrough(scenario, seed: seed, played: played, facilitated: seed % 2 == 0)
                let second = Playthrough(scenario, seed: seed, played: played, facilitated: seed % 2 == 0)
                #expect(first.inputs == second.inputs)
                #expect(first.events.map(canonical) == second.events.map(canonical), "seed \(seed)")
                #expect(first.events == second.events)
                #expect(first.session.state == second.session.state)
                // Replaying the first run's inputs in a fresh session gives the same events again.
                var replay = Session(scenario: scenario, seed: seed, played: played, facilitated: seed % 2 == 0)
                var events = replay.start()
                for input in first.inputs { events += try replay.apply(input) }
                #expect(events.map(canonical) == first.events.map(canonical))
            }
        }
    }

    @Test("determinism holds with every role automated at random", arguments: bundledExerciseNames)
    func randomAutomation(file: String) throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("exercises/\(file)"), encoding: .utf8)
        let randomized = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("role ") ? $0 + "\n  auto random" : String($0) }
            .joined(separator: "\n")
        let scenario = try compile(randomized)
        #expect(scenario.roles.allSatisfy { $0.automation == .random })
        var distinct: Set<[String]> = []
        for seed in UInt64(1)...10 {
            for played in [Set<Int>(), [0]] {
                let first = Playthrough(scenario, seed: seed, played: played, facilitated: false)
                let second = Playthrough(scenario, seed: seed, played: played, facilitated: false)
                #expect(first.events.map(canonical) == second.events.map(canonical), "seed \(seed)")
                #expect(first.session.state == second.session.state)
                #expect(first.refusals.isEmpty)
                #expect(first.session.state.endReason != .error)
                if played.isEmpty { distinct.insert(first.events.map(canonical)) }
            }
        }
        #expect(distinct.count > 1, "random automation never varied")
    }

    @Test("event descriptions are byte-identical across runs, the revealed positions included")
    func rawDescriptions() throws {
        let scenario = try bundled("flood-response.ttx")
        let runs = (0..<2).map { _ in
            Playthrough(scenario, seed: 5, played: Set(scenario.roles.indices), facilitated: false)
        }
        #expect(runs[0].events.contains { if case .positionsRevealed = $0.kind { true } else { false } })
        #expect(runs[0].events.map { String(describing: $0) } == runs[1].events.map { String(describing: $0) })
    }

    @Test("chance branches and random automation follow the seed, and different seeds differ")
    func seedsMatter() throws {
        let scenario = try bundled("benchmark.ttx")
        var outcomes: Set<[String]> = []
        for seed in UInt64(1)...20 {
            let run = Playthrough(scenario, seed: seed, played: [], facilitated: false)
            outcomes.insert(run.events.map(canonical))
        }
        #expect(outcomes.count > 1, "the chance branches never differed")
    }

    @Test("sessions that do not record events reach the same states", arguments: bundledExerciseNames)
    func recordsEventsKeepsStates(file: String) throws {
        let scenario = try bundled(file)
        for seed in UInt64(1)...10 {
            let played = Set(scenario.roles.indices)
            let run = Playthrough(scenario, seed: seed, played: played, facilitated: seed % 2 == 1)
            var quiet = Session(scenario: scenario, seed: seed, played: played, facilitated: seed % 2 == 1)
            quiet.recordsEvents = false
            var loud = Session(scenario: scenario, seed: seed, played: played, facilitated: seed % 2 == 1)
            #expect(quiet.start().isEmpty)
            _ = loud.start()
            #expect(quiet.state == loud.state)
            for input in run.inputs {
                #expect(try quiet.apply(input).isEmpty)
                _ = try loud.apply(input)
                #expect(quiet.state == loud.state, "seed \(seed), after \(input)")
            }
        }
    }

    @Test("a scene loop that only automated roles answer stops at the step limit with a runtime error")
    func automatedLoop() throws {
        let text = """
            exercise t "Loop"
              language en
              peer off
            role bot "Bot"
            state n = 0
            ending done "Done"
            scene s "S"
              ask bot "Again?"
                choice again "Again"
                  n += 1
              if n < 0
                end done
              goto s
            """
        var session = Session(scenario: try compile(text), seed: 1, played: [])
        let events = session.start()
        #expect(events.contains { if case .runtimeError = $0.kind { true } else { false } })
        #expect(session.isEnded)
    }
}
