import ScenarioLanguage

/// Everything that changes during a session. Hashable, so that explorers can merge identical states.
public struct SessionState: Sendable, Hashable {
    /// Minutes since the start.
    public internal(set) var clock = 0
    /// The current scene.
    public internal(set) var scene = 0
    /// The next instruction of the scene's body.
    var pc = 0
    /// What the session waits for.
    public internal(set) var waiting: Waiting = .ended
    /// Whether the facilitator paused the exercise.
    public internal(set) var paused = false
    var rng: SeededRandom
    /// Values of state variables.
    public internal(set) var variables: [Value]
    /// Raw measure values, `measure * roleCount + role`.
    public internal(set) var measures: [Double]
    /// When each role came to know each item, `item * roleCount + role`; ``neverMinutes`` if not.
    public internal(set) var knownAt: [Int]
    /// Whether a role shared an item, `item * roleCount + role`.
    var sharedBy: [Bool]
    /// Items breached: a secret item that reached a role not cleared, or a sensitive item that reached a party.
    public internal(set) var breached: [Bool]
    /// Which roles may hold each item now, `item * roleCount + role`: the owner and the `cleared` roles at the start,
    /// then as `clear` and `revoke` change it. Only secret items are ever held uncleared.
    public internal(set) var clearance: [Bool]
    /// When each party outside the exercise got each item, `item * partyCount + party`; ``neverMinutes`` if not.
    public internal(set) var partyKnownAt: [Int]
    /// Scenes entered.
    public internal(set) var visited: [Bool]
    /// Choices made, `choice * roleCount + role`.
    public internal(set) var chosen: [Bool]
    /// Actions taken, `action * roleCount + role`.
    public internal(set) var did: [Bool]
    /// The option each decision resolved to, nil while it is not resolved.
    public internal(set) var decided: [Int?]
    /// Positions in the current decision per role, nil where the role has taken none.
    public internal(set) var positions: [Stance?]
    /// Each role's last position in each decision, `decision * roleCount + role`; nil where it took none.
    public internal(set) var lastPositions: [Stance?]
    /// How each decision was settled, nil while it is not resolved.
    public internal(set) var settledBy: [SettledBy?]
    /// The negotiation round of the current decision.
    var round = 0
    /// How many fallback steps of the current decision were used.
    var fallbackStep = 0
    /// Injects that fired.
    public internal(set) var fired: [Bool]
    /// Injects whose chance was drawn and failed.
    var injectSkipped: [Bool]
    /// When each expectation's inject fired, nil before it fires.
    public internal(set) var expectationStart: [Int?]
    /// Response time per expectation and responder slot, `expectation * (roleCount + 1) + role` (slot roleCount: team).
    public internal(set) var responseAt: [Int]
    /// Overall outcome per expectation.
    public internal(set) var expectationOutcome: [ExpectationOutcome]
    /// Per responder outcome, same indexing as ``responseAt``.
    public internal(set) var responderOutcome: [ExpectationOutcome]
    /// Whether each responder slot could have met its expectation by the deadline (offered the choice, able to take
    /// the action or share the item while the session waited for input), same indexing as ``responseAt``. A slot
    /// that could not is `not offered`, never `missed` or `late`.
    public internal(set) var couldRespond: [Bool]
    /// Expectations whose inject the facilitator forced.
    public internal(set) var expectationForced: [Bool]
    /// When each request was sent, nil while it is not.
    public internal(set) var requestSentAt: [Int?]
    /// Each request's outcome.
    public internal(set) var requestOutcome: [RequestOutcome]
    /// When each request was answered, nil while it is not.
    public internal(set) var requestAnsweredAt: [Int?]
    /// Cooperation requests players sent, in the order sent.
    public internal(set) var playerRequests: [PlayerRequest] = []
    /// Collaboration points per role.
    public internal(set) var points: [Double]
    /// A jump decided by a choice, taken when the ask completes.
    var pendingJump: Flow?
    /// When the current question was put.
    public internal(set) var askedAt = 0
    /// Computed objective ratings (latest).
    public internal(set) var ratings: [Rating?]
    /// Facilitator overrides.
    public internal(set) var overrides: [Rating?]
    /// Reasons given for overrides.
    public internal(set) var overrideReasons: [String]
    /// Raters still to rate, after the current one.
    var ratersLeft: [Int] = []
    /// Anonymous ratings held until the review ends.
    var anonymousBuffer: [AnonymousRating] = []
    /// Peer ratings given, `(rater * roleCount + target) * questionCount + question`; nil where none (or skipped).
    var peerGiven: [Int?] = []
    /// The ending reached, if any.
    public internal(set) var ending: Int?
    /// Why the story ended, once it has.
    public internal(set) var endReason: EndReason?

    init(scenario: Scenario, seed: UInt64) {
        let r = scenario.roles.count
        rng = SeededRandom(seed: seed)
        variables = scenario.variables.map(\.initial)
        measures = []
        for m in scenario.measures {
            let start = m.range.contains(0) ? 0 : m.range.lowerBound
            measures += Array(repeating: start, count: r)
        }
        knownAt = Array(repeating: neverMinutes, count: scenario.items.count * r)
        sharedBy = Array(repeating: false, count: scenario.items.count * r)
        for (i, item) in scenario.items.enumerated() {
            if let owner = item.owner { knownAt[i * r + owner] = 0 }
        }
        for (ri, role) in scenario.roles.enumerated() {
            for item in role.knows { knownAt[item.rawValue * r + ri] = 0 }
        }
        breached = Array(repeating: false, count: scenario.items.count)
        clearance = Array(repeating: false, count: scenario.items.count * r)
        for (i, item) in scenario.items.enumerated() {
            if let owner = item.owner { clearance[i * r + owner] = true }
            for role in item.cleared { clearance[i * r + role] = true }
        }
        partyKnownAt = Array(repeating: neverMinutes, count: scenario.items.count * scenario.parties.count)
        visited = Array(repeating: false, count: scenario.scenes.count)
        chosen = Array(repeating: false, count: scenario.choices.count * r)
        did = Array(repeating: false, count: scenario.actions.count * r)
        decided = Array(repeating: nil, count: scenario.decisions.count)
        positions = Array(repeating: nil, count: r)
        lastPositions = Array(repeating: nil, count: scenario.decisions.count * r)
        settledBy = Array(repeating: nil, count: scenario.decisions.count)
        fired = Array(repeating: false, count: scenario.injects.count)
        injectSkipped = fired
        expectationStart = Array(repeating: nil, count: scenario.expectations.count)
        responseAt = Array(repeating: neverMinutes, count: scenario.expectations.count * (r + 1))
        expectationOutcome = Array(repeating: .pending, count: scenario.expectations.count)
        responderOutcome = Array(repeating: .pending, count: scenario.expectations.count * (r + 1))
        couldRespond = Array(repeating: false, count: scenario.expectations.count * (r + 1))
        expectationForced = Array(repeating: false, count: scenario.expectations.count)
        requestSentAt = Array(repeating: nil, count: scenario.requests.count)
        requestOutcome = Array(repeating: .pending, count: scenario.requests.count)
        requestAnsweredAt = requestSentAt
        points = Array(repeating: 0, count: r)
        ratings = Array(repeating: nil, count: scenario.objectives.count)
        overrides = ratings
        overrideReasons = Array(repeating: "", count: scenario.objectives.count)
    }
}

/// A change of scene or an ending decided by an effect.
enum Flow: Sendable, Hashable {
    case goto(Int)
    case end(Int)
}
