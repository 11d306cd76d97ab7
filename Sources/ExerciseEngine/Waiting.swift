import ScenarioLanguage

/// What the session waits for now.
public enum Waiting: Sendable, Hashable {
    /// The current scene is running. The session passes through this state while it starts or applies an input,
    /// and rests in it only when a scene ends without a question, a jump or an ending.
    case running
    /// Roles must answer an ask.
    case ask(ask: Int, pending: [Int])
    /// Roles must take positions in a decision.
    case positions(decision: DecisionIndex, pending: [Int])
    /// The lead role must settle a decision.
    case leadCall(decision: DecisionIndex, role: Int)
    /// The facilitator must settle a decision.
    case arbitration(decision: DecisionIndex)
    /// The role named by `arbitration ROLE` must settle a decision.
    case arbiterCall(decision: DecisionIndex, role: Int)
    /// Roles must answer a discussion question.
    case discussion(discussion: Int, pending: [Int])
    /// A role rates its peers; `remaining` lists (target, question) pairs still to rate.
    case peerReview(rater: Int, remaining: [PeerSlot])
    /// The exercise is over.
    case ended

    /// The roles that can answer now.
    public var roles: [Int] {
        switch self {
        case .ask(_, let pending), .positions(_, let pending), .discussion(_, let pending): pending
        case .leadCall(_, let role), .arbiterCall(_, let role): [role]
        case .peerReview(let rater, _): [rater]
        case .running, .arbitration, .ended: []
        }
    }
}

/// One rating still to give in the peer evaluation.
public struct PeerSlot: Sendable, Hashable {
    /// The role to rate.
    public var target: Int
    /// The question.
    public var question: Int
}
