import ScenarioLanguage

/// Cooperation requests that players send (the duty to cooperate, 协作义务): several receivers, each the first
/// contact of its copy and responsible for it even after forwarding it (首接责任制), a deadline from the request's
/// kind (`duty`) or its own, answers that accept, accept with derived data, refuse with a reason or forward.
extension Session {
    /// The deadline a new request gets, in minutes from now: `within`, else its duty's, else the exercise's only
    /// duty's; nil when none applies.
    public func requestWithin(duty: Int?, within: Int?) -> Int? {
        if let within { return within }
        if let duty { return scenario.duties[duty].within }
        return scenario.duties.count == 1 ? scenario.duties[0].within : nil
    }

    /// The first item derived from `item` that the role can share, if any.
    public func derivedShareable(_ role: Int, of item: ItemIndex) -> ItemIndex? {
        scenario.items.elementIndices.first { scenario.items[$0].derivedFrom == item && canShare(role, $0) }
    }

    /// The requests players sent that wait for the role's answer: (request, copy) pairs.
    public func openPlayerRequests(for role: Int) -> [(request: Int, copy: Int)] {
        state.playerRequests.indices.compactMap { k in state.playerRequests[k].openCopy(heldBy: role).map { (k, $0) } }
    }

    /// Checks a request a player sends.
    func validateRequest(
        role: Int, to: [Int], item: ItemIndex?, text: String, duty: Int?, within: Int?
    ) throws(SessionError) {
        let roles = scenario.roles.indices
        guard roles.contains(role), !to.isEmpty, to.allSatisfy(roles.contains), Set(to).count == to.count else {
            throw .unexpected
        }
        if to.contains(role) { throw .unexpected }
        if let item, !scenario.items.elementIndices.contains(item) { throw .unexpected }
        if let duty, !scenario.duties.indices.contains(duty) { throw .unexpected }
        if item == nil && text.allSatisfy(\.isWhitespace) { throw .emptyText }
        if let within, within <= 0 { throw .invalidDuration }
        if requestWithin(duty: duty, within: within) == nil { throw .noDeadline }
    }

    /// Checks an answer to a request a player sent.
    func validateReply(role: Int, request k: Int, reply: RequestReply) throws(SessionError) {
        guard scenario.roles.indices.contains(role), state.playerRequests.indices.contains(k) else {
            throw .unexpected
        }
        let request = state.playerRequests[k]
        guard request.openCopy(heldBy: role) != nil else { throw .noOpenRequest(request: k) }
        switch reply {
        case .accept:
            if let item = request.item, !canShare(role, item) { throw .doesNotKnow(item: item) }
        case .acceptDerived:
            guard let item = request.item, derivedShareable(role, of: item) != nil else {
                throw .noDerivedItem(item: request.item)
            }
        case .refuse(let reason):
            if reason.allSatisfy(\.isWhitespace) { throw .emptyText }
        case .forward(let target):
            guard scenario.roles.indices.contains(target), target != role, target != request.from else {
                throw .unexpected
            }
        }
    }

    /// Sends a request; automated receivers answer at once.
    mutating func sendPlayerRequest(
        role: Int, to: [Int], item: ItemIndex?, text: String, duty: Int?, within: Int?
    ) {
        // Without a duty named, the request rests on the exercise's only duty, if it declares exactly one.
        let duty = duty ?? (scenario.duties.count == 1 ? 0 : nil)
        let deadline = state.clock + (requestWithin(duty: duty, within: within) ?? 0)
        let k = state.playerRequests.count
        state.playerRequests.append(
            PlayerRequest(
                from: role, to: to, item: item, text: text, duty: duty, sentAt: state.clock, deadline: deadline,
                holders: to, outcomes: Array(repeating: .pending, count: to.count),
                replies: Array(repeating: nil, count: to.count), answeredAt: Array(repeating: nil, count: to.count)))
        emit(
            .playerRequestSent(
                request: k, from: role, to: to, item: item, text: text, duty: duty, deadline: deadline))
        for copy in to.indices where !played[to[copy]] { automatedReply(request: k, copy: copy) }
    }

