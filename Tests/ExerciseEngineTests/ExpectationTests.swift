import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// Expected player actions (TARGETs): hit, late, missed; modes; tallies.
@Suite("Expected actions")
struct ExpectationTests {
    static let exercise = """
        exercise t "Targets"
          language en
          duration 10h
          peer off
        role a "A"
        role b "B"
        role c "C"
        state level = 0
        info memo "Memo" owner a
        ending done "Done"
        inject alarm "Alarm" at +10m
          expect respond_a "A responds" by a within 30m
            do respond
          expect both "Both respond" by a, b within 30m all
            do respond
          expect either "Either responds" by a, b within 30m any
            do respond
          expect team_level "Level" within 1h
            when level >= 2
          expect b_level "B raises the level" by b within 1h
            when level >= 1
          expect shared_memo "Share the memo with all" by a within 30m
            share memo with all
          expect shared_any "Share the memo" by a within 30m
            share memo
          expect chosen "Choose go" by a within 30m
            choose go
        inject never_fires "Never"
          expect unfired "Unfired" by a within 10m
            do respond
        action respond "Respond" by all
        action raise "Raise" by all
          level += 1
        scene s "S"
          ask a "Go?"
            choice go "Go"
            choice stop "Stop"
          ask a "Finish?"
            choice fin "Finish"
          end done
        """

    func start() throws -> Play { try Play(Self.exercise, facilitated: true) }

    func outcome(_ play: Play, _ id: String) throws -> ExpectationOutcome {
        play.state.expectationOutcome[try play.expectation(id)]
    }

    func outcome(_ play: Play, _ id: String, _ role: String) throws -> ExpectationOutcome {
        play.state.responderOutcome[try play.expectation(id) * 4 + play.role(role)]
    }

    func scored(_ play: Play, _ id: String, _ role: String?, _ outcome: ExpectationOutcome) throws -> Int? {
        let x = try play.expectation(id)
        let r = try role.map { try play.role($0) }
        return play.clock(of: .expectationScored(expectation: x, role: r, outcome: outcome))
    }

    @Test("a response within the deadline is a hit, for the role and the expectation")
    func hit() throws {
        var play = try start()
        try play.advance(15)
        #expect(play.state.expectationStart[try play.expectation("respond_a")] == 10)
        try play.act("a", "respond")
        #expect(try outcome(play, "respond_a") == .hit)
        #expect(try outcome(play, "respond_a", "a") == .hit)
        #expect(try scored(play, "respond_a", "a", .hit) == 15)
        #expect(try scored(play, "respond_a", nil, .hit) == 15)
    }

    @Test("a response exactly at the deadline is a hit")
    func exactlyAtDeadline() throws {
        var play = try start()
        try play.advance(40)
        try play.act("a", "respond")
        #expect(try outcome(play, "respond_a") == .hit)
        #expect(try scored(play, "respond_a", nil, .missed) == nil)
    }

    @Test("the deadline passing marks it missed at deadline + 1; a response after that is late")
    func missedThenLate() throws {
        var play = try start()
        try play.advance(41)
        #expect(try outcome(play, "respond_a") == .missed)
        #expect(try scored(play, "respond_a", "a", .missed) == 41)
        #expect(try scored(play, "respond_a", nil, .missed) == 41)
        try play.advance(9)
        try play.act("a", "respond")
        #expect(try outcome(play, "respond_a") == .late)
        #expect(try outcome(play, "respond_a", "a") == .late)
        #expect(try scored(play, "respond_a", nil, .late) == 50)
        #expect(play.state.responseAt[try play.expectation("respond_a") * 4 + 0] == 50)
    }

    @Test("never responding: missed, also when the exercise ends before the deadline")
    func missedAtEnd() throws {
        var play = try start()
        try play.advance(12)
        try play.choose("a", "stop")
        try play.choose("a", "fin")
        #expect(try outcome(play, "respond_a") == .missed)
        #expect(try outcome(play, "unfired") == .pending, "an inject that never fired expects nothing")
    }

    @Test("`all`: every responder must respond; the expectation is hit only when the last one responds in time")
    func allMode() throws {
        var play = try start()
        try play.advance(15)
        try play.act("a", "respond")
        #expect(try outcome(play, "both") == .pending)
        #expect(try outcome(play, "both", "a") == .hit)
        try play.advance(5)
        try play.act("b", "respond")
        #expect(try outcome(play, "both") == .hit)
        #expect(try scored(play, "both", nil, .hit) == 20)
    }

    @Test("`all`: one responder missing at the deadline misses it; their late response makes it late")
    func allModeLate() throws {
        var play = try start()
        try play.advance(15)
        try play.act("a", "respond")
        try play.advance(30)  // 45
        #expect(try outcome(play, "both") == .missed)
        #expect(try outcome(play, "both", "a") == .hit)
        #expect(try outcome(play, "both", "b") == .missed)
        try play.act("b", "respond")
        #expect(try outcome(play, "both") == .late)
        #expect(try outcome(play, "both", "b") == .late)
    }

