import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// Sandbox actions and cooperation requests with deadlines.
@Suite("Actions and requests")
struct ActionRequestTests {
    static func exercise(auto: String = "accept") -> String {
        """
        exercise t "Actions"
          language en
          duration 10h
          peer off
        role a "A"
        role b "B"
        state open = false
        state count = 0
        measure m "M" range -10..100
        ending done "Done"
        action toggle "Open" by a
          set open = true
        action use "Use" by a, b cost 5m
          when open
          count += 1
          m += 2
        action single "Single" by all once
          count += 10
        action ask_help "Ask for help" by a
          send help
        request help "Help" from a to b within 30m points 4
          accept "Yes"
            m += 5
          refuse "No"
            m -= 1
          auto \(auto)
        scene s "S"
          ask a "Finish?"
            choice fin "Finish"
          end done
        """
    }

    @Test("an action is taken while its condition holds, by its roles, with its cost and effects")
    func actions() throws {
        var play = try Play(Self.exercise())
        let (a, b) = (try play.role("a"), try play.role("b"))
        let (toggle, use, single) = (try play.action("toggle"), try play.action("use"), try play.action("single"))
        #expect(play.session.actionRefusal(use, role: a) == .conditionFails)
        #expect(play.session.actionRefusal(toggle, role: b) == .notForRole)
        #expect(play.session.availableActions(for: a) == [toggle, single, try play.action("ask_help")])
        #expect(play.session.availableActions(for: b) == [single])
        play.refuse(.act(role: a, action: use), .actionUnavailable(action: use, reason: .conditionFails))
        play.refuse(.act(role: b, action: toggle), .actionUnavailable(action: toggle, reason: .notForRole))
        try play.act("a", "toggle")
        #expect(play.session.availableActions(for: b) == [use, single])
        let events = try play.act("b", "use")
        #expect(events.first?.kind == .actionTaken(role: b, action: use))
        #expect(play.state.clock == 5)
        #expect(try play.value("count") == .number(1))
        #expect(try play.measure("m", "b") == 2)
        #expect(try play.measure("m", "a") == 0)
        try play.act("b", "use")
        #expect(try play.value("count") == .number(2), "an action without `once` may be taken again")
        #expect(play.state.did[use * 2 + b])
    }

    @Test("a `once` action is refused the second time, per role")
    func once() throws {
        var play = try Play(Self.exercise())
        let (a, b) = (try play.role("a"), try play.role("b"))
        let single = try play.action("single")
        try play.act("a", "single")
        play.refuse(.act(role: a, action: single), .actionUnavailable(action: single, reason: .alreadyTaken))
        #expect(play.session.actionRefusal(single, role: b) == nil)
        try play.act("b", "single")
        #expect(try play.value("count") == .number(20))
    }

    /// Sends the request at minute 10, then waits `wait` minutes and lets b answer.
    func answered(after wait: Int, accept: Bool = true) throws -> Play {
        var play = try Play(Self.exercise(), facilitated: true)
        try play.advance(10)
        try play.act("a", "ask_help")
        if wait > 0 { try play.advance(wait) }
        try play.apply(.answer(role: try play.role("b"), request: try play.request("help"), accept: accept))
        return play
    }

