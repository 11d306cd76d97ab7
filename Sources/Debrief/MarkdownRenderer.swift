import ExerciseEngine
import Localization
import ScenarioLanguage
import SystemPackage

/// Escapes text for Markdown so that an exercise's texts and trainees' notes cannot turn into markup, links or HTML.
enum MarkdownEscape {
    /// Inline text: backslash-escapes Markdown's punctuation, writes `<` and `>` as entities, and puts line breaks
    /// as spaces.
    static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            switch c {
            case "_":
                // GitHub leaves `_` inside a word alone (`tunnels_closed`); only one at a word's edge can start
                // emphasis.
                let inWord =
                    i > 0 && i + 1 < chars.count && isWordCharacter(chars[i - 1]) && isWordCharacter(chars[i + 1])
                out += inWord ? "_" : "\\_"
            case "\\", "`", "*", "[", "]", "|", "~": out += "\\" + String(c)
            case "#" where i == 0: out += "\\#"
            case "!" where i + 1 < chars.count && chars[i + 1] == "[": out += "\\!"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&" where i + 1 < chars.count && (chars[i + 1] == "#" || chars[i + 1].isLetter): out += "&amp;"
            case "\n", "\r", "\r\n", "\u{2028}", "\u{2029}": out += " "
            default:
                if let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1,
                    scalar.value < 0x20 || scalar.value == 0x7F
                {
                    out += " "
                } else {
                    out.append(c)
                }
            }
        }
        return out
    }

    private static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// Text inside a code span, where backslash escapes do not work: backticks become `'`, line breaks spaces, and
    /// `|` is escaped as GitHub's tables require.
    static func code(_ text: String) -> String {
        var out = "`"
        for c in text {
            switch c {
            case "`": out += "'"
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(c)
            }
        }
        return out + "`"
    }
}

/// Renders a session's or a cohort's report as Markdown: headings, lists and pipe tables, readable as plain text
/// and on GitHub.
struct MarkdownRenderer {
    let report: SessionReport
    let options: DebriefOptions
    let x: ReportText
    var t: Strings { x.t }
    private var out: [String] = []

    init(report: SessionReport, options: DebriefOptions) {
        self.report = report
        self.options = options
        x = ReportText(options.language, scenario: report.scenario)
    }

    private var scenario: Scenario { report.scenario }

    private func e(_ text: String) -> String { MarkdownEscape.inline(text) }

    private mutating func line(_ text: String = "") { out.append(text) }

    private mutating func table(_ header: [String], _ rows: [[String]], align: [Character] = []) {
        guard !rows.isEmpty else { return }
        line("| " + header.joined(separator: " | ") + " |")
        line("|" + header.indices.map { i in (i < align.count && align[i] == "r") ? "---:|" : "---|" }.joined())
        for row in rows { line("| " + row.joined(separator: " | ") + " |") }
        line()
    }

    private mutating func empty(_ key: String) {
        line("_" + t(key) + "_")
        line()
    }

    // MARK: Session

