import ScenarioLanguage

/// Expected player actions (TARGETs): responses fixed in advance, scored hit, late, missed or not offered.
///
/// A responder is charged (`late`, `missed`) only when it could have met the expectation by its deadline: offered
/// the choice, able to take the action or to share the item while the session waited for input (``couldRespond``).
/// Otherwise its outcome is `not offered`, a defect of the scenario rather than of the player. With `any`, once
/// one responder met it the others are `waived`. Condition responses are checked after the effects of the event
/// that may satisfy them; those of a forced inject that already hold when it is forced are `waived` (no credit).
extension Session {
    /// The responder slots of an expectation: its roles, or the team slot.
    func slots(_ x: Int) -> [Int] {
        let responders = scenario.expectations[x].responders
        return responders.isEmpty ? [roleCount] : responders
    }

    /// The index of an expectation's responder slot in ``SessionState/responseAt`` and its siblings.
    func slotIndex(_ x: Int, _ slot: Int) -> Int { x * (roleCount + 1) + slot }

    func active(_ x: Int) -> Bool { state.expectationStart[x] != nil }

    /// When an expectation falls due, once its inject fired.
    func deadline(_ x: Int) -> Int? { state.expectationStart[x].map { $0 + scenario.expectations[x].within } }

    mutating func noteAction(role: Int, action: Int) {
        for x in scenario.expectations.indices where active(x) {
            if case .action(let a) = scenario.expectations[x].response, a == action { respond(x, role: role) }
        }
    }

    mutating func noteChoice(role: Int, choice: Int) {
        for x in scenario.expectations.indices where active(x) {
            if case .choice(let c) = scenario.expectations[x].response, c == choice { respond(x, role: role) }
        }
    }

    mutating func noteShare(role: Int, item: ItemIndex) {
        state.sharedBy[item.rawValue * roleCount + role] = true
        for x in scenario.expectations.indices where active(x) {
            if case .share(let i, let with) = scenario.expectations[x].response, i == item, shareSatisfied(item, with) {
                respond(x, role: role)
            }
        }
    }

    func shareSatisfied(_ item: ItemIndex, _ with: [Int]?) -> Bool {
        guard let with else { return knownAt(item, .all) != neverMinutes }
        return with.allSatisfy { knows($0, item) }
    }

    /// A condition response is the team's, or, when the expectation names roles, each of theirs.
    mutating func checkConditionResponses() {
        for x in scenario.expectations.indices where active(x) {
            guard case .condition(let cond) = scenario.expectations[x].response else { continue }
            let waiting = slots(x).filter { state.responseAt[slotIndex(x, $0)] == neverMinutes }
            guard !waiting.isEmpty, evaluate(cond).asBool else { continue }
            for slot in waiting { respond(x, role: slot) }
        }
    }

    /// Whether an expectation is met by a condition (rather than by a role's choice, action or share).
    func isConditionResponse(_ x: Int) -> Bool {
        if case .condition = scenario.expectations[x].response { true } else { false }
    }

    /// Responses made before the inject fired count as hits when it fires.
    mutating func checkProactive(_ x: Int) {
        switch scenario.expectations[x].response {
        case .action(let a):
            for r in 0..<roleCount where state.did[a * roleCount + r] { respond(x, role: r) }
        case .choice(let c):
            for r in 0..<roleCount where state.chosen[c * roleCount + r] { respond(x, role: r) }
        case .share(let item, let with):
            if shareSatisfied(item, with) {
                for r in 0..<roleCount where state.sharedBy[item.rawValue * roleCount + r] { respond(x, role: r) }
            }
        case .condition:
            checkConditionResponses()
        }
    }

    /// A forced inject's condition responses that already hold earn no credit: nothing was done for them.
    mutating func waiveHeldConditions(of inject: Int) {
        for x in scenario.injects[inject].expectations where state.expectationOutcome[x] == .pending {
            guard case .condition(let cond) = scenario.expectations[x].response, evaluate(cond).asBool else {
                continue
            }
            for slot in slots(x) {
                state.responderOutcome[slotIndex(x, slot)] = .waived
                if slot < roleCount { emit(.expectationScored(expectation: x, role: slot, outcome: .waived)) }
            }
            state.expectationOutcome[x] = .waived
            emit(.expectationScored(expectation: x, role: nil, outcome: .waived))
        }
    }

    // MARK: Who could have responded

    /// Marks the responder slots that can meet their expectation now, before its deadline (or before its inject
    /// fires: a response made then counts when it fires): called whenever the session is about to wait for input
    /// (players act between inputs).
    mutating func noteOpportunities() {
        guard !storyOver else { return }
        for x in scenario.expectations.indices where state.expectationOutcome[x] == .pending {
            if let deadline = deadline(x), state.clock > deadline { continue }
            for slot in slots(x) where !state.couldRespond[slotIndex(x, slot)] {
                let candidates = slot == roleCount ? Array(0..<roleCount) : [slot]
                if candidates.contains(where: { canRespond(x, role: $0) }) {
                    state.couldRespond[slotIndex(x, slot)] = true
                }
            }
        }
    }

