import ExerciseEngine
import Localization
import ScenarioLanguage

/// Sentences about a session's elements, shared by the Markdown, HTML and JSON renderers and by `replay`.
struct ReportText: Sendable {
    let t: Strings
    let scenario: Scenario

    init(_ language: UILanguage, scenario: Scenario) {
        t = Strings(.debrief, language: language)
        self.scenario = scenario
    }

    /// The list separator: `、` in Chinese, `, ` in English.
    var comma: String { t.listSeparator }

    /// A role's name; the facilitator (or nobody) for nil.
    func role(_ r: Int?) -> String {
        guard let r else { return t("word.facilitator") }
        return scenario.roles.indices.contains(r) ? scenario.roles[r].name : "#\(r)"
    }

    /// Role names joined.
    func roles(_ list: [Int]) -> String {
        if list.isEmpty { return "—" }
        if list.count == scenario.roles.count && list.count > 1 { return t("word.everyone") }
        return list.map { role($0) }.joined(separator: comma)
    }

    /// A list of names from the report's arguments, with the "everyone" token put into words.
    func names(_ text: String) -> String {
        text == ReportBuilder.everyone ? t("word.everyoneElse") : text.replacingOccurrences(of: ", ", with: comma)
    }

    /// The scenario time of a clock reading, `HH:MM` (`+1d HH:MM` past midnight).
    func time(_ clock: Int) -> String { ClockFormat.time(clock, start: scenario.header.clockStart) }

    /// A scenario duration in the report's language.
    func duration(_ minutes: Int) -> String { t.duration(minutes) }

    /// An argument of a timeline entry or a consequence with the builder's stand-ins for times and durations
    /// (``ReportBuilder/time(_:)``, ``ReportBuilder/duration(_:)``) put into words.
    func expand(_ argument: String) -> String {
        guard argument.hasPrefix(ReportBuilder.marker), let colon = argument.firstIndex(of: ":"),
            let minutes = Int(argument[argument.index(after: colon)...])
        else { return argument }
        switch argument[argument.index(after: argument.startIndex)..<colon] {
        case "time": return time(minutes)
        case "duration": return duration(minutes)
        default: return argument
        }
    }

    /// A wall-clock deliberation, or a dash.
    func deliberation(_ ms: Int64?) -> String { ms.map(wall) ?? "—" }

    /// A wall-clock duration in the report's language.
    func wall(_ ms: Int64) -> String { WallTime.duration(milliseconds: ms, language: t.language) }

    /// An outcome (`hit`, `late`, `missed`, `pending`, `on_time`, `refused`, …) in words.
    func outcome(_ raw: String) -> String { t("outcome." + raw) }

    /// How a decision was resolved, or the name of a rule, in words.
    func rule(_ raw: String) -> String { t("rule." + raw) }

    /// How a decision was settled, as `resolved_by` names it, in words.
    func settled(_ how: SettledBy) -> String { t("settled." + how.rawValue) }

    /// The tally of a vote in one line: each option's votes (weight) and who cast them, the weights, abstentions,
    /// the quorum and threshold, and whether it carried.
    func tally(_ d: DecisionIndex, _ tally: VoteTally) -> String {
        let decision = scenario.decisions[d]
        var parts = tally.rows.map { row in
            t(
                "tally.option", scenario.options[row.option].label, NumberText.format(row.total),
                row.roles.isEmpty ? t("tally.nobody") : row.roles.map { role($0) }.joined(separator: comma))
        }
        if decision.rule == .weighted {
            let weights = zip(decision.roles, tally.weights).map { role($0) + " " + NumberText.format($1) }
            parts.append(t("tally.weights", weights.joined(separator: comma)))
        }
        if !tally.abstained.isEmpty {
            parts.append(t("tally.abstained", tally.abstained.map { role($0) }.joined(separator: comma)))
        }
        if let quorum = decision.quorum { parts.append(t("tally.quorum", NumberText.format(quorum))) }
        let threshold =
            decision.threshold
            ?? (decision.rule == .majority
                ? VoteThreshold(inclusive: false, numerator: 1, denominator: 2, ofHeld: false) : nil)
        if let threshold, let needed = tally.needed {
            let share = t(
                threshold.inclusive ? "tally.atLeast" : "tally.moreThan", String(threshold.numerator),
                String(threshold.denominator))
            parts.append(
                t(
                    threshold.ofHeld ? "tally.needs.held" : "tally.needs.cast", share,
                    NumberText.format(threshold.ofHeld ? tally.held : tally.cast), NumberText.format(needed)))
        } else {
            parts.append(t("tally.plurality"))
        }
        let leader = tally.leader.map { scenario.options[$0].label } ?? ""
        switch tally.outcome {
        case .carried: parts.append(t("tally.carried", leader))
        case .short: parts.append(t("tally.short", leader))
        case .vetoed: parts.append(t("tally.vetoed", tally.vetoedBy.map { role($0) }.joined(separator: comma)))
        case .tie, .noQuorum, .noVotes: parts.append(t("tally.\(tally.outcome.rawValue)"))
        }
        return t("tally.line", parts.joined(separator: " · "))
    }

