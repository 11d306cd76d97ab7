import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// The end-of-exercise peer evaluation: named and anonymous, who rates, flagged pairs, refusals.
@Suite("Peer evaluation")
struct PeerEvaluationTests {
    static func exercise(_ mode: String) -> String {
        """
        exercise t "Peers"
          language en
          peer \(mode)
        role a "A"
        role b "B"
        role c "C"
        ending done "Done"
        scene s "S"
          ask a "Finish?"
            choice fin "Finish"
          end done
        """
    }

    /// Rates every slot of the current rater with `value(target, question)`.
    func rateAll(_ play: inout Play, _ value: (Int, Int) -> Int?) throws {
        guard case .peerReview(_, let remaining) = play.session.waiting else {
            Issue.record("no peer review: \(play.session.waiting)")
            return
        }
        for slot in remaining {
            try play.apply(
                .peerRating(target: slot.target, question: slot.question, value: value(slot.target, slot.question)))
        }
    }

    @Test("the default questions are collaboration 0–5 and responsiveness 1–5")
    func defaultQuestions() throws {
        let scenario = try compile(Self.exercise("named"))
        #expect(scenario.peerQuestions.map(\.id) == ["collaboration", "responsiveness"])
        #expect(scenario.peerQuestions.map(\.low) == [0, 1])
        #expect(scenario.peerQuestions.map(\.high) == [5, 5])
    }

