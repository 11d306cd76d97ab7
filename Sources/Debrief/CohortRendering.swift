import ExerciseEngine
import Localization
import ScenarioLanguage

/// What both cohort renderers show, in the same order, as rows of text.
struct CohortText {
    let cohort: CohortReport
    let scenario: Scenario
    let x: ReportText
    var t: Strings { x.t }

    init?(_ cohort: CohortReport, language: UILanguage) {
        guard let scenario = cohort.scenario else { return nil }
        self.cohort = cohort
        self.scenario = scenario
        x = ReportText(language, scenario: scenario)
    }

    /// Ratings as `P2 S1 M0 U2`.
    func ratingsLine(_ s: SessionReport) -> String {
        s.objectives.map { $0.rating.rawValue }.joined()
    }

    /// One row per session.
    var sessionRows: [[String]] {
        cohort.sessions.enumerated().map { n, s in
            let played = s.header.roles.filter(\.played).compactMap { role in scenario.role(role.id).map { x.role($0) }
            }
            return [
                String(n + 1), String(s.header.seed), s.isComplete ? x.ending(s.overview) : t("cohort.unfinished"),
                NumberText.format(s.scores.teamTotal), ratingsLine(s),
                played.isEmpty ? "—" : played.joined(separator: x.comma), WallTime.display(s.header.started),
                SessionReport.fileName(s.path),
            ]
        }
    }

    var sessionHeader: [String] {
        [
            t("col.number"), t("overview.seed"), t("overview.ending"), t("col.teamTotal"), t("col.ratings"),
            t("col.playedBy"), t("overview.started"), t("col.file"),
        ]
    }

    /// The figures of a distribution.
    func figures(_ d: Distribution) -> [String] {
        [
            String(d.count), d.min.map { NumberText.format($0) } ?? "—", d.median.map { NumberText.format($0) } ?? "—",
            d.mean.map { NumberText.format($0) } ?? "—", d.max.map { NumberText.format($0) } ?? "—",
        ]
    }

    var figureHeader: [String] { [t("col.sessions"), t("col.min"), t("col.median"), t("col.mean"), t("col.max")] }

    /// A histogram as block characters, one per bin of ten.
    static func spark(_ bins: [Int]) -> String {
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let peak = max(1, bins.max() ?? 1)
        return String(bins.map { n in n == 0 ? "·" : blocks[min(7, (n * 8 - 1) / peak)] })
    }

    /// Score rows: the team total, then each measure's team value, then each role's total.
    var scoreRows: [(label: String, distribution: Distribution)] {
        [(t("col.teamTotal"), cohort.teamTotal)]
            + scenario.measures.indices.map { (t("cohort.measure", scenario.measures[$0].name), cohort.measures[$0]) }
            + scenario.roles.indices.map { (t("cohort.role", x.role($0)), cohort.roleTotals[$0]) }
    }

    /// Endings with their counts.
    var endingRows: [[String]] {
        cohort.endings.map { e in
            let overview = Overview(
                ended: nil, wallMilliseconds: nil, finalClock: 0, ending: e.label.ending, reason: e.label.reason,
                resumes: 0, hmacChecked: false)
            return [x.ending(overview), String(e.count)]
        }
    }

    /// A share as a percentage.
    func percent(_ n: Int, of total: Int) -> String {
        total == 0 ? "—" : NumberText.format(Double(n) / Double(total) * 100, digits: 0) + "%"
    }

    var n: Int { cohort.included.count }

    /// Failure points in words.
    var failureLines: (objectives: [String], expectations: [String], requests: [String]) {
        let objectives = cohort.failingObjectives.map { f in
            t(
                "cohort.failObjective", scenario.objectives[f.objective].title, String(f.count), String(n),
                x.owner(f.objective))
        }
        let expectations = cohort.missedExpectations.map { f in
            t(
                "cohort.failExpectation", scenario.expectations[f.expectation].title, String(f.missed), String(f.late),
                String(f.fired))
        }
        let requests = cohort.requestProblems.map { f in
            let q = scenario.requests[f.request]
            return t(
                "cohort.failRequest", q.title, String(f.late), String(f.refused), String(f.unanswered), String(f.sent),
                x.role(q.to))
        }
        return (objectives, expectations, requests)
    }
}

