import ExerciseEngine
import ScenarioLanguage

/// A player for every role at once that picks uniformly among what the session allows, from its own seeded
/// generator (separate from the session's, so that the session's chance draws do not depend on the player).
///
/// Each step it first makes, with ``sideMoveProbability``, a side move for a random role: answering one of the
/// role's pending cooperation requests (accepting three times in four), taking one of its available actions, or,
/// when the exercise allows sharing by command, sharing an item it knows with one other role or with all. Then it
/// answers what the session waits for: a random pending role picks a random offered choice or option; the lead
/// picks a random option; the facilitator arbitrates a random option; discussions get a fixed answer; peer ratings
/// get a random value on the question's scale (skipped one time in ten).
struct RandomPlayer {
    /// What the player does next.
    enum Move {
        /// Apply this input.
        case input(Input)
        /// The session waits for something nobody can give: a runtime error the engine did not report.
        case stuck(message: String, location: SourceLocation?)
        /// The session is over.
        case ended
    }

    /// The player's generator.
    var rng: SeededRandom
    /// The probability of a side move (request, action or share) before each answer.
    let sideMoveProbability: Double
    /// Whether a side move was tried at this decision point already (one per point, so answers always come).
    private var sideMoveTried = false

    init(seed: UInt64, sideMoveProbability: Double) {
        rng = SeededRandom(seed: seed)
        self.sideMoveProbability = sideMoveProbability
    }

    /// Chooses the next input for the session (of `scenario`, passed apart so that it is not copied).
    mutating func next(_ session: Session, _ scenario: Scenario) -> Move {
        let waiting = session.waiting
        if case .ended = waiting { return .ended }
        if session.state.endReason != nil {
            // The story is over: only the peer evaluation may follow. Anything else means an effect that ran after
            // the ending (a condition inject, say) took the story on, and going on could hang the engine.
            if case .peerReview = waiting {
            } else {
                let scene = scenario.scenes[session.state.scene]
                return .stuck(
                    message: "the story went on after its ending, in scene '\(scene.id)': an effect that ran after "
                        + "the ending (such as a condition inject) jumped there",
                    location: scene.location)
            }
        }
        if !sideMoveTried {
            sideMoveTried = true
            if case .peerReview = waiting {
            } else if sideMoveProbability > 0, rng.unit() < sideMoveProbability, let move = sideMove(session, scenario)
            {
                return .input(move)
            }
        }
        sideMoveTried = false
        switch waiting {
        case .running:
            return .stuck(message: "the session is neither waiting for an answer nor ended", location: nil)
        case .ask(let a, let pending):
            guard !pending.isEmpty else {
                return .stuck(message: "the session is neither waiting for an answer nor ended", location: nil)
            }
            let role = pending[rng.index(pending.count)]
            let offered = session.offeredChoices(a, to: role)
            guard !offered.isEmpty else {
                let ask = scenario.asks[a]
                return .stuck(
                    message: "no choice of the question \"\(ask.question)\" is offered to '\(scenario.roles[role].id)'",
                    location: ask.location)
            }
            return .input(.choose(role: role, choice: offered[rng.index(offered.count)]))
        case .positions(let d, let pending):
            let options = scenario.decisions[d].options
            guard !pending.isEmpty, !options.isEmpty else {
                return .stuck(message: "decision '\(scenario.decisions[d].id)' waits for nobody", location: nil)
            }
            let role = pending[rng.index(pending.count)]
            return .input(.position(role: role, option: options[rng.index(options.count)]))
        case .leadCall(let d, let role), .arbiterCall(let d, let role):
            let options = scenario.decisions[d].options
            return .input(.leadCall(role: role, option: options[rng.index(options.count)]))
        case .arbitration(let d):
            let options = scenario.decisions[d].options
            return .input(.facilitator(.arbitrate(option: options[rng.index(options.count)])))
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
            let value: Int? =
                rng.index(10) == 0 ? nil : question.low + rng.index(max(1, question.high - question.low + 1))
            return .input(.peerRating(target: slot.target, question: slot.question, value: value))
        case .ended:
            return .ended
        }
    }

    /// A request answer, an action or a share for a random role, if that role has one.
    private mutating func sideMove(_ session: Session, _ scenario: Scenario) -> Input? {
        let roleCount = scenario.roles.count
        guard roleCount > 0 else { return nil }
        let role = rng.index(roleCount)
        let requests = session.pendingRequests(for: role)
        if !requests.isEmpty, rng.index(2) == 0 {
            return .answer(role: role, request: requests[rng.index(requests.count)], accept: rng.index(4) != 0)
        }
        let actions = session.availableActions(for: role)
        if !actions.isEmpty, rng.index(4) != 0 {
            return .act(role: role, action: actions[rng.index(actions.count)])
        }
        if scenario.header.openSharing, rng.index(2) == 0 {
            // What it holds or can derive from what it holds, among roles only: a random player never leaks to a
            // party outside the exercise (only the script does), so simulations measure the exercise, not leaks.
            let known = scenario.items.elementIndices.filter { session.canShare(role, $0) }
            guard !known.isEmpty else { return nil }
            let item = known[rng.index(known.count)]
            let others = scenario.roles.indices.filter { $0 != role }
            if others.isEmpty || rng.index(2) == 0 { return .share(role: role, item: item, with: [], parties: []) }
            return .share(role: role, item: item, with: [others[rng.index(others.count)]], parties: [])
        }
        return nil
    }
}
