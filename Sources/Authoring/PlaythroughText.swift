import ExerciseEngine
import ScenarioLanguage

extension Playthrough {
    /// The playthrough in plain text: the narrative, who chose what, decisions, injects, actions, requests and
    /// shares, score changes, the ending, and any runtime error. One line per event (narrative keeps its paragraphs).
    public func text(_ scenario: Scenario) -> [String] {
        let narrator = Narrator(scenario: scenario)
        var lines = [
            "playthrough with seed \(seed)\(facilitated ? ", with a facilitator" : ""): "
                + "every role played by the random player"
        ]
        for step in steps {
            for event in step.events { lines += narrator.describe(event) }
        }
        if let error {
            lines.append("")
            lines.append("✗ runtime error: \(error.message)\(error.location.map { " (\($0))" } ?? "")")
        }
        return lines
    }
}

/// Turns events into plain lines.
private struct Narrator {
    let scenario: Scenario

    private func role(_ r: Int) -> String { "\(scenario.roles[r].name) (\(scenario.roles[r].id))" }

    private func time(_ minutes: Int) -> String {
        let t = scenario.header.clockStart + minutes
        let h = (t / 60) % 24
        let m = t % 60
        return "[\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)]"
    }

    private func number(_ x: Double) -> String { (x >= 0 ? "+" : "") + formatNumber(x) }

