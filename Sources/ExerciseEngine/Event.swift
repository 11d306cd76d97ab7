import ScenarioLanguage

/// What caused a change of score, so that every score can be explained.
public enum Cause: Sendable, Hashable {
    /// A choice.
    case choice(Int)
    /// A decision's option.
    case option(Int)
    /// An action.
    case action(Int)
    /// An inject.
    case inject(Int)
    /// Answering a request.
    case request(Int)
    /// Answering a request a player sent (an index into ``SessionState/playerRequests``).
    case playerRequest(Int)
    /// A breach of a secret item, or a leak of a sensitive one.
    case breach(ItemIndex)
    /// A scene's body.
    case scene(Int)
    /// A facilitator command.
    case facilitator
}

/// Why a move was made by the session rather than typed.
public enum AutoReason: String, Sendable, Hashable {
    /// The role is not played: its automation policy chose.
    case automated
    /// The question timed out.
    case timeout
}

/// How a decision was settled.
public enum Resolution: String, Sendable, Hashable {
    case unanimous, majority, weighted, lead, arbitration
    /// A role named by `arbitration ROLE` decided.
    case arbitrationRole = "arbitration_role"
    /// The first `arbitration rule` line whose condition held (or the default, when none held).
    case arbitrationRule = "arbitration_rule"
    /// No rule or fallback settled it: the default option applies.
    case defaultOption = "default"
    /// Arbitration without a facilitator: the default option applies.
    case automaticArbitration = "automatic_arbitration"
}

/// A role's position in a vote: an option, or abstaining.
public enum Stance: Sendable, Hashable {
    /// For an option.
    case option(Int)
    /// Abstaining: counted as present, for no option.
    case abstain

    /// The option, nil when abstaining.
    public var option: Int? { if case .option(let o) = self { o } else { nil } }
}

/// The count of a vote (`majority` or `weighted`) when it closes: each option's votes and weight, what the
/// threshold asked, and whether it carried.
public struct VoteTally: Sendable, Hashable {
    /// One option's votes.
    public struct Row: Sendable, Hashable {
        /// The option.
        public var option: Int
        /// The roles that voted for it, in the decision's role order.
        public var roles: [Int]
        /// Their votes (`majority`) or weight (`weighted`).
        public var total: Double

        /// Creates a row.
        public init(option: Int, roles: [Int], total: Double) {
            self.option = option
            self.roles = roles
            self.total = total
        }
    }

    /// How the count came out.
    public enum Outcome: String, Sendable, Hashable {
        /// The leading option carried.
        case carried
        /// Two or more options share the lead.
        case tie
        /// The leading option fell short of the threshold.
        case short
        /// Fewer votes or less weight were cast than the quorum.
        case noQuorum = "no_quorum"
        /// A role with a veto voted for another option.
        case vetoed
        /// Every role abstained.
        case noVotes = "no_votes"
    }

    /// Per option, in the decision's option order.
    public var rows: [Row]
    /// Each role's weight as counted (1 in a `majority` vote), in the decision's role order.
    public var weights: [Double]
    /// Roles that abstained, in the decision's role order.
    public var abstained: [Int]
    /// Votes or weight cast (abstentions not counted).
    public var cast: Double
    /// Votes or weight held by every role that takes part.
    public var held: Double
    /// What the leading option needed: the threshold's share of the cast or held total; nil when the rule is the
    /// plain plurality of `weighted`.
    public var needed: Double?
    /// The leading option (also when it did not carry), nil on a tie or when nobody voted.
    public var leader: Int?
    /// How it came out.
    public var outcome: Outcome
    /// The roles whose veto blocked the leader.
    public var vetoedBy: [Int]

    /// Creates a tally.
    public init(
        rows: [Row], weights: [Double], abstained: [Int], cast: Double, held: Double, needed: Double?, leader: Int?,
        outcome: Outcome, vetoedBy: [Int]
    ) {
        self.rows = rows
        self.weights = weights
        self.abstained = abstained
        self.cast = cast
        self.held = held
        self.needed = needed
        self.leader = leader
        self.outcome = outcome
        self.vetoedBy = vetoedBy
    }
}