    /// A P/S/M/U rating with its meaning.
    func rating(_ r: Rating) -> String { r.rawValue + " · " + t("rating." + r.rawValue) }

    /// An automation marker (` (automated)`), or nothing for a typed move.
    func auto(_ a: AutoReason?) -> String {
        guard let a else { return "" }
        return t(a == .automated ? "auto.automated" : "auto.timeout")
    }

    /// A cause of a score change in words.
    func cause(_ c: CauseRef) -> String {
        switch c.kind {
        case "none": return "—"
        case "facilitator": return t("cause.facilitator")
        default: return t("cause." + c.kind, c.label)
        }
    }

    /// A sensitivity in words.
    func sensitivity(_ s: Sensitivity) -> String { t("sensitivity." + s.rawValue) }

    /// The ending of a session in words.
    func ending(_ overview: Overview) -> String {
        if let e = overview.ending, scenario.endings.indices.contains(e) { return scenario.endings[e].title }
        if let reason = overview.reason { return t("reason." + reason.rawValue) }
        return t("word.unfinished")
    }

    /// A reply to a request a player sent, from the report's arguments (``ReportBuilder/reply(_:)``).
    func reply(_ text: String) -> String {
        if text.hasPrefix("refuse\t") {
            let reason = String(text.dropFirst("refuse\t".count))
            return reason.isEmpty ? t("reply.refuse") : t("reply.refuseBecause", reason)
        }
        return t(text == "accept_derived" ? "reply.acceptDerived" : text == "accept" ? "reply.accept" : "reply.refuse")
    }

    /// A leak to a party outside the exercise, as a sentence.
    func leak(_ l: LeakRecord) -> String {
        let item = scenario.items[l.item].title
        let party = scenario.parties[l.party].name
        return l.by.map { t("leak.line", item, party, role($0)) } ?? t("leak.lineByScenario", item, party)
    }

    /// A timeline entry as a sentence.
    func timeline(_ e: TimelineEntry) -> String {
        let args = e.args.map(expand)
        let a = args + Array(repeating: "", count: 3)
        switch e.kind {
        case "chose": return t("tl.chose", role(e.role), a[0]) + auto(e.auto)
        case "action": return t("tl.action", role(e.role), a[0])
        case "shared":
            return e.role == nil
                ? t("tl.sharedBy0", a[0], names(a[1])) : t("tl.shared", role(e.role), a[0], names(a[1]))
        case "breach": return t("tl.breach", a[0], role(e.role))
        case "leaked": return e.role == nil ? t("tl.leakedBy0", a[0], a[1]) : t("tl.leaked", role(e.role), a[0], a[1])
        case "released":
            return e.role == nil ? t("tl.releasedBy0", a[0], a[1]) : t("tl.released", role(e.role), a[0], a[1])
        case "cleared", "revoked": return t("tl." + e.kind, names(a[0]), a[1])
        case "playerRequestSent": return t("tl.playerRequestSent", role(e.role), a[0], a[1], names(a[2]))
        case "playerRequestAnswered":
            return t("tl.playerRequestAnswered", role(e.role), a[0], reply(a[1]), outcome(a[2])) + auto(e.auto)
        case "playerRequestForwarded": return t("tl.playerRequestForwarded", role(e.role), a[0], a[1], a[2])
        case "decisionFailed": return t("tl.decisionFailed", a[0], rule(a[1]))
        case "resolved": return t("tl.resolved", a[0], a[1], rule(a[2]))
        case "expectation": return t("tl.expectation", a[0], outcome(a[1]))
        case "requestSent": return t("tl.requestSent", role(e.role), a[0], a[1])
        case "requestAnswered": return t("tl.requestAnswered", role(e.role), a[0], a[1], outcome(a[2])) + auto(e.auto)
        case "requestOverdue": return t("tl.requestOverdue", a[0], role(e.role))
        case "note": return t("tl.note", role(e.role), a[0])
        case "checkpoint": return t("tl.checkpoint", a[0], a[1])
        case "override": return t("tl.override", a[0], a[1], a[2])
        case "ending": return a[0].isEmpty ? t("tl.endingReason", t("reason." + a[1])) : t("tl.ending", a[0])
        default: return t.format("tl." + e.kind, arguments: args)
        }
    }

