import ScenarioLanguage

/// Expected player actions (TARGETs): responses fixed in advance, scored hit, late or missed.
extension Session {
    /// The responder slots of an expectation: its roles, or the team slot.
    func slots(_ x: Int) -> [Int] {
        let responders = scenario.expectations[x].responders
        return responders.isEmpty ? [roleCount] : responders
    }

    func active(_ x: Int) -> Bool { state.expectationStart[x] != nil }

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
            let waiting = slots(x).filter { state.responseAt[x * (roleCount + 1) + $0] == neverMinutes }
            guard !waiting.isEmpty, evaluate(cond).asBool else { continue }
            for slot in waiting { respond(x, role: slot) }
        }
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
        let index = x * (roleCount + 1) + slot
        guard state.responseAt[index] == neverMinutes else { return }
        // With `any`, once one responder has satisfied it, the others owe nothing.
        if !expectation.requiresAll && satisfied(x) { return }
        state.responseAt[index] = state.clock
        let deadline = start + expectation.within
        let outcome: ExpectationOutcome = state.clock <= deadline ? .hit : .late
        state.responderOutcome[index] = outcome
        if !expectation.responders.isEmpty {
            emit(.expectationScored(expectation: x, role: slot, outcome: outcome))
        }
        let answered = slots(x).filter { state.responseAt[x * (roleCount + 1) + $0] != neverMinutes }
        let satisfied = expectation.requiresAll ? answered.count == slots(x).count : !answered.isEmpty
        guard satisfied, state.expectationOutcome[x] == .pending || state.expectationOutcome[x] == .missed else {
            return
        }
        let latest = answered.map { state.responseAt[x * (roleCount + 1) + $0] }
        let when = expectation.requiresAll ? (latest.max() ?? state.clock) : (latest.min() ?? state.clock)
        let overall: ExpectationOutcome = when <= deadline ? .hit : .late
        state.expectationOutcome[x] = overall
        emit(.expectationScored(expectation: x, role: nil, outcome: overall))
    }

    /// Whether the expectation was satisfied (in time or late).
    func satisfied(_ x: Int) -> Bool {
        state.expectationOutcome[x] == .hit || state.expectationOutcome[x] == .late
    }

    /// The deadline passed: responders who did not respond, and the expectation if unsatisfied, are missed.
    mutating func markMissed(_ x: Int) {
        for slot in slots(x) {
            let index = x * (roleCount + 1) + slot
            if state.responderOutcome[index] == .pending {
                state.responderOutcome[index] = .missed
                if slot < roleCount { emit(.expectationScored(expectation: x, role: slot, outcome: .missed)) }
            }
        }
        if state.expectationOutcome[x] == .pending {
            state.expectationOutcome[x] = .missed
            emit(.expectationScored(expectation: x, role: nil, outcome: .missed))
        }
    }
}