    mutating func render() -> String {
        line("# " + t("md.title", e(report.header.exerciseTitle)))
        line()
        for warning in report.warnings { line("> **" + t("word.note") + "**" + t.colon + e(x.warning(warning))) }
        if !report.warnings.isEmpty { line() }
        summary()
        overview()
        timeline()
        decisions()
        objectives()
        scores()
        expectations()
        information()
        requests()
        peer()
        notes()
        conclusions()
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    private mutating func summary() {
        let c = Conclusions(report)
        let summary = ExecutiveSummary(report, conclusions: c, facilitatorNotes: options.summaryNotes, x)
        line("## " + t("section.summary"))
        line()
        for p in summary.paragraphs {
            line(e(p))
            line()
        }
        for (key, list) in [("summary.strengths", summary.strengths), ("summary.improvements", summary.improvements)]
        where !list.isEmpty {
            line("**" + t(key) + "**")
            line()
            for item in list { line("- " + e(item)) }
            line()
        }
        line(summary.planSentence)
        line()
        if !summary.facilitator.isEmpty {
            line("**" + t("summary.facilitator") + "**")
            line()
            for p in summary.facilitator {
                line(e(p))
                line()
            }
        }
    }

    private mutating func overview() {
        let h = report.header
        let o = report.overview
        line("## " + t("section.overview"))
        line()
        if !scenario.header.summary.isEmpty {
            line(e(scenario.header.summary))
            line()
        }
        var rows: [[String]] = []
        rows.append([t("overview.exercise"), e(h.exerciseTitle) + " · " + MarkdownEscape.code(h.exerciseID)])
        rows.append([t("overview.version"), h.exerciseVersion.isEmpty ? "—" : e(h.exerciseVersion)])
        rows.append([t("overview.file"), MarkdownEscape.code(SessionReport.fileName(report.path))])
        rows.append([t("overview.seed"), String(h.seed)])
        rows.append([t("overview.started"), e(WallTime.display(h.started))])
        rows.append([t("overview.ended"), o.ended.map { e(WallTime.display($0)) } ?? "—"])
        rows.append([t("overview.wall"), o.wallMilliseconds.map(x.wall) ?? "—"])
        rows.append([
            t("overview.clock"),
            t("overview.clockRange", x.time(0), x.time(o.finalClock), x.duration(o.finalClock)),
        ])
        rows.append([t("overview.ending"), e(x.ending(o))])
        rows.append([t("overview.facilitated"), t(h.facilitated ? "word.yes" : "word.no")])
        rows.append([t("overview.peer"), t("peer." + h.peer)])
        rows.append([t("overview.tool"), e(h.tool)])
        rows.append([t("overview.language"), e(h.uiLanguage)])
        rows.append([
            t("overview.transcript"),
            t(
                "overview.transcriptText", String(report.stepCount), String(o.resumes),
                t(h.hmac ? (o.hmacChecked ? "hmac.checked" : "hmac.unchecked") : "hmac.unsigned")),
        ])
        rows.append([t("overview.teamTotal"), "**" + NumberText.format(report.scores.teamTotal) + "** / 100"])
        table([t("word.item"), t("word.value")], rows)

        line("### " + t("section.participants"))
        line()
        var participants: [[String]] = []
        for (r, role) in scenario.roles.enumerated() {
            let played = h.roles.first { $0.id == role.id }?.played ?? false
            participants.append([
                e(role.name), MarkdownEscape.code(role.id), t(played ? "word.played" : "word.automated"),
                role.isLead ? t("word.lead") : "", NumberText.format(report.scores.roleTotals[r]),
                NumberText.format(report.scores.points[r]),
            ])
        }
        table(
            [t("col.role"), t("col.id"), t("col.playedBy"), t("col.lead"), t("col.total"), t("col.points")],
            participants, align: ["l", "l", "l", "l", "r", "r"])
    }

    private mutating func timeline() {
        line("## " + t("section.timeline"))
        line()
        guard !report.timeline.isEmpty else { return empty("empty.timeline") }
        table([t("col.time"), t("col.event")], report.timeline.map { [x.time($0.clock), e(x.timeline($0))] })
    }

    private mutating func decisions() {
        line("## " + t("section.decisions"))
        line()
        line(t("decisions.intro"))
        line()
        guard !report.decisions.isEmpty else { return empty("empty.decisions") }
        for (n, d) in report.decisions.enumerated() {
            let (kind, question) = x.decisionTitle(d)
            line("### \(n + 1). \(x.time(d.clock)) · \(kind) · \(e(question))")
            line()
            if let s = d.scene {
                line(t("decisions.scene", e(scenario.scenes[s].title)))
                line()
            }
            switch d.kind {
            case .ask, .action:
                var rows: [[String]] = []
                for m in d.moves {
                    let p = x.pick(d, m)
                    var label = e(p.label) + " " + MarkdownEscape.code(p.id)
                    if p.expected { label += " ✓ " + t("word.expected") }
                    rows.append([
                        e(x.role(m.role)), label + e(x.auto(m.auto)), x.time(m.clock), x.deliberation(m.deliberation),
                    ])
                }
                if case .action = d.kind {
                    if let m = d.moves.first {
                        line(t("decisions.actionBy", e(x.role(m.role))))
                        line()
                        followed(m.consequences)
                    }
                    continue
                }
                table([t("col.role"), t("col.choice"), t("col.time"), t("col.deliberation")], rows)
                for m in d.moves where !m.consequences.isEmpty {
                    line(t("decisions.followedFrom", e(x.role(m.role))))
                    line()
                    followed(m.consequences)
                }
            case .joint(let j):
                line(t("decisions.rule", e(x.decisionRule(j))))
                line()
                for round in d.rounds {
                    line("**" + t("decisions.round", String(round.number), x.time(round.clock)) + "**")
                    line()
                    table(
                        [t("col.role"), t("col.position"), t("col.deliberation")],
                        round.positions.map { m in
                            let p = x.pick(d, m)
                            return [
                                e(x.role(m.role)), e(p.label) + " " + MarkdownEscape.code(p.id) + e(x.auto(m.auto)),
                                x.deliberation(m.deliberation),
                            ]
                        } + round.abstained.map { [e(x.role($0)), e(t("decisions.abstained")), "—"] })
                    if let tally = round.tally {
                        line("- " + e(x.tally(j, tally)))
                        if round.failed.isEmpty { line() }
                    }
                    for step in round.failed { line("- " + t("decisions.failed", x.rule(step))) }
                    if !round.failed.isEmpty { line() }
                }
                for (step, role) in d.awaited {
                    line(
                        "- "
                            + (step == "lead"
                                ? t("decisions.awaitLead", e(x.role(role)))
                                : role.map { t("decisions.awaitArbiter", e(x.role($0))) }
                                    ?? t("decisions.awaitArbitration")))
                }
                if !d.awaited.isEmpty { line() }
                if let r = d.resolution {
                    let option = scenario.options[r.option]
                    var text = t("decisions.resolved", e(option.label), x.rule(r.by.rawValue), x.time(r.clock))
                    if let role = r.role { text += " · " + t("decisions.decidedBy", e(x.role(role))) }
                    if let ms = r.deliberation {
                        text += " · " + t("decisions.deliberated", x.wall(ms))
                    }
                    if option.isExpected { text += " ✓ " + t("word.expected") }
                    line("**" + t("decisions.outcome") + "**: " + text)
                    line()
                    let how = r.by.settledBy(round: d.rounds.last?.number ?? 1)
                    line("- " + t("decisions.settled", MarkdownEscape.code(how.rawValue), x.settled(how)))
                    line()
                    followed(d.consequences)
                } else {
                    empty("decisions.unresolved")
                }
            }
        }
    }

    private mutating func followed(_ list: [Consequence]) {
        guard !list.isEmpty else { return }
        for c in list { line("- " + x.time(c.clock) + " " + e(x.consequence(c))) }
        line()
    }

    private mutating func objectives() {
        line("## " + t("section.objectives"))
        line()
        guard !report.objectives.isEmpty else { return empty("empty.objectives") }
        table(
            [t("col.objective"), t("col.capability"), t("col.owner"), t("col.rating")],
            report.objectives.map { o in
                let obj = scenario.objectives[o.objective]
                var rating = "**" + o.rating.rawValue + "**"
                if o.override != nil { rating += t.bracketed(t("objectives.computed", o.computed.rawValue)) }
                return [
                    e(obj.title) + " " + MarkdownEscape.code(obj.id), e(obj.capability), e(x.owner(o.objective)),
                    rating,
                ]
            })
        for o in report.objectives {
            let obj = scenario.objectives[o.objective]
            line("### " + e(obj.title) + " — " + x.rating(o.rating))
            line()
            if o.ratings.isEmpty { line("- " + t("objectives.notRated", o.computed.rawValue)) }
            for rated in o.ratings {
                let when =
                    rated.checkpoint
                    ? t("objectives.checkpoint", x.time(rated.clock)) : t("objectives.atEnd", x.time(rated.clock))
                let rule =
                    rated.rule.map { t("objectives.rule", String($0), MarkdownEscape.code(rated.condition ?? "")) }
                    ?? t("objectives.else")
                line("- " + when + t.colon + "**" + rated.rating.rawValue + "** — " + rule)
                if !rated.facts.isEmpty {
                    line(
                        "  - " + t("objectives.facts") + t.colon
                            + rated.facts.map(MarkdownEscape.code).joined(separator: ", "))
                }
            }
            if let override = o.override {
                line("- " + t("objectives.override", override.rating.rawValue, o.computed.rawValue, e(override.reason)))
            }
            if o.rating >= .M && !obj.recommendation.isEmpty {
                line("- " + t("objectives.recommend") + t.colon + e(obj.recommendation))
            }
            line()
        }
    }

    private mutating func scores() {
        let s = report.scores
        line("## " + t("section.scores"))
        line()
        line(t("scores.intro"))
        line()
        var header = [t("col.role"), t("col.total")]
        header += scenario.measures.map { e($0.name) }
        header += [t("col.points"), t("col.expected")]
        var rows: [[String]] = []
        for r in scenario.roles.indices {
            var row = [e(x.role(r)), "**" + NumberText.format(s.roleTotals[r]) + "**"]
            row += scenario.measures.indices.map { m in
                NumberText.format(s.normalized[m][r]) + t.bracketed(NumberText.format(s.raw[m][r], digits: 2))
            }
            let tally = s.expectationsByRole[r]
            row += [NumberText.format(s.points[r]), "\(tally.hits)/\(tally.possible)"]
            rows.append(row)
        }
        var team = ["**" + t("word.team") + "**", "**" + NumberText.format(s.teamTotal) + "**"]
        team += s.team.map { NumberText.format($0) }
        team += [NumberText.format(s.points.reduce(0, +)), "\(s.expectationsTeam.hits)/\(s.expectationsTeam.possible)"]
        rows.append(team)
        table(header, rows, align: ["l"] + Array(repeating: "r", count: header.count - 1))
        line("### " + t("section.measures"))
        line()
        table(
            [t("col.measure"), t("col.id"), t("col.weight"), t("col.range")],
            scenario.measures.map {
                [
                    e($0.name), MarkdownEscape.code($0.id), NumberText.format($0.weight),
                    NumberText.format($0.range.lowerBound) + " … " + NumberText.format($0.range.upperBound),
                ]
            })
        line("### " + t("section.changes"))
        line()
        let changes = s.changes.filter { $0.delta != 0 }
        if changes.isEmpty {
            empty("empty.changes")
        } else {
            table(
                [t("col.time"), t("col.role"), t("col.measure"), t("col.change"), t("col.value"), t("col.cause")],
                changes.map { c in
                    [
                        x.time(c.clock), e(x.role(c.role)), e(scenario.measures[c.measure].name),
                        NumberText.signed(c.delta), NumberText.format(c.value, digits: 2), e(x.cause(c.cause)),
                    ]
                }, align: ["l", "l", "l", "r", "r", "l"])
        }
        line("### " + t("section.points"))
        line()
        if s.awards.isEmpty {
            empty("empty.points")
        } else {
            table(
                [t("col.time"), t("col.role"), t("col.points"), t("col.reason"), t("col.cause")],
                s.awards.map { a in
                    [x.time(a.clock), e(x.role(a.role)), NumberText.signed(a.amount), e(a.reason), e(x.cause(a.cause))]
                })
        }
    }

    private mutating func expectations() {
        line("## " + t("section.expectations"))
        line()
        line(t("expectations.intro"))
        line()
        guard !report.expectations.isEmpty else { return empty("empty.expectations") }
        var rows: [[String]] = []
        for r in report.expectations {
            let exp = scenario.expectations[r.expectation]
            for response in r.responses {
                rows.append([
                    e(scenario.injects[exp.inject].title), e(exp.title), e(x.response(r.expectation)),
                    response.role.map { e(x.role($0)) } ?? t("word.team"), x.time(r.start), x.time(r.deadline),
                    response.at.map { x.time($0) } ?? "—", "**" + x.outcome(response.outcome.rawValue) + "**",
                ])
            }
        }
        table(
            [
                t("col.inject"), t("col.expectation"), t("col.response"), t("col.responder"), t("col.fired"),
                t("col.deadline"), t("col.responded"), t("col.outcome"),
            ], rows)
    }

    private mutating func information() {
        line("## " + t("section.information"))
        line()
        if report.shares.isEmpty {
            empty("empty.shares")
        } else {
            table(
                [t("col.time"), t("col.from"), t("col.item"), t("col.sensitivity"), t("col.to"), t("col.cause")],
                report.shares.map { s in
                    let item = scenario.items[s.item]
                    return [
                        x.time(s.clock), s.by.map { e(x.role($0)) } ?? "—", e(item.title),
                        x.sensitivity(item.sensitivity),
                        e(x.roles(s.with)), e(x.cause(s.cause)),
                    ]
                })
        }
        line("### " + t("section.breaches"))
        line()
        if report.breaches.isEmpty {
            empty("empty.breaches")
        } else {
            for b in report.breaches {
                line("- " + x.time(b.clock) + " " + e(t("breach.line", scenario.items[b.item].title, x.role(b.role))))
            }
            line()
        }
        if !scenario.parties.isEmpty {
            line("### " + t("section.leaks"))
            line()
            if report.leaks.isEmpty {
                empty("empty.leaks")
            } else {
                line(e(t.plural("leak.count", count: report.leaks.count)))
                line()
                for l in report.leaks { line("- " + x.time(l.clock) + " " + e(x.leak(l))) }
                line()
            }
        }
        line("### " + t("section.knowledge"))
        line()
        line(t("knowledge.intro"))
        line()
        var rows: [[String]] = []
        for (i, item) in scenario.items.enumerated() {
            rows.append(
                [e(item.title), x.sensitivity(item.sensitivity)]
                    + report.knowledge[i].map { $0.map { x.time($0) } ?? "—" })
        }
        table([t("col.item"), t("col.sensitivity")] + scenario.roles.map { e($0.name) }, rows)
    }

    private mutating func requests() {
        line("## " + t("section.requests"))
        line()
        defer { playerRequests() }
        guard !report.requests.isEmpty else { return empty("empty.requests") }
        table(
            [
                t("col.request"), t("col.fromTo"), t("col.sent"), t("col.deadline"), t("col.answered"),
                t("col.responseTime"), t("col.outcome"),
            ],
            report.requests.map { r in
                let q = scenario.requests[r.request]
                var answered = r.answered.map { x.time($0) } ?? "—"
                if let accepted = r.accepted {
                    answered += " · " + e(accepted ? q.acceptLabel : q.refuseLabel)
                    if r.auto { answered += e(t("auto.automated")) }
                }
                let minutes = r.answered.map { x.duration($0 - r.sent) } ?? "—"
                let wall = r.wallResponse.map { t.bracketed(x.wall($0)) } ?? ""
                return [
                    e(q.title), e(x.role(q.from)) + " → " + e(x.role(q.to)), x.time(r.sent), x.time(r.deadline),
                    answered,
                    minutes + wall,
                    "**" + x.outcome(r.outcome.rawValue) + "**" + (r.overdue ? " · " + t("requests.wasOverdue") : ""),
                ]
            })
    }

    /// Requests players sent: each receiver's copy, its hand-offs, the answer and who stays responsible.
    private mutating func playerRequests() {
        guard !report.playerRequests.isEmpty else { return }
        line("### " + t("section.playerRequests"))
        line()
        var rows: [[String]] = []
        for r in report.playerRequests {
            let subject = r.item.map { "“" + scenario.items[$0].title + "”" } ?? "“" + r.text + "”"
            let duty = r.duty.map { " · " + scenario.duties[$0].title } ?? ""
            for copy in r.copies {
                let path = ([copy.receiver] + copy.forwards.map(\.to)).map { e(x.role($0)) }.joined(separator: " → ")
                let answer = copy.reply.map { e(x.reply(ReportBuilder.reply($0))) } ?? "—"
                let by =
                    copy.by.map { " (" + e(x.role($0)) + ", " + (copy.answered.map { x.time($0) } ?? "") + ")" } ?? ""
                rows.append([
                    "r\(r.number + 1) " + e(subject) + e(duty), e(x.role(r.from)) + " → " + path, x.time(r.sent),
                    x.time(r.deadline), answer + by, "**" + x.outcome(copy.outcome.rawValue) + "**",
                    e(x.role(copy.receiver)),
                ])
            }
        }
        table(
            [
                t("col.request"), t("col.fromTo"), t("col.sent"), t("col.deadline"), t("col.answered"),
                t("col.outcome"), t("col.firstContact"),
            ], rows)
    }

    private mutating func peer() {
        let p = report.peer
        line("## " + t("section.peer"))
        line()
        guard p.mode != .off else { return empty("peer.offNote") }
        guard p.held else { return empty("peer.notHeld") }
        line(t(p.mode == .anonymous ? "peer.anonymousIntro" : "peer.namedIntro"))
        line()
        if p.mode == .named {
            for (q, question) in scenario.peerQuestions.enumerated() {
                line("**" + e(question.text) + "** (" + "\(question.low)–\(question.high)" + ")")
                line()
                var rows: [[String]] = []
                for rater in scenario.roles.indices where p.named.contains(where: { $0.rater == rater }) {
                    rows.append(
                        [e(x.role(rater))]
                            + scenario.roles.indices.map { target in
                                if target == rater { return "·" }
                                let value = p.named.first {
                                    $0.rater == rater && $0.target == target && $0.question == q
                                }
                                return value.flatMap { $0.value.map(String.init) } ?? "—"
                            })
                }
                table([t("col.raterTarget")] + scenario.roles.map { e($0.name) }, rows)
            }
        }
        line("**" + t("peer.received") + "**")
        line()
        var rows: [[String]] = []
        for r in scenario.roles.indices {
            rows.append(
                [e(x.role(r))]
                    + scenario.peerQuestions.indices.map { q in
                        let a = p.received.first { $0.target == r && $0.question == q }
                        guard let a, let mean = a.mean else {
                            return a?.withheld == true ? t("peer.withheld", String(a?.count ?? 0)) : "—"
                        }
                        return NumberText.format(mean, digits: 2) + " (n=\(a.count))"
                    })
        }
        table([t("col.role")] + scenario.peerQuestions.map { e($0.text) }, rows)
        line("**" + t("peer.flagged") + "**")
        line()
        if p.flagged.isEmpty {
            empty("peer.noFlags")
        } else {
            for f in p.flagged {
                line(
                    "- "
                        + e(
                            t(
                                "peer.flagLine", x.role(f.first), x.role(f.second),
                                scenario.peerQuestions[f.question].text,
                                String(f.gap))))
            }
            line()
        }
    }

    private mutating func notes() {
        line("## " + t("section.notes"))
        line()
        line("### " + t("section.discussion"))
        line()
        if report.discussions.isEmpty { empty("empty.discussion") }
        for d in report.discussions {
            line("**" + e(scenario.discussions[d.discussion].question) + "** (" + x.time(d.clock) + ")")
            line()
            for a in d.answers { line("- " + e(x.role(a.role)) + t.colon + e(a.text)) }
            line()
        }
        line("### " + t("section.playerNotes"))
        line()
        if report.notes.isEmpty {
            empty("empty.notes")
        } else {
            for n in report.notes { line("- " + x.time(n.clock) + " " + e(x.role(n.role)) + t.colon + e(n.text)) }
            line()
        }
        line("### " + t("section.debriefNotes"))
        line()
        if report.debriefNotes.isEmpty {
            empty("empty.debriefNotes")
        } else {
            for n in report.debriefNotes { line("- " + x.time(n.clock) + " " + e(n.text)) }
            line()
        }
        if !report.errors.isEmpty {
            line("### " + t("section.errors"))
            line()
            for n in report.errors { line("- " + x.time(n.clock) + " " + e(n.text)) }
            line()
        }
    }

    private mutating func conclusions() {
        let c = Conclusions(report)
        line("## " + t("section.strengths"))
        line()
        if c.strengths.isEmpty { empty("empty.strengths") }
        for s in c.strengths { line("- " + e(c.text(s, x))) }
        if !c.strengths.isEmpty { line() }
        line("## " + t("section.improvements"))
        line()
        if c.improvements.isEmpty { empty("empty.improvements") }
        for s in c.improvements { line("- " + e(c.text(s, x))) }
        if !c.improvements.isEmpty { line() }
        if !c.scenarioPoints.isEmpty {
            line("## " + t("section.scenarioPoints"))
            line()
            line(t("scenarioPoints.intro"))
            line()
            for s in c.scenarioPoints { line("- " + e(c.text(s, x))) }
            line()
        }
        line("## " + t("section.plan"))
        line()
        line(t("plan.intro"))
        line()
        if c.plan.isEmpty {
            empty("empty.plan")
        } else {
            table(
                [
                    t("col.finding"), t("col.capability"), t("col.rating"), t("col.recommendation"),
                    t("col.responsible"),
                    t("col.due"),
                ],
                c.plan.map { row in
                    let col = c.columns(row, x)
                    return [
                        e(col.title), e(col.capability), "**" + col.rating + "**", e(col.advice),
                        e(c.responsible(row.roles, x)), options.due.isEmpty ? " " : e(options.due),
                    ]
                })
        }
    }
}

extension SessionReport {
    /// The last path component of a file path.
    static func fileName(_ path: String) -> String {
        FilePath(path).lastComponent?.string ?? path
    }
}
