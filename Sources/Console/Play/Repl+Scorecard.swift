import ExerciseEngine
import Foundation
import Localization
import ScenarioLanguage
import TerminalText

extension Repl {
    /// The scores: in play as the exercise's visibility allows, and in full at the end (the scorecard).
    func showScores(final: Bool, compact: Bool = false) {
        let card = Scorecard(session: session)
        let visibility = final || options.facilitator ? ScoreVisibility.full : scenario.header.scores
        if visibility == .hidden {
            if !compact { out(s("score.hidden")) }
            return
        }
        if compact {
            let totals = scenario.roles.indices.map { "\(roleName($0)) \(formatNumber(card.roleTotals[$0].rounded()))" }
            out(s("score.totalsLine", formatNumber(card.teamTotal.rounded()), totals.joined(separator: " · ")))
            return
        }
        out(paint.bold(s("score.totals")))
        var items = scenario.roles.indices.map { BarChart.Item(roleName($0), card.roleTotals[$0]) }
        items.append(BarChart.Item(s("score.team"), card.teamTotal))
        for line in BarChart(items).render(width: min(options.width - 2, 72)) { out("  " + line) }
        if let method = card.boundsMethod {
            hanging("  ", paint.grey(s("score.bounds.\(method.rawValue)")))
        }
        let baselines = scenario.roles.indices.filter { card.roleScored[$0] }.map {
            "\(roleName($0)) \(formatNumber(card.roleBaselines[$0].rounded()))"
        }
        hanging(
            "  ",
            paint.grey(
                s("score.baseline", formatNumber(card.teamBaseline.rounded()), baselines.joined(separator: " · "))))
        guard visibility == .full else { return }
        for measure in card.measures {
            let m = scenario.measures[measure.measure]
            if card.boundsMethod != nil && !m.rangeDeclared {
                out(paint.bold(s("score.measurePerRole", m.name, formatNumber(m.weight))))
            } else {
                out(
                    paint.bold(
                        s(
                            "score.measure", m.name, formatNumber(m.weight), formatNumber(m.range.lowerBound),
                            formatNumber(m.range.upperBound))))
            }
            let scored = scenario.roles.indices.filter { measure.scored[$0] }
            var bars = scored.map { BarChart.Item(roleName($0), measure.normalized[$0]) }
            if !scored.isEmpty { bars.append(BarChart.Item(s("score.team"), measure.team)) }
            for line in BarChart(bars).render(width: min(options.width - 2, 72)) { out("  " + line) }
            if card.boundsMethod != nil && !m.rangeDeclared {
                let raw = scored.map { r in
                    s(
                        "score.rawOf", roleName(r), formatNumber(measure.raw[r]),
                        formatNumber(measure.bounds[r].lowerBound), formatNumber(measure.bounds[r].upperBound))
                }
                if !raw.isEmpty { hanging("  ", paint.grey(raw.joined(separator: s("list.separator")))) }
            }
            let unscored = scenario.roles.indices.filter { !measure.scored[$0] }.map { roleName($0) }
            if !unscored.isEmpty {
                hanging("  ", paint.grey(s("score.notScored", unscored.joined(separator: s("list.separator")))))
            }
        }
        if !final {
            out(paint.bold(s("score.points")))
            out(
                "  "
                    + scenario.roles.indices.map { "\(roleName($0)) \(formatNumber(card.points[$0]))" }.joined(
                        separator: " · "))
        }
    }

