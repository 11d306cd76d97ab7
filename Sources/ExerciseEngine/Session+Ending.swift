import ScenarioLanguage

/// The end of the story: final ratings, the peer evaluation, and closing.
extension Session {
    mutating func rate(objective o: Int, checkpoint: Bool) {
        guard recordsEvents else {
            // The same rating, without listing the facts for an event nobody collects.
            let rules = scenario.objectives[o].rules
            state.ratings[o] = rules.first { evaluate($0.condition).asBool }?.rating ?? scenario.objectives[o].otherwise
            return
        }
        let objective = scenario.objectives[o]
        var rating = objective.otherwise
        var rule: Int?
        var facts: [String] = []
        for (i, r) in objective.rules.enumerated() {
            let (value, used) = evaluateWithFacts(r.condition)
            facts += used
            if value.asBool {
                rating = r.rating
                rule = i
                break
            }
        }
        var seen: Set<String> = []
        facts = facts.filter { seen.insert($0).inserted }
        state.ratings[o] = rating
        emit(.objectiveRated(objective: o, rating: rating, rule: rule, facts: facts, checkpoint: checkpoint))
    }

    /// The story ends: expectations still open are closed, requests unanswered, objectives rated, then the peer
    /// evaluation (if any) and the closing.
    mutating func finishStory(ending: Int?, reason: EndReason) {
        guard state.endReason == nil else { return }
        state.ending = ending
        state.endReason = reason
        state.pendingJump = nil
        emit(.endingReached(ending: ending, reason: reason))
        for x in scenario.expectations.indices where active(x) && state.expectationOutcome[x] == .pending {
            markMissed(x)
        }
        for q in scenario.requests.indices where state.requestSentAt[q] != nil {
            if state.requestOutcome[q] == .pending || state.requestOutcome[q] == .overdue {
                state.requestOutcome[q] = .unanswered
            }
        }
        closePlayerRequests()
        for o in scenario.objectives.indices { rate(objective: o, checkpoint: false) }
        let raters = scenario.roles.indices.filter { played[$0] }
        if reason != .error, scenario.header.peer != .off, scenario.roles.count >= 2, !raters.isEmpty {
            emit(.peerReviewOpened(raters: raters))
            state.ratersLeft = Array(raters.dropFirst())
            state.waiting = .peerReview(rater: raters[0], remaining: peerSlots(for: raters[0]))
            return
        }
        close()
    }

    func peerSlots(for rater: Int) -> [PeerSlot] {
        scenario.roles.indices.filter { $0 != rater }.flatMap { target in
            scenario.peerQuestions.indices.map { PeerSlot(target: target, question: $0) }
        }
    }

    mutating func ratePeer(target: Int, question: Int, value: Int?) {
        guard case .peerReview(let rater, var remaining) = state.waiting else { return }
        remaining.removeAll { $0 == PeerSlot(target: target, question: question) }
        let questions = scenario.peerQuestions.count
        if state.peerGiven.isEmpty { state.peerGiven = Array(repeating: nil, count: roleCount * roleCount * questions) }
        state.peerGiven[(rater * roleCount + target) * questions + question] = value
        if scenario.header.peer == .anonymous {
            if let value {
                state.anonymousBuffer.append(AnonymousRating(target: target, question: question, value: value))
            }
        } else {
            emit(.peerRated(rater: rater, target: target, question: question, value: value))
        }
        if !remaining.isEmpty {
            state.waiting = .peerReview(rater: rater, remaining: remaining)
            return
        }
        if let next = state.ratersLeft.first {
            state.ratersLeft.removeFirst()
            state.waiting = .peerReview(rater: next, remaining: peerSlots(for: next))
            return
        }
        if scenario.header.peer == .anonymous {
            emit(.peerRatingsAnonymous(state.anonymousBuffer.sorted(), flaggedPairs: flaggedPairs()))
            state.anonymousBuffer = []
        }
        close()
    }

    /// The facilitator ends the peer evaluation before every rater has finished. Anonymous ratings are published
    /// only when they come from two raters or more: from one, they would name that rater.
    mutating func endPeerReview() {
        guard case .peerReview = state.waiting else { return }
        if scenario.header.peer == .anonymous {
            let questions = scenario.peerQuestions.count
            let raters = (0..<roleCount).filter { rater in
                let given = rater * roleCount * questions..<(rater + 1) * roleCount * questions
                return !state.peerGiven.isEmpty && state.peerGiven[given].contains { $0 != nil }
            }
            if raters.count >= 2 {
                emit(.peerRatingsAnonymous(state.anonymousBuffer.sorted(), flaggedPairs: flaggedPairs()))
            }
            state.anonymousBuffer = []
        }
        state.ratersLeft = []
        close()
    }

    mutating func close() {
        state.waiting = .ended
        emit(.ended(ending: state.ending, reason: state.endReason ?? .ending))
    }

    /// Pairs of roles whose ratings of each other differ by two or more.
    public func flaggedPairs() -> [PeerPair] {
        let questions = scenario.peerQuestions.count
        guard !state.peerGiven.isEmpty else { return [] }
        var pairs: [PeerPair] = []
        for a in 0..<roleCount {
            for b in (a + 1)..<max(a + 1, roleCount) {
                for q in 0..<questions {
                    if let ab = state.peerGiven[(a * roleCount + b) * questions + q],
                        let ba = state.peerGiven[(b * roleCount + a) * questions + q], abs(ab - ba) >= 2
                    {
                        pairs.append(PeerPair(first: a, second: b, question: q, gap: abs(ab - ba)))
                    }
                }
            }
        }
        return pairs
    }
}
