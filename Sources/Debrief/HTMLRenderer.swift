import ExerciseEngine
import Localization
import ScenarioLanguage

/// Renders reports as one self-contained HTML file: inline CSS, inline SVG charts, no script and nothing fetched
/// from elsewhere. It reads on a phone (tables of four columns or more stacked as cards, each chart drawn a second
/// time for a narrow screen) and prints on A4 (no forced page breaks, names kept whole, light backgrounds).
struct HTMLRenderer {
    let options: DebriefOptions
    var t: Strings { Strings(.debrief, language: options.language) }

    /// A table cell.
    enum Cell {
        case text(String)
        case num(String)
        case code(String)
        case rating(Rating)
        case strong(String)
        /// A department's or a measure's name: never broken across lines (应急管理/局).
        case name(String)
        case parts([Cell])
        case meter(share: Double, colour: String, label: String)
        case spark([Int])
    }

    static let style: StaticString = """
        :root{color-scheme:light}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;background:#fff;color:#1d2733;line-height:1.6;font-size:16px;
        font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","Hiragino Sans GB",\
        "WenQuanYi Micro Hei",system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
        main{max-width:1080px;margin:0 auto;padding:24px 20px 64px}
        h1{font-size:1.75rem;line-height:1.3;margin:.2em 0 .3em}
        h2{font-size:1.3rem;border-bottom:2px solid #d6dde6;padding-bottom:.2em;margin:2.2em 0 .8em}
        h3{font-size:1.05rem;margin:1.6em 0 .5em}
        p{margin:.5em 0}
        .sub{color:#4a5868;margin:0 0 1em}
        .table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.6em 0 1.2em;border:1px solid #d6dde6;border-radius:6px}
        table{border-collapse:collapse;width:100%;font-size:.92rem}
        th,td{border-bottom:1px solid #e3e8ee;padding:6px 10px;text-align:left;vertical-align:top}
        tr:last-child td{border-bottom:0}
        th{background:#f2f5f9;font-weight:600;white-space:nowrap}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        td.time{white-space:nowrap;font-variant-numeric:tabular-nums;color:#4a5868}
        code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.84em;background:#f2f5f9;\
        padding:0 .3em;border-radius:3px;overflow-wrap:anywhere}
        td code{white-space:nowrap}
        .badge{display:inline-block;min-width:1.7em;text-align:center;font-weight:700;border-radius:4px;padding:0 .4em;\
        color:#fff;border:1.5px solid transparent}
        .r-P{background:#1b7f3b}.r-S{background:#5f8f22}.r-M{background:#b86e00}.r-U{background:#b3261e}
        .warn{border-left:4px solid #b86e00;background:#fff7e6;padding:.6em 1em;margin:.6em 0;border-radius:0 6px 6px 0}
        .kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:1em 0}
        .kpi{border:1px solid #d6dde6;border-radius:8px;padding:10px 14px}
        .kpi span{display:block;color:#4a5868;font-size:.85rem}
        .kpi b{display:block;font-size:1.35rem;line-height:1.3}
        figure{margin:1.2em 0}
        figure svg{width:100%;height:auto;display:block}
        figcaption{font-size:.9rem;color:#4a5868;margin-top:.3em}
        svg text{font-family:inherit}
        svg .grid{stroke:#e3e8ee;stroke-width:1}
        svg .baseline{stroke:#8a96a3;stroke-width:1}
        svg .tick{stroke:#8a96a3}
        svg .marker{stroke:#1d2733;stroke-width:2;stroke-dasharray:3 2}
        svg .axis{font-size:11px;fill:#4a5868}
        svg .label{font-size:12px;fill:#1d2733}
        svg .value{font-size:11px;fill:#1d2733}
        svg .cell{stroke:#fff;stroke-width:2}
        svg .cell-none{fill:#fff;stroke:#e3e8ee}
        svg .cell-self{fill:#f2f5f9;stroke:#fff;stroke-width:2}
        svg .cell-text{font-size:13px;fill:#1d2733}
        svg .cell-text.light{fill:#fff;font-weight:600}
        svg.meter{width:100px;height:10px;vertical-align:middle;margin-right:6px}
        svg.spark{width:100px;height:24px;vertical-align:middle}
        svg .meter-back{fill:#e3e8ee}
        .legend{list-style:none;padding:0;margin:.4em 0;display:flex;flex-wrap:wrap;gap:4px 18px;font-size:.9rem}
        .legend li{display:flex;align-items:center;gap:6px}
        .legend svg{width:14px;height:14px;flex:none}
        .followed{margin:.2em 0 1.2em;padding-left:1.3em;font-size:.92rem}
        .followed li{margin:.1em 0}
        .muted{color:#5b6875}
        .auto{color:#5b6875;font-size:.88em}
        nav.toc{border:1px solid #d6dde6;border-radius:8px;padding:.5em 1em;margin:1em 0;font-size:.95rem}
        nav.toc ol{columns:2;margin:.3em 0;padding-left:1.4em}
        nav.toc a{color:#0b5cad;text-decoration:none}
        .decision{border-top:1px solid #e3e8ee;padding-top:.2em}
        blockquote{margin:.4em 0;padding:.2em 1em;border-left:3px solid #d6dde6;color:#33404d}
        footer{margin-top:3em;color:#5b6875;font-size:.85rem}
        .nb{white-space:nowrap}
        svg.narrow{display:none}
        svg .value{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
        svg .inject{stroke:#8a96a3;stroke-width:1;stroke-dasharray:2 3}
        svg .inject-label{font-size:10px;fill:#4a5868}
        ol.injects{font-size:.9rem;color:#33404d;margin:.3em 0 1em;padding-left:1.6em}
        @media (max-width:640px){body{font-size:15px}main{padding:14px 12px 40px}h1{font-size:1.4rem}
        nav.toc ol{columns:1}.kpis{grid-template-columns:repeat(2,minmax(0,1fr))}
        svg.wide{display:none}svg.narrow{display:block}
        td code{white-space:normal}code{overflow-wrap:anywhere}
        .table-wrap{border:0}
        table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
        table.stack thead{display:none}
        table.stack tr{border:1px solid #d6dde6;border-radius:6px;margin:0 0 8px;padding:4px 0}
        table.stack td{border:0;padding:3px 10px 3px 7.4em;position:relative;text-align:left;white-space:normal;        min-height:1.9em}
        table.stack td::before{content:attr(data-label);position:absolute;left:10px;width:6.4em;color:#4a5868;        font-size:.85em;line-height:1.9;overflow-wrap:anywhere}
        table.flat{border:1px solid #d6dde6;border-radius:6px}
        table.flat th{white-space:normal}}
        @media print{body{font-size:10.5pt;color:#000}main{max-width:none;padding:0}nav.toc{display:none}
        h2{margin-top:1.4em;break-after:avoid}h3{break-after:avoid}
        figure,tr,.kpi,.kpis,.decision table,blockquote{break-inside:avoid}.table-wrap{overflow:visible;border:0}
        th{background:none;border-bottom:1.5px solid #000}code{background:none}
        .badge{background:none!important;color:#000;border-color:#000}.warn{background:none}
        svg .cell,svg .cell-self,svg rect{print-color-adjust:exact;-webkit-print-color-adjust:exact}
        a{color:inherit;text-decoration:none}@page{size:A4;margin:16mm 14mm}}
        """