extension MarkdownRenderer {
    /// Renders a cohort report as Markdown.
    static func cohort(_ cohort: CohortReport, options: DebriefOptions) -> String {
        let t = Strings(.debrief, language: options.language)
        var out: [String] = []
        func e(_ s: String) -> String { MarkdownEscape.inline(s) }
        func line(_ s: String = "") { out.append(s) }
        func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) {
            guard !rows.isEmpty else { return }
            line("| " + header.map(e).joined(separator: " | ") + " |")
            line("|" + header.indices.map { right.contains($0) ? "---:|" : "---|" }.joined())
            for row in rows { line("| " + row.joined(separator: " | ") + " |") }
            line()
        }
        guard let c = CohortText(cohort, language: options.language) else {
            line("# " + t("cohort.titleEmpty"))
            line()
            for s in cohort.skipped { line("- " + MarkdownEscape.code(s.path) + ": " + e(s.reason)) }
            return out.joined(separator: "\n") + "\n"
        }
        let scenario = c.scenario
        let x = c.x
        line("# " + t("cohort.title", e(scenario.header.title)))
        line()
        line(t("cohort.intro", String(cohort.sessions.count), String(c.n), String(cohort.skipped.count)))
        line()
        line("## " + t("cohort.sessions"))
        line()
        table(
            c.sessionHeader,
            c.sessionRows.map { row in
                row.enumerated().map { $0.offset == 7 ? MarkdownEscape.code($0.element) : e($0.element) }
            },
            right: [0, 1, 3])
        if !cohort.skipped.isEmpty {
            line("### " + t("cohort.skipped"))
            line()
            for s in cohort.skipped {
                line("- " + MarkdownEscape.code(SessionReport.fileName(s.path)) + ": " + e(s.reason))
            }
            line()
        }
        line("## " + t("cohort.endings"))
        line()
        if c.endingRows.isEmpty {
            line("_" + t("cohort.none") + "_")
            line()
        }
        table([t("overview.ending"), t("col.sessions")], c.endingRows.map { [e($0[0]), $0[1]] }, right: [1])
        line("## " + t("cohort.ratings"))
        line()
        table(
            [t("col.objective"), "P", "S", "M", "U", t("col.owner")],
            cohort.ratings.map { r in
                [e(scenario.objectives[r.objective].title)] + Rating.allCases.map { String(r.counts[$0] ?? 0) }
                    + [e(x.owner(r.objective))]
            }, right: [1, 2, 3, 4])
        line("## " + t("cohort.scores"))
        line()
        line(t("cohort.scoresIntro"))
        line()
        table(
            [t("col.score")] + c.figureHeader + [t("col.histogram")],
            c.scoreRows.map { row in
                [e(row.label)] + c.figures(row.distribution) + [
                    "`" + CohortText.spark(row.distribution.histogram) + "`"
                ]
            },
            right: [1, 2, 3, 4, 5])
        line(t("cohort.histogramKey"))
        line()
        line("## " + t("cohort.choices"))
        line()
        for f in cohort.asks {
            let ask = scenario.asks[f.ask]
            line("### " + e(ask.question))
            line()
            line(t("cohort.askedIn", e(scenario.scenes[ask.scene].title), x.roles(ask.roles), String(f.sessions)))
            line()
            let total = ask.choices.reduce(0) { $0 + (f.typed[$1] ?? 0) + (f.automated[$1] ?? 0) }
            table(
                [t("col.choice"), t("col.typed"), t("col.automated"), t("col.share")],
                ask.choices.map { ch in
                    let choice = scenario.choices[ch]
                    let typed = f.typed[ch] ?? 0
                    let automated = f.automated[ch] ?? 0
                    return [
                        e(choice.label) + " " + MarkdownEscape.code(choice.id) + (choice.isExpected ? " ✓" : ""),
                        String(typed), String(automated), c.percent(typed + automated, of: total),
                    ]
                }, right: [1, 2, 3])
        }
        for f in cohort.joint {
            let decision = scenario.decisions[f.decision]
            line("### " + e(decision.question))
            line()
            line(t("cohort.decisionIn", x.decisionRule(f.decision), String(f.sessions)))
            line()
            table(
                [t("col.option"), t("col.firstPositions"), t("col.resolved")],
                decision.options.map { o in
                    let option = scenario.options[o]
                    return [
                        e(option.label) + " " + MarkdownEscape.code(option.id) + (option.isExpected ? " ✓" : ""),
                        String(f.firstPositions[o] ?? 0), String(f.resolved[o] ?? 0),
                    ]
                }, right: [1, 2])
            let by = f.by.sorted { $0.key < $1.key }.map { x.rule($0.key) + " " + String($0.value) }
            line(t("cohort.resolvedBy", by.joined(separator: x.comma)))
            line()
        }
        line("## " + t("cohort.failures"))
        line()
        let failures = c.failureLines
        for (key, lines) in [
            ("cohort.failObjectives", failures.objectives), ("cohort.failExpectations", failures.expectations),
            ("cohort.failRequests", failures.requests),
        ] {
            line("### " + t(key))
            line()
            if lines.isEmpty { line("_" + t("cohort.none") + "_") }
            for (i, l) in lines.enumerated() { line("\(i + 1). " + e(l)) }
            line()
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }
}

