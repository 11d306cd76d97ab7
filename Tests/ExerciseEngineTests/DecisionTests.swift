import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// Joint decisions: hidden positions, the five rules, tied votes and the fallback chain.
@Suite("Joint decisions")
struct DecisionTests {
    /// A decision `plan` by `by` (roles a, b, c; c is the lead) with options x, y and z (the default).
    static func exercise(by: String = "a, b, c", rule: String, lines: [String] = []) -> String {
        """
        exercise d "Decisions"
          language en
          duration 10h
          peer off
        role a "A"
        role b "B"
        role c "C"
          lead
        measure m "M" range 0..30
        ending done "Done"
        scene s "S"
          decide plan "Plan?" by \(by) rule \(rule)
        \(lines.map { "    " + $0 }.joined(separator: "\n"))
            option x "X"
              m += 1
            option y "Y"
              m += 2
            option z "Z" default
              m += 4
          ask a "After?"
            choice fin "Finish"
          end done
        """
    }

    /// The decision events of the log, in order.
    func steps(_ play: Play) -> [EventKind] {
        play.kinds.filter {
            switch $0 {
            case .decisionOpened, .positionTaken, .positionsRevealed, .decisionFailed, .negotiationRound,
                .leadCallAwaited, .arbitrationAwaited, .decisionResolved:
                true
            default: false
            }
        }
    }

    func positions(_ play: inout Play, _ picks: [(String, String)]) throws {
        for (role, option) in picks { try play.position(role, "plan", option) }
    }

    func resolution(_ play: Play) -> EventKind? {
        play.kinds.last { if case .decisionResolved = $0 { true } else { false } }
    }