    // MARK: Building blocks

    private func cell(_ b: inout HTMLBuilder, _ c: Cell) {
        switch c {
        case .text(let s): b.text(s)
        case .num(let s): b.text(s)
        case .code(let s): b.element("code", text: s)
        case .rating(let r): b.element("span", ["class": "badge r-" + r.rawValue], text: r.rawValue)
        case .strong(let s): b.element("strong", text: s)
        case .name(let s): b.element("span", ["class": "nb"], text: s)
        case .parts(let list):
            for (i, part) in list.enumerated() {
                if i > 0 { b.text(" ") }
                cell(&b, part)
            }
        case .meter(let share, let colour, let label):
            SVGChart.meter(&b, share: share, colour: colour)
            b.text(label)
        case .spark(let bins): SVGChart.miniHistogram(&b, bins: bins)
        }
    }

    private func table(
        _ b: inout HTMLBuilder, _ header: [String], _ rows: [[Cell]], numeric: Set<Int> = [],
        time: Set<Int> = []
    ) {
        b.table(header: header, rows: rows, numeric: numeric, time: time) {
            b, _, c in
            cell(&b, c)
        }
    }

    private func note(_ b: inout HTMLBuilder, _ key: String) { b.element("p", ["class": "muted"], text: t(key)) }

    private func legend(_ b: inout HTMLBuilder, _ entries: [(name: String, colour: String)]) {
        b.element("ul", ["class": "legend"]) { b in
            for e in entries {
                b.element("li") { b in
                    b.element("svg", ["viewBox": "0 0 14 14", "aria-hidden": "true"]) { b in
                        b.empty(
                            "rect", ["x": "0", "y": "0", "width": "14", "height": "14", "rx": "3", "fill": e.colour])
                    }
                    b.text(e.name)
                }
            }
        }
    }

    private func toc(_ b: inout HTMLBuilder, _ entries: [(id: String, title: String)]) {
        b.element("nav", ["class": "toc", "aria-label": t("html.contents")]) { b in
            b.element("strong", text: t("html.contents"))
            b.element("ol") { b in
                for e in entries { b.element("li") { b in b.element("a", ["href": "#" + e.id], text: e.title) } }
            }
        }
    }

    func kpis(_ b: inout HTMLBuilder, _ items: [(label: String, value: String)]) {
        b.element("div", ["class": "kpis"]) { b in
            for item in items {
                b.element("div", ["class": "kpi"]) { b in
                    b.element("span", text: item.label)
                    b.element("b", text: item.value)
                }
            }
        }
    }

    // MARK: Session