extension HTMLRenderer {
    /// Renders a cohort report as one HTML file.
    func render(_ cohort: CohortReport) -> String {
        let t = self.t
        guard let c = CohortText(cohort, language: options.language) else {
            return page(title: t("cohort.titleEmpty")) { b in
                b.element("h1", text: t("cohort.titleEmpty"))
                b.element("ul") { b in for s in cohort.skipped { b.element("li", text: s.path + ": " + s.reason) } }
            }
        }
        let scenario = c.scenario
        let x = c.x
        return page(title: t("cohort.title", scenario.header.title)) { b in
            b.element("h1", text: t("cohort.title", scenario.header.title))
            b.element(
                "p", ["class": "sub"],
                text: t("cohort.intro", String(cohort.sessions.count), String(c.n), String(cohort.skipped.count)))
            kpis(
                &b,
                [
                    (t("col.sessions"), String(c.n)),
                    (t("cohort.medianTeam"), cohort.teamTotal.median.map { NumberText.format($0) } ?? "—"),
                    (t("cohort.meanTeam"), cohort.teamTotal.mean.map { NumberText.format($0) } ?? "—"),
                    (t("cohort.skippedCount"), String(cohort.skipped.count)),
                ])
            section(&b, id: "sessions", title: t("cohort.sessions"), first: true) { b in
                cohortTable(&b, c.sessionHeader, c.sessionRows, numeric: [0, 1, 3], code: [7], nowrap: [4, 6])
                if !cohort.skipped.isEmpty {
                    b.element("h3", text: t("cohort.skipped"))
                    b.element("ul") { b in
                        for s in cohort.skipped {
                            b.element("li") { b in
                                b.element("code", text: SessionReport.fileName(s.path))
                                b.text(": " + s.reason)
                            }
                        }
                    }
                }
                b.element("h3", text: t("cohort.endings"))
                cohortTable(&b, [t("overview.ending"), t("col.sessions")], c.endingRows, numeric: [1])
            }
            section(&b, id: "ratings", title: t("cohort.ratings")) { b in
                b.element("figure") { b in
                    for layout in SVGChart.Layout.allCases {
                        SVGChart.ratingBars(
                            &b, label: t("cohort.ratings"),
                            rows: cohort.ratings.map { r in
                                (scenario.objectives[r.objective].title, Rating.allCases.map { r.counts[$0] ?? 0 })
                            }, layout: layout)
                    }
                    b.element("figcaption", text: t("chart.ratingsCaption"))
                }
                cohortTable(
                    &b, [t("col.objective"), "P", "S", "M", "U", t("col.owner")],
                    cohort.ratings.map { r in
                        [scenario.objectives[r.objective].title] + Rating.allCases.map { String(r.counts[$0] ?? 0) }
                            + [x.owner(r.objective)]
                    }, numeric: [1, 2, 3, 4])
            }
            section(&b, id: "scores", title: t("cohort.scores")) { b in
                b.element("p", text: t("cohort.scoresIntro"))
                b.element("figure") { b in
                    for layout in SVGChart.Layout.allCases {
                        SVGChart.histogram(
                            &b, label: t("col.teamTotal"), bins: cohort.teamTotal.histogram, layout: layout)
                    }
                    b.element("figcaption", text: t("chart.histogramCaption"))
                }
                let header = [t("col.score")] + c.figureHeader + [t("col.histogram")]
                b.element("div", ["class": "table-wrap"]) { b in
                    b.element("table", ["class": "stack"]) { b in
                        b.element("thead") { b in
                            b.element("tr") { b in
                                for (i, h) in header.enumerated() {
                                    if (1...5).contains(i) {
                                        b.element("th", ["class": "num"], text: h)
                                    } else {
                                        b.element("th", text: h)
                                    }
                                }
                            }
                        }
                        b.element("tbody") { b in
                            for row in c.scoreRows {
                                b.element("tr") { b in
                                    b.element("td", ["data-label": header[0]], text: row.label)
                                    for (i, v) in c.figures(row.distribution).enumerated() {
                                        b.element("td", ["class": "num", "data-label": header[i + 1]], text: v)
                                    }
                                    b.element("td", ["data-label": header[header.count - 1]]) { b in
                                        SVGChart.miniHistogram(&b, bins: row.distribution.histogram)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            section(&b, id: "choices", title: t("cohort.choices")) { b in
                for f in cohort.asks {
                    let ask = scenario.asks[f.ask]
                    b.element("h3", text: ask.question)
                    b.element(
                        "p", ["class": "muted"],
                        text: t(
                            "cohort.askedIn", scenario.scenes[ask.scene].title, x.roles(ask.roles), String(f.sessions)))
                    let total = ask.choices.reduce(0) { $0 + (f.typed[$1] ?? 0) + (f.automated[$1] ?? 0) }
                    choiceTable(
                        &b, [t("col.choice"), t("col.typed"), t("col.automated"), t("col.share")],
                        ask.choices.map { ch in
                            let choice = scenario.choices[ch]
                            let typed = f.typed[ch] ?? 0
                            let automated = f.automated[ch] ?? 0
                            return (
                                choice.label, choice.id, choice.isExpected, [typed, automated], typed + automated, total
                            )
                        }, c: c)
                }
                for f in cohort.joint {
                    let decision = scenario.decisions[f.decision]
                    b.element("h3", text: decision.question)
                    b.element(
                        "p", ["class": "muted"],
                        text: t("cohort.decisionIn", x.decisionRule(f.decision), String(f.sessions)))
                    let resolvedTotal = f.resolved.values.reduce(0, +)
                    choiceTable(
                        &b, [t("col.option"), t("col.firstPositions"), t("col.resolved"), t("col.share")],
                        decision.options.map { o in
                            let option = scenario.options[o]
                            let resolved = f.resolved[o] ?? 0
                            return (
                                option.label, option.id, option.isExpected, [f.firstPositions[o] ?? 0, resolved],
                                resolved, resolvedTotal
                            )
                        }, c: c)
                    let by = f.by.sorted { $0.key < $1.key }.map { x.rule($0.key) + " " + String($0.value) }
                    b.element("p", ["class": "muted"], text: t("cohort.resolvedBy", by.joined(separator: x.comma)))
                }
            }
            section(&b, id: "failures", title: t("cohort.failures")) { b in
                let failures = c.failureLines
                for (key, lines) in [
                    ("cohort.failObjectives", failures.objectives),
                    ("cohort.failExpectations", failures.expectations),
                    ("cohort.failRequests", failures.requests),
                ] {
                    b.element("h3", text: t(key))
                    if lines.isEmpty { b.element("p", ["class": "muted"], text: t("cohort.none")) }
                    b.element("ol") { b in for l in lines { b.element("li", text: l) } }
                }
            }
            b.element("footer", text: t("html.cohortFooter", String(cohort.sessions.count)))
        }
    }

    private func cohortTable(
        _ b: inout HTMLBuilder, _ header: [String], _ rows: [[String]], numeric: Set<Int> = [],
        code: Set<Int> = [], nowrap: Set<Int> = []
    ) {
        b.table(header: header, rows: rows, numeric: numeric, time: nowrap) {
            b, i, v in
            if code.contains(i) { b.element("code", text: v) } else { b.text(v) }
        }
    }

    private func choiceTable(
        _ b: inout HTMLBuilder, _ header: [String],
        _ rows: [(label: String, id: String, expected: Bool, counts: [Int], shareOf: Int, total: Int)], c: CohortText
    ) {
        b.element("div", ["class": "table-wrap"]) { b in
            b.element("table", ["class": "stack"]) { b in
                b.element("thead") { b in
                    b.element("tr") { b in
                        for (i, h) in header.enumerated() {
                            if i > 0 && i < header.count - 1 {
                                b.element("th", ["class": "num"], text: h)
                            } else {
                                b.element("th", text: h)
                            }
                        }
                    }
                }
                b.element("tbody") { b in
                    for row in rows {
                        b.element("tr") { b in
                            b.element("td", ["data-label": header[0]]) { b in
                                b.text(row.label + " ")
                                b.element("code", text: row.id)
                                if row.expected { b.element("strong", text: " ✓") }
                            }
                            for (i, n) in row.counts.enumerated() {
                                let label = i + 1 < header.count ? header[i + 1] : ""
                                b.element("td", ["class": "num", "data-label": label], text: String(n))
                            }
                            b.element("td", ["data-label": header[header.count - 1]]) { b in
                                SVGChart.meter(
                                    &b, share: row.total == 0 ? 0 : Double(row.shareOf) / Double(row.total),
                                    colour: row.expected ? "#1b7f3b" : SVGChart.palette[0])
                                b.text(c.percent(row.shareOf, of: row.total))
                            }
                        }
                    }
                }
            }
        }
    }
}