extension Resolution {
    /// How `resolved_by` names it, given the round the decision was in.
    public func settledBy(round: Int) -> SettledBy {
        switch self {
        case .unanimous, .majority, .weighted: round > 1 ? .round : .vote
        case .lead: .lead
        case .arbitration, .automaticArbitration, .arbitrationRole, .arbitrationRule: .arbitration
        case .defaultOption: .default
        }
    }
}

/// The state of an expected action for one responder (or the team).
public enum ExpectationOutcome: String, Sendable, Hashable, Codable {
    /// Still open: its deadline has not passed and nobody has met it.
    case pending
    /// Met by the deadline.
    case hit
    /// Met after the deadline, by a responder who could have met it in time.
    case late
    /// Not met by the deadline, by a responder who could have met it in time.
    case missed
    /// The responder could not have met it before the deadline (asked only after it, or no way to act): never
    /// charged to anyone, and a defect of the scenario that `simulate` reports to the author.
    case notOffered = "not_offered"
    /// Not owed any more: with `any`, another responder met it; or it already held when the facilitator forced its
    /// inject, so it earns no credit.
    case waived

    /// Whether it counts in a tally of hits ÷ possible.
    public var counts: Bool { self == .hit || self == .late || self == .missed }
}

/// The outcome of a cooperation request.
public enum RequestOutcome: String, Sendable, Hashable, Codable {
    case pending
    case onTime = "on_time"
    case late, refused, overdue, unanswered
}

/// Why the exercise ended.
public enum EndReason: String, Sendable, Hashable, Codable {
    /// An `end` statement.
    case ending
    /// The clock reached the exercise's duration.
    case timeUp = "time_up"
    /// The facilitator ended it.
    case facilitator
    /// A runtime error stopped it.
    case error
}

/// Something that happened in a session, on the scenario clock.
public struct Event: Sendable, Hashable {
    /// Minutes since the start of the scenario clock.
    public var clock: Int
    /// What happened.
    public var kind: EventKind

    /// Creates an event.
    public init(clock: Int, kind: EventKind) {
        self.clock = clock
        self.kind = kind
    }
}

