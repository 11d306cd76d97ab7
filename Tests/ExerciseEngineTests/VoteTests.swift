import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// Votes with thresholds, quorums, abstentions, vetoes and weights from play; `resolved_by` and `position`; the
/// arbitration bodies.
@Suite("Votes")
struct VoteTests {
    /// Roles a, b, c vote on `plan` (options x, y, z the default); `s1` sets weight variables first when `trace`
    /// is chosen. `arbiter` is a fourth role, for `arbitration arbiter`.
    static func exercise(rule: String, _ props: [String] = [], checks: [String] = []) -> String {
        """
        exercise v "Votes"
          language en
          duration 10h
          peer off
        role a "A"
        role b "B"
        role c "C"
        role arbiter "Arbiter"
        state wa = 1
        state wb = 1
        state wc = 1
        state evidence = false
        ending done "Done"
        scene s1 "Trace"
          ask a "Trace?"
            choice trace "Trace"
              set wa = 7
              set wb = 5
              set wc = 3
              set evidence = true
            choice skip "Skip"
          goto s2
        scene s2 "Vote"
          decide plan "Plan?" by a, b, c rule \(rule)
        \(props.map { "    " + $0 }.joined(separator: "\n"))
            option x "X" expected
            option y "Y"
            option z "Z" default
        \(checks.map { "  " + $0 }.joined(separator: "\n"))
          ask a "After?"
            choice fin "Finish"
          end done

        """
    }

    func tally(_ play: Play) -> VoteTally? {
        for event in play.log.reversed() { if case .votesCounted(_, let t) = event.kind { return t } }
        return nil
    }

    func resolution(_ play: Play) -> (option: Int, by: Resolution)? {
        for event in play.log.reversed() {
            if case .decisionResolved(_, let o, let by, _) = event.kind { return (o, by) }
        }
        return nil
    }

    mutating func vote(_ play: inout Play, _ picks: [(String, String?)]) throws {
        for (role, option) in picks {
            if let option {
                try play.position(role, "plan", option)
            } else {
                try play.apply(.abstain(role: play.role(role)))
            }
        }
    }

    @Test("weights set during play: 7/5/3, ⅔ of held needs 10; 8 falls short and the default applies")
    mutating func weightsFromPlayMissThreshold() throws {
        var play = try Play(
            Self.exercise(rule: "weighted at least 2/3 of held", ["weights a wa, b wb, c wc"]),
            played: ["a", "b", "c"])
        try play.choose("a", "trace")
        try vote(&play, [("a", "y"), ("b", "x"), ("c", "x")])
        let t = try #require(tally(play))
        #expect(t.weights == [7, 5, 3])
        #expect(t.held == 15 && t.cast == 15 && t.needed == 10)
        #expect(t.rows.map(\.total) == [8, 7, 0])
        #expect(t.leader == (try play.option("plan", "x")))
        #expect(t.outcome == .short)
        #expect(resolution(play)?.by == .defaultOption)
        #expect(play.state.settledBy[try play.decision("plan").rawValue] == .default)
    }

    @Test("the same vote meets the threshold exactly: 10 of 15 is at least 2/3")
    mutating func thresholdMetExactly() throws {
        var play = try Play(
            Self.exercise(rule: "weighted at least 2/3 of held", ["weights a wa, b wb, c wc"]),
            played: ["a", "b", "c"])
        try play.choose("a", "trace")
        try vote(&play, [("a", "x"), ("b", "y"), ("c", "x")])
        #expect(tally(play)?.outcome == .carried)
        #expect(resolution(play)?.by == .weighted)
        #expect(resolution(play)?.option == (try play.option("plan", "x")))
        #expect(play.state.settledBy[try play.decision("plan").rawValue] == .vote)
    }

    @Test("without the tracing the weights stay 1/1/1: the weights are read when the vote closes")
    mutating func weightsUnchanged() throws {
        var play = try Play(
            Self.exercise(rule: "weighted at least 2/3 of held", ["weights a wa, b wb, c wc"]),
            played: ["a", "b", "c"])
        try play.choose("a", "skip")
        try vote(&play, [("a", "y"), ("b", "x"), ("c", "x")])
        let t = try #require(tally(play))
        #expect(t.weights == [1, 1, 1])
        #expect(t.outcome == .carried)
    }

