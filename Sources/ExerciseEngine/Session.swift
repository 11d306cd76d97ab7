import ScenarioLanguage

/// A running exercise: a pure, deterministic state machine. It says what it waits for, and applies one input at
/// a time, returning the events that followed. An input that cannot be applied throws and changes nothing.
public struct Session: Sendable {
    /// The exercise.
    public let scenario: Scenario
    /// Which roles people play (the others are automated).
    public let played: [Bool]
    /// Whether a facilitator runs the session.
    public let facilitated: Bool
    /// The seed of the session's random draws.
    public let seed: UInt64
    /// The current state.
    public internal(set) var state: SessionState
    var events: [Event] = []
    var steps = 0
    /// Whether events are collected. When false, ``start()`` and ``apply(_:)`` return no events and objective
    /// ratings skip listing the facts they read; the state changes exactly as when events are collected. For tools
    /// that only look at the state (simulation, exploration).
    public var recordsEvents = true
    /// Whether ``run()`` is already running the scene: a question settled at once (by automated roles) then lets
    /// that loop go on instead of running the rest of the scene one call deeper each time.
    var running = false
    /// The worst and best value each role can reach in each measure, which the scorecard normalises against;
    /// nil: each measure's `range` for every role (as transcripts recorded before per-role bounds were scored).
    /// A measure with a declared `range` is normalised against it whatever the bounds say (the author's override).
    public var scoreBounds: ScoreBounds?
    /// The scoring rules this session follows (``scoringVersion`` unless replaying an older transcript): before 4,
    /// a share that breached a secret item ran its `on breach` block once per uncleared role.
    public var rulesVersion = Session.scoringVersion
    /// Whether debrief notes are left out: while a forced inject whose own condition does not hold runs its effects.
    var quietNotes = false

    /// Creates a session. Call ``start()`` to enter the first scene.
    public init(scenario: Scenario, seed: UInt64, played: Set<Int>, facilitated: Bool = false) {
        self.scenario = scenario
        self.seed = seed
        self.played = scenario.roles.indices.map { played.contains($0) }
        self.facilitated = facilitated
        self.state = SessionState(scenario: scenario, seed: seed)
    }

    var roleCount: Int { scenario.roles.count }

    /// The version of the scoring rules, recorded in every transcript's header: a transcript replays only under the
    /// rules it was recorded with. 1: the first rules. 2: condition responses after the event's effects, `not
    /// offered` and `waived` outcomes, forced injects earn no credit and write no note their condition denies, facts
    /// name the outcome of `hit`, `late` and `missed`.
    /// 3: each role's measures normalised between the worst and best that role can reach (``scoreBounds``,
    /// recorded in the header), a role that cannot move a measure not scored in it.
    /// 4: `on breach` runs once per sharing act (one `breach` event listing the roles and parties it reached), and
    /// items leak to parties outside the exercise; older transcripts replay under their own rule (``rulesVersion``).
    public static let scoringVersion = 4

    /// The scoring rules' versions this version replays: 2 differs from 3 only in normalising against each
    /// measure's `range`, which a session without ``scoreBounds`` still does; 3 from 4 only in running `on breach`
    /// once per uncleared role, which ``rulesVersion`` keeps.
    public static let replayableScoringVersions: ClosedRange<Int> = 2...4

    /// What the session waits for.
    public var waiting: Waiting { state.waiting }

    /// Whether the session is over.
    public var isEnded: Bool { if case .ended = state.waiting { true } else { false } }

    /// Whether the story is over: an ending, the time or the facilitator ended it. Only the peer evaluation may
    /// follow; no effect, inject or clock change happens after it.
    var storyOver: Bool { state.endReason != nil }

    /// Starts the exercise: enters the first scene and runs until the first question.
    public mutating func start() -> [Event] {
        events = []
        steps = 0
        enter(scene: scenario.header.startScene)
        run()
        settle()
        return takeEvents()
    }

    mutating func takeEvents() -> [Event] {
        let result = events
        events = []
        return result
    }