    /// Whether a role can meet an expectation by acting now, between inputs. A choice can be made only while a
    /// question offers it (``noteOffered(ask:)``).
    func canRespond(_ x: Int, role: Int) -> Bool {
        switch scenario.expectations[x].response {
        case .action(let a): actionRefusal(a, role: role) == nil || state.did[a * roleCount + role]
        case .share(let item, _): canShare(role, item)
        case .choice: false
        case .condition: true
        }
    }

    /// A question is put: the roles it offers an expected choice to, before the expectation's deadline (or before
    /// its inject fired: a choice made then counts when it fires), could have met it.
    mutating func noteOffered(ask a: Int) {
        let ask = scenario.asks[a]
        for x in scenario.expectations.indices where state.expectationOutcome[x] == .pending {
            guard case .choice(let c) = scenario.expectations[x].response, ask.choices.contains(c) else { continue }
            if let deadline = deadline(x), state.clock > deadline { continue }
            for slot in slots(x) where !state.couldRespond[slotIndex(x, slot)] {
                let candidates = slot == roleCount ? ask.roles : ask.roles.filter { $0 == slot }
                if candidates.contains(where: { offered(c, to: $0) }) { state.couldRespond[slotIndex(x, slot)] = true }
            }
        }
    }

    // MARK: Outcomes

    /// Records a response by a role (or the team slot) and scores it.
    mutating func respond(_ x: Int, role: Int) {
        guard let start = state.expectationStart[x] else { return }  // its inject has not fired
        let expectation = scenario.expectations[x]
        let slot: Int
        if expectation.responders.isEmpty {
            slot = roleCount
        } else {
            guard expectation.responders.contains(role) else { return }
            slot = role
        }
        let index = slotIndex(x, slot)
        guard state.responseAt[index] == neverMinutes, state.responderOutcome[index] != .waived else { return }
        // With `any`, once one responder has satisfied it, the others owe nothing.
        if !expectation.requiresAll && satisfied(x) { return }
        state.responseAt[index] = state.clock
        let outcome: ExpectationOutcome =
            state.clock <= start + expectation.within ? .hit : state.couldRespond[index] ? .late : .notOffered
        state.responderOutcome[index] = outcome
        if !expectation.responders.isEmpty {
            emit(.expectationScored(expectation: x, role: slot, outcome: outcome))
        }
        scoreOverall(x)
    }

    /// Whether the expectation was satisfied (in time or late).
    func satisfied(_ x: Int) -> Bool {
        state.expectationOutcome[x] == .hit || state.expectationOutcome[x] == .late
    }

    /// The deadline passed: responders who did not respond are missed, or not offered when they could not have.
    mutating func markMissed(_ x: Int) {
        for slot in slots(x) {
            let index = slotIndex(x, slot)
            guard state.responderOutcome[index] == .pending else { continue }
            let outcome: ExpectationOutcome = state.couldRespond[index] ? .missed : .notOffered
            state.responderOutcome[index] = outcome
            if slot < roleCount { emit(.expectationScored(expectation: x, role: slot, outcome: outcome)) }
        }
        scoreOverall(x)
    }

    /// Sets the overall outcome from the responders' once it is settled. With `all`, the worst of them (missed,
    /// late, not offered, hit); with `any`, the best (hit, late, missed, not offered), and once it is met the
    /// responders still owing it are waived.
    mutating func scoreOverall(_ x: Int) {
        let expectation = scenario.expectations[x]
        let outcomes = slots(x).map { state.responderOutcome[slotIndex(x, $0)] }
        let order: [ExpectationOutcome] =
            expectation.requiresAll
            ? [.pending, .missed, .late, .notOffered, .hit] : [.hit, .late, .pending, .missed, .notOffered]
        guard let overall = order.first(where: outcomes.contains), overall != .pending else { return }
        if !expectation.requiresAll && (overall == .hit || overall == .late) {
            for slot in slots(x) {
                let index = slotIndex(x, slot)
                guard state.responderOutcome[index] == .pending || state.responderOutcome[index] == .missed else {
                    continue
                }
                state.responderOutcome[index] = .waived
                if slot < roleCount { emit(.expectationScored(expectation: x, role: slot, outcome: .waived)) }
            }
        }
        guard overall != state.expectationOutcome[x], !satisfied(x) else { return }
        state.expectationOutcome[x] = overall
        emit(.expectationScored(expectation: x, role: nil, outcome: overall))
    }
}
