import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// The scenario clock, the master scenario events list, the facilitator's controls and the end of time.
@Suite("Clock and injects")
struct ClockTests {
    static let exercise = """
        exercise clock_test "Clock"
          language en
          clock 08:00
          duration 3h
          peer off
        role a "A"
        role b "B"
        state n = 0
        ending done "Done"
        inject at_nine "At nine" at 09:00
          n += 1
        inject early "Early" at +30m
        inject same_first "Same minute, first" at +45m
        inject same_second "Same minute, second" at 08:45
        inject flagged "Flagged" when did(flag_it)
        inject counted "Counted" when n >= 2
        inject manual_one "Manual"
        inject triggered "Triggered"
          n += 1
        action flag_it "Flag" by a
        action wait "Wait" by all cost 10m
        action again "Trigger again" by b
          trigger triggered
        scene s "S"
          ask a "First?"
            choice go "Go" cost 20m
              trigger triggered
            choice stay "Stay"
          ask a "Finish?"
            choice fin "Finish"
          end done
        """

    func fired(_ play: Play) -> [String] {
        play.log.compactMap { if case .injectFired(let i, _) = $0.kind { play.scenario.injects[i].id } else { nil } }
    }

    @Test("the clock starts at the header's time; choice and action costs advance it")
    func costs() throws {
        var play = try Play(Self.exercise)
        #expect(play.scenario.header.clockStart == 8 * 60)
        #expect(play.state.clock == 0)
        var events = try play.choose("a", "go")
        #expect(play.state.clock == 20)
        #expect(events.map(\.kind).contains(.clockAdvanced(from: 0, to: 20)))
        events = try play.act("b", "wait")
        #expect(play.state.clock == 30)
        // The clock is shown moving before what falls due at its new time.
        #expect(
            events.map(\.kind) == [
                .actionTaken(role: try play.role("b"), action: try play.action("wait")),
                .clockAdvanced(from: 20, to: 30),
                .injectFired(inject: try play.inject("early"), manual: false),
            ])
    }

    @Test("timed injects fire in clock order, those of one minute in the order they are written, each at its time")
    func order() throws {
        var play = try Play(Self.exercise, facilitated: true)
        let events = try play.advance(70)
        let firings = events.filter { if case .injectFired = $0.kind { true } else { false } }
        let expected = [("early", 30), ("same_first", 45), ("same_second", 45), ("at_nine", 60)]
        #expect(firings.count == expected.count)
        for (event, (id, clock)) in zip(firings, expected) {
            #expect(event.kind == .injectFired(inject: try play.inject(id), manual: false))
            #expect(event.clock == clock)
        }
        // The clock moves in steps, each shown before what falls due then.
        let steps = events.compactMap {
            if case .clockAdvanced(let from, let to) = $0.kind { [from, to] } else { nil }
        }
        #expect(steps == [[0, 30], [30, 45], [45, 60], [60, 70]])
        let sameFirst = try #require(
            events.firstIndex { $0.kind == .injectFired(inject: try play.inject("same_first"), manual: false) })
        #expect(events[sameFirst - 1].kind == .clockAdvanced(from: 30, to: 45))
        #expect(events.last == Event(clock: 70, kind: .clockAdvanced(from: 60, to: 70)))
        #expect(play.state.clock == 70)
    }

    @Test("an inject that advances the clock while the clock advances: each move starts where the last ended")
    func nestedAdvance() throws {
        let text = Self.exercise.replacingOccurrences(
            of: "inject early \"Early\" at +30m", with: "inject early \"Early\" at +30m\n  advance 20m")
        var play = try Play(text, facilitated: true)
        let events = try play.advance(60)
        let moves = events.compactMap {
            if case .clockAdvanced(let from, let to) = $0.kind { [from, to] } else { nil }
        }
        #expect(moves == [[0, 30], [30, 45], [45, 50], [50, 60]])
        #expect(play.state.clock == 60)
    }

    @Test("a condition inject fires right after the input that makes its condition true, once")
    func conditionInject() throws {
        var play = try Play(Self.exercise)
        #expect(!play.state.fired[try play.inject("flagged")])
        let events = try play.act("a", "flag_it")
        #expect(
            events.map(\.kind) == [
                .actionTaken(role: try play.role("a"), action: try play.action("flag_it")),
                .injectFired(inject: try play.inject("flagged"), manual: false),
            ])
        let again = try play.act("a", "flag_it")
        #expect(again.map(\.kind) == [.actionTaken(role: try play.role("a"), action: try play.action("flag_it"))])
    }

    @Test("`trigger` fires an inject once; a condition made true by effects fires its inject after the input")
    func triggerOnce() throws {
        var play = try Play(Self.exercise, facilitated: true)
        try play.choose("a", "go")
        #expect(fired(play) == ["triggered"])
        #expect(try play.value("n") == .number(1))
        try play.act("b", "again")
        #expect(fired(play) == ["triggered"], "an inject fires at most once")
        #expect(try play.value("n") == .number(1))
        try play.advance(40)  // 60: early, same_first, same_second, at_nine (n = 2), then counted
        #expect(fired(play) == ["triggered", "early", "same_first", "same_second", "at_nine", "counted"])
        #expect(play.clock(of: .injectFired(inject: try play.inject("counted"), manual: false)) == 60)
    }

    @Test("the facilitator's :inject releases an inject now, once")
    func facilitatorInject() throws {
        var play = try Play(Self.exercise, facilitated: true)
        let manual = try play.inject("manual_one")
        let events = try play.apply(.facilitator(.inject(manual)))
        #expect(events.map(\.kind) == [.injectFired(inject: manual, manual: true)])
        play.refuse(.facilitator(.inject(manual)), .unexpected)
        // A timed inject released early does not fire again at its time.
        let early = try play.inject("early")
        try play.apply(.facilitator(.inject(early)))
        try play.advance(40)
        #expect(play.log.filter { if case .injectFired(early, _) = $0.kind { true } else { false } }.count == 1)
    }

    @Test("a pause refuses trainee input and does not shift injects")
    func pause() throws {
        var play = try Play(Self.exercise, facilitated: true)
        #expect(try play.apply(.facilitator(.pause)).map(\.kind) == [.paused])
        play.refuse(.choose(role: try play.role("a"), choice: try play.choice("go")), .paused)
        play.refuse(.act(role: try play.role("a"), action: try play.action("wait")), .paused)
        play.refuse(.facilitator(.pause), .unexpected)
        // Notes are still taken.
        try play.apply(.note(role: try play.role("a"), text: "waiting"))
        #expect(try play.apply(.facilitator(.resume)).map(\.kind) == [.resumed])
        play.refuse(.facilitator(.resume), .unexpected)
        try play.advance(30)
        #expect(play.clock(of: .injectFired(inject: try play.inject("early"), manual: false)) == 30)
        // The clock kept still while paused, and advancing while paused fires what falls due at its time.
        try play.apply(.facilitator(.pause))
        try play.advance(15)
        #expect(play.clock(of: .injectFired(inject: try play.inject("same_first"), manual: false)) == 45)
        #expect(play.state.paused)
    }

    @Test("chance injects draw from the seed: the same seed gives the same result, and both results occur")
    func chanceInjects() throws {
        let text = Self.exercise.replacingOccurrences(
            of: "inject early \"Early\" at +30m", with: "inject early \"Early\" at +30m chance 50%")
        var results: [Bool] = []
        for seed in UInt64(0)..<24 {
            var first = try Play(text, facilitated: true, seed: seed)
            var second = try Play(text, facilitated: true, seed: seed)
            try first.advance(40)
            try second.advance(40)
            let early = try first.inject("early")
            #expect(first.state.fired[early] == second.state.fired[early])
            #expect(first.state == second.state)
            results.append(first.state.fired[early])
            // A skipped chance inject is not drawn again.
            try first.advance(60)
            #expect(first.state.fired[early] == results.last)
        }
        #expect(results.contains(true))
        #expect(results.contains(false))
    }

    @Test("the exercise ends when the clock reaches its duration")
    func timeUp() throws {
        var play = try Play(Self.exercise, facilitated: true)
        let events = try play.advance(5 * 60)
        #expect(play.state.clock == 180)
        #expect(events.contains(Event(clock: 180, kind: .endingReached(ending: nil, reason: .timeUp))))
        #expect(events.last == Event(clock: 180, kind: .ended(ending: nil, reason: .timeUp)))
        #expect(play.session.isEnded)
        #expect(play.state.endReason == .timeUp)
        play.refuse(.choose(role: try play.role("a"), choice: try play.choice("go")), .ended)
        play.refuse(.facilitator(.advance(10)), .ended)
    }

    @Test("an action whose cost runs past the duration ends the exercise at the duration")
    func timeUpByAction() throws {
        var play = try Play(Self.exercise)
        for _ in 0..<17 { try play.act("a", "wait") }
        #expect(play.state.clock == 170)
        let events = try play.act("a", "wait")
        #expect(events.contains(Event(clock: 180, kind: .endingReached(ending: nil, reason: .timeUp))))
        #expect(play.session.isEnded)
    }

    @Test("time running out opens the peer evaluation once, and nothing moves the story on after it")
    func timeUpWithPeerReview() throws {
        let text = Self.exercise.replacingOccurrences(of: "peer off", with: "peer named")
        var play = try Play(text, facilitated: true)
        let events = try play.advance(5 * 60)
        #expect(events.filter { if case .endingReached = $0.kind { true } else { false } }.count == 1)
        guard case .peerReview(let rater, _) = play.session.waiting else {
            Issue.record("no peer evaluation: \(play.session.waiting)")
            return
        }
        #expect(rater == (try play.role("a")))
        #expect(play.state.clock == 180)
        // The story is over: no more moves, no more time.
        play.refuse(.act(role: try play.role("a"), action: try play.action("wait")), .ended)
        play.refuse(.facilitator(.advance(10)), .ended)
        play.refuse(.facilitator(.inject(try play.inject("manual_one"))), .ended)
    }

    @Test("a choice's cost that runs out the time ends the story before the choice's effects and jumps")
    func timeUpByChoiceWithPeerReview() throws {
        let text = """
            exercise t "T"
              language en
              duration 1h
              peer named
            role a "A"
            role b "B"
            measure m "M" range 0..10
            ending done "Done"
            ending other "Other"
            scene s "S"
              ask a "Q?"
                choice slow "Slow" cost 2h
                  m += 5
                  goto next
                choice fast "Fast"
              end done
            scene next "Next"
              ask b "Q2?"
                choice x "X"
              end other
            """
        var play = try Play(text)
        try play.choose("a", "slow")
        #expect(play.state.endReason == .timeUp)
        #expect(play.state.ending == nil)
        guard case .peerReview = play.session.waiting else {
            Issue.record("no peer evaluation: \(play.session.waiting)")
            return
        }
        #expect(play.state.scene == (try play.scene("s")))
        #expect(!play.state.visited[try play.scene("next")])
    }
}