    mutating func emit(_ kind: EventKind) {
        guard recordsEvents else { return }
        events.append(Event(clock: state.clock, kind: kind))
    }

    // MARK: Applying inputs

    /// Applies one input. Throws, leaving the session unchanged, when the input does not fit.
    public mutating func apply(_ input: Input) throws(SessionError) -> [Event] {
        try validate(input)
        events = []
        steps = 0
        switch input {
        case .choose(let role, let choice):
            answerAsk(role: role, choice: choice, auto: nil)
        case .position(let role, let option):
            takePosition(role: role, stance: .option(option), auto: nil)
        case .abstain(let role):
            takePosition(role: role, stance: .abstain, auto: nil)
        case .leadCall(let role, let option):
            if case .arbiterCall(let d, _) = state.waiting {
                resolve(decision: d, option: option, by: .arbitrationRole, role: role)
            } else if case .leadCall(let d, _) = state.waiting {
                resolve(decision: d, option: option, by: .lead, role: role)
            }
        case .discuss(let role, let text):
            answerDiscussion(role: role, text: text)
        case .act(let role, let action):
            takeAction(role: role, action: action)
        case .share(let role, let item, let targets, let parties):
            let roles = targets.isEmpty && parties.isEmpty ? Array(scenario.roles.indices) : targets
            let flow = share(item: item, with: roles, parties: parties, by: role, acting: [role], cause: nil)
            noteShare(role: role, item: item)
            if let flow { interrupt(with: flow) }
        case .answer(let role, let request, let accept):
            answer(request: request, accept: accept, role: role, auto: false)
        case .request(let role, let to, let item, let text, let duty, let within):
            sendPlayerRequest(role: role, to: to, item: item, text: text, duty: duty, within: within)
        case .reply(let role, let request, let reply):
            replyToRequest(role: role, request: request, reply: reply)
        case .note(let role, let text):
            emit(.note(role: role, text: text))
        case .peerRating(let target, let question, let value):
            ratePeer(target: target, question: question, value: value)
        case .facilitator(let command):
            facilitate(command)
        }
        settle()
        return takeEvents()
    }

