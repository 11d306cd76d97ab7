import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// Every refusal the engine can give: the right error, and the state exactly as before.
@Suite("Invalid input")
struct InvalidInputTests {
    static let exercise = """
        exercise t "Invalid"
          language en
          sharing open
          peer named
        role a "A"
        role b "B"
        role c "C"
          lead
        info memo "Memo" owner a
        state gate = false
        ending done "Done"
        inject bell "Bell"
        objective o "O"
          P when gate
        action act1 "Act" by a
          when gate
        action send_req "Send" by a
          send req
        request req "Request" from a to b within 30m
        scene s "S"
          ask a, b "First?"
            choice c1 "One"
            choice c2 "Two" if gate
          ask c "Other?"
            choice other "Other"
          decide plan "Plan?" by a, b rule majority
            fallback lead
            option x "X"
            option y "Y"
          discuss talk "Talk?" to a, b
          end done
        """

    @Test("while a question waits")
    func duringAsk() throws {
        var play = try Play(Self.exercise)
        let (a, b, c) = (try play.role("a"), try play.role("b"), try play.role("c"))
        let (c1, c2, other) = (try play.choice("c1"), try play.choice("c2"), try play.choice("other"))
        let (act1, memo, req) = (try play.action("act1"), try play.item("memo"), try play.request("req"))
        let x = try play.option("plan", "x")
        play.refuse(.choose(role: c, choice: c1), .notYourTurn(role: c))
        play.refuse(.choose(role: a, choice: c2), .choiceNotOffered(choice: c2))
        play.refuse(.choose(role: a, choice: other), .choiceNotOffered(choice: other))
        play.refuse(.choose(role: a, choice: 999), .choiceNotOffered(choice: 999))
        play.refuse(.position(role: a, option: x), .nothingAsked)
        play.refuse(.leadCall(role: c, option: x), .nothingAsked)
        play.refuse(.discuss(role: a, text: "hello"), .nothingAsked)
        play.refuse(.peerRating(target: b, question: 0, value: 3), .nothingAsked)
        play.refuse(.facilitator(.pause), .facilitatorOnly)
        play.refuse(.facilitator(.end), .facilitatorOnly)
        play.refuse(.facilitator(.advance(10)), .facilitatorOnly)
        play.refuse(.facilitator(.inject(0)), .facilitatorOnly)
        play.refuse(.act(role: a, action: act1), .actionUnavailable(action: act1, reason: .conditionFails))
        play.refuse(.act(role: b, action: act1), .actionUnavailable(action: act1, reason: .notForRole))
        play.refuse(.share(role: b, item: memo, with: [c], parties: []), .doesNotKnow(item: memo))
        play.refuse(.share(role: a, item: memo, with: [a], parties: []), .unexpected)
        play.refuse(.answer(role: b, request: req, accept: true), .noSuchRequest(request: req))
        play.refuse(.note(role: a, text: "  \n"), .emptyText)
        try play.choose("a", "c1")
        play.refuse(.choose(role: a, choice: c1), .alreadyAnswered(role: a))
        try play.act("a", "send_req")
        play.refuse(.answer(role: a, request: req, accept: true), .noSuchRequest(request: req))
    }

    @Test("indices that name nothing are refused, not a crash")
    func outOfRange() throws {
        var play = try Play(Self.exercise, facilitated: true)
        let (a, memo) = (try play.role("a"), try play.item("memo"))
        play.refuse(.choose(role: 99, choice: 0), .unexpected)
        play.refuse(.position(role: -1, option: 0), .unexpected)
        play.refuse(.act(role: a, action: 99), .unexpected)
        play.refuse(.act(role: 99, action: 0), .unexpected)
        play.refuse(.act(role: -1, action: 0), .unexpected)
        play.refuse(.share(role: a, item: 99, with: [], parties: []), .unexpected)
        play.refuse(.share(role: a, item: memo, with: [99], parties: []), .unexpected)
        play.refuse(.share(role: 99, item: memo, with: [], parties: []), .unexpected)
        play.refuse(.answer(role: a, request: 99, accept: true), .unexpected)
        play.refuse(.note(role: 99, text: "hi"), .unexpected)
        play.refuse(.facilitator(.inject(99)), .unexpected)
        play.refuse(.facilitator(.inject(-1)), .unexpected)
        play.refuse(.facilitator(.rate(objective: 99, rating: .P, reason: "")), .unexpected)
    }