    @Test("more than 1/2 is missed by one vote on a tie of held votes; abstaining counts toward held, not cast")
    mutating func abstentions() throws {
        var play = try Play(Self.exercise(rule: "majority more than 1/2 of held"), played: ["a", "b", "c"])
        try play.choose("a", "skip")
        try vote(&play, [("a", "x"), ("b", nil), ("c", "y")])
        var t = try #require(tally(play))
        #expect(t.abstained == [try play.role("b")])
        #expect(t.cast == 2 && t.held == 3)
        #expect(t.outcome == .tie)
        // Of the votes cast, one vote for x and two abstentions carry.
        play = try Play(Self.exercise(rule: "majority more than 1/2"), played: ["a", "b", "c"])
        try play.choose("a", "skip")
        try vote(&play, [("a", "x"), ("b", nil), ("c", nil)])
        t = try #require(tally(play))
        #expect(t.outcome == .carried)
        #expect(
            play.kinds.contains(
                .positionsRevealed(
                    decision: try play.decision("plan"), positions: [try play.option("plan", "x"), nil, nil])))
    }

    @Test("every role abstaining is no decision")
    mutating func allAbstain() throws {
        var play = try Play(Self.exercise(rule: "majority"), played: ["a", "b", "c"])
        try play.choose("a", "skip")
        try vote(&play, [("a", nil), ("b", nil), ("c", nil)])
        #expect(tally(play)?.outcome == .noVotes)
        #expect(resolution(play)?.by == .defaultOption)
    }

    @Test("a quorum of 3 votes is lost when one role abstains")
    mutating func quorumLost() throws {
        var play = try Play(Self.exercise(rule: "majority", ["quorum 3"]), played: ["a", "b", "c"])
        try play.choose("a", "skip")
        try vote(&play, [("a", "x"), ("b", "x"), ("c", nil)])
        #expect(tally(play)?.outcome == .noQuorum)
        #expect(resolution(play)?.by == .defaultOption)
    }

    @Test("a veto: the holder's vote for another option blocks the leader; its abstention blocks nothing")
    mutating func veto() throws {
        var play = try Play(Self.exercise(rule: "majority", ["veto c"]), played: ["a", "b", "c"])
        try play.choose("a", "skip")
        try vote(&play, [("a", "x"), ("b", "x"), ("c", "y")])
        let t = try #require(tally(play))
        #expect(t.outcome == .vetoed)
        #expect(t.vetoedBy == [try play.role("c")])
        play = try Play(Self.exercise(rule: "majority", ["veto c"]), played: ["a", "b", "c"])
        try play.choose("a", "skip")
        try vote(&play, [("a", "x"), ("b", "x"), ("c", nil)])
        #expect(tally(play)?.outcome == .carried)
    }

    @Test("abstaining is refused outside a vote")
    mutating func abstainOutsideVote() throws {
        var play = try Play(Self.exercise(rule: "unanimous"), played: ["a", "b", "c"])
        try play.choose("a", "skip")
        play.refuse(.abstain(role: try play.role("a")), .cannotAbstain)
    }

    @Test("resolved_by and position are read in conditions after the vote")
    mutating func resolvedByInConditions() throws {
        var play = try Play(
            Self.exercise(
                rule: "weighted at least 2/3 of held",
                ["weights a wa, b wb, c wc", "arbitration arbiter", "fallback arbitrate"],
                checks: [
                    "if resolved_by(plan) == arbitration and position(plan, a) == y and position(plan, b) != abstain",
                    "  set evidence = false",
                ]),
            played: ["a", "b", "c"])
        try play.choose("a", "trace")
        try vote(&play, [("a", "y"), ("b", "x"), ("c", "x")])
        // The automated arbiter takes the expected option.
        #expect(resolution(play)?.by == .arbitrationRole)
        #expect(resolution(play)?.option == (try play.option("plan", "x")))
        #expect(try play.value("evidence") == .bool(false))
    }

    @Test("a played arbiter is waited for and settles the decision")
    mutating func playedArbiter() throws {
        var play = try Play(
            Self.exercise(rule: "majority", ["arbitration arbiter", "fallback arbitrate"]))
        try play.choose("a", "skip")
        try vote(&play, [("a", "x"), ("b", "y"), ("c", "z")])
        let d = try play.decision("plan")
        let arbiter = try play.role("arbiter")
        #expect(play.session.waiting == .arbiterCall(decision: d, role: arbiter))
        play.refuse(
            .leadCall(role: try play.role("a"), option: try play.option("plan", "y")),
            .notYourTurn(role: try play.role("a")))
        try play.apply(.leadCall(role: arbiter, option: try play.option("plan", "y")))
        #expect(resolution(play)?.by == .arbitrationRole)
        #expect(play.state.settledBy[d.rawValue] == .arbitration)
    }

    @Test("arbitration by rule: the first `when` that holds chooses, else the default")
    mutating func arbitrationRules() throws {
        let props = ["fallback arbitrate", "arbitration rule", "  when evidence -> y", "  when wa > 5 -> x"]
        var play = try Play(Self.exercise(rule: "majority", props), played: ["a", "b", "c"])
        try play.choose("a", "trace")
        try vote(&play, [("a", "x"), ("b", "y"), ("c", "z")])
        #expect(resolution(play)?.by == .arbitrationRule)
        #expect(resolution(play)?.option == (try play.option("plan", "y")))
        play = try Play(Self.exercise(rule: "majority", props), played: ["a", "b", "c"])
        try play.choose("a", "skip")
        try vote(&play, [("a", "x"), ("b", "y"), ("c", "z")])
        #expect(resolution(play)?.option == (try play.option("plan", "z")))
    }

    @Test("a vote carried in a negotiation round is resolved_by round")
    mutating func carriedInRound() throws {
        var play = try Play(Self.exercise(rule: "majority", ["fallback negotiate 30m"]), played: ["a", "b", "c"])
        try play.choose("a", "skip")
        try vote(&play, [("a", "x"), ("b", "y"), ("c", "z")])
        try vote(&play, [("a", "x"), ("b", "x"), ("c", "z")])
        #expect(play.state.settledBy[try play.decision("plan").rawValue] == .round)
    }
}
