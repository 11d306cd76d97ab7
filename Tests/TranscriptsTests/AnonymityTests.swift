import ExerciseEngine
import Foundation
import ScenarioLanguage
import Testing
import TranscriptsTestSupport

@testable import Transcripts

/// The mini exercise with an anonymous peer evaluation and three roles, so that ratings could be told apart.
let anonymousExercise =
    miniExercise
    .replacingOccurrences(of: "peer named", with: "peer anonymous")
    .replacingOccurrences(of: "role b \"Bravo\"", with: "role c \"Charlie\"\nrole b \"Bravo\"")

@Suite struct AnonymityTests {
    /// Every key anywhere in a JSON value.
    func keys(_ value: JSONValue) -> Set<String> {
        switch value {
        case .object(let members): members.reduce(into: Set(members.map(\.key))) { $0.formUnion(keys($1.value)) }
        case .array(let elements): elements.reduce(into: Set()) { $0.formUnion(keys($1)) }
        default: []
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func anonymousReviewLeavesNoRaterInTheFile(seed: UInt64) throws {
        let scenario = try compile(anonymousExercise)
        let writer = try makeWriter(scenario, seed: seed)
        let (session, steps) = try playScripted(scenario: scenario, seed: seed, writer: writer, sideMoves: 0)
        #expect(session.isEnded)
        #expect(steps.contains { if case .peerRating = $0.input { true } else { false } })
        let lines = try jsonLines(writer.path)
        #expect(!lines.contains { $0["kind"] == .string("peer_rating") })
        #expect(!lines.contains { $0["kind"] == .string("peer_rated") })
        let opened = try #require(lines.firstIndex { $0["kind"] == .string("peer_review_opened") })
        let marker = try #require(lines.firstIndex { $0["kind"] == .string(InputCodec.anonymousPeerReviewKind) })
        // Nothing is written while the ratings are given.
        #expect(marker == opened + 1)
        #expect(lines[marker]["role"] == .null)
        #expect(lines[marker]["data"] == .object([]))
        let result = lines[marker + 1]
        #expect(result["kind"] == .string("peer_ratings_anonymous"))
        #expect(result["role"] == .null)
        let data = try #require(result["data"])
        #expect(Set(data.objectValue?.map(\.key) ?? []) == ["flagged_pairs", "ratings"])
        for rating in data["ratings"]?.arrayValue ?? [] {
            #expect(Set(rating.objectValue?.map(\.key) ?? []) == ["question", "target", "value"])
        }
        #expect(!keys(result).contains("rater"))
        // Ratings are sorted by target, question and value, never in the order given.
        let ratings = try #require(data["ratings"]?.arrayValue)
        let order = ratings.map { r in
            (
                scenario.role(r["target"]?.stringValue ?? "") ?? -1, r["question"]?.stringValue ?? "",
                r["value"]?.intValue ?? -1
            )
        }
        #expect(order.map(\.0) == order.map(\.0).sorted())
        // The file verifies; replay covers everything but the withheld ratings.
        let report = Verifier.verify(path: writer.path, scenario: scenario, key: nil)
        #expect(report.status == .valid, "\(report.problems)")
        #expect(report.notes.contains { if case .anonymousRatings = $0 { true } else { false } })
    }

    @Test func interruptedAnonymousReviewStartsAgain() throws {
        let scenario = try compile(anonymousExercise)
        let writer = try makeWriter(scenario, seed: 9)
        var session = Session(scenario: scenario, seed: 9, played: Set(scenario.roles.indices))
        var rng = TestRandom(state: 9)
        var side = 0
        try writer.append(input: nil, events: session.start(), wall: fixedStart)
        var ratingsGiven = 0
        while let input = nextInput(session, &rng, sideMoves: &side) {
            if case .peerRating = input {
                if ratingsGiven == 3 { break }  // the terminal closes mid-review
                ratingsGiven += 1
            }
            try writer.append(input: input, events: try session.apply(input), wall: fixedStart)
        }
        guard case .peerReview(let rater, _) = session.waiting else {
            Issue.record("expected the review to be under way")
            return
        }
        #expect(rater != scenario.roles.indices.first { session.isPlayed($0) } || ratingsGiven > 0)
        writer.detach()  // the terminal closed
        let resumed = try Resumer.load(path: writer.path, scenario: scenario).get()
        guard case .peerReview(let first, let remaining) = resumed.session.waiting else {
            Issue.record("expected a peer review after resume")
            return
        }
        #expect(first == 0)
        #expect(remaining.count == (scenario.roles.count - 1) * scenario.peerQuestions.count)
        #expect(resumed.notes.contains(.anonymousReviewRestarts))
        #expect(resumed.notes.contains { $0.message(in: .en).contains("starts again") })
        #expect(resumed.notes.contains { $0.message(in: .zh).contains("重新开始") })
    }
}