    @Test("while positions are taken, and while the lead decides")
    func duringDecision() throws {
        var play = try Play(Self.exercise)
        let (a, b, c) = (try play.role("a"), try play.role("b"), try play.role("c"))
        let (x, y) = (try play.option("plan", "x"), try play.option("plan", "y"))
        try play.choose("a", "c1")
        try play.choose("b", "c1")
        try play.choose("c", "other")
        play.refuse(.choose(role: a, choice: try play.choice("c1")), .nothingAsked)
        play.refuse(.position(role: c, option: x), .notYourTurn(role: c))
        play.refuse(.position(role: a, option: 99), .optionNotOffered(option: 99))
        play.refuse(.leadCall(role: c, option: x), .nothingAsked)
        try play.position("a", "plan", "x")
        play.refuse(.position(role: a, option: y), .alreadyAnswered(role: a))
        try play.position("b", "plan", "y")
        play.refuse(.position(role: b, option: y), .nothingAsked)
        play.refuse(.leadCall(role: a, option: x), .notYourTurn(role: a))
        play.refuse(.leadCall(role: c, option: 99), .optionNotOffered(option: 99))
        try play.apply(.leadCall(role: c, option: x))
        // The discussion.
        play.refuse(.discuss(role: c, text: "me too"), .notYourTurn(role: c))
        play.refuse(.discuss(role: a, text: " "), .emptyText)
        try play.apply(.discuss(role: a, text: "fine"))
        play.refuse(.discuss(role: a, text: "again"), .notYourTurn(role: a))
        try play.apply(.discuss(role: b, text: "fine"))
        // The peer evaluation, then the end.
        guard case .peerReview = play.session.waiting else {
            Issue.record("no peer review: \(play.session.waiting)")
            return
        }
        play.refuse(.act(role: a, action: try play.action("send_req")), .ended)
        while case .peerReview(_, let remaining) = play.session.waiting, let slot = remaining.first {
            try play.apply(.peerRating(target: slot.target, question: slot.question, value: nil))
        }
        #expect(play.session.isEnded)
        play.refuse(.note(role: a, text: "after"), .ended)
        play.refuse(.choose(role: a, choice: 0), .ended)
    }

    @Test("facilitator commands that do not fit")
    func facilitator() throws {
        var play = try Play(Self.exercise, facilitated: true)
        let bell = try play.inject("bell")
        play.refuse(.facilitator(.advance(0)), .invalidDuration)
        play.refuse(.facilitator(.advance(-5)), .invalidDuration)
        play.refuse(.facilitator(.resume), .unexpected)
        play.refuse(.facilitator(.arbitrate(option: 0)), .nothingAsked)
        try play.apply(.facilitator(.inject(bell)))
        play.refuse(.facilitator(.inject(bell)), .unexpected)
        try play.apply(.facilitator(.pause))
        play.refuse(.facilitator(.pause), .unexpected)
        play.refuse(.choose(role: 0, choice: 0), .paused)
        try play.apply(.facilitator(.end))
        #expect(play.session.waiting == .peerReview(rater: 0, remaining: play.session.peerSlots(for: 0)))
        // Still paused: the peer evaluation waits for the facilitator to resume.
        play.refuse(.peerRating(target: 1, question: 0, value: 3), .paused)
        play.refuse(.facilitator(.advance(5)), .ended)
        play.refuse(.facilitator(.inject(try play.inject("bell"))), .ended)
        try play.apply(.facilitator(.resume))
        try play.apply(.peerRating(target: 1, question: 0, value: 3))
        try play.apply(.facilitator(.rate(objective: 0, rating: .S, reason: "after the end")))
        try play.apply(.facilitator(.end))
        #expect(play.session.isEnded)
        play.refuse(.facilitator(.end), .ended)
        play.refuse(.facilitator(.rate(objective: 0, rating: .P, reason: "late")), .ended)
    }
}