    func render(_ report: SessionReport) -> String {
        let scenario = report.scenario
        let x = ReportText(options.language, scenario: scenario)
        let h = report.header
        let o = report.overview
        let sections: [(id: String, key: String)] = [
            ("summary", "section.summary"), ("overview", "section.overview"), ("timeline", "section.timeline"),
            ("decisions", "section.decisions"),
            ("objectives", "section.objectives"), ("scores", "section.scores"),
            ("expectations", "section.expectations"),
            ("information", "section.information"), ("requests", "section.requests"), ("peer", "section.peer"),
            ("notes", "section.notes"), ("strengths", "section.strengths"), ("improvements", "section.improvements"),
            ("plan", "section.plan"),
        ]
        return page(title: t("md.title", h.exerciseTitle)) { b in
            b.element("h1", text: t("md.title", h.exerciseTitle))
            b.element("p", ["class": "sub"]) { b in
                b.text(
                    h.exerciseID + (h.exerciseVersion.isEmpty ? "" : " · " + h.exerciseVersion) + " · "
                        + WallTime.display(h.started) + " · " + t("overview.seed") + " " + String(h.seed))
            }
            for w in report.warnings { b.element("p", ["class": "warn", "role": "note"], text: x.warning(w)) }
            toc(&b, sections.map { ($0.id, t($0.key)) })
            summary(&b, report, x)
            overview(&b, report, x)
            section(&b, id: "timeline", title: t("section.timeline")) { b in
                if report.timeline.isEmpty { note(&b, "empty.timeline") }
                table(
                    &b, [t("col.time"), t("col.event")],
                    report.timeline.map { [.text(x.time($0.clock)), .text(x.timeline($0))] }, time: [0])
            }
            decisions(&b, report, x)
            objectives(&b, report, x)
            scores(&b, report, x)
            expectations(&b, report, x)
            information(&b, report, x)
            requests(&b, report, x)
            peer(&b, report, x)
            notes(&b, report, x)
            conclusions(&b, report, x)
            b.element("footer") { b in
                b.text(
                    t("html.footer", h.tool, SessionReport.fileName(report.path), o.ended.map(WallTime.display) ?? "—"))
            }
        }
    }

    private func summary(_ b: inout HTMLBuilder, _ report: SessionReport, _ x: ReportText) {
        let summary = ExecutiveSummary(
            report, conclusions: Conclusions(report), facilitatorNotes: options.summaryNotes, x)
        section(&b, id: "summary", title: t("section.summary"), first: true) { b in
            for p in summary.paragraphs { b.element("p", text: p) }
            for (key, list) in [
                ("summary.strengths", summary.strengths), ("summary.improvements", summary.improvements),
            ] where !list.isEmpty {
                b.element("h3", text: t(key))
                b.element("ul") { b in for item in list { b.element("li", text: item) } }
            }
            b.element(
                "p", text: summary.planSentence)
            if !summary.facilitator.isEmpty {
                b.element("h3", text: t("summary.facilitator"))
                for p in summary.facilitator { b.element("p", text: p) }
            }
        }
    }

    private func overview(_ b: inout HTMLBuilder, _ report: SessionReport, _ x: ReportText) {
        let h = report.header
        let o = report.overview
        let scenario = report.scenario
        section(&b, id: "overview", title: t("section.overview")) { b in
            if !scenario.header.summary.isEmpty { b.element("p", text: scenario.header.summary) }
            kpis(
                &b,
                [
                    (t("overview.teamTotal"), NumberText.format(report.scores.teamTotal) + " / 100"),
                    (t("overview.ending"), x.ending(o)),
                    (t("overview.clock"), x.time(0) + " → " + x.time(o.finalClock)),
                    (t("overview.wall"), o.wallMilliseconds.map(x.wall) ?? "—"),
                ])
            table(
                &b, [t("word.item"), t("word.value")],
                [
                    [.text(t("overview.exercise")), .parts([.text(h.exerciseTitle), .code(h.exerciseID)])],
                    [.text(t("overview.version")), .text(h.exerciseVersion.isEmpty ? "—" : h.exerciseVersion)],
                    [.text(t("overview.file")), .code(SessionReport.fileName(report.path))],
                    [.text(t("overview.seed")), .text(String(h.seed))],
                    [.text(t("overview.started")), .text(WallTime.display(h.started))],
                    [.text(t("overview.ended")), .text(o.ended.map(WallTime.display) ?? "—")],
                    [
                        .text(t("overview.clock")),
                        .text(
                            t(
                                "overview.clockRange", x.time(0), x.time(o.finalClock),
                                x.duration(o.finalClock))),
                    ],
                    [.text(t("overview.facilitated")), .text(t(h.facilitated ? "word.yes" : "word.no"))],
                    [.text(t("overview.peer")), .text(t("peer." + h.peer))],
                    [.text(t("overview.tool")), .text(h.tool)],
                    [.text(t("overview.language")), .text(h.uiLanguage)],
                    [
                        .text(t("overview.transcript")),
                        .text(
                            t(
                                "overview.transcriptText", String(report.stepCount), String(o.resumes),
                                t(h.hmac ? (o.hmacChecked ? "hmac.checked" : "hmac.unchecked") : "hmac.unsigned"))),
                    ],
                ])
            b.element("h3", text: t("section.participants"))
            table(
                &b, [t("col.role"), t("col.id"), t("col.playedBy"), t("col.lead"), t("col.total"), t("col.points")],
                scenario.roles.enumerated().map { r, role in
                    let played = h.roles.first { $0.id == role.id }?.played ?? false
                    return [
                        .text(role.name), .code(role.id), .text(t(played ? "word.played" : "word.automated")),
                        .text(role.isLead ? t("word.lead") : ""), .num(NumberText.format(report.scores.roleTotals[r])),
                        .num(NumberText.format(report.scores.points[r])),
                    ]
                }, numeric: [4, 5])
        }
    }

