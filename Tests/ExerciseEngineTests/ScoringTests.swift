import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// Scoring arithmetic, collaboration points, rating rules, checkpoints and overrides.
@Suite("Scoring")
struct ScoringTests {
    static let exercise = """
        exercise t "Scores"
          language en
          duration 10h
          peer off
        role a "A"
        role b "B"
        role c "C"
        measure m1 "M1" weight 3 range 0..20
        measure m2 "M2" weight 1 range -10..10
        measure low "Low" weight 0 range -30..-10
        state x = 0 range 0..5
        ending done "Done"
        objective ladder "Ladder"
          P when x >= 4
          S when x >= 3
          M when x >= 2
          U when x == 1
          else S
        objective joint "Joint"
          P when did(act1) and x >= 1
          S when did(act1) or x >= 5
          else M
        objective early "Early"
          P when x >= 1
        action act1 "Act" by a
        action bump "Bump" by all
          x += 1
        action up "Up" by all
          m1 += 15
          m2 -= 4
          low += 10
        action give "Give" by all
          award 2 "helped"
          award 1 to all "all"
          award -3 to c "penalty"
        scene s "S"
          ask a "Check?"
            choice check "Check"
              checkpoint early, ladder
          ask a "Finish?"
            choice fin "Finish"
          end done
        """