    /// Checks an input against the current state without changing anything.
    public func validate(_ input: Input) throws(SessionError) {
        if case .facilitator(let command) = input {
            guard facilitated else { throw .facilitatorOnly }
            if isEnded { throw .ended }
            switch command {
            case .inject, .advance, .arbitrate:
                // Nothing happens in the story after its end, only the peer evaluation.
                if storyOver { throw .ended }
            case .pause, .resume, .rate, .end:
                break
            }
            switch command {
            case .inject(let i):
                if !scenario.injects.indices.contains(i) || state.fired[i] { throw .unexpected }
            case .advance(let m):
                if m <= 0 { throw .invalidDuration }
            case .arbitrate(let option):
                guard case .arbitration(let d) = state.waiting else { throw .nothingAsked }
                if !scenario.decisions[d].options.contains(option) { throw .optionNotOffered(option: option) }
            case .pause:
                if state.paused { throw .unexpected }
            case .resume:
                if !state.paused { throw .unexpected }
            case .rate(let o, _, _):
                if !scenario.objectives.indices.contains(o) { throw .unexpected }
            case .end:
                break
            }
            return
        }
        try checkIndices(input)
        if isEnded { throw .ended }
        if storyOver {
            // Only the peer evaluation, and notes, follow the end of the story.
            switch input {
            case .peerRating, .note: break
            default: throw .ended
            }
        }
        if state.paused, !isNote(input) { throw .paused }
        switch input {
        case .choose(let role, let choice):
            guard case .ask(let a, let pending) = state.waiting else { throw .nothingAsked }
            guard scenario.asks[a].roles.contains(role) else { throw .notYourTurn(role: role) }
            guard pending.contains(role) else { throw .alreadyAnswered(role: role) }
            guard scenario.asks[a].choices.contains(choice), offered(choice, to: role) else {
                throw .choiceNotOffered(choice: choice)
            }
        case .position(let role, let option):
            guard case .positions(let d, let pending) = state.waiting else { throw .nothingAsked }
            guard scenario.decisions[d].roles.contains(role) else { throw .notYourTurn(role: role) }
            guard pending.contains(role) else { throw .alreadyAnswered(role: role) }
            guard scenario.decisions[d].options.contains(option) else { throw .optionNotOffered(option: option) }
        case .abstain(let role):
            guard case .positions(let d, let pending) = state.waiting else { throw .nothingAsked }
            guard scenario.decisions[d].roles.contains(role) else { throw .notYourTurn(role: role) }
            guard pending.contains(role) else { throw .alreadyAnswered(role: role) }
            guard scenario.decisions[d].isVote else { throw .cannotAbstain }
        case .leadCall(let role, let option):
            let d: DecisionIndex
            switch state.waiting {
            case .leadCall(let decision, let lead), .arbiterCall(let decision, let lead):
                guard role == lead else { throw .notYourTurn(role: role) }
                d = decision
            default: throw .nothingAsked
            }
            guard scenario.decisions[d].options.contains(option) else { throw .optionNotOffered(option: option) }
        case .discuss(let role, let text):
            guard case .discussion(_, let pending) = state.waiting else { throw .nothingAsked }
            guard pending.contains(role) else { throw .notYourTurn(role: role) }
            if text.allSatisfy(\.isWhitespace) { throw .emptyText }
        case .act(let role, let action):
            if let refusal = actionRefusal(action, role: role) {
                throw .actionUnavailable(action: action, reason: refusal)
            }
        case .share(let role, let item, let targets, let parties):
            guard scenario.header.openSharing else { throw .sharingScripted }
            guard canShare(role, item) else { throw .doesNotKnow(item: item) }
            if targets.contains(role) && targets.count == 1 && parties.isEmpty { throw .unexpected }
        case .answer(let role, let request, _):
            guard scenario.requests[request].to == role, state.requestSentAt[request] != nil,
                state.requestOutcome[request] == .pending || state.requestOutcome[request] == .overdue
            else { throw .noSuchRequest(request: request) }
        case .request(let role, let to, let item, let text, let duty, let within):
            try validateRequest(role: role, to: to, item: item, text: text, duty: duty, within: within)
        case .reply(let role, let request, let reply):
            try validateReply(role: role, request: request, reply: reply)
        case .note(_, let text):
            if text.allSatisfy(\.isWhitespace) { throw .emptyText }
        case .peerRating(let target, let question, let value):
            guard case .peerReview(_, let remaining) = state.waiting else { throw .nothingAsked }
            guard remaining.contains(PeerSlot(target: target, question: question)) else { throw .unexpected }
            let q = scenario.peerQuestions[question]
            if let value, value < q.low || value > q.high { throw .ratingOutOfRange(low: q.low, high: q.high) }
        case .facilitator:
            break
        }
    }

    /// Refuses roles, actions, items and requests that the scenario does not have (the other indices are checked
    /// against what is asked).
    private func checkIndices(_ input: Input) throws(SessionError) {
        let roles = scenario.roles.indices
        switch input {
        case .choose(let role, _), .position(let role, _), .leadCall(let role, _), .discuss(let role, _),
            .abstain(let role):
            if !roles.contains(role) { throw .unexpected }
        case .act(let role, let action):
            if !roles.contains(role) || !scenario.actions.indices.contains(action) { throw .unexpected }
        case .share(let role, let item, let targets, let parties):
            let items = scenario.items.elementIndices
            if !roles.contains(role) || !items.contains(item) || !targets.allSatisfy(roles.contains)
                || !parties.allSatisfy(scenario.parties.indices.contains)
            {
                throw .unexpected
            }
        case .answer(let role, let request, _):
            if !roles.contains(role) || !scenario.requests.indices.contains(request) { throw .unexpected }
        case .note(let role, _):
            if let role, !roles.contains(role) { throw .unexpected }
        case .peerRating, .facilitator, .request, .reply:
            break  // requests and replies check their indices in validateRequest and validateReply
        }
    }