    private func followed(_ b: inout HTMLBuilder, _ list: [Consequence], _ x: ReportText, who: String? = nil) {
        guard !list.isEmpty else { return }
        if let who { b.element("p", ["class": "muted"], text: t("decisions.followedFrom", who)) }
        b.element("ul", ["class": "followed"]) { b in
            for c in list {
                b.element("li") { b in
                    b.element("span", ["class": "muted"], text: x.time(c.clock) + " ")
                    b.text(x.consequence(c))
                }
            }
        }
    }

    private func decisions(_ b: inout HTMLBuilder, _ report: SessionReport, _ x: ReportText) {
        let scenario = report.scenario
        section(&b, id: "decisions", title: t("section.decisions")) { b in
            b.element("p", text: t("decisions.intro"))
            if report.decisions.isEmpty { note(&b, "empty.decisions") }
            for (n, d) in report.decisions.enumerated() {
                let (kind, question) = x.decisionTitle(d)
                b.element("div", ["class": "decision"]) { b in
                    b.element("h3", text: "\(n + 1). \(x.time(d.clock)) · \(kind) · \(question)")
                    if let s = d.scene {
                        b.element("p", ["class": "muted"], text: t("decisions.scene", scenario.scenes[s].title))
                    }
                    switch d.kind {
                    case .action:
                        if let m = d.moves.first {
                            b.element("p", text: t("decisions.actionBy", x.role(m.role)))
                            followed(&b, m.consequences, x)
                        }
                    case .ask:
                        table(
                            &b, [t("col.role"), t("col.choice"), t("col.time"), t("col.deliberation")],
                            d.moves.map { m in
                                let p = x.pick(d, m)
                                var parts: [Cell] = [.text(p.label), .code(p.id)]
                                if p.expected { parts.append(.strong("✓ " + t("word.expected"))) }
                                if m.auto != nil { parts.append(.text(x.auto(m.auto))) }
                                return [
                                    .name(x.role(m.role)), .parts(parts), .text(x.time(m.clock)),
                                    .num(x.deliberation(m.deliberation)),
                                ]
                            }, numeric: [3], time: [2])
                        for m in d.moves where !m.consequences.isEmpty {
                            followed(&b, m.consequences, x, who: x.role(m.role))
                        }
                    case .joint(let j):
                        b.element("p", text: t("decisions.rule", x.decisionRule(j)))
                        for round in d.rounds {
                            b.element("p") { b in
                                b.element(
                                    "strong", text: t("decisions.round", String(round.number), x.time(round.clock)))
                            }
                            table(
                                &b, [t("col.role"), t("col.position"), t("col.deliberation")],
                                round.positions.map { m in
                                    let p = x.pick(d, m)
                                    return [
                                        .name(x.role(m.role)),
                                        .parts([.text(p.label), .code(p.id), .text(x.auto(m.auto))]),
                                        .num(x.deliberation(m.deliberation)),
                                    ]
                                }
                                    + round.abstained.map {
                                        [.text(x.role($0)), .text(t("decisions.abstained")), .num("—")]
                                    },
                                numeric: [2])
                            if let tally = round.tally {
                                b.element("p", ["class": "tally"], text: x.tally(j, tally))
                            }
                            for step in round.failed {
                                b.element("p", ["class": "muted"], text: t("decisions.failed", x.rule(step)))
                            }
                        }
                        for (step, role) in d.awaited {
                            b.element(
                                "p", ["class": "muted"],
                                text: step == "lead"
                                    ? t("decisions.awaitLead", x.role(role))
                                    : role.map { t("decisions.awaitArbiter", x.role($0)) }
                                        ?? t("decisions.awaitArbitration"))
                        }
                        if let r = d.resolution {
                            let option = scenario.options[r.option]
                            var text = t("decisions.resolved", option.label, x.rule(r.by.rawValue), x.time(r.clock))
                            if let role = r.role { text += " · " + t("decisions.decidedBy", x.role(role)) }
                            if let ms = r.deliberation {
                                text += " · " + t("decisions.deliberated", x.wall(ms))
                            }
                            if option.isExpected { text += " ✓ " + t("word.expected") }
                            b.element("p") { b in
                                b.element("strong", text: t("decisions.outcome") + t.colon)
                                b.text(text)
                            }
                            let how = r.by.settledBy(round: d.rounds.last?.number ?? 1)
                            b.element(
                                "p", ["class": "muted"], text: t("decisions.settled", how.rawValue, x.settled(how)))
                            followed(&b, d.consequences, x)
                        } else {
                            note(&b, "decisions.unresolved")
                        }
                    }
                }
            }
        }
    }

