import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// Information items: silos, sharing by effect and by command, the functions that read them, and breaches.
@Suite("Information")
struct InformationTests {
    static let exercise = """
        exercise info_test "Information"
          language en
          duration 10h
          peer off
          sharing open
        role a "A"
          knows memo
        role b "B"
        role c "C"
        info report "Report" owner a
        info memo "Memo" owner c sensitivity public
        info list "List" owner a sensitivity secret cleared b
          on breach
            privacy -= 5
            award -1 "leak"
        measure privacy "Privacy" range -20..0
        state b_knew = false
        state shared_b = false
        state shared_all = false
        state at_b = false
        state at_all_never = false
        state at_all = false
        ending done "Done"
        scene s "S"
          ask a "Push the report to B?"
            choice push "Push" cost 30m
              share report with b
            choice keep "Keep"
          if knows(b, report)
            set b_knew = true
          if shared(report, b) and not shared(report, c)
            set shared_b = true
          if shared(report, all)
            set shared_all = true
          if shared_at(report, b) == 30m and shared_at(report, a) == 0m
            set at_b = true
          if shared_at(report) > 100d and shared_at(report, all) > 100d
            set at_all_never = true
          ask a "Go on?"
            choice go "Go"
          if shared(report, all) and shared_at(report) == 45m
            set at_all = true
          ask a "Leak?"
            choice leak "Leak the list to everyone"
              share list with all
            choice end_now "End"
          end done
        """

    @Test("owners and `knows` roles hold their items from the start; the others do not (silos)")
    func silos() throws {
        let play = try Play(Self.exercise)
        let (a, b, c) = (try play.role("a"), try play.role("b"), try play.role("c"))
        let (report, memo, list) = (try play.item("report"), try play.item("memo"), try play.item("list"))
        #expect(play.session.knows(a, report))
        #expect(!play.session.knows(b, report))
        #expect(!play.session.knows(c, report))
        #expect(play.session.knows(c, memo))
        #expect(play.session.knows(a, memo))
        #expect(!play.session.knows(b, memo))
        #expect(play.session.knows(a, list))
        #expect(!play.session.knows(b, list), "cleared does not mean known")
        #expect(play.state.knownAt[report.rawValue * 3 + a] == 0)
        #expect(play.state.knownAt[report.rawValue * 3 + b] == neverMinutes)
        #expect(!play.kinds.contains { if case .itemShared = $0 { true } else { false } })
    }

    @Test("a `share` effect reaches the roles named, at the clock time, with the acting role as sharer")
    func shareEffect() throws {
        var play = try Play(Self.exercise)
        let (a, b) = (try play.role("a"), try play.role("b"))
        let report = try play.item("report")
        let events = try play.choose("a", "push")
        let shared = try #require(events.first { if case .itemShared = $0.kind { true } else { false } })
        #expect(shared.kind == .itemShared(item: report, by: a, with: [b], cause: .choice(try play.choice("push"))))
        #expect(shared.clock == 30)
        #expect(play.session.knows(b, report))
        #expect(!play.session.knows(try play.role("c"), report))
        #expect(try play.value("b_knew") == .bool(true))
        #expect(try play.value("shared_b") == .bool(true))
        #expect(try play.value("shared_all") == .bool(false))
        #expect(try play.value("at_b") == .bool(true))
        #expect(try play.value("at_all_never") == .bool(true))
    }

    @Test("not sharing keeps the silo: the functions say so")
    func noShare() throws {
        var play = try Play(Self.exercise)
        try play.choose("a", "keep")
        #expect(try play.value("b_knew") == .bool(false))
        #expect(try play.value("shared_b") == .bool(false))
        #expect(try play.value("at_b") == .bool(false))
        #expect(try play.value("at_all_never") == .bool(true))
    }

    @Test("the share command: shares with roles or all, only what the role knows, and shared_at(all) is the latest")
    func shareCommand() throws {
        var play = try Play(Self.exercise, facilitated: true)
        let (a, b, c) = (try play.role("a"), try play.role("b"), try play.role("c"))
        let (report, memo) = (try play.item("report"), try play.item("memo"))
        try play.choose("a", "push")
        play.refuse(.share(role: b, item: memo, with: [c], parties: []), .doesNotKnow(item: memo))
        play.refuse(.share(role: a, item: report, with: [a], parties: []), .unexpected)
        try play.advance(15)
        let events = try play.apply(.share(role: b, item: report, with: [], parties: []))
        #expect(events.map(\.kind) == [.itemShared(item: report, by: b, with: [c], cause: nil)])
        #expect(events.first?.clock == 45)
        #expect(play.session.knows(c, report))
        #expect(play.state.knownAt[report.rawValue * 3 + c] == 45)
        // Sharing again with roles that know it changes nothing and emits nothing.
        #expect(try play.apply(.share(role: a, item: report, with: [b, c], parties: [])).isEmpty)
        try play.choose("a", "go")
        #expect(try play.value("at_all") == .bool(true))
    }