    private func isNote(_ input: Input) -> Bool { if case .note = input { true } else { false } }

    // MARK: Queries

    /// Whether the role knows the item.
    public func knows(_ role: Int, _ item: ItemIndex) -> Bool {
        state.knownAt[item.rawValue * roleCount + role] != neverMinutes
    }

    /// Whether the role may share the item: it knows it, or knows an item it is derived from (a role holding the
    /// contact list can produce the de-identified counts).
    public func canShare(_ role: Int, _ item: ItemIndex) -> Bool {
        var next: ItemIndex? = item
        var steps = 0
        while let i = next, steps <= scenario.items.count {
            if knows(role, i) { return true }
            next = scenario.items[i].derivedFrom
            steps += 1
        }
        return false
    }

    /// Whether the role may hold the item now: always for a public or internal item; for a secret one, the owner,
    /// the roles it lists as `cleared`, and those `clear` granted (less those `revoke` withdrew).
    public func cleared(_ role: Int, _ item: ItemIndex) -> Bool {
        scenario.items[item].sensitivity != .secret || state.clearance[item.rawValue * roleCount + role]
    }

    /// Whether a party outside the exercise has the item.
    public func partyKnows(_ party: Int, _ item: ItemIndex) -> Bool {
        state.partyKnownAt[item.rawValue * scenario.parties.count + party] != neverMinutes
    }

    /// Whether the item leaked to the party (any party when nil): a sensitive item that reached it.
    public func leaked(_ item: ItemIndex, to party: Int? = nil) -> Bool {
        guard scenario.items[item].isSensitive else { return false }
        if let party { return partyKnows(party, item) }
        return scenario.parties.indices.contains { partyKnows($0, item) }
    }

    /// Whether a choice is offered to a role now (its condition holds and, if once-only, it was not taken).
    public func offered(_ choice: Int, to role: Int) -> Bool {
        // Fields read one by one: copying the whole `Choice` costs more than the check (simulation hot path).
        if scenario.choices[choice].once && state.chosen[choice * roleCount + role] { return false }
        if let condition = scenario.choices[choice].condition { return evaluate(condition).asBool }
        return true
    }

    /// The choices of an ask offered to a role now.
    public func offeredChoices(_ ask: Int, to role: Int) -> [Int] {
        let choices = scenario.asks[ask].choices
        var result: [Int] = []
        result.reserveCapacity(choices.count)
        for c in choices where offered(c, to: role) { result.append(c) }
        return result
    }

    /// Why a role cannot take an action now, or nil when it can.
    public func actionRefusal(_ action: Int, role: Int) -> ActionRefusal? {
        let a = scenario.actions[action]
        if !a.roles.isEmpty && !a.roles.contains(role) { return .notForRole }
        if a.once && state.did[action * roleCount + role] { return .alreadyTaken }
        if let condition = a.condition, !evaluate(condition).asBool { return .conditionFails }
        return nil
    }

    /// Actions the role can take now.
    public func availableActions(for role: Int) -> [Int] {
        scenario.actions.indices.filter { actionRefusal($0, role: role) == nil }
    }

    /// Requests waiting for the role's answer.
    public func pendingRequests(for role: Int) -> [Int] {
        scenario.requests.indices.filter {
            scenario.requests[$0].to == role && state.requestSentAt[$0] != nil
                && (state.requestOutcome[$0] == .pending || state.requestOutcome[$0] == .overdue)
        }
    }

    /// Whether a role is played by a person.
    public func isPlayed(_ role: Int) -> Bool { played[role] }
}

extension Value {
    var asBool: Bool { if case .bool(let b) = self { b } else { false } }
    var asNumber: Double {
        switch self {
        case .number(let n): n
        case .duration(let d): Double(d)
        default: 0
        }
    }
    var asMinutes: Int {
        switch self {
        case .duration(let d): d
        case .number(let n): Int(n)
        default: 0
        }
    }
}