    private func objectives(_ b: inout HTMLBuilder, _ report: SessionReport, _ x: ReportText) {
        let scenario = report.scenario
        section(&b, id: "objectives", title: t("section.objectives")) { b in
            if report.objectives.isEmpty { note(&b, "empty.objectives") }
            table(
                &b, [t("col.objective"), t("col.capability"), t("col.owner"), t("col.rating")],
                report.objectives.map { o in
                    let obj = scenario.objectives[o.objective]
                    var rating: [Cell] = [.rating(o.rating)]
                    if o.override != nil { rating.append(.text(t("objectives.computed", o.computed.rawValue))) }
                    return [
                        .parts([.text(obj.title), .code(obj.id)]), .text(obj.capability), .text(x.owner(o.objective)),
                        .parts(rating),
                    ]
                })
            for o in report.objectives {
                let obj = scenario.objectives[o.objective]
                b.element("h3") { b in
                    b.element("span", ["class": "badge r-" + o.rating.rawValue], text: o.rating.rawValue)
                    b.text(" " + obj.title)
                }
                b.element("ul") { b in
                    if o.ratings.isEmpty { b.element("li", text: t("objectives.notRated", o.computed.rawValue)) }
                    for rated in o.ratings {
                        b.element("li") { b in
                            let when =
                                rated.checkpoint
                                ? t("objectives.checkpoint", x.time(rated.clock))
                                : t("objectives.atEnd", x.time(rated.clock))
                            b.text(when + t.colon)
                            b.element("strong", text: rated.rating.rawValue)
                            b.text(" — ")
                            if let rule = rated.rule {
                                b.text(t("objectives.ruleLead", String(rule)) + " ")
                                b.element("code", text: rated.condition ?? "")
                            } else {
                                b.text(t("objectives.else"))
                            }
                            if !rated.facts.isEmpty {
                                b.empty("br")
                                b.element("span", ["class": "muted"], text: t("objectives.facts") + t.colon)
                                for (i, fact) in rated.facts.enumerated() {
                                    if i > 0 { b.text(", ") }
                                    b.element("code", text: fact)
                                }
                            }
                        }
                    }
                    if let override = o.override {
                        b.element(
                            "li",
                            text: t(
                                "objectives.override", override.rating.rawValue, o.computed.rawValue, override.reason))
                    }
                    if o.rating >= .M && !obj.recommendation.isEmpty {
                        b.element("li") { b in
                            b.element("strong", text: t("objectives.recommend") + t.colon)
                            b.text(obj.recommendation)
                        }
                    }
                }
            }
        }
    }

    private func scores(_ b: inout HTMLBuilder, _ report: SessionReport, _ x: ReportText) {
        let scenario = report.scenario
        let s = report.scores
        section(&b, id: "scores", title: t("section.scores")) { b in
            b.element("p", text: t("scores.intro"))
            // Scores over time.
            let finalClock = max(report.overview.finalClock, report.series.last?.clock ?? 0, 1)
            var series: [SVGChart.Series] = scenario.roles.indices.map { r in
                SVGChart.Series(
                    name: x.role(r), points: report.series.map { (Double($0.clock), $0.roles[r]) },
                    colour: SVGChart.colour(r), width: 2)
            }
            series.append(
                SVGChart.Series(
                    name: t("word.team"), points: report.series.map { (Double($0.clock), $0.team) },
                    colour: "#1d2733", width: 3.5))
            let step = finalClock > 8 * 60 ? 120 : finalClock > 3 * 60 ? 60 : finalClock > 60 ? 30 : 10
            let ticks = stride(from: 0, through: finalClock, by: step).map { (Double($0), x.time($0)) }
            // The injects, numbered on the chart and listed under it.
            let injects = report.timeline.filter { $0.kind == "inject" || $0.kind == "injectManual" }
            let markers = injects.enumerated().map { (Double($0.element.clock), String($0.offset + 1)) }
            b.element("figure") { b in
                for layout in SVGChart.Layout.allCases {
                    SVGChart.lines(
                        &b, label: t("chart.overTime"), series: series, xMax: Double(finalClock), ticks: ticks,
                        markers: markers, layout: layout)
                }
                legend(
                    &b, scenario.roles.indices.map { (x.role($0), SVGChart.colour($0)) } + [(t("word.team"), "#1d2733")]
                )
                b.element("figcaption", text: t("chart.overTimeCaption"))
                if !injects.isEmpty {
                    b.element("ol", ["class": "injects", "aria-label": t("chart.injects")]) { b in
                        for entry in injects {
                            b.element("li") { b in
                                b.element("span", ["class": "muted"], text: x.time(entry.clock) + " ")
                                b.text(entry.args.first ?? "")
                            }
                        }
                    }
                }
            }
            // Measures per role.
            b.element("figure") { b in
                for layout in SVGChart.Layout.allCases {
                    SVGChart.groupedBars(
                        &b, label: t("chart.measures"),
                        groups: scenario.measures.indices.map { m in (scenario.measures[m].name, s.normalized[m]) } + [
                            (t("col.total"), s.roleTotals)
                        ],
                        seriesNames: scenario.roles.map(\.name), marker: s.team.map { Optional($0) } + [s.teamTotal],
                        layout: layout)
                }
                legend(&b, scenario.roles.indices.map { (x.role($0), SVGChart.colour($0)) })
                b.element("figcaption", text: t("chart.measuresCaption"))
            }
            var rows: [[Cell]] = scenario.roles.indices.map { r in
                var row: [Cell] = [.name(x.role(r)), .strong(NumberText.format(s.roleTotals[r]))]
                row += scenario.measures.indices.map { m in
                    .num(NumberText.format(s.normalized[m][r]) + t.bracketed(NumberText.format(s.raw[m][r], digits: 2)))
                }
                let tally = s.expectationsByRole[r]
                return row + [.num(NumberText.format(s.points[r])), .num("\(tally.hits)/\(tally.possible)")]
            }
            rows.append(
                [.strong(t("word.team")), .strong(NumberText.format(s.teamTotal))]
                    + s.team.map { .num(NumberText.format($0)) }
                    + [
                        .num(NumberText.format(s.points.reduce(0, +))),
                        .num("\(s.expectationsTeam.hits)/\(s.expectationsTeam.possible)"),
                    ])
            let count = 2 + scenario.measures.count + 2
            table(
                &b,
                [t("col.role"), t("col.total")] + scenario.measures.map(\.name) + [t("col.points"), t("col.expected")],
                rows, numeric: Set(1..<count))
            b.element("h3", text: t("section.measures"))
            table(
                &b, [t("col.measure"), t("col.id"), t("col.weight"), t("col.range")],
                scenario.measures.map {
                    [
                        .text($0.name), .code($0.id), .num(NumberText.format($0.weight)),
                        .num(NumberText.format($0.range.lowerBound) + " … " + NumberText.format($0.range.upperBound)),
                    ]
                }, numeric: [2, 3])
            b.element("h3", text: t("section.changes"))
            let changes = s.changes.filter { $0.delta != 0 }
            if changes.isEmpty { note(&b, "empty.changes") }
            table(
                &b, [t("col.time"), t("col.role"), t("col.measure"), t("col.change"), t("col.value"), t("col.cause")],
                changes.map { c in
                    [
                        .text(x.time(c.clock)), .name(x.role(c.role)), .name(scenario.measures[c.measure].name),
                        .num(NumberText.signed(c.delta)), .num(NumberText.format(c.value, digits: 2)),
                        .text(x.cause(c.cause)),
                    ]
                }, numeric: [3, 4], time: [0])
            b.element("h3", text: t("section.points"))
            if s.awards.isEmpty { note(&b, "empty.points") }
            table(
                &b, [t("col.time"), t("col.role"), t("col.points"), t("col.reason"), t("col.cause")],
                s.awards.map { a in
                    [
                        .text(x.time(a.clock)), .name(x.role(a.role)), .num(NumberText.signed(a.amount)),
                        .text(a.reason),
                        .text(x.cause(a.cause)),
                    ]
                }, numeric: [2], time: [0])
        }
    }