    @Test("measures: start at 0 (or the low bound), change by the acting role, clamp to the range with the real delta")
    func clamping() throws {
        var play = try Play(Self.exercise)
        #expect(try play.measure("low", "a") == -30, "a range without 0 starts at its low bound")
        #expect(try play.measure("m2", "a") == 0)
        try play.act("a", "up")
        let (m1, a) = (try play.measure("m1"), try play.role("a"))
        #expect(
            play.kinds.contains(
                .measureChanged(measure: m1, role: a, delta: 15, value: 15, cause: .action(try play.action("up")))))
        let events = try play.act("a", "up")
        #expect(
            events.map(\.kind).contains(
                .measureChanged(measure: m1, role: a, delta: 5, value: 20, cause: .action(try play.action("up")))))
        try play.act("a", "up")
        #expect(try play.measure("m1", "a") == 20)
        #expect(try play.measure("m2", "a") == -10)
        #expect(try play.measure("low", "a") == -10)
        #expect(try play.measure("m1", "b") == 0)
    }

    @Test("normalisation to 0–100 against the range, weighted role totals, team means, negative ranges")
    func arithmetic() throws {
        var play = try Play(Self.exercise)
        try play.act("a", "up")  // m1 15, m2 -4, low -20
        try play.act("b", "up")
        try play.act("b", "up")  // m1 20, m2 -8, low -10
        let card = Scorecard(session: play.session)
        let (m1, m2, low) = (card.measures[0], card.measures[1], card.measures[2])
        #expect(m1.raw == [15, 20, 0])
        #expect(m1.normalized == [75, 100, 0])
        #expect(m2.raw == [-4, -8, 0])
        #expect(m2.normalized == [30, 10, 50])
        #expect(low.raw == [-20, -10, -30])
        #expect(low.normalized == [50, 100, 0])
        #expect(m1.team == 175.0 / 3)
        #expect(m2.team == 30)
        #expect(low.team == 50)
        // Weights 3, 1, 0: the weighted mean of the normalised measures.
        let totals: [Double] = [(3 * 75 + 30) / 4, (3 * 100 + 10) / 4, (3 * 0 + 50) / 4]
        #expect(card.roleTotals == totals)
        #expect(card.teamTotal == card.roleTotals.reduce(0, +) / 3)
    }

    @Test("collaboration points: a ledger per role from `award` and on-time requests, each an event")
    func points() throws {
        var play = try Play(Self.exercise)
        let events = try play.act("b", "give")
        let give = try play.action("give")
        #expect(
            events.map(\.kind).filter { if case .pointsAwarded = $0 { true } else { false } } == [
                .pointsAwarded(role: 1, amount: 2, reason: "helped", cause: .action(give)),
                .pointsAwarded(role: 0, amount: 1, reason: "all", cause: .action(give)),
                .pointsAwarded(role: 1, amount: 1, reason: "all", cause: .action(give)),
                .pointsAwarded(role: 2, amount: 1, reason: "all", cause: .action(give)),
                .pointsAwarded(role: 2, amount: -3, reason: "penalty", cause: .action(give)),
            ])
        #expect(play.state.points == [1, 3, -2])
        #expect(Scorecard(session: play.session).points == [1, 3, -2])
    }

    func finalRating(_ play: Play, _ id: String) throws -> EventKind? {
        let o = try play.objective(id)
        return play.kinds.last { if case .objectiveRated(o, _, _, _, false) = $0 { true } else { false } }
    }

    @Test(
        "rating rules: the first rule that holds gives the rating; else gives it when none holds",
        arguments: [(0, Rating.S, nil), (1, .U, 3), (2, .M, 2), (3, .S, 1), (4, .P, 0), (5, .P, 0)]
            as [(Int, Rating, Int?)])
    func ratingRules(bumps: Int, rating: Rating, rule: Int?) throws {
        var play = try Play(Self.exercise)
        for _ in 0..<bumps { try play.act("a", "bump") }
        try play.choose("a", "check")
        try play.choose("a", "fin")
        let ladder = try play.objective("ladder")
        let facts = ["x = \(bumps)"]
        #expect(
            try finalRating(play, "ladder")
                == .objectiveRated(objective: ladder, rating: rating, rule: rule, facts: facts, checkpoint: false))
        #expect(play.state.ratings[ladder] == rating)
        #expect(Scorecard(session: play.session).objectives[ladder].computed == rating)
    }

    @Test("rating rules: the facts read are listed once each, in order; `else U` by default")
    func facts() throws {
        var play = try Play(Self.exercise)
        try play.choose("a", "check")
        try play.choose("a", "fin")
        let (joint, early) = (try play.objective("joint"), try play.objective("early"))
        #expect(
            try finalRating(play, "joint")
                == .objectiveRated(
                    objective: joint, rating: .M, rule: nil, facts: ["did(act1) = false", "x = 0"], checkpoint: false))
        #expect(
            try finalRating(play, "early")
                == .objectiveRated(objective: early, rating: .U, rule: nil, facts: ["x = 0"], checkpoint: false))
    }

    @Test("rating rules: `and`/`or` rules with the action taken")
    func compoundRules() throws {
        var play = try Play(Self.exercise)
        try play.act("a", "act1")
        try play.choose("a", "check")
        try play.choose("a", "fin")
        let joint = try play.objective("joint")
        #expect(
            try finalRating(play, "joint")
                == .objectiveRated(
                    objective: joint, rating: .S, rule: 1, facts: ["did(act1) = true", "x = 0"], checkpoint: false))
    }

    @Test("a checkpoint rates objectives then; the end rates them again")
    func checkpoints() throws {
        var play = try Play(Self.exercise)
        let (early, ladder) = (try play.objective("early"), try play.objective("ladder"))
        let events = try play.choose("a", "check")
        #expect(
            events.map(\.kind).contains(
                .objectiveRated(objective: early, rating: .U, rule: nil, facts: ["x = 0"], checkpoint: true)))
        #expect(
            events.map(\.kind).contains {
                if case .objectiveRated(ladder, .S, nil, _, true) = $0 { true } else { false }
            })
        #expect(play.state.ratings[early] == .U)
        try play.act("a", "bump")
        try play.choose("a", "fin")
        #expect(play.state.ratings[early] == .P)
        #expect(
            try finalRating(play, "early")
                == .objectiveRated(objective: early, rating: .P, rule: 0, facts: ["x = 1"], checkpoint: false))
    }

    @Test("a facilitator override is kept beside the computed rating, with its reason, through the end")
    func override() throws {
        var play = try Play(Self.exercise, facilitated: true)
        let ladder = try play.objective("ladder")
        let events = try play.apply(.facilitator(.rate(objective: ladder, rating: .M, reason: "partly")))
        #expect(events.map(\.kind) == [.ratingOverridden(objective: ladder, rating: .M, reason: "partly")])
        try play.act("a", "bump")
        try play.act("a", "bump")
        try play.act("a", "bump")
        try play.act("a", "bump")
        try play.choose("a", "check")
        try play.choose("a", "fin")
        let result = Scorecard(session: play.session).objectives[ladder]
        #expect(result.computed == .P)
        #expect(result.override == .M)
        #expect(result.overrideReason == "partly")
        #expect(result.rating == .M)
        #expect(Scorecard(session: play.session).improvementPoints.map(\.objective).contains(ladder))
        // The override does not need a facilitator's computed rating to agree, and a trainee cannot override.
        var trainee = try Play(Self.exercise)
        trainee.refuse(.facilitator(.rate(objective: ladder, rating: .P, reason: "")), .facilitatorOnly)
    }

    @Test("improvement points list the objectives rated M or U")
    func improvementPoints() throws {
        var play = try Play(Self.exercise)
        try play.act("a", "bump")  // ladder U, joint M, early P
        try play.choose("a", "check")
        try play.choose("a", "fin")
        let card = Scorecard(session: play.session)
        #expect(card.objectives.map(\.rating) == [.U, .M, .P])
        #expect(card.improvementPoints.map(\.objective) == [0, 1])
    }
}