    @Test("`any`: one responder is enough")
    func anyMode() throws {
        var play = try start()
        try play.advance(15)
        try play.act("b", "respond")
        #expect(try outcome(play, "either") == .hit)
        #expect(try outcome(play, "either", "b") == .hit)
        // Responses by roles that were not expected change nothing.
        try play.act("c", "respond")
        #expect(try outcome(play, "respond_a") == .pending)
    }

    @Test("responses made before the inject fired count as hits when it fires")
    func proactive() throws {
        var play = try start()
        try play.act("a", "respond")
        try play.apply(.share(role: try play.role("a"), item: try play.item("memo"), with: [], parties: []))
        try play.choose("a", "go")
        try play.act("b", "raise")
        try play.act("c", "raise")
        try play.advance(10)
        for id in ["respond_a", "either", "shared_memo", "shared_any", "chosen", "team_level", "b_level"] {
            #expect(try outcome(play, id) == .hit, "\(id)")
            #expect(try scored(play, id, nil, .hit) == 10, "\(id)")
        }
        #expect(try outcome(play, "both") == .pending)
    }

    @Test("share responses: with all needs every role to know; without `with` any share counts")
    func shareResponses() throws {
        var play = try start()
        try play.advance(10)
        let (a, b) = (try play.role("a"), try play.role("b"))
        let memo = try play.item("memo")
        try play.apply(.share(role: a, item: memo, with: [b], parties: []))
        #expect(try outcome(play, "shared_any") == .hit)
        #expect(try outcome(play, "shared_memo") == .pending)
        try play.apply(.share(role: a, item: memo, with: [try play.role("c")], parties: []))
        #expect(try outcome(play, "shared_memo") == .hit)
    }

    @Test("condition responses: the team responds when the condition becomes true; late after the deadline")
    func conditionResponses() throws {
        var play = try start()
        try play.advance(10)
        try play.act("a", "raise")
        #expect(try outcome(play, "team_level") == .pending)
        try play.advance(61)  // 71: the team deadline (70) passed
        #expect(try outcome(play, "team_level") == .missed)
        try play.act("c", "raise")
        #expect(try outcome(play, "team_level") == .late)
        #expect(try scored(play, "team_level", nil, .late) == 71)
    }

    @Test("condition responses with `by`: the roles named respond when the condition becomes true")
    func conditionWithResponders() throws {
        var play = try start()
        try play.advance(10)
        try play.act("c", "raise")
        #expect(try outcome(play, "b_level") == .hit)
        #expect(try outcome(play, "b_level", "b") == .hit)
    }

    @Test("tallies: hits ÷ possible per role and for the team; unfired injects are not counted")
    func tallies() throws {
        var play = try start()
        try play.advance(10)
        try play.act("a", "respond")  // respond_a, both (a), either: hit
        try play.choose("a", "go")  // chosen: hit
        try play.advance(35)  // 45: both (b), shared_memo, shared_any missed
        try play.act("b", "respond")  // both: late
        try play.choose("a", "fin")  // team_level and b_level: missed at the end
        let card = Scorecard(session: play.session)
        let fired = 8
        #expect(card.expectationsTeam.possible == fired)
        #expect(card.expectationsTeam.hits == 3)
        #expect(card.expectationsTeam.late == 1)
        #expect(card.expectationsTeam.missed == 4)
        #expect(card.expectationsTeam.percent == 3.0 / 8.0 * 100)
        let a = card.expectationsByRole[try play.role("a")]
        // a: respond_a, both, either, shared_memo, shared_any, chosen.
        #expect(a == Scorecard.Tally(hits: 4, late: 0, missed: 2, possible: 6))
        let b = card.expectationsByRole[try play.role("b")]
        // b: both (late) and b_level (missed); `either` was settled by a, so b owed nothing there.
        #expect(b == Scorecard.Tally(hits: 0, late: 1, missed: 1, possible: 2))
        #expect(card.expectationsByRole[try play.role("c")].possible == 0)
        #expect(card.expectationsByRole[try play.role("c")].percent == nil)
    }

    @Test("an `any` expectation nobody answers is missed for every responder")
    func anyMissed() throws {
        var play = try start()
        try play.advance(41)
        #expect(try outcome(play, "either") == .missed)
        #expect(try outcome(play, "either", "a") == .missed)
        #expect(try outcome(play, "either", "b") == .missed)
        let card = Scorecard(session: play.session)
        #expect(card.expectationsByRole[try play.role("b")].missed >= 1)
    }
}
