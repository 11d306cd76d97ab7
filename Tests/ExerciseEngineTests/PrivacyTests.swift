import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// Privacy-aware items: parties outside the exercise that items leak to, derived (de-identified) items, clearance
/// granted and withdrawn in play, and `on breach` once per sharing act.
@Suite("Privacy")
struct PrivacyTests {
    static let exercise = """
        exercise privacy_test "Privacy"
          language en
          duration 10h
          peer off
          sharing open
        role health "Health"
        role school "School"
        role police "Police"
        role transport "Transport"
        party parents "Parents' chat"
        party press "Press"
        info list "Contact list" owner health sensitivity secret cleared police
          on breach
            privacy -= 10
            debrief "the list reached someone not cleared"
        info counts "Counts by class" derived from list sensitivity internal
          on breach
            privacy -= 3
        info notice "Public notice" owner health sensitivity public
        measure privacy "Privacy" range -50..0
        state was_cleared = false
        state leaked_any = false
        state leaked_parents = false
        state leaked_press = false
        ending done "Done"
        scene s "S"
          ask health "Go?"
            choice go "Go"
          if cleared(school, list)
            set was_cleared = true
          if leaked(list)
            set leaked_any = true
          if leaked_to(list, parents)
            set leaked_parents = true
          if leaked_to(list, press)
            set leaked_press = true
          ask health "End?"
            choice stop "Stop"
          end done
        """

    private func breaches(_ events: [Event]) -> [EventKind] {
        events.map(\.kind).filter { if case .breach = $0 { true } else { false } }
    }

    private func notes(_ events: [Event]) -> [String] {
        events.compactMap { if case .debriefNote(let text) = $0.kind { text } else { nil } }
    }

    @Test("a leak to a party is a `leaked` event once: the second share to the same party leaks nothing new")
    func leakCountedOnce() throws {
        var play = try Play(Self.exercise)
        let health = try play.role("health")
        let (list, parents) = (try play.item("list"), try #require(play.scenario.party("parents")))
        let first = try play.apply(.share(role: health, item: list, with: [], parties: [parents]))
        #expect(first.map(\.kind).contains(.leaked(item: list, party: parents, by: health)))
        #expect(breaches(first) == [.breach(item: list, roles: [], parties: [parents])])
        #expect(try play.measure("privacy", "health") == -10)
        #expect(play.session.leaked(list))
        #expect(play.session.leaked(list, to: parents))
        #expect(!play.session.leaked(list, to: try #require(play.scenario.party("press"))))
        #expect(play.state.breached[list.rawValue])
        // The same item to the same party again: nothing happens, nothing is charged.
        let again = try play.apply(.share(role: health, item: list, with: [], parties: [parents]))
        #expect(again.isEmpty)
        #expect(try play.measure("privacy", "health") == -10)
        try play.choose("health", "go")
        #expect(try play.value("leaked_any") == .bool(true))
        #expect(try play.value("leaked_parents") == .bool(true))
        #expect(try play.value("leaked_press") == .bool(false))
        #expect(try play.value("was_cleared") == .bool(false))
    }

    @Test("a public item given to a party is released, not leaked, and no breach")
    func publicItemReleased() throws {
        var play = try Play(Self.exercise)
        let (health, notice) = (try play.role("health"), try play.item("notice"))
        let press = try #require(play.scenario.party("press"))
        let events = try play.apply(.share(role: health, item: notice, with: [], parties: [press]))
        #expect(events.map(\.kind) == [.released(item: notice, party: press, by: health)])
        #expect(!play.session.leaked(notice))
        #expect(!play.state.breached[notice.rawValue])
    }

    @Test("sharing the derived item is judged by its own sensitivity, never as a breach of its source")
    func derivedShareIsNoBreach() throws {
        var play = try Play(Self.exercise)
        let (health, school, police) = (try play.role("health"), try play.role("school"), try play.role("police"))
        let (list, counts) = (try play.item("list"), try play.item("counts"))
        #expect(play.scenario.items[counts].owner == health, "a derived item belongs to its source's owner")
        #expect(play.scenario.items[counts].derivedFrom == list)
        let events = try play.apply(.share(role: health, item: counts, with: [school], parties: []))
        #expect(events.map(\.kind).contains(.itemShared(item: counts, by: health, with: [school], cause: nil)))
        #expect(breaches(events).isEmpty)
        #expect(!play.state.breached[list.rawValue])
        #expect(!play.session.knows(school, list), "the counts do not carry the names")
        // Police, cleared for the list, may share the counts it can derive without holding them itself.
        try play.apply(.share(role: health, item: list, with: [police], parties: []))
        #expect(!play.session.knows(police, counts))
        #expect(play.session.canShare(police, counts))
        let transport = try play.role("transport")
        #expect(breaches(try play.apply(.share(role: police, item: counts, with: [transport], parties: []))).isEmpty)
        // Who holds neither may not share it.
        let school2 = try play.role("school")
        play.refuse(.share(role: transport, item: list, with: [school2], parties: []), .doesNotKnow(item: list))
    }

    @Test("`on breach` runs once per sharing act, with every uncleared recipient and party in one event")
    func breachOncePerAct() throws {
        var play = try Play(Self.exercise)
        let health = try play.role("health")
        let (school, transport) = (try play.role("school"), try play.role("transport"))
        let list = try play.item("list")
        let (parents, press) = (
            try #require(play.scenario.party("parents")), try #require(play.scenario.party("press"))
        )
        let events = try play.apply(.share(role: health, item: list, with: [], parties: [parents, press]))
        // Empty roles with parties: only the parties. Now all roles and a party again (already told).
        #expect(breaches(events) == [.breach(item: list, roles: [], parties: [parents, press])])
        let all = try play.apply(
            .share(role: health, item: list, with: Array(play.scenario.roles.indices), parties: [parents]))
        // Police is cleared, health owns it: the breach lists school and transport, once.
        #expect(breaches(all) == [.breach(item: list, roles: [school, transport], parties: [])])
        let changes = all.filter { if case .measureChanged = $0.kind { true } else { false } }
        #expect(changes.count == 1, "the penalty is charged once for the act, not once per recipient")
        #expect(notes(all) == ["the list reached someone not cleared"])
        #expect(try play.measure("privacy", "health") == -20)
    }

    @Test("under scoring rules before 4 a transcript replays with `on breach` once per uncleared role")
    func legacyRule() throws {
        var play = try Play(Self.exercise)
        play.session.rulesVersion = 3
        let health = try play.role("health")
        let (school, transport) = (try play.role("school"), try play.role("transport"))
        let list = try play.item("list")
        let events = try play.apply(
            .share(role: health, item: list, with: Array(play.scenario.roles.indices), parties: []))
        #expect(
            breaches(events) == [
                .breach(item: list, roles: [school], parties: []), .breach(item: list, roles: [transport], parties: []),
            ])
        #expect(notes(events).count == 2)
        #expect(try play.measure("privacy", "health") == -20)
    }