    @Test("a request sent by `send` waits for its receiver, with its deadline")
    func sent() throws {
        var play = try Play(Self.exercise(), facilitated: true)
        try play.advance(10)
        let events = try play.act("a", "ask_help")
        let help = try play.request("help")
        #expect(events.map(\.kind).contains(.requestSent(request: help, deadline: 40)))
        #expect(play.session.pendingRequests(for: try play.role("b")) == [help])
        #expect(play.session.pendingRequests(for: try play.role("a")).isEmpty)
        #expect(play.state.requestSentAt[help] == 10)
        // Sending again changes nothing.
        #expect(
            try play.act("a", "ask_help").map(\.kind) == [.actionTaken(role: 0, action: try play.action("ask_help"))])
    }

    @Test("answered within the deadline: on time, with points and the accept effects for the receiver")
    func onTime() throws {
        let play = try answered(after: 10)
        let (help, b) = (try play.request("help"), try play.role("b"))
        #expect(play.state.requestOutcome[help] == .onTime)
        #expect(play.kinds.contains(.requestAnswered(request: help, accepted: true, outcome: .onTime, auto: false)))
        #expect(play.kinds.contains(.pointsAwarded(role: b, amount: 4, reason: "Help", cause: .request(help))))
        #expect(play.state.points == [0, 4])
        #expect(try play.measure("m", "b") == 5)
        #expect(play.state.requestAnsweredAt[help] == 20)
    }

    @Test("answered exactly at the deadline: on time")
    func atDeadline() throws {
        let play = try answered(after: 30)
        let help = try play.request("help")
        #expect(play.state.clock == 40)
        #expect(play.state.requestOutcome[help] == .onTime)
        #expect(!play.kinds.contains(.requestOverdue(request: help)))
        #expect(play.state.points == [0, 4])
    }

    @Test("answered one minute after the deadline: overdue at deadline + 1, then late, without points")
    func oneMinuteLate() throws {
        let play = try answered(after: 31)
        let help = try play.request("help")
        #expect(play.clock(of: .requestOverdue(request: help)) == 41)
        #expect(play.state.requestOutcome[help] == .late)
        #expect(play.kinds.contains(.requestAnswered(request: help, accepted: true, outcome: .late, auto: false)))
        #expect(play.state.points == [0, 0])
        #expect(try play.measure("m", "b") == 5, "accepting late still runs the accept effects")
    }

    @Test("refused: refused, with the refuse effects and no points")
    func refused() throws {
        let play = try answered(after: 5, accept: false)
        let help = try play.request("help")
        #expect(play.state.requestOutcome[help] == .refused)
        #expect(play.kinds.contains(.requestAnswered(request: help, accepted: false, outcome: .refused, auto: false)))
        #expect(play.state.points == [0, 0])
        #expect(try play.measure("m", "b") == -1)
    }

    @Test("never answered: overdue at deadline + 1, unanswered at the end")
    func never() throws {
        var play = try Play(Self.exercise(), facilitated: true)
        try play.act("a", "ask_help")
        let help = try play.request("help")
        try play.advance(30)
        #expect(play.state.requestOutcome[help] == .pending)
        try play.advance(1)
        #expect(play.clock(of: .requestOverdue(request: help)) == 31)
        #expect(play.state.requestOutcome[help] == .overdue)
        #expect(
            play.session.pendingRequests(for: try play.role("b")) == [help], "an overdue request may still be answered")
        try play.choose("a", "fin")
        #expect(play.session.isEnded)
        #expect(play.state.requestOutcome[help] == .unanswered)
        #expect(Scorecard(session: play.session).requests == [.unanswered])
    }

    @Test("only the receiver answers a request, once, and only once it is sent")
    func wrongAnswers() throws {
        var play = try Play(Self.exercise())
        let (a, b) = (try play.role("a"), try play.role("b"))
        let help = try play.request("help")
        play.refuse(.answer(role: b, request: help, accept: true), .noSuchRequest(request: help))
        try play.act("a", "ask_help")
        play.refuse(.answer(role: a, request: help, accept: true), .noSuchRequest(request: help))
        try play.apply(.answer(role: b, request: help, accept: true))
        play.refuse(.answer(role: b, request: help, accept: false), .noSuchRequest(request: help))
    }

    @Test("an automated receiver answers at once with the request's `auto`")
    func automatedReceiver() throws {
        for (auto, accepted, outcome) in [("accept", true, RequestOutcome.onTime), ("refuse", false, .refused)] {
            var play = try Play(Self.exercise(auto: auto), played: ["a"])
            let help = try play.request("help")
            let events = try play.act("a", "ask_help")
            #expect(
                events.map(\.kind).contains(
                    .requestAnswered(request: help, accepted: accepted, outcome: outcome, auto: true)))
            #expect(play.state.requestOutcome[help] == outcome)
            #expect(play.state.points == [0, accepted ? 4 : 0])
        }
    }
}
