import Debrief
import ExerciseEngine
import Foundation
import Localization
import ScenarioLanguage
import TerminalText

extension Repl {
    func showOpening() {
        let header = scenario.header
        out(paint.bold("━━ " + header.title + " ━━"))
        if !header.summary.isEmpty { wrapped(header.summary) }
        let played = scenario.roles.indices.filter { session.isPlayed($0) }
        out(s("opening.roles", played.map(roleName).joined(separator: s("list.separator"))))
        let automated = scenario.roles.indices.filter { !session.isPlayed($0) }
        if !automated.isEmpty {
            out(s("opening.automated", automated.map(roleName).joined(separator: s("list.separator"))))
        }
        out(
            s(
                "opening.clock", ClockFormat.time(0, start: header.clockStart),
                header.duration.map(s.duration) ?? "—"))
        out(paint.grey(s("opening.hint")))
        out()
    }

    /// Keeps events for `log` without showing them (the history of a resumed session).
    func remember(_ events: [Event]) {
        for event in events {
            keep(describe(event))
            previousEvent = event
        }
        inbox = [:]
    }

    /// Renders events for the people at the keyboard, and keeps them for `log`.
    func render(_ events: [Event]) {
        for event in events {
            let lines = describe(event)
            for line in lines { out(line) }
            keep(lines)
            previousEvent = event
        }
    }

    /// Keeps one event's lines as an entry of the log, without colour and the blank lines around it.
    private func keep(_ lines: [String]) {
        var entry = lines.map { DisplayWidth.stripANSI($0) }
        while entry.first?.isEmpty == true { entry.removeFirst() }
        while entry.last?.isEmpty == true { entry.removeLast() }
        if !entry.isEmpty { history.append(entry) }
    }

    private func stamp(_ clock: Int) -> String {
        paint.grey("[" + ClockFormat.time(clock, start: scenario.header.clockStart) + "]")
    }

    private func wrap(_ text: String, indent: String = "") -> [String] {
        TextLayout.wrap(text, width: max(20, options.width), indent: indent)
    }

    private var showScores: Bool { scenario.header.scores == .full || options.facilitator }

