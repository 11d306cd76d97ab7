import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// Requests players send (the duty to cooperate): several receivers, a deadline from the duty or their own, answers
/// that accept, accept with derived data, refuse with a reason or forward (the first contact stays responsible).
@Suite("Cooperation requests players send")
struct CooperationTests {
    static let exercise = """
        exercise cooperation_test "Cooperation"
          language en
          duration 10h
          peer off
          sharing open
        role health "Health"
        role school "School"
        role police "Police"
        role transport "Transport"
        info list "Contact list" owner health sensitivity secret
          on breach
            privacy -= 10
        info counts "Counts by class" derived from list sensitivity internal
        info video "Bus video" owner police sensitivity internal
        duty epidemic "Epidemic cooperation" within 2h points 3
        measure privacy "Privacy" range -50..0
        ending done "Done"
        scene s "S"
          ask health "Wait?"
            choice wait "Wait an hour" cost 1h
          ask health "Wait more?"
            choice more "Wait two hours" cost 2h
          ask health "End?"
            choice stop "Stop"
          end done
        """

    private func answers(_ events: [Event]) -> [EventKind] {
        events.map(\.kind).filter { if case .playerRequestAnswered = $0 { true } else { false } }
    }

    @Test("a request for an item under the only duty: its deadline and points; accept derived shares the counts")
    func acceptDerived() throws {
        var play = try Play(Self.exercise)
        let (health, school) = (try play.role("health"), try play.role("school"))
        let (list, counts) = (try play.item("list"), try play.item("counts"))
        let sent = try play.apply(.request(role: school, to: [health], item: list, text: "", duty: nil, within: nil))
        #expect(
            sent.map(\.kind).contains(
                .playerRequestSent(request: 0, from: school, to: [health], item: list, text: "", duty: 0, deadline: 120)
            ),
            "without a duty named, the exercise's only duty applies, with its 2h deadline")
        let events = try play.apply(.reply(role: health, request: 0, reply: .acceptDerived))
        #expect(
            answers(events) == [
                .playerRequestAnswered(
                    request: 0, receiver: health, by: health, reply: .acceptDerived, outcome: .onTime, auto: false)
            ])
        #expect(
            events.map(\.kind).contains(
                .pointsAwarded(role: health, amount: 3, reason: "Epidemic cooperation", cause: .playerRequest(0))))
        #expect(play.session.knows(school, counts))
        #expect(!play.session.knows(school, list), "the derived data, not the list")
        #expect(!play.state.breached[list.rawValue])
        // Answered: nothing waits for health any more.
        play.refuse(.reply(role: health, request: 0, reply: .accept), .noOpenRequest(request: 0))
    }

    @Test("several receivers answer each for their own copy; a refusal needs a reason and scores refused")
    func severalReceivers() throws {
        var play = try Play(Self.exercise)
        let (health, school, police) = (try play.role("health"), try play.role("school"), try play.role("police"))
        try play.apply(
            .request(role: school, to: [police, health], item: nil, text: "the bus video", duty: nil, within: 60))
        #expect(play.state.playerRequests[0].deadline == 60, "its own within wins over the duty's")
        play.refuse(.reply(role: health, request: 0, reply: .refuse("  ")), .emptyText)
        try play.apply(.reply(role: health, request: 0, reply: .refuse("the video is with the police")))
        try play.apply(.reply(role: police, request: 0, reply: .accept))
        #expect(play.state.playerRequests[0].outcomes == [.onTime, .refused])
        #expect(play.state.playerRequests[0].replies == [.accept, .refuse("the video is with the police")])
    }

    @Test("a forwarded request stays the first contact's: answered late by the new holder, the copy is the receiver's")
    func forwardKeepsFirstContact() throws {
        var play = try Play(Self.exercise)
        let (health, school, police) = (try play.role("health"), try play.role("school"), try play.role("police"))
        let video = try play.item("video")
        try play.apply(.request(role: school, to: [health], item: video, text: "", duty: nil, within: nil))
        play.refuse(.reply(role: health, request: 0, reply: .accept), .doesNotKnow(item: video))
        let forwarded = try play.apply(.reply(role: health, request: 0, reply: .forward(police)))
        #expect(
            forwarded.map(\.kind) == [
                .playerRequestForwarded(request: 0, receiver: health, by: health, to: police, auto: false)
            ])
        #expect(play.session.openPlayerRequests(for: health).isEmpty)
        #expect(play.session.openPlayerRequests(for: police).map(\.request) == [0])
        // Three hours pass: the copy goes overdue, still the health department's.
        let waited = try play.choose("health", "wait") + (try play.choose("health", "more"))
        #expect(waited.map(\.kind).contains(.playerRequestOverdue(request: 0, receiver: health)))
        let late = try play.apply(.reply(role: police, request: 0, reply: .accept))
        #expect(
            answers(late) == [
                .playerRequestAnswered(
                    request: 0, receiver: health, by: police, reply: .accept, outcome: .late, auto: false)
            ])
        #expect(play.session.knows(school, video))
        #expect(!late.map(\.kind).contains { if case .pointsAwarded = $0 { true } else { false } }, "no points late")
    }

    @Test("an automated receiver answers at once: derived data for a secret the requester may not hold")
    func automatedReceiver() throws {
        var play = try Play(
            Self.exercise.replacingOccurrences(of: "ask health", with: "ask school"), played: ["school"])
        let (health, school, list) = (try play.role("health"), try play.role("school"), try play.item("list"))
        let events = try play.apply(.request(role: school, to: [health], item: list, text: "", duty: nil, within: nil))
        #expect(
            answers(events) == [
                .playerRequestAnswered(
                    request: 0, receiver: health, by: health, reply: .acceptDerived, outcome: .onTime, auto: true)
            ])
        #expect(!play.state.breached[list.rawValue])
    }

    @Test("a request left unanswered at the end is unanswered; bad requests are refused and change nothing")
    func unansweredAndInvalid() throws {
        var play = try Play(Self.exercise)
        let (health, school) = (try play.role("health"), try play.role("school"))
        play.refuse(.request(role: school, to: [school], item: nil, text: "x", duty: nil, within: nil), .unexpected)
        play.refuse(.request(role: school, to: [health], item: nil, text: " ", duty: nil, within: nil), .emptyText)
        play.refuse(.request(role: school, to: [], item: nil, text: "x", duty: nil, within: nil), .unexpected)
        play.refuse(.reply(role: health, request: 0, reply: .accept), .unexpected)
        try play.apply(.request(role: school, to: [health], item: nil, text: "staff list", duty: nil, within: nil))
        play.refuse(.reply(role: health, request: 0, reply: .acceptDerived), .noDerivedItem(item: nil))
        try play.choose("health", "wait")
        try play.choose("health", "more")
        try play.choose("health", "stop")
        #expect(play.state.playerRequests[0].outcomes == [.unanswered])
    }

    @Test("without a duty or a within, and with no single duty to fall back on, a request has no deadline")
    func noDeadline() throws {
        var play = try Play(
            Self.exercise.replacingOccurrences(
                of: "duty epidemic \"Epidemic cooperation\" within 2h points 3\n", with: ""))
        let (health, school) = (try play.role("health"), try play.role("school"))
        play.refuse(.request(role: school, to: [health], item: nil, text: "x", duty: nil, within: nil), .noDeadline)
    }
}