    /// What an automated holder answers: the item when it can share it and the requester may hold it, a derived
    /// version when the item is secret to the requester (or only a derived version can be shared), else a refusal.
    mutating func automatedReply(request k: Int, copy: Int) {
        guard !storyOver else { return }
        let request = state.playerRequests[k]
        let holder = request.holders[copy]
        var reply = RequestReply.accept
        if let item = request.item {
            let secret = scenario.items[item].sensitivity == .secret && !cleared(request.from, item)
            if derivedShareable(holder, of: item) != nil, secret || !canShare(holder, item) {
                reply = .acceptDerived
            } else if !canShare(holder, item) {
                reply = .refuse("")
            }
        }
        answerCopy(request: k, copy: copy, role: holder, reply: reply, auto: true)
    }

    /// Applies an answer to every copy of the request the role holds (its own, and those forwarded to it): one
    /// answer, given once.
    mutating func replyToRequest(role: Int, request k: Int, reply: RequestReply) {
        var copies: [Int] = []
        while let copy = state.playerRequests[k].openCopy(heldBy: role), !copies.contains(copy), !storyOver {
            copies.append(copy)
            answerCopy(request: k, copy: copy, role: role, reply: reply, auto: false, award: copies.count == 1)
        }
    }

    /// Answers one copy; `award` is false for the further copies one answer settles (points go once per answer).
    private mutating func answerCopy(
        request k: Int, copy: Int, role: Int, reply: RequestReply, auto: Bool, award: Bool = true
    ) {
        let request = state.playerRequests[k]
        let receiver = request.to[copy]
        if case .forward(let target) = reply {
            state.playerRequests[k].holders[copy] = target
            emit(.playerRequestForwarded(request: k, receiver: receiver, by: role, to: target, auto: auto))
            if !played[target] { automatedReply(request: k, copy: copy) }
            return
        }
        let outcome: RequestOutcome
        if case .refuse = reply {
            outcome = .refused
        } else {
            outcome = state.clock <= request.deadline ? .onTime : .late
        }
        state.playerRequests[k].outcomes[copy] = outcome
        state.playerRequests[k].replies[copy] = reply
        state.playerRequests[k].answeredAt[copy] = state.clock
        emit(
            .playerRequestAnswered(
                request: k, receiver: receiver, by: role, reply: reply, outcome: outcome, auto: auto))
        if award, outcome == .onTime, let duty = request.duty, scenario.duties[duty].points != 0 {
            let points = scenario.duties[duty].points
            state.points[role] += points
            emit(
                .pointsAwarded(
                    role: role, amount: points, reason: scenario.duties[duty].title, cause: .playerRequest(k)))
        }
        guard let item = request.item else { return }
        let given: ItemIndex?
        switch reply {
        case .accept: given = item
        case .acceptDerived: given = derivedShareable(role, of: item)
        default: given = nil
        }
        guard let given else { return }
        let flow = share(item: given, with: [request.from], by: role, acting: [role], cause: .playerRequest(k))
        noteShare(role: role, item: given)
        if let flow { interrupt(with: flow) }
    }

    /// The earliest deadline still to pass of a copy not answered, plus one minute (when it becomes overdue).
    func nextPlayerRequestDue() -> Int? {
        var best: Int?
        for request in state.playerRequests where request.outcomes.contains(.pending) {
            let t = request.deadline + 1
            if best.map({ t < $0 }) ?? true { best = t }
        }
        return best
    }

    /// Copies whose deadline has passed unanswered become overdue (they may still be answered, late).
    mutating func markOverduePlayerRequests() {
        for k in state.playerRequests.indices where state.clock > state.playerRequests[k].deadline {
            for copy in state.playerRequests[k].to.indices where state.playerRequests[k].outcomes[copy] == .pending {
                state.playerRequests[k].outcomes[copy] = .overdue
                emit(.playerRequestOverdue(request: k, receiver: state.playerRequests[k].to[copy]))
            }
        }
    }

    /// At the end of the story, copies never answered are unanswered.
    mutating func closePlayerRequests() {
        for k in state.playerRequests.indices {
            for copy in state.playerRequests[k].to.indices {
                let outcome = state.playerRequests[k].outcomes[copy]
                if outcome == .pending || outcome == .overdue { state.playerRequests[k].outcomes[copy] = .unanswered }
            }
        }
    }
}