    /// The lines shown for one event (possibly none).
    func describe(_ event: Event) -> [String] {
        let t = stamp(event.clock)
        switch event.kind {
        case .sceneEntered(let scene):
            return ["", paint.bold("── " + scenario.scenes[scene].title + " ──")]
        case .narrative(let text):
            return wrap(text) + [""]
        case .facilitatorNote(let text):
            return options.facilitator ? wrap(paint.grey(s("render.facilitatorNote")) + " " + text) : []
        case .asked:
            lastQuestionShown = nil
            return []
        case .chose(let role, let choice, let auto):
            let label = scenario.choices[choice].label
            switch auto {
            case .automated?: return ["\(t) " + s("render.choseAuto", roleName(role), label)]
            case .timeout?: return ["\(t) " + paint.yellow(s("render.choseTimeout", roleName(role), label))]
            case nil: return ["\(t) " + s("render.chose", roleName(role), label)]
            }
        case .decisionOpened(let d, let round):
            lastQuestionShown = nil
            let decision = scenario.decisions[d]
            var lines = ["", paint.bold(s("render.decisionOpened", decision.question))]
            lines += wrap(
                paint.grey(
                    s(
                        "render.decisionRule", decision.roles.map(roleName).joined(separator: s("list.separator")),
                        s("rule.\(decision.rule.rawValue)"))), indent: "  ")
            if round > 1 { lines.append("  " + s("render.round", String(round))) }
            return lines
        case .positionTaken(let role, _, _, let auto):
            return ["\(t) " + s(auto == nil ? "render.positionTaken" : "render.positionTakenAuto", roleName(role))]
        case .abstained(let role, _, _):
            return ["\(t) " + s("render.positionTaken", roleName(role))]
        case .positionsRevealed(let d, let positions):
            var lines = [paint.bold(s("render.positionsRevealed"))]
            for (r, o) in zip(scenario.decisions[d].roles, positions) {
                let label = o.map { scenario.options[$0].label } ?? s("render.abstained")
                lines.append("  " + TextLayout.pad(roleName(r), toWidth: 14) + " " + label)
            }
            return lines
        case .votesCounted(let d, let tally):
            return wrap(paint.bold(tallyLine(d, tally)), indent: "  ")
        case .decisionFailed(_, let step):
            return [paint.yellow(s("render.decisionFailed", s("rule.\(step)")))]
        case .negotiationRound(_, let round, let cost):
            return [paint.yellow(s("render.negotiation", String(round), s.duration(cost)))]
        case .leadCallAwaited(_, let role):
            return [paint.yellow(s("render.leadCall", roleName(role)))]
        case .arbitrationAwaited:
            return []
        case .arbiterCallAwaited(_, let role):
            return [paint.yellow(s("render.arbiterCall", roleName(role)))]
        case .decisionResolved(let d, let option, let by, _):
            return [
                paint.bold(s("render.decisionResolved", scenario.options[option].label, s("resolution.\(by.rawValue)")))
                    + (scenario.decisions[d].options.count > 0 ? "" : "")
            ]
        case .discussionOpened(let d, let roles):
            lastQuestionShown = nil
            // The question itself is shown to each role in turn; the log keeps a line.
            guard !roles.isEmpty else { return [] }
            return [""]
                + (options.facilitator ? [paint.grey(s("render.discussion", scenario.discussions[d].question))] : [])
        case .discussionAnswered(let role, _, _):
            return ["\(t) " + s("render.discussionAnswered", roleName(role))]
        case .actionTaken(let role, let action):
            return ["\(t) " + s("render.action", roleName(role), scenario.actions[action].title)]
        case .itemShared(let item, let by, let with, _):
            let to =
                with.count == scenario.roles.count
                ? s("info.everyone") : with.map(roleName).joined(separator: s("list.separator"))
            let from = by.map(roleName) ?? s("render.someone")
            return ["\(t) " + paint.cyan(s("render.shared", from, scenario.items[item].title, to))]
        case .breach(let item, let roles, _):
            // The parties it reached have their `leaked` lines already.
            guard !roles.isEmpty else { return [] }
            let reached = roles.map(roleName).joined(separator: s("list.separator"))
            return ["\(t) " + paint.red(s("render.breach", scenario.items[item].title, reached))]
        case .leaked(let item, let party, let by):
            let from = by.map(roleName) ?? s("render.someone")
            return [
                "\(t) " + paint.red(s("render.leaked", from, scenario.items[item].title, scenario.parties[party].name))
            ]
        case .released(let item, let party, let by):
            let from = by.map(roleName) ?? s("render.someone")
            return [
                "\(t) "
                    + paint.cyan(s("render.released", from, scenario.items[item].title, scenario.parties[party].name))
            ]
        case .clearanceChanged(let item, let roles, let granted, _):
            let names = roles.map(roleName).joined(separator: s("list.separator"))
            return [
                "\(t) "
                    + paint.cyan(
                        s(granted ? "render.cleared" : "render.revoked", names, scenario.items[item].title))
            ]
        case .injectFired(let i, _):
            let inject = scenario.injects[i]
            let audience = inject.audience.isEmpty ? Array(scenario.roles.indices) : inject.audience
            var lines = ["", "\(t) " + paint.bold(paint.yellow(s("render.inject", inject.title)))]
            let body = inject.text
            if let seat, audience.contains(seat) || options.facilitator {
                if !body.isEmpty { lines += wrap(body, indent: "  ") }
                if !inject.audience.isEmpty {
                    lines.append(
                        paint.grey(
                            "  " + s("render.injectTo", audience.map(roleName).joined(separator: s("list.separator")))))
                }
            } else {
                // Only a seat the player plays can be switched to; other addressees are just named.
                let played = audience.filter { session.isPlayed($0) }
                let names = (played.isEmpty ? audience : played).map(roleName).joined(separator: s("list.separator"))
                lines.append(
                    paint.grey("  " + s(played.isEmpty ? "render.injectNotYours" : "render.injectElsewhere", names)))
            }
            for r in audience where r != seat && session.isPlayed(r) && !body.isEmpty {
                inbox[r, default: []].append(s("render.inboxItem", inject.title, body))
            }
            return lines + [""]
        case .expectationScored(let x, let role, let outcome):
            guard showScores, role == nil else { return [] }
            return [
                "\(t) "
                    + paint.grey(
                        s("render.expectation", scenario.expectations[x].title, s("outcome.\(outcome.rawValue)")))
            ]
        case .requestSent(let q, let deadline):
            let request = scenario.requests[q]
            var lines = [
                "\(t) "
                    + paint.bold(s("render.requestSent", roleName(request.from), roleName(request.to), request.title))
            ]
            lines.append(
                "  " + s("render.requestDeadline", ClockFormat.time(deadline, start: scenario.header.clockStart)))
            if session.isPlayed(request.to) {
                lines.append(
                    paint.grey("  " + s("render.requestHow", request.id, request.acceptLabel, request.refuseLabel)))
            }
            return lines
        case .requestAnswered(let q, let accepted, let outcome, _):
            let request = scenario.requests[q]
            let label = accepted ? request.acceptLabel : request.refuseLabel
            return [
                "\(t) " + s("render.requestAnswered", roleName(request.to), label, s("request.\(outcome.rawValue)"))
            ]
        case .requestOverdue(let q):
            return [
                "\(t) "
                    + paint.red(
                        s("render.requestOverdue", scenario.requests[q].title, roleName(scenario.requests[q].to)))
            ]
        case .playerRequestSent(let k, let from, let to, _, _, let duty, let deadline):
            let r = session.state.playerRequests[k]
            var lines = [
                "\(t) "
                    + paint.bold(
                        s(
                            "render.playerRequestSent", roleName(from),
                            to.map(roleName).joined(separator: s("list.separator")), requestName(k), requestSubject(r)))
            ]
            let due = ClockFormat.time(deadline, start: scenario.header.clockStart)
            lines.append(
                "  "
                    + (duty.map { s("render.playerRequestDuty", scenario.duties[$0].title, due) }
                        ?? s("render.requestDeadline", due)))
            if to.contains(where: session.isPlayed) {
                lines.append(paint.grey("  " + s("render.playerRequestHow", requestName(k))))
            }
            return lines
        case .playerRequestAnswered(let k, let receiver, let by, let reply, let outcome, _):
            let answer: String
            switch reply {
            case .accept: answer = s("reply.accept")
            case .acceptDerived: answer = s("reply.acceptDerived")
            case .refuse(let reason): answer = reason.isEmpty ? s("reply.refuse") : s("reply.refuseBecause", reason)
            case .forward(let to): answer = s("reply.forward", roleName(to))
            }
            let whose = by == receiver ? "" : s("render.playerRequestFirstContact", roleName(receiver))
            return [
                "\(t) "
                    + s(
                        "render.playerRequestAnswered", roleName(by), requestName(k), answer,
                        s("request.\(outcome.rawValue)"))
                    + whose
            ]
        case .playerRequestForwarded(let k, let receiver, let by, let to, _):
            return [
                "\(t) "
                    + s("render.playerRequestForwarded", roleName(by), requestName(k), roleName(to), roleName(receiver))
            ]
        case .playerRequestOverdue(let k, let receiver):
            let holder =
                session.state.playerRequests[k].to.firstIndex(of: receiver).map {
                    session.state.playerRequests[k].holders[$0]
                } ?? receiver
            return [
                "\(t) "
                    + paint.red(s("render.playerRequestOverdue", requestName(k), roleName(holder), roleName(receiver)))
            ]
        case .variableChanged(let v, let value):
            return options.facilitator ? [paint.grey("  \(scenario.variables[v].id) = \(value)")] : []
        case .measureChanged(let m, let role, let delta, _, _):
            guard showScores, delta != 0 else { return [] }
            let sign = delta > 0 ? "+" : ""
            return [paint.grey("  \(scenario.measures[m].name) \(sign)\(formatNumber(delta)) · \(roleName(role))")]
        case .pointsAwarded(let role, let amount, let reason, _):
            guard scenario.header.scores != .hidden || options.facilitator else { return [] }
            return [
                "\(t) " + paint.green(s("render.points", roleName(role), formatNumber(amount)))
                    + (reason.isEmpty ? "" : paint.grey(s("text.parenthesised", reason)))
            ]
        case .clockAdvanced(let from, let to):
            return [
                paint.grey(
                    "⏱ " + ClockFormat.time(from, start: scenario.header.clockStart) + " → "
                        + ClockFormat.time(to, start: scenario.header.clockStart) + clockReason(minutes: to - from))
            ]
        case .debriefNote(let text):
            return options.facilitator ? [paint.grey(s("render.debriefNote") + " " + text)] : []
        case .note:
            return []
        case .paused:
            return [paint.yellow(s("render.paused"))]
        case .resumed:
            return [paint.yellow(s("render.resumed"))]
        case .objectiveRated(let o, let rating, _, _, let checkpoint):
            guard checkpoint, showScores else { return [] }
            return ["\(t) " + s("render.checkpoint", scenario.objectives[o].title, rating.rawValue)]
        case .ratingOverridden(let o, let rating, let reason):
            return [s("render.override", scenario.objectives[o].title, rating.rawValue, reason)]
        case .peerReviewOpened:
            return ["", paint.bold(s("render.peerOpened")), paint.grey(s("render.peerHow"))]
        case .peerRated(let rater, let target, let question, let value):
            if let value { peerRatings.append((rater, target, question, value)) }
            return []
        case .peerRatingsAnonymous(let ratings, let flagged):
            for r in ratings { peerRatings.append((nil, r.target, r.question, r.value)) }
            flaggedPairs = flagged
            return []
        case .endingReached(let ending, let reason):
            var lines = [""]
            if let ending {
                lines.append(paint.bold("━━ " + scenario.endings[ending].title + " ━━"))
                if !scenario.endings[ending].text.isEmpty { lines += wrap(scenario.endings[ending].text) }
            } else {
                lines.append(paint.bold("━━ " + s("end.\(reason.rawValue)") + " ━━"))
            }
            return lines
        case .ended:
            return []
        case .runtimeError(let message, let location):
            return [paint.red(s("render.runtimeError", message, location.map(\.description) ?? "-"))]
        }
    }