    func describe(_ event: Event) -> [String] {
        let t = time(event.clock)
        let s = scenario
        switch event.kind {
        case .sceneEntered(let scene):
            return ["", "== \(s.scenes[scene].title) (\(s.scenes[scene].id)) =="]
        case .narrative(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .facilitatorNote(let text):
            return ["(facilitator) \(text)"]
        case .asked(let ask, let roles):
            return ["\(t) ? \(roles.map { s.roles[$0].id }.joined(separator: ", ")): \(s.asks[ask].question)"]
        case .chose(let r, let choice, let auto):
            let how = auto.map { " (\($0.rawValue))" } ?? ""
            return ["\(t)   \(role(r)) chose \(s.choices[choice].id): \(s.choices[choice].label)\(how)"]
        case .decisionOpened(let d, let round):
            return [
                "\(t) ? decision \(s.decisions[d].id): \(s.decisions[d].question)"
                    + " (\(s.decisions[d].rule.rawValue)\(round > 1 ? ", round \(round)" : ""))"
            ]
        case .positionTaken:
            return []
        case .positionsRevealed(let d, let positions):
            let list = zip(s.decisions[d].roles, positions).map { r, o in
                "\(s.roles[r].id) → \(o.map { s.options[$0].id } ?? "abstain")"
            }
            return ["\(t)   positions: \(list.joined(separator: ", "))"]
        case .abstained:
            return []
        case .votesCounted(_, let tally):
            let rows = tally.rows.map { "\(s.options[$0.option].id) \(formatNumber($0.total))" }
            let needed = tally.needed.map { ", needs \(formatNumber($0))" } ?? ""
            return ["\(t)   tally: \(rows.joined(separator: ", "))\(needed): \(tally.outcome.rawValue)"]
        case .arbiterCallAwaited(_, let r):
            return ["\(t)   \(role(r)) arbitrates"]
        case .decisionFailed(_, let step):
            return ["\(t)   no decision by \(step)"]
        case .negotiationRound(_, let round, let cost):
            return ["\(t)   negotiation round \(round) (\(formatDuration(cost)))"]
        case .leadCallAwaited(_, let r):
            return ["\(t)   the lead \(role(r)) decides"]
        case .arbitrationAwaited:
            return ["\(t)   the facilitator arbitrates"]
        case .decisionResolved(let d, let option, let by, _):
            return [
                "\(t)   decided \(s.decisions[d].id) = \(s.options[option].id): \(s.options[option].label) "
                    + "(by \(by.rawValue))"
            ]
        case .discussionOpened(let d, _):
            return ["\(t) ? discuss: \(s.discussions[d].question)"]
        case .discussionAnswered(let r, _, let text):
            return ["\(t)   \(role(r)): \(text)"]
        case .actionTaken(let r, let a):
            return ["\(t) \(role(r)) does \(s.actions[a].id): \(s.actions[a].title)"]
        case .itemShared(let item, let by, let with, _):
            let who = by.map { s.roles[$0].id } ?? "the scenario"
            return [
                "\(t) \(who) shares \(s.items[item].id) with \(with.map { s.roles[$0].id }.joined(separator: ", "))"
            ]
        case .breach(let item, let roles, let parties):
            let reached = roles.map { s.roles[$0].id } + parties.map { s.parties[$0].id }
            return ["\(t) ! breach: \(s.items[item].id) reached \(reached.joined(separator: ", "))"]
        case .leaked(let item, let party, let by):
            let who = by.map { s.roles[$0].id } ?? "the scenario"
            return ["\(t) ! leak: \(who) gives \(s.items[item].id) to \(s.parties[party].id)"]
        case .released(let item, let party, let by):
            let who = by.map { s.roles[$0].id } ?? "the scenario"
            return ["\(t) \(who) releases \(s.items[item].id) to \(s.parties[party].id)"]
        case .clearanceChanged(let item, let roles, let granted, _):
            let names = roles.map { s.roles[$0].id }.joined(separator: ", ")
            return ["\(t) \(names) \(granted ? "cleared" : "no longer cleared") for \(s.items[item].id)"]
        case .injectFired(let i, let manual):
            var lines = ["\(t) ! inject \(s.injects[i].id): \(s.injects[i].title)\(manual ? " (released)" : "")"]
            if !s.injects[i].text.isEmpty {
                lines += s.injects[i].text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            }
            return lines
        case .expectationScored(let x, let r, let outcome):
            guard r == nil else { return [] }
            return ["\(t)   expected action \(s.expectations[x].id): \(outcome.rawValue)"]
        case .requestSent(let q, _):
            let request = s.requests[q]
            return ["\(t) \(s.roles[request.from].id) asks \(s.roles[request.to].id): \(request.title) (\(request.id))"]
        case .requestAnswered(let q, let accepted, let outcome, _):
            return [
                "\(t)   \(s.roles[s.requests[q].to].id) \(accepted ? "accepts" : "refuses") \(s.requests[q].id) "
                    + "(\(outcome.rawValue))"
            ]
        case .requestOverdue(let q):
            return ["\(t)   request \(s.requests[q].id) is overdue"]
        case .playerRequestSent(let k, let from, let to, let item, let text, _, _):
            let subject = item.map { s.items[$0].id } ?? "\"\(text)\""
            let receivers = to.map { s.roles[$0].id }.joined(separator: ", ")
            return ["\(t) \(s.roles[from].id) sends request r\(k + 1) to \(receivers): \(subject)"]
        case .playerRequestAnswered(let k, _, let by, let reply, let outcome, _):
            return ["\(t)   \(s.roles[by].id) answers r\(k + 1): \(reply) (\(outcome.rawValue))"]
        case .playerRequestForwarded(let k, let receiver, let by, let to, _):
            return [
                "\(t)   \(s.roles[by].id) forwards r\(k + 1) to \(s.roles[to].id) (\(s.roles[receiver].id) stays responsible)"
            ]
        case .playerRequestOverdue(let k, let receiver):
            return ["\(t)   request r\(k + 1) to \(s.roles[receiver].id) is overdue"]
        case .variableChanged(let v, let value):
            return ["\(t)   \(s.variables[v].id) = \(value)"]
        case .measureChanged(let m, let r, let delta, let value, _):
            guard delta != 0 else { return [] }
            return ["\(t)   \(s.measures[m].id) \(number(delta)) for \(s.roles[r].id) → \(formatNumber(value))"]
        case .pointsAwarded(let r, let amount, let reason, _):
            return ["\(t)   \(number(amount)) points to \(s.roles[r].id)\(reason.isEmpty ? "" : ": \(reason)")"]
        case .clockAdvanced:
            return []
        case .debriefNote(let text):
            return ["(debrief) \(text)"]
        case .note(let r, let text):
            return ["\(t) note\(r.map { " by \(s.roles[$0].id)" } ?? ""): \(text)"]
        case .paused:
            return ["\(t) paused"]
        case .resumed:
            return ["\(t) resumed"]
        case .objectiveRated(let o, let rating, _, _, let checkpoint):
            return ["\(t) objective \(s.objectives[o].id): \(rating.rawValue)\(checkpoint ? " (checkpoint)" : "")"]
        case .ratingOverridden(let o, let rating, let reason):
            return ["\(t) objective \(s.objectives[o].id) set to \(rating.rawValue): \(reason)"]
        case .peerReviewOpened:
            return ["", "peer evaluation"]
        case .peerRated(let rater, let target, let q, let value):
            return [
                "  \(s.roles[rater].id) rates \(s.roles[target].id) on \(s.peerQuestions[q].id): "
                    + (value.map(String.init) ?? "skipped")
            ]
        case .peerRatingsAnonymous(let ratings, _):
            return ["  \(ratings.count) anonymous ratings"]
        case .endingReached(let ending, let reason):
            guard let ending else { return ["", "== the end (\(reason.rawValue)) =="] }
            var lines = ["", "== ending \(s.endings[ending].id): \(s.endings[ending].title) =="]
            if !s.endings[ending].text.isEmpty {
                lines += s.endings[ending].text.split(separator: "\n", omittingEmptySubsequences: false).map(
                    String.init)
            }
            return lines
        case .ended:
            return []
        case .runtimeError(let message, let location):
            return ["\(t) ✗ runtime error: \(message)\(location.map { " (\($0))" } ?? "")"]
        }
    }
}
