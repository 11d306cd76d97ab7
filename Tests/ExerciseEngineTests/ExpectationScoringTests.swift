import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// Expected actions scored the way a facilitator can defend: conditions after the event's effects, `not offered`
/// when a role could not have acted in time, `any` charging nobody once met, facts naming late and missed, forced
/// injects earning no credit. Each test is a defect seen in the bundled flood exercise, on a small scenario.
@Suite("Expected actions scored right")
struct ExpectationScoringTests {
    func outcome(_ play: Play, _ id: String) throws -> ExpectationOutcome {
        play.state.expectationOutcome[try play.expectation(id)]
    }

    func outcome(_ play: Play, _ id: String, _ role: String) throws -> ExpectationOutcome {
        play.state.responderOutcome[try play.expectation(id) * (play.scenario.roles.count + 1) + play.role(role)]
    }

    static let powerCut = """
        exercise t "Power"
          language en
          duration 10h
          peer off
        role a "A"
        state power = true
        ending done "Done"
        inject cut "The power fails"
          at +10m
          expect power_back "Power within an hour" within 1h
            when power
          set power = false
        action generator "Bring a generator" by a
          set power = true
        scene s "S"
          ask a "Finish?"
            choice fin "Finish"
          end done
        """

    @Test("a condition is checked after the effects of the inject that may undo it")
    func conditionAfterEffects() throws {
        var play = try Play(Self.powerCut, facilitated: true)
        try play.advance(15)
        // The inject set power = false: the condition held just before, not after.
        #expect(try outcome(play, "power_back") == .pending)
        try play.act("a", "generator")
        #expect(try outcome(play, "power_back") == .hit)
        let x = try play.expectation("power_back")
        #expect(play.clock(of: .expectationScored(expectation: x, role: nil, outcome: .hit)) == 15)
    }

    static let lateQuestion = """
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
          expect a_acts "A acts within 30 minutes" by a within 30m
            do act
        action act "Act" by a
          when time >= 1h
        scene s "S"
          ask a "Wait?"
            choice wait "Wait" cost 1h
          ask b "Buses?"
            choice send_buses "Send buses"
            choice no "No"
          end done
        """

    @Test("a role asked only after the deadline is not offered, never late, and not charged")
    func askedAfterDeadline() throws {
        var play = try Play(Self.lateQuestion)
        try play.choose("a", "wait")  // 60: the deadline (30) passed before b was asked
        #expect(try outcome(play, "buses", "b") == .notOffered)
        #expect(try outcome(play, "buses") == .notOffered)
        try play.choose("b", "send_buses")
        #expect(try outcome(play, "buses", "b") == .notOffered)
        #expect(try outcome(play, "buses") == .notOffered)
        let card = Scorecard(session: play.session)
        #expect(card.expectationsByRole[try play.role("b")] == Scorecard.Tally(notOffered: 1, possible: 0))
        #expect(card.expectationsTeam.possible == 0)
        #expect(card.expectationsTeam.notOffered == 2)
    }

    @Test("an action that was never available before the deadline is not offered")
    func actionUnavailable() throws {
        var play = try Play(Self.lateQuestion)
        try play.choose("a", "wait")
        #expect(try outcome(play, "a_acts", "a") == .notOffered)
        try play.act("a", "act")
        #expect(try outcome(play, "a_acts", "a") == .notOffered)
    }

    @Test("a role that was offered the expected choice in time and did not take it is missed")
    func offeredInTime() throws {
        let text = Self.lateQuestion.replacingOccurrences(
            of: "choice wait \"Wait\" cost 1h", with: "choice wait \"Wait\"")
        var play = try Play(text, facilitated: true)
        try play.choose("a", "wait")  // 0: b is asked at once
        try play.advance(40)
        #expect(try outcome(play, "buses", "b") == .missed)
        try play.choose("b", "send_buses")
        #expect(try outcome(play, "buses", "b") == .late)
    }