    static let clearance = """
        exercise clearance_test "Clearance"
          language en
          duration 10h
          peer off
          sharing open
        role health "Health"
        role school "School"
        info list "Contact list" owner health sensitivity secret
          on breach
            privacy -= 10
        measure privacy "Privacy" range -50..0
        state before = false
        state after = false
        ending done "Done"
        scene s "S"
          ask health "Clear the school?"
            choice grant "Grant"
              clear school for list
            choice no "No"
          if cleared(school, list)
            set before = true
          ask health "Revoke?"
            choice withdraw "Withdraw"
              revoke school, health for list
            choice keep "Keep"
          if cleared(school, list)
            set after = true
          ask health "End?"
            choice stop "Stop"
          end done
        """

    @Test("`clear` grants clearance (a clearance_changed event) and a share to the cleared role is no breach")
    func clearedThenShared() throws {
        var play = try Play(Self.clearance)
        let (health, school, list) = (try play.role("health"), try play.role("school"), try play.item("list"))
        #expect(!play.session.cleared(school, list))
        let granted = try play.choose("health", "grant")
        #expect(
            granted.map(\.kind).contains(
                .clearanceChanged(item: list, roles: [school], granted: true, cause: .choice(try play.choice("grant"))))
        )
        #expect(try play.value("before") == .bool(true))
        let shared = try play.apply(.share(role: health, item: list, with: [school], parties: []))
        #expect(breaches(shared).isEmpty)
        #expect(try play.measure("privacy", "health") == 0)
        try play.choose("health", "keep")
        #expect(try play.value("after") == .bool(true))
    }

    @Test("`revoke` withdraws clearance (never the owner's); a share after it is a breach again")
    func revoked() throws {
        var play = try Play(Self.clearance)
        let (health, school, list) = (try play.role("health"), try play.role("school"), try play.item("list"))
        try play.choose("health", "grant")
        let withdrawn = try play.choose("health", "withdraw")
        #expect(
            withdrawn.map(\.kind).contains(
                .clearanceChanged(
                    item: list, roles: [school], granted: false, cause: .choice(try play.choice("withdraw")))),
            "only the school's clearance changed: the owner keeps its own")
        #expect(play.session.cleared(health, list))
        #expect(!play.session.cleared(school, list))
        #expect(try play.value("after") == .bool(false))
        let shared = try play.apply(.share(role: health, item: list, with: [school], parties: []))
        #expect(breaches(shared) == [.breach(item: list, roles: [school], parties: [])])
    }

    @Test("a share naming a party the exercise does not have is refused and changes nothing")
    func unknownParty() throws {
        var play = try Play(Self.exercise)
        let (health, list) = (try play.role("health"), try play.item("list"))
        play.refuse(.share(role: health, item: list, with: [], parties: [7]), .unexpected)
    }

    @Test("an approval request whose acceptance clears the requester: the share that follows is no breach")
    func approvalGrantsClearance() throws {
        var play = try Play(
            """
            exercise approval_test "Approval"
              language en
              duration 10h
              peer off
            role health "Health"
            role school "School"
            info list "Contact list" owner health sensitivity secret
              on breach
                privacy -= 10
            measure privacy "Privacy" range -50..0
            request access "Access to the list" from school to health within 30m
              accept "Approve"
                clear school for list
                share list with school
              refuse "Counts only"
            ending done "Done"
            scene s "S"
              ask school "Ask for the list?"
                choice ask_for_it "Ask"
                  send access
              ask health "End?"
                choice stop "Stop"
              end done
            """)
        let (health, school, list) = (try play.role("health"), try play.role("school"), try play.item("list"))
        try play.choose("school", "ask_for_it")
        let answered = try play.apply(.answer(role: health, request: try play.request("access"), accept: true))
        #expect(
            answered.map(\.kind).contains(
                .clearanceChanged(item: list, roles: [school], granted: true, cause: .request(0))))
        #expect(answered.map(\.kind).contains(.itemShared(item: list, by: health, with: [school], cause: .request(0))))
        #expect(breaches(answered).isEmpty)
        #expect(play.session.knows(school, list))
        #expect(try play.measure("privacy", "health") == 0)
    }
}
