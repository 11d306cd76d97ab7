import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// The functions scoring rules read, each checked through an objective rated at the end.
@Suite("Expression functions")
struct ExpressionTests {
    static let exercise = """
        exercise t "Functions"
          language en
          duration 10h
          peer off
        role a "A"
        role b "B"
        measure m "M" range -10..10
        state n = 2
        state d = 30m
        info memo "Memo" owner a sensitivity secret
        ending done "Done"
        inject bell "Bell" at +10m
          expect answer_bell "Answer" by a within 5m
            do act1
        inject silent "Silent"
        action act1 "Act" by a, b
          m += 3
        action act2 "Act too" by a, b
          m += 3
        action req_send "Send" by a
          send req
        request req "Request" from a to b within 30m points 2
        objective f_visited "visited"
          P when visited(s) and not visited(never)
        objective f_chose "chose"
          P when chose(go) and chose(go, a) and not chose(go, b) and not chose(stay)
        objective f_did "did"
          P when did(act2) and did(act2, b) and not did(act2, a)
        objective f_decided "decided"
          P when decided(plan, x) and not decided(plan, y)
        objective f_fired "fired"
          P when fired(bell) and not fired(silent)
        objective f_expect "expectations"
          P when late(answer_bell) and not hit(answer_bell) and not missed(answer_bell)
        objective f_request "requests"
          P when on_time(req) and answered(req) and not late(req) and not refused(req)
        objective f_points "points"
          P when points(b) == 2 and points(a) == 0
        objective f_measure "measure"
          P when measure(m, b) == 3 and measure(m) == 6 and m == 6
        objective f_minmax "min and max"
          P when max(n, 5) == 5 and min(n, 5) == 2 and max(d, 1h) == 1h and min(d, 1h) == 30m
        objective f_breached "breached"
          P when breached(memo)
        objective f_time "time"
          P when time == 40m and time > 39m
        objective f_arith "arithmetic"
          P when n * 3 - 1 == 5 and d / 2 == 15m and d / 15m == 2 and -n == 0 - 2 and not (n > 2 or n < 2)
        scene s "S"
          ask a "Go?"
            choice go "Go" cost 10m
            choice stay "Stay"
          decide plan "Plan?" by a, b rule unanimous
            option x "X"
            option y "Y"
          end done
        scene never "Never"
          end done
        """

    @Test("every function reads the state as the reference says")
    func functions() throws {
        var play = try Play(Self.exercise, facilitated: true)
        try play.choose("a", "go")  // 10: bell fires
        try play.advance(6)  // 16: answer_bell missed
        try play.act("b", "act2")
        try play.act("a", "act1")  // late
        try play.act("a", "req_send")
        try play.apply(.answer(role: 1, request: try play.request("req"), accept: true))
        try play.apply(.share(role: 0, item: try play.item("memo"), with: [1], parties: []))
        try play.advance(4)  // 20
        try play.advance(20)  // 40
        try play.position("a", "plan", "x")
        try play.position("b", "plan", "x")
        #expect(play.session.isEnded)
        for (o, objective) in play.scenario.objectives.enumerated() {
            #expect(
                play.state.ratings[o] == .P,
                "\(objective.id): \(play.log.compactMap { if case .objectiveRated(o, _, _, let facts, false) = $0.kind { facts } else { nil } })"
            )
        }
    }
}