    static let either = """
        exercise t "Either"
          language en
          duration 10h
          peer off
        role a "A"
        role b "B"
        ending done "Done"
        inject alarm "Alarm"
          at +10m
          expect either "Either responds" by a, b within 30m any
            do respond
        action respond "Respond" by all
        scene s "S"
          ask a "Finish?"
            choice fin "Finish"
          end done
        """

    @Test("`any`: once one responder met it, even late, the others are not charged")
    func anyLate() throws {
        var play = try Play(Self.either, facilitated: true)
        try play.advance(45)  // 45: the deadline (40) passed, both missed
        #expect(try outcome(play, "either", "b") == .missed)
        try play.act("a", "respond")
        #expect(try outcome(play, "either") == .late)
        #expect(try outcome(play, "either", "a") == .late)
        #expect(try outcome(play, "either", "b") == .waived)
        let card = Scorecard(session: play.session)
        #expect(card.expectationsByRole[try play.role("b")] == Scorecard.Tally())
        #expect(card.expectationsByRole[try play.role("a")] == Scorecard.Tally(late: 1, possible: 1))
    }

    static let hospital = """
        exercise t "Hospital"
          language en
          duration 10h
          peer off
        role a "A"
        ending done "Done"
        inject alert "Alert"
          at +10m
          expect prep "Prepare within 30 minutes" by a within 30m
            do prepare
        action prepare "Prepare" by a
        objective ready "Ready"
          P when hit(prep)
          S when not missed(prep)
          else U
        scene s "S"
          ask a "Finish?"
            choice fin "Finish"
          end done
        """

    @Test("the facts of a rating say whether an expectation was late or missed")
    func factsSayLate() throws {
        var play = try Play(Self.hospital, facilitated: true)
        try play.advance(45)
        try play.act("a", "prepare")
        try play.choose("a", "fin")
        let facts = play.log.compactMap { event -> [String]? in
            if case .objectiveRated(_, _, _, let facts, false) = event.kind { return facts } else { return nil }
        }.last
        #expect(facts == ["hit(prep) = false (late)", "missed(prep) = false (late)"])
    }

    static let rumour = """
        exercise t "Rumour"
          language en
          duration 10h
          peer off
        role a "A"
        state trust = 60 range 0..100
        ending done "Done"
        inject rumor "A rumour spreads"
          when trust < 40
          contingency
          expect calm "Calm the public within 2 hours" within 2h
            when trust >= 50
          debrief "Trust fell below 40; the rumour spread."
        action brief "Brief the press" by a
          trust += 5
        scene s "S"
          ask a "Finish?"
            choice fin "Finish"
          end done
        """

    @Test("a forced inject whose condition does not hold earns no credit and writes no note that says it does")
    func forcedInject() throws {
        var play = try Play(Self.rumour, facilitated: true)
        let rumor = try play.inject("rumor")
        let events = try play.apply(.facilitator(.inject(rumor)))
        #expect(events.contains { $0.kind == .injectFired(inject: rumor, manual: true) })
        #expect(try outcome(play, "calm") == .waived)
        #expect(!events.contains { if case .debriefNote = $0.kind { true } else { false } })
        #expect(play.state.expectationForced[try play.expectation("calm")])
        let card = Scorecard(session: play.session)
        #expect(card.expectationsTeam == Scorecard.Tally())
    }

    @Test("a forced inject's condition not yet met is judged from the moment of forcing")
    func forcedInjectJudgedAfter() throws {
        let text = Self.rumour.replacingOccurrences(of: "state trust = 60", with: "state trust = 45")
        var play = try Play(text, facilitated: true)
        try play.apply(.facilitator(.inject(try play.inject("rumor"))))
        #expect(try outcome(play, "calm") == .pending)
        try play.advance(30)
        try play.act("a", "brief")
        #expect(try outcome(play, "calm") == .hit)
    }

    @Test("an inject that fires on its own condition keeps its debrief note")
    func unforcedNote() throws {
        let text = Self.rumour.replacingOccurrences(of: "state trust = 60", with: "state trust = 30")
        let play = try Play(text, facilitated: true)
        #expect(play.kinds.contains(.debriefNote("Trust fell below 40; the rumour spread.")))
    }
}