    /// A consequence of a decision as a short phrase.
    func consequence(_ c: Consequence) -> String {
        let args = c.args.map(expand)
        let a = args + Array(repeating: "", count: 3)
        switch c.kind {
        case "share":
            return c.role == nil ? t("cq.shareBy0", a[0], names(a[1])) : t("cq.share", role(c.role), a[0], names(a[1]))
        case "breach": return t("cq.breach", a[0], role(c.role))
        case "leaked": return t("cq.leaked", a[0], a[1])
        case "released": return t("cq.released", a[0], a[1])
        case "cleared", "revoked": return t("cq." + c.kind, names(a[0]), a[1])
        case "expectation": return t("cq.expectation", a[0], outcome(a[1]))
        case "request": return t("cq.request", a[0], a[1])
        case "answered": return t("cq.answered", role(c.role), a[0], outcome(a[1]))
        case "overdue": return t("cq.overdue", a[0], role(c.role))
        case "measure": return t("cq.measure", a[0], a[1], role(c.role))
        case "points": return t("cq.points", a[0], role(c.role))
        case "ending": return a[0].isEmpty ? t("cq.endingReason", t("reason." + a[1])) : t("cq.ending", a[0])
        default: return t.format("cq." + c.kind, arguments: args)
        }
    }

    /// The question of a decision record and its kind.
    func decisionTitle(_ d: DecisionRecord) -> (kind: String, question: String) {
        switch d.kind {
        case .ask(let a): return (t("decision.ask"), scenario.asks[a].question)
        case .joint(let j): return (t("decision.joint"), scenario.decisions[j].question)
        case .action(let a): return (t("decision.action"), scenario.actions[a].title)
        }
    }

    /// The label of a move's pick in a decision record.
    func pick(_ d: DecisionRecord, _ m: Move) -> (label: String, id: String, expected: Bool, isDefault: Bool) {
        switch d.kind {
        case .ask:
            let c = scenario.choices[m.pick]
            return (c.label, c.id, c.isExpected, c.isDefault)
        case .joint:
            let o = scenario.options[m.pick]
            return (o.label, o.id, o.isExpected, o.isDefault)
        case .action:
            let a = scenario.actions[m.pick]
            return (a.title, a.id, false, false)
        }
    }

    /// A joint decision's rule, weights and fallbacks in words.
    func decisionRule(_ d: DecisionIndex) -> String {
        let decision = scenario.decisions[d]
        var text = rule(decision.rule.rawValue)
        if decision.rule == .weighted {
            if decision.weightExpressions.contains(where: { $0 != nil }) {
                text += t("rule.weightsInPlay")
            } else {
                let weights = zip(decision.roles, decision.weights).map { "\(role($0.0)) \(NumberText.format($0.1))" }
                text += " (" + weights.joined(separator: comma) + ")"
            }
        }
        if let threshold = decision.threshold {
            let share = t(
                threshold.inclusive ? "tally.atLeast" : "tally.moreThan", String(threshold.numerator),
                String(threshold.denominator))
            text += " · " + t(threshold.ofHeld ? "rule.thresholdHeld" : "rule.thresholdCast", share)
        }
        if let quorum = decision.quorum { text += " · " + t("tally.quorum", NumberText.format(quorum)) }
        if !decision.vetoes.isEmpty { text += " · " + t("rule.veto", roles(decision.vetoes)) }
        switch decision.arbitration {
        case .facilitator: break
        case .role(let r): text += " · " + t("rule.arbiter", role(r))
        case .rules: text += " · " + t("rule.arbiterRules")
        }
        if !decision.fallback.isEmpty {
            let steps = decision.fallback.map { step -> String in
                switch step {
                case .negotiate(let m): return t("fallback.negotiate", duration(m))
                case .lead: return t("fallback.lead")
                case .arbitrate: return t("fallback.arbitrate")
                }
            }
            text += t("fallback.then", steps.joined(separator: " → "))
        }
        return text
    }

    /// An expected action's response in words.
    func response(_ x: Int) -> String {
        let expectation = scenario.expectations[x]
        switch expectation.response {
        case .action(let a): return t("response.action", scenario.actions[a].title)
        case .choice(let c): return t("response.choice", scenario.choices[c].label)
        case .share(let item, let with):
            let to = with.map { $0.isEmpty ? t("word.anyone") : roles($0) } ?? t("word.everyone")
            return t("response.share", scenario.items[item].title, to)
        case .condition: return t("response.condition")
        }
    }

    /// A warning about the transcript in words.
    func warning(_ w: SessionReport.Warning) -> String {
        switch w {
        case .torn(let line, let bytes): return t("warning.torn", String(line), String(bytes))
        case .unfinished: return t("warning.unfinished")
        case .changedExercise(let line): return t("warning.changed", String(line))
        case .hmacNotChecked: return t("warning.hmac")
        case .pipedInput: return t("warning.piped")
        }
    }

    /// An objective's owner, the organisation responsible in the improvement plan.
    func owner(_ o: Int) -> String { scenario.objectives[o].owner.map { role($0) } ?? "—" }
}

/// The tally of a vote in one line, in the UI language: one sentence for the play screen, `log`, `replay` and the
/// debrief, built by ``ReportText`` from the debrief's catalogue.
public enum VoteTallyText {
    /// Each option's votes (weight) and who cast them, the weights, abstentions, the quorum and threshold, and
    /// whether the vote carried.
    public static func line(_ tally: VoteTally, of d: DecisionIndex, in scenario: Scenario, language: UILanguage)
        -> String
    {
        ReportText(language, scenario: scenario).tally(d, tally)
    }
}