    /// Why the clock moved, from the event just before the move: a choice's or an action's cost, a round of
    /// negotiation (when the move is that cost); else the scenario's own time passing (a scene, the time until the
    /// next inject).
    private func clockReason(minutes: Int) -> String {
        let duration = s.duration(minutes)
        switch previousEvent?.kind {
        case .chose(let role, let choice, _)? where scenario.choices[choice].cost == minutes:
            return s("clock.byChoice", roleName(role), duration)
        case .actionTaken(let role, let action)? where scenario.actions[action].cost == minutes:
            return s("clock.byAction", roleName(role), scenario.actions[action].title, duration)
        case .negotiationRound?:
            return s("clock.byNegotiation", duration)
        default:
            return s("clock.byScene", duration)
        }
    }

    // MARK: Questions

    /// Shows the seat's current question and how to answer it.
    func showQuestion(for role: Int, force: Bool = false) {
        var lines: [String] = []
        switch session.waiting {
        case .ask(let a, let pending) where pending.contains(role):
            let ask = scenario.asks[a]
            lines.append(paint.bold(s("question.for", roleName(role))) + " " + ask.question)
            for (n, c) in session.offeredChoices(a, to: role).enumerated() {
                lines.append(
                    "  " + paint.bold("\(n + 1).") + " " + scenario.choices[c].label
                        + paint.grey("  [\(scenario.choices[c].id)]"))
            }
            if let timeout = ask.timeout {
                lines.append(
                    paint.grey(
                        "  "
                            + s(
                                "question.timeout",
                                ClockFormat.time(session.state.askedAt + timeout, start: scenario.header.clockStart))))
            }
        case .positions(let d, let pending) where pending.contains(role):
            lines.append(paint.bold(s("question.position", roleName(role))) + " " + scenario.decisions[d].question)
            lines += optionLines(d)
            if scenario.decisions[d].isVote { lines.append(paint.grey("  " + s("question.abstain"))) }
            lines.append(paint.grey("  " + s("question.positionHidden")))
        case .leadCall(let d, let lead) where lead == role:
            lines.append(paint.bold(s("question.leadCall", roleName(role))) + " " + scenario.decisions[d].question)
            lines += optionLines(d)
        case .arbiterCall(let d, let arbiter) where arbiter == role:
            lines.append(paint.bold(s("question.arbiterCall", roleName(role))) + " " + scenario.decisions[d].question)
            lines += optionLines(d)
        case .discussion(let d, let pending) where pending.contains(role):
            lines.append(paint.bold(s("question.discussion", roleName(role))) + " " + scenario.discussions[d].question)
            lines.append(paint.grey("  " + s("question.discussionHow")))
        case .peerReview(let rater, let remaining) where rater == role:
            guard let slot = remaining.first else { return }
            let q = scenario.peerQuestions[slot.question]
            lines.append(paint.bold(s("question.peer", roleName(role), roleName(slot.target))) + " " + q.text)
            lines.append(paint.grey("  " + s("question.peerHow", String(q.low), String(q.high))))
        default:
            if force { error(s("error.notYourTurn", roleName(role))) }
            return
        }
        // A cooperation request waiting for this role is easy to overlook while a question is open: remind.
        for q in session.pendingRequests(for: role) {
            let request = scenario.requests[q]
            lines.append(
                paint.yellow("  " + s("request.pendingForYou", request.title, roleName(request.from), request.id)))
        }
        let text = lines.joined(separator: "\n")
        if !force && text == lastQuestionShown { return }
        lastQuestionShown = text
        // `out` wraps by the visible text, continuations hanging under the choice's text after its number (a label
        // that starts with digits, `12路…`, keeps them in the text).
        for line in lines { out(line) }
    }

    func optionLines(_ d: DecisionIndex) -> [String] {
        scenario.decisions[d].options.enumerated().map { (n, o) in
            "  " + paint.bold("\(n + 1).") + " " + scenario.options[o].label
                + paint.grey("  [\(scenario.options[o].id)]")
        }
    }

    func showOptions(decision d: DecisionIndex) {
        for line in optionLines(d) { out(line) }
        out(paint.grey("  " + s("question.arbitrateHow")))
    }

    /// The tally of a vote in one line, the same sentence as `log`, replay and the debrief write.
    func tallyLine(_ d: DecisionIndex, _ tally: VoteTally) -> String {
        VoteTallyText.line(tally, of: d, in: scenario, language: options.language)
    }
}