    /// The scorecard at the end of the exercise.
    func showScorecard() {
        let card = Scorecard(session: session)
        out()
        out(paint.bold("════ " + s("score.title") + " ════"))
        // Objectives with their reasons.
        out(paint.bold(s("score.objectives")))
        for result in card.objectives {
            let objective = scenario.objectives[result.objective]
            let rating = result.rating.rawValue
            let colour: Style =
                result.rating == .P ? .green : result.rating == .S ? .cyan : result.rating == .M ? .yellow : .red
            hanging(
                "  " + paint("[\(rating)]", .bold, colour) + " ",
                objective.title + (objective.capability.isEmpty ? "" : s("text.parenthesised", objective.capability)),
                hang: 6)
            let reason = ratingReason(result.objective)
            for line in TextLayout.wrap(reason, width: max(20, options.width - 6), indent: "") {
                out("      " + paint.grey(line))
            }
            if let override = result.override {
                out("      " + s("score.override", result.computed.rawValue, override.rawValue, result.overrideReason))
            }
        }
        out()
        showScores(final: true)
        // Expected actions.
        out(paint.bold(s("score.expectations")))
        let team = card.expectationsTeam
        if team.possible == 0 && team.notOffered == 0 {
            out("  " + s("score.noExpectations"))
        } else {
            // Not offered in time: shown only when there are any, never charged.
            let showNotOffered = team.notOffered > 0
            func row(_ name: String, _ t: Scorecard.Tally) -> [String] {
                [name, "\(t.hits)/\(t.possible)", String(t.late), String(t.missed)]
                    + (showNotOffered ? [String(t.notOffered)] : [])
            }
            var rows = scenario.roles.indices.compactMap { r -> [String]? in
                let t = card.expectationsByRole[r]
                guard t.possible > 0 || t.notOffered > 0 else { return nil }
                return row(roleName(r), t)
            }
            rows.append(row(s("score.team"), team))
            let table = Table(
                columns: [
                    TableColumn(s("roles.header.role")), TableColumn(s("score.hits"), alignment: .right),
                    TableColumn(s("score.late"), alignment: .right), TableColumn(s("score.missed"), alignment: .right),
                ] + (showNotOffered ? [TableColumn(s("score.notOffered"), alignment: .right)] : []), rows: rows)
            for line in table.render(maxWidth: options.width - 2) { out("  " + line) }
        }
        // Collaboration points and requests.
        out(paint.bold(s("score.points")))
        hanging(
            "  ",
            scenario.roles.indices.map { "\(roleName($0)) \(formatNumber(card.points[$0]))" }.joined(separator: " · "))
        let sent = scenario.requests.indices.filter { session.state.requestSentAt[$0] != nil }
        if !sent.isEmpty {
            out(paint.bold(s("score.requests")))
            for q in sent {
                let request = scenario.requests[q]
                var line =
                    request.title + " · " + roleName(request.from) + " → " + roleName(request.to) + " · "
                    + s("request.\(card.requests[q].rawValue)")
                if let answered = session.state.requestAnsweredAt[q], let sent = session.state.requestSentAt[q] {
                    line += " · " + s("score.responseTime", s.duration(answered - sent))
                }
                hanging("  ", line)
            }
        }
        showPeerResults()
        // Hotwash.
        let points = card.improvementPoints
        out(paint.bold(s("score.hotwash")))
        if points.isEmpty {
            out("  " + s("score.hotwashNone"))
        } else {
            // Blame follows the events, and what only automated roles caused is the scenario's, said as such.
            for (n, result) in points.enumerated() {
                let objective = scenario.objectives[result.objective]
                let roles = session.responsibleRoles(objective: result.objective)
                let names = roles.map { s(session.isPlayed($0) ? "score.played" : "score.automated", roleName($0)) }
                var who = names.isEmpty ? "" : s("text.parenthesised", names.joined(separator: s("list.separator")))
                if !roles.isEmpty && !roles.contains(where: session.isPlayed) { who += s("score.scenarios") }
                hanging(
                    "  \(n + 1). ",
                    s("score.hotwashItem", result.rating.rawValue, objective.title, who, objective.recommendation))
            }
        }
    }

    /// Why an objective got its rating: the rule that held, or that none did, with the facts read.
    func ratingReason(_ o: Int) -> String {
        let objective = scenario.objectives[o]
        var (value, facts) = (false, [String]())
        var reason = s("score.noRule", objective.otherwise.rawValue)
        for rule in objective.rules {
            (value, facts) = {
                let r = session.evaluateWithFacts(rule.condition)
                return (r.0 == .bool(true), r.1)
            }()
            if value {
                reason = s("score.ruleHeld", rule.rating.rawValue, rule.source)
                break
            }
        }
        if !value {
            let all = objective.rules.flatMap { session.evaluateWithFacts($0.condition).1 }
            var seen: Set<String> = []
            facts = all.filter { seen.insert($0).inserted }
        }
        return facts.isEmpty ? reason : s("score.reasonWithFacts", reason, facts.joined(separator: s("list.separator")))
    }

    func showPeerResults() {
        guard !peerRatings.isEmpty else { return }
        out(paint.bold(s("score.peer") + (scenario.header.peer == .anonymous ? " · " + s("score.anonymous") : "")))
        for (q, question) in scenario.peerQuestions.enumerated() {
            hanging("  ", question.text)
            var rows: [[String]] = []
            for target in scenario.roles.indices {
                let values = peerRatings.filter { $0.target == target && $0.question == q }.map(\.value)
                guard !values.isEmpty else { continue }
                let mean = Double(values.reduce(0, +)) / Double(values.count)
                rows.append([roleName(target), String(format: "%.1f", mean), String(values.count)])
            }
            let table = Table(
                columns: [
                    TableColumn(s("score.rated")), TableColumn(s("score.mean"), alignment: .right),
                    TableColumn(s("score.raters"), alignment: .right),
                ], rows: rows)
            for line in table.render(maxWidth: options.width - 4) { out("    " + line) }
        }
        var flags = flaggedPairs
        if scenario.header.peer != .anonymous {
            flags = []
            for a in scenario.roles.indices {
                for b in scenario.roles.indices where b > a {
                    for q in scenario.peerQuestions.indices {
                        guard
                            let ab = peerRatings.first(where: { $0.rater == a && $0.target == b && $0.question == q })?
                                .value,
                            let ba = peerRatings.first(where: { $0.rater == b && $0.target == a && $0.question == q })?
                                .value,
                            abs(ab - ba) >= 2
                        else { continue }
                        flags.append(PeerPair(first: a, second: b, question: q, gap: abs(ab - ba)))
                    }
                }
            }
        }
        for pair in flags {
            hanging(
                "  ",
                s(
                    "score.flagged", roleName(pair.first), roleName(pair.second), String(pair.gap),
                    scenario.peerQuestions[pair.question].id))
        }
    }
}