    @Test("positions stay hidden until every role has taken one; then all are revealed together")
    func hiddenPositions() throws {
        var play = try Play(Self.exercise(rule: "unanimous"))
        let d = try play.decision("plan")
        let (a, b, c) = (try play.role("a"), try play.role("b"), try play.role("c"))
        let x = try play.option("plan", "x")
        #expect(play.session.waiting == .positions(decision: d, pending: [a, b, c]))
        var events = try play.position("b", "plan", "x")
        #expect(events.map(\.kind) == [.positionTaken(role: b, decision: d, option: x, auto: nil)])
        #expect(play.session.waiting == .positions(decision: d, pending: [a, c]))
        play.refuse(.position(role: b, option: x), .alreadyAnswered(role: b))
        try play.position("a", "plan", "x")
        events = try play.position("c", "plan", "x")
        let kinds = events.map(\.kind)
        #expect(kinds.first == .positionTaken(role: c, decision: d, option: x, auto: nil))
        #expect(kinds.dropFirst().first == .positionsRevealed(decision: d, positions: [x, x, x]))
        #expect(kinds.contains(.decisionResolved(decision: d, option: x, by: .unanimous, role: nil)))
        // Every position comes before the reveal.
        let revealed = try #require(
            play.log.firstIndex { if case .positionsRevealed = $0.kind { true } else { false } })
        let lastPosition = try #require(
            play.log.lastIndex { if case .positionTaken = $0.kind { true } else { false } })
        #expect(lastPosition < revealed)
        #expect(play.state.decided[d.rawValue] == x)
        #expect(try play.measure("m", "a") == 1)
        #expect(try play.measure("m", "c") == 1, "the option's effects apply to every role that took part")
    }

    @Test("unanimous fails on any difference; with no fallback the default option applies")
    func unanimousFails() throws {
        var play = try Play(Self.exercise(rule: "unanimous"))
        try positions(&play, [("a", "x"), ("b", "x"), ("c", "y")])
        let d = try play.decision("plan")
        #expect(play.kinds.contains(.decisionFailed(decision: d, step: "unanimous")))
        #expect(
            resolution(play)
                == .decisionResolved(decision: d, option: try play.option("plan", "z"), by: .defaultOption, role: nil))
    }

    @Test("majority: more than half the votes wins")
    func majority() throws {
        var play = try Play(Self.exercise(rule: "majority"))
        try positions(&play, [("a", "y"), ("b", "x"), ("c", "y")])
        let d = try play.decision("plan")
        #expect(
            resolution(play)
                == .decisionResolved(decision: d, option: try play.option("plan", "y"), by: .majority, role: nil))
    }

    @Test("majority: a plurality without more than half fails")
    func majorityPlurality() throws {
        let text = """
            exercise d "Four"
              language en
              peer off
            role a "A"
            role b "B"
            role c "C"
            role e "E"
            ending done "Done"
            scene s "S"
              decide plan "Plan?" by a, b, c, e rule majority
                option x "X"
                option y "Y"
                option z "Z" default
              end done
            """
        var play = try Play(text)
        try positions(&play, [("a", "x"), ("b", "x"), ("c", "y"), ("e", "z")])
        let d = try play.decision("plan")
        #expect(play.kinds.contains(.decisionFailed(decision: d, step: "majority")))
        #expect(
            resolution(play)
                == .decisionResolved(decision: d, option: try play.option("plan", "z"), by: .defaultOption, role: nil))
    }

    @Test("a tied majority vote (1–1) fails and goes to the default option without a fallback")
    func majorityTie() throws {
        var play = try Play(Self.exercise(by: "a, b", rule: "majority"))
        try positions(&play, [("a", "x"), ("b", "y")])
        let d = try play.decision("plan")
        #expect(
            steps(play).suffix(2) == [
                .decisionFailed(decision: d, step: "majority"),
                .decisionResolved(decision: d, option: try play.option("plan", "z"), by: .defaultOption, role: nil),
            ])
    }

    @Test("weighted: the largest total weight wins when strictly ahead (weights per role)")
    func weighted() throws {
        var play = try Play(Self.exercise(rule: "weighted", lines: ["weights a 3, b 1, c 1"]))
        try positions(&play, [("a", "x"), ("b", "y"), ("c", "y")])
        let d = try play.decision("plan")
        #expect(play.scenario.decisions[d].weights == [3, 1, 1])
        #expect(
            resolution(play)
                == .decisionResolved(decision: d, option: try play.option("plan", "x"), by: .weighted, role: nil))
    }

    @Test("weighted: weights default to each role's weight")
    func weightedRoleWeights() throws {
        let text = Self.exercise(rule: "weighted").replacingOccurrences(
            of: "role b \"B\"", with: "role b \"B\"\n  weight 5")
        var play = try Play(text)
        try positions(&play, [("a", "x"), ("b", "y"), ("c", "x")])
        let d = try play.decision("plan")
        #expect(play.scenario.decisions[d].weights == [1, 5, 1])
        #expect(
            resolution(play)
                == .decisionResolved(decision: d, option: try play.option("plan", "y"), by: .weighted, role: nil))
    }

    @Test("weighted: a tie in weight fails and goes to the fallback")
    func weightedTie() throws {
        var play = try Play(
            Self.exercise(rule: "weighted", lines: ["weights a 2, b 1, c 1", "fallback negotiate 15m"]))
        try positions(&play, [("a", "x"), ("b", "y"), ("c", "y")])
        let d = try play.decision("plan")
        #expect(play.kinds.contains(.decisionFailed(decision: d, step: "weighted")))
        #expect(play.kinds.contains(.negotiationRound(decision: d, round: 2, cost: 15)))
        #expect(play.session.waiting == .positions(decision: d, pending: [0, 1, 2]))
    }

    @Test("lead: the played lead settles the decision after seeing the positions")
    func leadPlayed() throws {
        var play = try Play(Self.exercise(rule: "lead"))
        let d = try play.decision("plan")
        let (a, c) = (try play.role("a"), try play.role("c"))
        try positions(&play, [("a", "x"), ("b", "x"), ("c", "y")])
        #expect(play.session.waiting == .leadCall(decision: d, role: c))
        #expect(steps(play).last == .leadCallAwaited(decision: d, role: c))
        play.refuse(.leadCall(role: a, option: try play.option("plan", "x")), .notYourTurn(role: a))
        play.refuse(.leadCall(role: c, option: 99), .optionNotOffered(option: 99))
        try play.apply(.leadCall(role: c, option: try play.option("plan", "z")))
        #expect(
            resolution(play) == .decisionResolved(decision: d, option: try play.option("plan", "z"), by: .lead, role: c)
        )
    }

    @Test("lead: an automated lead takes the option with the most weight among the positions")
    func leadAutomated() throws {
        var play = try Play(Self.exercise(rule: "lead", lines: ["weights a 1, b 1, c 1"]), played: ["a", "b"])
        let d = try play.decision("plan")
        let c = try play.role("c")
        // c (automated) took the default z; a and b take y: y has the most weight.
        try positions(&play, [("a", "y"), ("b", "y")])
        #expect(
            play.kinds.contains(
                .positionTaken(role: c, decision: d, option: try play.option("plan", "z"), auto: .automated)))
        #expect(
            resolution(play) == .decisionResolved(decision: d, option: try play.option("plan", "y"), by: .lead, role: c)
        )
    }

    @Test("arbitrate: waits for the facilitator when facilitated")
    func arbitrateFacilitated() throws {
        var play = try Play(Self.exercise(rule: "arbitrate"), facilitated: true)
        let d = try play.decision("plan")
        try positions(&play, [("a", "x"), ("b", "x"), ("c", "x")])
        #expect(play.session.waiting == .arbitration(decision: d))
        #expect(steps(play).last == .arbitrationAwaited(decision: d))
        play.refuse(.choose(role: 0, choice: 0), .nothingAsked)
        play.refuse(.facilitator(.arbitrate(option: 42)), .optionNotOffered(option: 42))
        try play.apply(.facilitator(.arbitrate(option: try play.option("plan", "y"))))
        #expect(
            resolution(play)
                == .decisionResolved(decision: d, option: try play.option("plan", "y"), by: .arbitration, role: nil))
    }

    @Test("arbitrate: without a facilitator the default option applies")
    func arbitrateAutomatic() throws {
        var play = try Play(Self.exercise(rule: "arbitrate"))
        try positions(&play, [("a", "x"), ("b", "x"), ("c", "x")])
        let d = try play.decision("plan")
        #expect(
            resolution(play)
                == .decisionResolved(
                    decision: d, option: try play.option("plan", "z"), by: .automaticArbitration, role: nil))
    }

    @Test("the fallback chain: negotiate (costs clock, a new round), then lead, every step an event")
    func fallbackChain() throws {
        var play = try Play(
            Self.exercise(by: "a, b", rule: "majority", lines: ["fallback negotiate 30m, lead, arbitrate"]),
            facilitated: true)
        let d = try play.decision("plan")
        let (a, b, c) = (try play.role("a"), try play.role("b"), try play.role("c"))
        let (x, y) = (try play.option("plan", "x"), try play.option("plan", "y"))
        try positions(&play, [("a", "x"), ("b", "y")])
        #expect(play.state.clock == 30)
        #expect(play.session.waiting == .positions(decision: d, pending: [a, b]))
        try positions(&play, [("a", "x"), ("b", "y")])
        #expect(play.session.waiting == .leadCall(decision: d, role: c))
        try play.apply(.leadCall(role: c, option: y))
        #expect(
            steps(play) == [
                .decisionOpened(decision: d, round: 1),
                .positionTaken(role: a, decision: d, option: x, auto: nil),
                .positionTaken(role: b, decision: d, option: y, auto: nil),
                .positionsRevealed(decision: d, positions: [x, y]),
                .decisionFailed(decision: d, step: "majority"),
                .negotiationRound(decision: d, round: 2, cost: 30),
                .decisionOpened(decision: d, round: 2),
                .positionTaken(role: a, decision: d, option: x, auto: nil),
                .positionTaken(role: b, decision: d, option: y, auto: nil),
                .positionsRevealed(decision: d, positions: [x, y]),
                .decisionFailed(decision: d, step: "majority"),
                .leadCallAwaited(decision: d, role: c),
                .decisionResolved(decision: d, option: y, by: .lead, role: c),
            ])
        #expect(play.clock(of: .negotiationRound(decision: d, round: 2, cost: 30)) == 0)
        #expect(play.clock(of: .decisionOpened(decision: d, round: 2)) == 30)
    }

    @Test("the fallback chain: a negotiation round that agrees settles the decision by the rule")
    func negotiationAgrees() throws {
        var play = try Play(Self.exercise(by: "a, b", rule: "unanimous", lines: ["fallback negotiate 10m, arbitrate"]))
        try positions(&play, [("a", "x"), ("b", "y")])
        try positions(&play, [("a", "y"), ("b", "y")])
        let d = try play.decision("plan")
        #expect(
            resolution(play)
                == .decisionResolved(decision: d, option: try play.option("plan", "y"), by: .unanimous, role: nil))
        #expect(play.state.clock == 10)
    }

    @Test("the fallback chain: negotiate, then arbitrate by the facilitator, or the default without one")
    func fallbackArbitrate() throws {
        let text = Self.exercise(by: "a, b", rule: "unanimous", lines: ["fallback negotiate 10m then arbitrate"])
        var play = try Play(text, facilitated: true)
        let d = try play.decision("plan")
        try positions(&play, [("a", "x"), ("b", "y")])
        try positions(&play, [("a", "x"), ("b", "y")])
        #expect(play.session.waiting == .arbitration(decision: d))
        try play.apply(.facilitator(.arbitrate(option: try play.option("plan", "x"))))
        #expect(
            resolution(play)
                == .decisionResolved(decision: d, option: try play.option("plan", "x"), by: .arbitration, role: nil))

        var alone = try Play(text)
        try positions(&alone, [("a", "x"), ("b", "y")])
        try positions(&alone, [("a", "x"), ("b", "y")])
        #expect(
            resolution(alone)
                == .decisionResolved(
                    decision: d, option: try alone.option("plan", "z"), by: .automaticArbitration, role: nil))
    }

    @Test("a fallback chain used up by one decision does not leak into the next decision's chain")
    func fallbackDoesNotLeak() throws {
        let text = """
            exercise d "Two decisions"
              language en
              peer off
            role p "P"
              auto random
            role q "Q"
              auto random
            role a "A"
            role b "B"
            role l "L"
              lead
            ending done "Done"
            scene s "S"
              decide first "First?" by p, q rule unanimous
                fallback negotiate 10m, lead
                option o1 "1"
                option o2 "2"
                option o3 "3" default
              decide second "Second?" by a, b rule majority
                fallback negotiate 10m, arbitrate
                option x "X"
                option y "Y" default
              end done
            """
        var checked = 0
        for seed in UInt64(0)..<16 {
            var play = try Play(text, played: ["a", "b"], seed: seed)
            let first = try play.decision("first")
            guard play.kinds.contains(.negotiationRound(decision: first, round: 2, cost: 10)) else { continue }
            checked += 1
            let second = try play.decision("second")
            try play.position("a", "second", "x")
            try play.position("b", "second", "y")
            #expect(
                play.kinds.contains(.negotiationRound(decision: second, round: 2, cost: 10)),
                "seed \(seed): the second decision skipped its negotiation")
        }
        #expect(checked > 0)
    }
}