    private func outcomeCell(_ raw: String, _ x: ReportText) -> Cell {
        switch raw {
        case "hit", "on_time": return .strong("✓ " + x.outcome(raw))
        case "missed", "refused", "unanswered", "overdue": return .strong("✗ " + x.outcome(raw))
        case "late": return .strong("! " + x.outcome(raw))
        default: return .text(x.outcome(raw))
        }
    }

    private func expectations(_ b: inout HTMLBuilder, _ report: SessionReport, _ x: ReportText) {
        let scenario = report.scenario
        section(&b, id: "expectations", title: t("section.expectations")) { b in
            b.element("p", text: t("expectations.intro"))
            if report.expectations.isEmpty { note(&b, "empty.expectations") }
            var rows: [[Cell]] = []
            for r in report.expectations {
                let exp = scenario.expectations[r.expectation]
                for response in r.responses {
                    rows.append([
                        .text(scenario.injects[exp.inject].title), .text(exp.title), .text(x.response(r.expectation)),
                        .text(response.role.map { x.role($0) } ?? t("word.team")), .text(x.time(r.start)),
                        .text(x.time(r.deadline)),
                        .text(response.at.map { x.time($0) } ?? "—"), outcomeCell(response.outcome.rawValue, x),
                    ])
                }
            }
            table(
                &b,
                [
                    t("col.inject"), t("col.expectation"), t("col.response"), t("col.responder"), t("col.fired"),
                    t("col.deadline"), t("col.responded"), t("col.outcome"),
                ], rows, time: [4, 5, 6])
        }
    }

    private func information(_ b: inout HTMLBuilder, _ report: SessionReport, _ x: ReportText) {
        let scenario = report.scenario
        section(&b, id: "information", title: t("section.information")) { b in
            if report.shares.isEmpty { note(&b, "empty.shares") }
            table(
                &b, [t("col.time"), t("col.from"), t("col.item"), t("col.sensitivity"), t("col.to"), t("col.cause")],
                report.shares.map { s in
                    let item = scenario.items[s.item]
                    return [
                        .text(x.time(s.clock)), .text(s.by.map { x.role($0) } ?? "—"), .text(item.title),
                        .text(x.sensitivity(item.sensitivity)), .text(x.roles(s.with)), .text(x.cause(s.cause)),
                    ]
                }, time: [0])
            b.element("h3", text: t("section.breaches"))
            if report.breaches.isEmpty { note(&b, "empty.breaches") }
            for br in report.breaches {
                b.element(
                    "p", ["class": "warn"],
                    text: x.time(br.clock) + " " + t("breach.line", scenario.items[br.item].title, x.role(br.role)))
            }
            if !scenario.parties.isEmpty {
                b.element("h3", text: t("section.leaks"))
                if report.leaks.isEmpty {
                    note(&b, "empty.leaks")
                } else {
                    b.element("p", text: t.plural("leak.count", count: report.leaks.count))
                }
                for l in report.leaks {
                    b.element("p", ["class": "warn"], text: x.time(l.clock) + " " + x.leak(l))
                }
            }
            b.element("h3", text: t("section.knowledge"))
            b.element("p", text: t("knowledge.intro"))
            table(
                &b, [t("col.item"), t("col.sensitivity")] + scenario.roles.map(\.name),
                scenario.items.indices.map { i in
                    [.text(scenario.items[i].title), .text(x.sensitivity(scenario.items[i].sensitivity))]
                        + report.knowledge[i].map { .text($0.map { x.time($0) } ?? "—") }
                })
        }
    }

