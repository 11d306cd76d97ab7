import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// Roles nobody plays, and questions that time out.
@Suite("Automated roles and time-outs")
struct AutomationTests {
    static let exercise = """
        exercise t "Automation"
          language en
          duration 10h
          peer off
        role a "A"
        role bot "Bot"
          auto default
        role rnd "Random"
          auto random
        role scr "Script"
          auto script s4, s3, s1
        ending done "Done"
        scene s "S"
          ask a, bot, rnd, scr "Which?"
            choice s1 "One"
            choice s2 "Two" default
            choice s3 "Three"
            choice s4 "Four" if time > 5h
          decide plan "Plan?" by a, bot, rnd rule majority
            option x "X"
            option y "Y" default
            option z "Z"
          end done
        """

    @Test("automated roles answer at once by their policy; their moves are events marked automated")
    func policies() throws {
        var play = try Play(Self.exercise, played: ["a"], seed: 3)
        let ask = 0
        let (a, bot, rnd, scr) = (try play.role("a"), try play.role("bot"), try play.role("rnd"), try play.role("scr"))
        #expect(play.session.waiting == .ask(ask: ask, pending: [a]))
        #expect(play.kinds.contains(.chose(role: bot, choice: try play.choice("s2"), auto: .automated)))
        // The script's first pick is not offered (its condition fails), so the next one is taken.
        #expect(play.kinds.contains(.chose(role: scr, choice: try play.choice("s3"), auto: .automated)))
        let random = play.kinds.compactMap { if case .chose(rnd, let c, .automated) = $0 { c } else { nil } }
        #expect(random.count == 1)
        #expect(try [play.choice("s1"), play.choice("s2"), play.choice("s3")].contains(random.first ?? -1))
        try play.choose("a", "s1")
        // In the decision, the default policy takes the default option.
        let d = try play.decision("plan")
        #expect(
            play.kinds.contains(
                .positionTaken(role: bot, decision: d, option: try play.option("plan", "y"), auto: .automated)))
        #expect(play.session.waiting == .positions(decision: d, pending: [a]))
    }

    @Test("random automation is seeded: the same seed picks the same, and different seeds pick differently")
    func seededRandom() throws {
        var picks: Set<[EventKind]> = []
        for seed in UInt64(0)..<12 {
            let first = try Play(Self.exercise, played: ["a"], seed: seed)
            let second = try Play(Self.exercise, played: ["a"], seed: seed)
            #expect(first.log == second.log)
            #expect(first.state == second.state)
            picks.insert(first.kinds.filter { if case .chose(2, _, _) = $0 { true } else { false } })
        }
        #expect(picks.count > 1)
    }

    @Test("with nobody playing, the whole exercise runs to its end at the start")
    func nobodyPlays() throws {
        let play = try Play(Self.exercise, played: [])
        #expect(play.session.isEnded)
        #expect(play.state.ending == (try play.ending("done")))
    }

    static let timeouts = """
        exercise t "Time-outs"
          language en
          duration 10h
          peer off
        role a "A"
        role b "B"
        state n = 0
        ending done "Done"
        ending other "Other"
        action wait "Wait" by all cost 20m
        action block "Block" by b
          set n = 1
        scene s "S"
          ask a, b "Which?" timeout 30m
            choice slow "Slow" cost 1h
              goto elsewhere
            choice quick "Quick" default
            choice gated "Gated" if n == 0
          ask a "Second?"
            choice fin "Finish"
          end done
        scene elsewhere "Elsewhere"
          ask a "Elsewhere?"
            choice fin2 "Finish"
          end other
        """

    @Test("a question times out: unanswered roles take the default, marked timeout")
    func timeout() throws {
        var play = try Play(Self.timeouts)
        let (a, b) = (try play.role("a"), try play.role("b"))
        try play.choose("b", "gated")
        try play.act("a", "wait")
        #expect(play.session.waiting == .ask(ask: 0, pending: [a]))
        let events = try play.act("b", "wait")
        #expect(events.map(\.kind).contains(.chose(role: a, choice: try play.choice("quick"), auto: .timeout)))
        #expect(play.clock(of: .chose(role: a, choice: try play.choice("quick"), auto: .timeout)) == 30)
        #expect(play.session.waiting == .ask(ask: 1, pending: [a]))
        _ = b
    }

    @Test("a goto in a choice whose cost outlasts the time-out takes effect when the question completes")
    func timeoutDuringCost() throws {
        var play = try Play(Self.timeouts)
        let b = try play.role("b")
        try play.choose("a", "slow")
        #expect(play.kinds.contains(.chose(role: b, choice: try play.choice("quick"), auto: .timeout)))
        #expect(play.state.scene == (try play.scene("elsewhere")))
        #expect(play.session.waiting == .ask(ask: 2, pending: [try play.role("a")]))
        try play.choose("a", "fin2")
        #expect(play.state.ending == (try play.ending("other")))
    }

    @Test("an input that takes away every choice of a role still to answer ends the exercise with a runtime error")
    func nothingLeftToChoose() throws {
        let text = Self.timeouts
            .replacingOccurrences(
                of: "choice quick \"Quick\" default", with: "choice quick \"Quick\" default if n == 0"
            )
            .replacingOccurrences(of: "choice slow \"Slow\" cost 1h", with: "choice slow \"Slow\" cost 1h if n == 0")
        // By an answer.
        var answer = try Play(
            text.replacingOccurrences(
                of: "choice gated \"Gated\" if n == 0", with: "choice gated \"Gated\" if n == 0\n      set n = 1"))
        try answer.choose("b", "gated")
        #expect(answer.kinds.contains { if case .runtimeError = $0 { true } else { false } })
        #expect(answer.session.isEnded)
        // By an action.
        var action = try Play(text)
        let events = try action.act("b", "block")
        #expect(events.contains { if case .runtimeError = $0.kind { true } else { false } })
        #expect(action.state.endReason == .error)
        #expect(action.session.isEnded)
    }

    @Test("a time-out with no choice offered to a role ends the exercise with a runtime error")
    func timeoutWithNothingOffered() throws {
        let text = Self.timeouts
            .replacingOccurrences(
                of: "choice quick \"Quick\" default", with: "choice quick \"Quick\" default if n == 0"
            )
            .replacingOccurrences(of: "choice slow \"Slow\" cost 1h", with: "choice slow \"Slow\" cost 1h if n == 0")
        // An inject at 20 takes the choices away while a long action runs; the time-out at 30 finds none.
        var play = try Play(text + "\ninject cut \"Cut\" at +20m\n  set n = 1\naction long \"Long\" by all cost 40m\n")
        let events = try play.act("b", "long")
        let error = try #require(events.first { if case .runtimeError = $0.kind { true } else { false } })
        #expect(error.clock == 30)
        #expect(play.state.endReason == .error)
        #expect(play.session.isEnded)
    }
}