    @Test("sharing scripted refuses the share command and changes nothing")
    func sharingScripted() throws {
        let text = Self.exercise.replacingOccurrences(of: "sharing open", with: "sharing scripted")
        var play = try Play(text)
        play.refuse(
            .share(role: try play.role("a"), item: try play.item("report"), with: [], parties: []), .sharingScripted)
        // Effects still share.
        try play.choose("a", "push")
        #expect(play.session.knows(try play.role("b"), try play.item("report")))
    }

    @Test("sharing a secret item beyond the owner and cleared roles is a breach, charged to the sharer")
    func breachByCommand() throws {
        var play = try Play(Self.exercise)
        let (a, b, c) = (try play.role("a"), try play.role("b"), try play.role("c"))
        let list = try play.item("list")
        // Sharing with the cleared role is no breach.
        var events = try play.apply(.share(role: a, item: list, with: [b], parties: []))
        #expect(events.map(\.kind) == [.itemShared(item: list, by: a, with: [b], cause: nil)])
        #expect(!play.state.breached[list.rawValue])
        // B passes it on to C, who is not cleared: B is charged.
        events = try play.apply(.share(role: b, item: list, with: [c], parties: []))
        let kinds = events.map(\.kind)
        #expect(kinds.first == .itemShared(item: list, by: b, with: [c], cause: nil))
        #expect(kinds.contains(.breach(item: list, roles: [c], parties: [])))
        let privacy = try play.measure("privacy")
        #expect(kinds.contains(.measureChanged(measure: privacy, role: b, delta: -5, value: -5, cause: .breach(list))))
        #expect(kinds.contains(.pointsAwarded(role: b, amount: -1, reason: "leak", cause: .breach(list))))
        #expect(play.state.breached[list.rawValue])
        #expect(try play.measure("privacy", "a") == 0)
        #expect(play.state.points == [0, -1, 0])
    }

    @Test("a breach by an effect runs `on breach` with the choosing role as acting role")
    func breachByEffect() throws {
        var play = try Play(Self.exercise)
        try play.choose("a", "keep")
        try play.choose("a", "go")
        let events = try play.choose("a", "leak")
        let list = try play.item("list")
        let c = try play.role("c")
        #expect(events.map(\.kind).contains(.breach(item: list, roles: [c], parties: [])))
        #expect(try play.measure("privacy", "a") == -5)
        #expect(try play.measure("privacy", "b") == 0)
        #expect(play.session.isEnded)
    }

    @Test("a `goto` in `on breach` moves the story on to the scene")
    func breachGoto() throws {
        let text = """
            exercise t "Breach goto"
              language en
              peer off
            role a "A"
            role b "B"
            info list "List" owner a sensitivity secret
              on breach
                goto inquiry
            ending done "Done"
            ending other "Other"
            scene s "S"
              ask a "Leak?"
                choice leak "Leak"
                  share list with b
                choice no "No"
              end done
            scene inquiry "Inquiry"
              ask b "Explain?"
                choice explain "Explain"
              end other
            """
        var play = try Play(text)
        try play.choose("a", "leak")
        #expect(play.state.scene == (try play.scene("inquiry")))
        guard case .ask(let ask, let pending) = play.session.waiting, ask >= 0 else {
            Issue.record("not waiting for the inquiry's question: \(play.session.waiting)")
            return
        }
        #expect(play.scenario.asks[ask].scene == (try play.scene("inquiry")))
        #expect(pending == [try play.role("b")])
        try play.choose("b", "explain")
        #expect(play.state.ending == (try play.ending("other")))
    }

    @Test("a breach by a decision's option charges the roles that took part")
    func breachByDecision() throws {
        let text = """
            exercise t "Breach decision"
              language en
              peer off
            role a "A"
            role b "B"
            role c "C"
            info list "List" owner a sensitivity secret
              on breach
                privacy -= 5
            measure privacy "Privacy" range -20..0
            ending done "Done"
            scene s "S"
              decide publish "Publish?" by a, b rule unanimous
                option yes "Yes"
                  share list with c
                option no "No" default
              end done
            """
        var play = try Play(text)
        try play.position("a", "publish", "yes")
        try play.position("b", "publish", "yes")
        #expect(play.kinds.contains(.breach(item: try play.item("list"), roles: [try play.role("c")], parties: [])))
        #expect(try play.measure("privacy", "a") == -5)
        #expect(try play.measure("privacy", "b") == -5)
        #expect(try play.measure("privacy", "c") == 0)
    }
}