    private func requests(_ b: inout HTMLBuilder, _ report: SessionReport, _ x: ReportText) {
        let scenario = report.scenario
        section(&b, id: "requests", title: t("section.requests")) { b in
            if report.requests.isEmpty { note(&b, "empty.requests") }
            table(
                &b,
                [
                    t("col.request"), t("col.fromTo"), t("col.sent"), t("col.deadline"), t("col.answered"),
                    t("col.responseTime"), t("col.outcome"),
                ],
                report.requests.map { r in
                    let q = scenario.requests[r.request]
                    var answered = r.answered.map { x.time($0) } ?? "—"
                    if let accepted = r.accepted {
                        answered += " · " + (accepted ? q.acceptLabel : q.refuseLabel)
                        if r.auto { answered += t("auto.automated") }
                    }
                    let minutes = r.answered.map { x.duration($0 - r.sent) } ?? "—"
                    let wall = r.wallResponse.map { t.bracketed(x.wall($0)) } ?? ""
                    var outcome = outcomeCell(r.outcome.rawValue, x)
                    if r.overdue { outcome = .parts([outcome, .text("· " + t("requests.wasOverdue"))]) }
                    return [
                        .text(q.title), .parts([.name(x.role(q.from)), .text("→"), .name(x.role(q.to))]),
                        .text(x.time(r.sent)),
                        .text(x.time(r.deadline)), .text(answered), .num(minutes + wall), outcome,
                    ]
                }, numeric: [5], time: [2, 3])
            if !report.playerRequests.isEmpty {
                b.element("h3", text: t("section.playerRequests"))
                var rows: [[Cell]] = []
                for r in report.playerRequests {
                    let subject = r.item.map { "“" + scenario.items[$0].title + "”" } ?? "“" + r.text + "”"
                    let duty = r.duty.map { " · " + scenario.duties[$0].title } ?? ""
                    for copy in r.copies {
                        let path = ([copy.receiver] + copy.forwards.map(\.to)).map { x.role($0) }.joined(
                            separator: " → ")
                        let answer = copy.reply.map { x.reply(ReportBuilder.reply($0)) } ?? "—"
                        let by = copy.by.map {
                            " (" + x.role($0) + ", " + (copy.answered.map { x.time($0) } ?? "") + ")"
                        }
                        rows.append([
                            .text("r\(r.number + 1) " + subject + duty), .text(x.role(r.from) + " → " + path),
                            .text(x.time(r.sent)), .text(x.time(r.deadline)), .text(answer + (by ?? "")),
                            outcomeCell(copy.outcome.rawValue, x), .text(x.role(copy.receiver)),
                        ])
                    }
                }
                table(
                    &b,
                    [
                        t("col.request"), t("col.fromTo"), t("col.sent"), t("col.deadline"), t("col.answered"),
                        t("col.outcome"), t("col.firstContact"),
                    ], rows, time: [2, 3])
            }
        }
    }

