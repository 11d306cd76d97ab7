import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// Per-role normalisation (``ScoreBounds``): each role between the worst and best it can reach, "not scored" where
/// it cannot move a measure, a declared `range` as the author's override, the baseline of the starting values.
@Suite("Per-role normalisation")
struct NormalisationTests {
    static let exercise = """
        exercise t "Bounds"
          language en
          duration 10h
          peer off
        role a "A"
        role b "B"
        measure reach "Reach" weight 1
        measure fixed "Fixed" weight 1 range 0..10
        ending done "Done"
        scene s "S"
          ask a "Share?"
            choice yes "Yes"
              reach += 4
              fixed += 5
            choice no "No"
          ask b "Share?"
            choice yes_b "Yes"
              reach += 1
            choice no_b "No"
              reach -= 1
          end done
        """

    /// Bounds: `reach` a 0..4, b -1..1; `fixed` (declared) whatever they say.
    static let bounds = ScoreBounds(method: .explored, low: [0, -1, 0, 0], high: [4, 1, 5, 0])

    @Test("each role is normalised against its own bounds; a declared range overrides them")
    func perRole() throws {
        var play = try Play(Self.exercise)
        play.session.scoreBounds = Self.bounds
        try play.apply(.choose(role: play.role("a"), choice: play.choice("yes")))
        try play.apply(.choose(role: play.role("b"), choice: play.choice("yes_b")))
        let card = Scorecard(session: play.session)
        #expect(card.measures[0].normalized == [100, 100], "a reached 4 of 0..4, b 1 of -1..1")
        #expect(card.measures[0].bounds == [0...4, -1...1])
        #expect(card.measures[1].normalized == [50, 0], "the declared 0..10 serves both roles")
        #expect(card.measures[1].scored == [true, true])
        #expect(card.roleTotals == [75, 50])
        #expect(card.teamTotal == 62.5)
        #expect(card.boundsMethod == .explored)
        // Baselines: the starting 0 normalised; b's 0 is half-way in -1..1.
        #expect(card.measures[0].baseline == [0, 50])
        #expect(card.roleBaselines == [0, 25])
    }

    @Test("a role that can reach only one value of a measure is not scored in it, neither 0 nor 100")
    func notScored() throws {
        // Without the declared range, b (who cannot move `fixed`) is not scored in it.
        let text = Self.exercise.replacingOccurrences(of: " range 0..10", with: "")
        var play = try Play(text)
        play.session.scoreBounds = Self.bounds
        try play.apply(.choose(role: play.role("a"), choice: play.choice("no")))
        try play.apply(.choose(role: play.role("b"), choice: play.choice("no_b")))
        let card = Scorecard(session: play.session)
        #expect(card.measures[1].scored == [true, false])
        #expect(card.measures[1].team == 0, "only a counts, at 0 of 0..5")
        #expect(card.roleTotals[1] == 0, "b: reach at -1 of -1..1, fixed not scored")
        #expect(card.roleScored == [true, true])
        // b scored only in `reach`: its total is that measure alone.
        #expect(card.measures[0].normalized[1] == card.roleTotals[1])
    }

    @Test("a role scored in nothing has no total and is left out of the team's")
    func scoredInNothing() throws {
        let text = Self.exercise.replacingOccurrences(of: " range 0..10", with: "")
        var play = try Play(text)
        play.session.scoreBounds = ScoreBounds(method: .searched, low: [0, 0, 0, 0], high: [4, 0, 5, 0])
        try play.apply(.choose(role: play.role("a"), choice: play.choice("yes")))
        try play.apply(.choose(role: play.role("b"), choice: play.choice("yes_b")))
        let card = Scorecard(session: play.session)
        #expect(card.roleScored == [true, false])
        #expect(card.teamTotal == card.roleTotals[0])
        #expect(card.boundsMethod == .searched)
    }

    @Test("bounds that do not fit the exercise are ignored: each measure's range serves")
    func misfit() throws {
        var play = try Play(Self.exercise)
        play.session.scoreBounds = ScoreBounds(method: .explored, low: [0], high: [1])
        let card = Scorecard(session: play.session)
        #expect(card.boundsMethod == nil)
        #expect(card.measures[0].bounds[0] == play.scenario.measures[0].range)
    }
}