/// The kinds of events.
public enum EventKind: Sendable, Hashable {
    case sceneEntered(scene: Int)
    case narrative(String)
    case facilitatorNote(String)
    case asked(ask: Int, roles: [Int])
    case chose(role: Int, choice: Int, auto: AutoReason?)
    case decisionOpened(decision: DecisionIndex, round: Int)
    case positionTaken(role: Int, decision: DecisionIndex, option: Int, auto: AutoReason?)
    /// A role abstained in a vote.
    case abstained(role: Int, decision: DecisionIndex, auto: AutoReason?)
    /// The option each role of the decision took, in the decision's role order (``Decision/roles``); nil where it
    /// abstained.
    case positionsRevealed(decision: DecisionIndex, positions: [Int?])
    /// A vote was counted (`majority` and `weighted` rules), after the positions were revealed.
    case votesCounted(decision: DecisionIndex, tally: VoteTally)
    case decisionFailed(decision: DecisionIndex, step: String)
    case negotiationRound(decision: DecisionIndex, round: Int, cost: Int)
    case leadCallAwaited(decision: DecisionIndex, role: Int)
    case arbitrationAwaited(decision: DecisionIndex)
    /// The role named by `arbitration ROLE` must settle the decision.
    case arbiterCallAwaited(decision: DecisionIndex, role: Int)
    case decisionResolved(decision: DecisionIndex, option: Int, by: Resolution, role: Int?)
    case discussionOpened(discussion: Int, roles: [Int])
    case discussionAnswered(role: Int, discussion: Int, text: String)
    case actionTaken(role: Int, action: Int)
    case itemShared(item: ItemIndex, by: Int?, with: [Int], cause: Cause?)
    /// One sharing act breached an item: the secret item reached these roles, not cleared for it, or the sensitive
    /// item reached these parties outside the exercise. The item's `on breach` block runs once after it. (Under
    /// scoring rules before 4, one event per uncleared role, each followed by the block.)
    case breach(item: ItemIndex, roles: [Int], parties: [Int])
    /// A sensitive item reached a party outside the exercise for the first time (never again for that party).
    case leaked(item: ItemIndex, party: Int, by: Int?)
    /// A public item was given to a party outside the exercise for the first time: no leak.
    case released(item: ItemIndex, party: Int, by: Int?)
    /// Roles were cleared for an item (`clear`) or their clearance was withdrawn (`revoke`); only the roles whose
    /// clearance changed.
    case clearanceChanged(item: ItemIndex, roles: [Int], granted: Bool, cause: Cause?)
    case injectFired(inject: Int, manual: Bool)
    case expectationScored(expectation: Int, role: Int?, outcome: ExpectationOutcome)
    case requestSent(request: Int, deadline: Int)
    case requestAnswered(request: Int, accepted: Bool, outcome: RequestOutcome, auto: Bool)
    case requestOverdue(request: Int)
    /// A player sent a cooperation request (an index into ``SessionState/playerRequests``).
    case playerRequestSent(
        request: Int, from: Int, to: [Int], item: ItemIndex?, text: String, duty: Int?, deadline: Int)
    /// The copy of `receiver` (its first contact) was answered by `by` (whoever holds it now).
    case playerRequestAnswered(
        request: Int, receiver: Int, by: Int, reply: RequestReply, outcome: RequestOutcome, auto: Bool)
    /// The copy of `receiver` was passed on by `by` to `to`; the receiver stays responsible for it.
    case playerRequestForwarded(request: Int, receiver: Int, by: Int, to: Int, auto: Bool)
    /// The copy of `receiver` passed its deadline unanswered.
    case playerRequestOverdue(request: Int, receiver: Int)
    case variableChanged(variable: Int, value: Value)
    case measureChanged(measure: Int, role: Int, delta: Double, value: Double, cause: Cause?)
    case pointsAwarded(role: Int, amount: Double, reason: String, cause: Cause?)
    case clockAdvanced(from: Int, to: Int)
    case debriefNote(String)
    case note(role: Int?, text: String)
    case paused
    case resumed
    case objectiveRated(objective: Int, rating: Rating, rule: Int?, facts: [String], checkpoint: Bool)
    case ratingOverridden(objective: Int, rating: Rating, reason: String)
    case peerReviewOpened(raters: [Int])
    /// A rating with its rater (named mode).
    case peerRated(rater: Int, target: Int, question: Int, value: Int?)
    /// All ratings at once, sorted, with no rater (anonymous mode).
    case peerRatingsAnonymous([AnonymousRating], flaggedPairs: [PeerPair])
    /// The story reached its end (peer evaluation may follow).
    case endingReached(ending: Int?, reason: EndReason)
    /// The session is closed.
    case ended(ending: Int?, reason: EndReason)
    case runtimeError(message: String, location: SourceLocation?)
}

/// A peer rating with no trace of who gave it.
public struct AnonymousRating: Sendable, Hashable, Comparable {
    /// The rated role.
    public var target: Int
    /// The question.
    public var question: Int
    /// The rating.
    public var value: Int

    /// Ratings sort by rated role, question and value, so the stored order says nothing about who rated.
    public static func < (a: Self, b: Self) -> Bool {
        (a.target, a.question, a.value) < (b.target, b.question, b.value)
    }
}

/// Two roles whose ratings of each other differ by two or more on a question.
public struct PeerPair: Sendable, Hashable, Comparable {
    /// The first role (lower index).
    public var first: Int
    /// The second role.
    public var second: Int
    /// The question.
    public var question: Int
    /// How far apart their ratings of each other are.
    public var gap: Int

    /// Creates a flagged pair.
    public init(first: Int, second: Int, question: Int, gap: Int) {
        self.first = first
        self.second = second
        self.question = question
        self.gap = gap
    }

    /// Pairs sort by their roles, then the question.
    public static func < (a: Self, b: Self) -> Bool {
        (a.first, a.second, a.question) < (b.first, b.second, b.question)
    }
}