    private func peer(_ b: inout HTMLBuilder, _ report: SessionReport, _ x: ReportText) {
        let scenario = report.scenario
        let p = report.peer
        section(&b, id: "peer", title: t("section.peer")) { b in
            guard p.mode != .off else { return note(&b, "peer.offNote") }
            guard p.held else { return note(&b, "peer.notHeld") }
            b.element("p", text: t(p.mode == .anonymous ? "peer.anonymousIntro" : "peer.namedIntro"))
            if p.mode == .named {
                let raters = scenario.roles.indices.filter { r in p.named.contains { $0.rater == r } }
                for (q, question) in scenario.peerQuestions.enumerated() {
                    let cells: [[Double?]] = raters.map { rater in
                        scenario.roles.indices.map { target in
                            p.named.first { $0.rater == rater && $0.target == target && $0.question == q }?.value.map(
                                Double.init)
                        }
                    }
                    b.element("figure") { b in
                        for layout in SVGChart.Layout.allCases {
                            SVGChart.heatMap(
                                &b, label: question.text, rows: raters.map { x.role($0) },
                                columns: scenario.roles.map(\.name), cells: cells, low: Double(question.low),
                                high: Double(question.high), blank: { r, c in raters[r] == c }, layout: layout)
                        }
                        b.element(
                            "figcaption",
                            text: question.text + " (\(question.low)–\(question.high)) · " + t("chart.heatNamed"))
                    }
                }
            } else {
                let cells: [[Double?]] = scenario.roles.indices.map { r in
                    scenario.peerQuestions.indices.map { q in
                        p.received.first { $0.target == r && $0.question == q }?.mean
                    }
                }
                let low = Double(scenario.peerQuestions.map(\.low).min() ?? 0)
                let high = Double(scenario.peerQuestions.map(\.high).max() ?? 5)
                b.element("figure") { b in
                    for layout in SVGChart.Layout.allCases {
                        SVGChart.heatMap(
                            &b, label: t("peer.received"), rows: scenario.roles.map(\.name),
                            columns: scenario.peerQuestions.map(\.text), cells: cells, low: low, high: high,
                            layout: layout)
                    }
                    b.element("figcaption", text: t("chart.heatAnonymous"))
                }
            }
            b.element("h3", text: t("peer.received"))
            table(
                &b, [t("col.role")] + scenario.peerQuestions.map(\.text),
                scenario.roles.indices.map { r in
                    [.name(x.role(r))]
                        + scenario.peerQuestions.indices.map { q -> Cell in
                            guard let a = p.received.first(where: { $0.target == r && $0.question == q }),
                                let mean = a.mean
                            else {
                                let withheld = p.received.first { $0.target == r && $0.question == q && $0.withheld }
                                return .num(withheld.map { t("peer.withheld", String($0.count)) } ?? "—")
                            }
                            return .num(NumberText.format(mean, digits: 2) + " (n=\(a.count))")
                        }
                }, numeric: Set(1...max(1, scenario.peerQuestions.count)))
            b.element("h3", text: t("peer.flagged"))
            if p.flagged.isEmpty { note(&b, "peer.noFlags") }
            b.element("ul") { b in
                for f in p.flagged {
                    b.element(
                        "li",
                        text: t(
                            "peer.flagLine", x.role(f.first), x.role(f.second),
                            scenario.peerQuestions[f.question].text, String(f.gap)))
                }
            }
        }
    }

    private func notes(_ b: inout HTMLBuilder, _ report: SessionReport, _ x: ReportText) {
        let scenario = report.scenario
        section(&b, id: "notes", title: t("section.notes")) { b in
            b.element("h3", text: t("section.discussion"))
            if report.discussions.isEmpty { note(&b, "empty.discussion") }
            for d in report.discussions {
                b.element("p") { b in
                    b.element("strong", text: scenario.discussions[d.discussion].question)
                    b.element("span", ["class": "muted"], text: t.bracketed(x.time(d.clock)))
                }
                for a in d.answers {
                    b.element("blockquote") { b in
                        b.element("strong", text: x.role(a.role) + t.colon)
                        b.text(a.text)
                    }
                }
            }
            b.element("h3", text: t("section.playerNotes"))
            if report.notes.isEmpty { note(&b, "empty.notes") }
            table(
                &b, [t("col.time"), t("col.role"), t("col.note")],
                report.notes.map { [.text(x.time($0.clock)), .name(x.role($0.role)), .text($0.text)] }, time: [0])
            b.element("h3", text: t("section.debriefNotes"))
            if report.debriefNotes.isEmpty { note(&b, "empty.debriefNotes") }
            table(
                &b, [t("col.time"), t("col.note")],
                report.debriefNotes.map { [.text(x.time($0.clock)), .text($0.text)] },
                time: [0])
            if !report.errors.isEmpty {
                b.element("h3", text: t("section.errors"))
                table(
                    &b, [t("col.time"), t("col.note")], report.errors.map { [.text(x.time($0.clock)), .text($0.text)] })
            }
        }
    }

    private func conclusions(_ b: inout HTMLBuilder, _ report: SessionReport, _ x: ReportText) {
        let c = Conclusions(report)
        let scenario = report.scenario
        section(&b, id: "strengths", title: t("section.strengths")) { b in
            if c.strengths.isEmpty { note(&b, "empty.strengths") }
            b.element("ul") { b in for s in c.strengths { b.element("li", text: c.text(s, x)) } }
        }
        section(&b, id: "improvements", title: t("section.improvements")) { b in
            if c.improvements.isEmpty { note(&b, "empty.improvements") }
            b.element("ul") { b in for s in c.improvements { b.element("li", text: c.text(s, x)) } }
        }
        if !c.scenarioPoints.isEmpty {
            section(&b, id: "scenario-points", title: t("section.scenarioPoints")) { b in
                b.element("p", text: t("scenarioPoints.intro"))
                b.element("ul") { b in for s in c.scenarioPoints { b.element("li", text: c.text(s, x)) } }
            }
        }
        section(&b, id: "plan", title: t("section.plan")) { b in
            b.element("p", text: t("plan.intro"))
            if c.plan.isEmpty { note(&b, "empty.plan") }
            table(
                &b,
                [
                    t("col.finding"), t("col.capability"), t("col.rating"), t("col.recommendation"),
                    t("col.responsible"),
                    t("col.due"),
                ],
                c.plan.map { row in
                    let col = c.columns(row, x)
                    let rating: Cell
                    if case .objective(let o) = row.item {
                        rating = .rating(o.rating)
                    } else {
                        rating = .text(col.rating)
                    }
                    return [
                        .text(col.title), .text(col.capability), rating, .text(col.advice),
                        .text(c.responsible(row.roles, x)), .text(options.due),
                    ]
                })
        }
    }
}
