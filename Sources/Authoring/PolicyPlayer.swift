import ExerciseEngine
import ScenarioLanguage

/// How the simulated players play.
public enum SimulationPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Uniformly random among what the session allows (``RandomPlayer``).
    case random
    /// A competent team: every choice and position marked `expected`, requests accepted at once, and any action or
    /// share an open expected action asks for taken before its deadline.
    case expected
    /// A passive team: every default choice and option, nothing done unasked, requests left unanswered.
    case `default`
}

/// A player for every role that follows a fixed policy (``SimulationPolicy/expected`` or
/// ``SimulationPolicy/default``). Deterministic: the same session gets the same inputs.
struct PolicyPlayer {
    /// The policy: not ``SimulationPolicy/random``.
    let policy: SimulationPolicy

    /// Chooses the next input for the session.
    func next(_ session: Session, _ scenario: Scenario) -> RandomPlayer.Move {
        let waiting = session.waiting
        if case .ended = waiting { return .ended }
        if session.state.endReason == nil, policy == .expected, let move = sideMove(session, scenario) {
            return .input(move)
        }
        switch waiting {
        case .running:
            return .stuck(message: "the session is neither waiting for an answer nor ended", location: nil)
        case .ask(let a, let pending):
            guard let role = pending.first else {
                return .stuck(message: "the session is neither waiting for an answer nor ended", location: nil)
            }
            let offered = session.offeredChoices(a, to: role)
            let pick =
                policy == .expected
                ? offered.first { scenario.choices[$0].isExpected } ?? session.defaultChoice(a, role: role)
                : session.defaultChoice(a, role: role)
            guard let pick else {
                let ask = scenario.asks[a]
                return .stuck(
                    message: "no choice of the question \"\(ask.question)\" is offered to '\(scenario.roles[role].id)'",
                    location: ask.location)
            }
            return .input(.choose(role: role, choice: pick))
        case .positions(let d, let pending):
            guard let role = pending.first else {
                return .stuck(message: "decision '\(scenario.decisions[d].id)' waits for nobody", location: nil)
            }
            return .input(.position(role: role, option: option(d, session, scenario)))
        case .leadCall(let d, let role), .arbiterCall(let d, let role):
            return .input(.leadCall(role: role, option: option(d, session, scenario)))
        case .arbitration(let d):
            return .input(.facilitator(.arbitrate(option: option(d, session, scenario))))
        case .discussion(_, let pending):
            guard let role = pending.first else {
                return .stuck(message: "a discussion waits for nobody", location: nil)
            }
            return .input(.discuss(role: role, text: "(simulated answer)"))
        case .peerReview(_, let remaining):
            guard let slot = remaining.first else {
                return .stuck(message: "the peer evaluation waits for nothing", location: nil)
            }
            let question = scenario.peerQuestions[slot.question]
            return .input(
                .peerRating(
                    target: slot.target, question: slot.question, value: policy == .expected ? question.high : nil))
        case .ended:
            return .ended
        }
    }

    /// The option the policy takes in a decision: the expected one (or the default).
    private func option(_ d: DecisionIndex, _ session: Session, _ scenario: Scenario) -> Int {
        if policy == .expected,
            let expected = scenario.decisions[d].options.first(where: { scenario.options[$0].isExpected })
        {
            return expected
        }
        return session.defaultOption(d)
    }

    /// What a competent team does unasked: accept every request waiting for an answer, then take the action or make
    /// the share an open expected action asks for.
    private func sideMove(_ session: Session, _ scenario: Scenario) -> Input? {
        let state = session.state
        if case .peerReview = session.waiting { return nil }
        for role in scenario.roles.indices {
            if let request = session.pendingRequests(for: role).first {
                return .answer(role: role, request: request, accept: true)
            }
        }
        let slots = scenario.roles.count + 1
        for (x, expectation) in scenario.expectations.enumerated() where state.expectationOutcome[x] == .pending {
            guard let start = state.expectationStart[x], state.clock <= start + expectation.within else { continue }
            let roles = expectation.responders.isEmpty ? Array(scenario.roles.indices) : expectation.responders
            let open = roles.filter {
                expectation.responders.isEmpty || state.responderOutcome[x * slots + $0] == .pending
            }
            switch expectation.response {
            case .action(let a):
                if let role = open.first(where: { session.actionRefusal(a, role: $0) == nil }) {
                    return .act(role: role, action: a)
                }
            case .share(let item, let with):
                guard scenario.header.openSharing else { continue }
                if let role = open.first(where: { session.canShare($0, item) }) {
                    let targets = (with ?? Array(scenario.roles.indices)).filter { $0 != role }
                    if targets.isEmpty || targets.allSatisfy({ session.knows($0, item) }) { continue }
                    return .share(role: role, item: item, with: with == nil ? [] : targets, parties: [])
                }
            case .choice, .condition:
                continue
            }
        }
        return nil
    }
}