    @Test("named: each played role rates every other role; each rating is an event with its rater")
    func named() throws {
        var play = try Play(Self.exercise("named"), played: ["a", "b"])
        try play.choose("a", "fin")
        #expect(play.kinds.contains(.peerReviewOpened(raters: [0, 1])))
        #expect(
            play.session.waiting
                == .peerReview(
                    rater: 0,
                    remaining: [
                        PeerSlot(target: 1, question: 0), PeerSlot(target: 1, question: 1),
                        PeerSlot(target: 2, question: 0), PeerSlot(target: 2, question: 1),
                    ]))
        try rateAll(&play) { target, question in target == 1 && question == 0 ? nil : 3 }
        #expect(play.kinds.contains(.peerRated(rater: 0, target: 1, question: 0, value: nil)))
        #expect(play.kinds.contains(.peerRated(rater: 0, target: 2, question: 1, value: 3)))
        guard case .peerReview(let rater, let remaining) = play.session.waiting else {
            Issue.record("b does not rate")
            return
        }
        #expect(rater == 1)
        #expect(remaining.map(\.target) == [0, 0, 2, 2])
        try rateAll(&play) { _, _ in 4 }
        #expect(play.session.isEnded)
        #expect(play.log.last?.kind == .ended(ending: 0, reason: .ending))
        // The automated role c does not rate.
        #expect(!play.kinds.contains { if case .peerRated(2, _, _, _) = $0 { true } else { false } })
        #expect(play.kinds.filter { if case .peerRated = $0 { true } else { false } }.count == 8)
    }

    @Test("anonymous: no event per rating, then one sorted list with no rater, and the flagged pairs")
    func anonymous() throws {
        var play = try Play(Self.exercise("anonymous"))
        try play.choose("a", "fin")
        let opened = try #require(play.log.firstIndex { if case .peerReviewOpened = $0.kind { true } else { false } })
        // a rates b 5 and c 1; b rates a 2 and c 3; c rates a 4 and b 4 (collaboration); responsiveness 3 throughout.
        let given = [0: [1: 5, 2: 1], 1: [0: 2, 2: 3], 2: [0: 4, 1: 4]]
        for rater in 0..<3 {
            try rateAll(&play) { target, question in question == 0 ? given[rater]?[target] : 3 }
        }
        let after = play.log[(opened + 1)...].map(\.kind)
        #expect(after.count == 2, "\(after)")
        guard case .peerRatingsAnonymous(let ratings, let flagged) = after.first else {
            Issue.record("no anonymous ratings: \(after)")
            return
        }
        #expect(ratings == ratings.sorted())
        #expect(ratings.count == 12)
        #expect(
            ratings.filter { $0.question == 0 }.map { [$0.target, $0.value] }.sorted {
                $0.lexicographicallyPrecedes($1)
            }
                == [[0, 2], [0, 4], [1, 4], [1, 5], [2, 1], [2, 3]])
        // a–b: 5 vs 2 (gap 3); a–c: 1 vs 4 (gap 3); b–c: 3 vs 4 (gap 1).
        #expect(
            flagged == [
                PeerPair(first: 0, second: 1, question: 0, gap: 3), PeerPair(first: 0, second: 2, question: 0, gap: 3),
            ])
        #expect(after.last == .ended(ending: 0, reason: .ending))
        #expect(!play.kinds.contains { if case .peerRated = $0 { true } else { false } })
    }

    @Test("a pair differing by exactly 2 is flagged; by 1 it is not; a skipped rating flags nothing")
    func flagEdges() throws {
        var play = try Play(Self.exercise("anonymous"), played: ["a", "b"])
        try play.choose("a", "fin")
        try rateAll(&play) { target, question in target == 1 ? (question == 0 ? 5 : nil) : 0 + question }
        try rateAll(&play) { target, question in target == 0 ? (question == 0 ? 3 : 1) : 2 }
        let flagged = play.kinds.compactMap { if case .peerRatingsAnonymous(_, let f) = $0 { f } else { nil } }
        #expect(flagged == [[PeerPair(first: 0, second: 1, question: 0, gap: 2)]])
    }

    @Test("one played role rates the automated roles; nothing is flagged")
    func onePlayedRole() throws {
        for mode in ["named", "anonymous"] {
            var play = try Play(Self.exercise(mode), played: ["b"])
            #expect(
                play.session.waiting
                    == .peerReview(
                        rater: 1,
                        remaining: [
                            PeerSlot(target: 0, question: 0), PeerSlot(target: 0, question: 1),
                            PeerSlot(target: 2, question: 0), PeerSlot(target: 2, question: 1),
                        ]))
            try rateAll(&play) { _, _ in 1 }
            #expect(play.session.isEnded)
            if mode == "anonymous" {
                #expect(
                    play.kinds.contains {
                        if case .peerRatingsAnonymous(let r, []) = $0 { r.count == 4 } else { false }
                    })
            }
        }
    }

    @Test("peer off, or nobody playing: no evaluation")
    func noEvaluation() throws {
        var off = try Play(Self.exercise("off"))
        try off.choose("a", "fin")
        #expect(off.session.isEnded)
        #expect(!off.kinds.contains { if case .peerReviewOpened = $0 { true } else { false } })
        let nobody = try Play(Self.exercise("named"), played: [])
        #expect(nobody.session.isEnded)
        #expect(!nobody.kinds.contains { if case .peerReviewOpened = $0 { true } else { false } })
    }

    @Test("ratings out of range, of oneself, or twice are refused and change nothing")
    func refusals() throws {
        var play = try Play(Self.exercise("named"), played: ["a", "b"])
        try play.choose("a", "fin")
        play.refuse(.peerRating(target: 1, question: 0, value: 6), .ratingOutOfRange(low: 0, high: 5))
        play.refuse(.peerRating(target: 1, question: 0, value: -1), .ratingOutOfRange(low: 0, high: 5))
        play.refuse(.peerRating(target: 1, question: 1, value: 0), .ratingOutOfRange(low: 1, high: 5))
        play.refuse(.peerRating(target: 0, question: 0, value: 3), .unexpected)
        try play.apply(.peerRating(target: 1, question: 0, value: 5))
        play.refuse(.peerRating(target: 1, question: 0, value: 4), .unexpected)
        try play.apply(.peerRating(target: 1, question: 1, value: 1))
        // The story is over: no more moves.
        play.refuse(.choose(role: 0, choice: 0), .ended)
    }

    @Test("the facilitator's :end closes a peer evaluation in progress")
    func facilitatorEndsReview() throws {
        var named = try Play(Self.exercise("named"), played: ["a", "b"], facilitated: true)
        try named.choose("a", "fin")
        try named.apply(.peerRating(target: 1, question: 0, value: 5))
        let events = try named.apply(.facilitator(.end))
        #expect(events.map(\.kind) == [.ended(ending: 0, reason: .ending)])
        #expect(named.session.isEnded)

        // Anonymous: the ratings of a single rater would name that rater, so they are not published.
        var anonymous = try Play(Self.exercise("anonymous"), played: ["a", "b"], facilitated: true)
        try anonymous.choose("a", "fin")
        try rateAll(&anonymous) { _, _ in 3 }
        try anonymous.apply(.peerRating(target: 0, question: 0, value: 5))
        let closing = try anonymous.apply(.facilitator(.end))
        #expect(
            closing.map(\.kind).first.map {
                if case .peerRatingsAnonymous(let r, _) = $0 { r.count == 5 } else { false }
            } == true)
        #expect(closing.last?.kind == .ended(ending: 0, reason: .ending))

        var single = try Play(Self.exercise("anonymous"), played: ["a", "b"], facilitated: true)
        try single.choose("a", "fin")
        try single.apply(.peerRating(target: 1, question: 0, value: 5))
        #expect(try single.apply(.facilitator(.end)).map(\.kind) == [.ended(ending: 0, reason: .ending)])
    }
}
