import ExerciseEngine
import ScenarioLanguage
import Transcripts

/// Writes JSON with two-space indentation; arrays of plain values stay on one line. Members keep their order.
enum PrettyJSON {
    static func render(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(value, indent: 0, into: &out)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    private static func isScalar(_ v: JSONValue) -> Bool {
        switch v {
        case .array, .object: return false
        default: return true
        }
    }

    private static func newline(_ indent: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .array(let elements):
            if elements.isEmpty {
                out.append(contentsOf: "[]".utf8)
            } else if elements.allSatisfy(isScalar) {
                out.append(UInt8(ascii: "["))
                for (i, e) in elements.enumerated() {
                    if i > 0 { out.append(contentsOf: ", ".utf8) }
                    e.write(into: &out)
                }
                out.append(UInt8(ascii: "]"))
            } else {
                out.append(UInt8(ascii: "["))
                for (i, e) in elements.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    newline(indent + 1, into: &out)
                    write(e, indent: indent + 1, into: &out)
                }
                newline(indent, into: &out)
                out.append(UInt8(ascii: "]"))
            }
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (i, m) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &out)
                JSONValue.writeString(m.key, into: &out)
                out.append(contentsOf: ": ".utf8)
                write(m.value, indent: indent + 1, into: &out)
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        default:
            value.write(into: &out)
        }
    }
}

/// The JSON structure of session and cohort reports, documented in `docs/debrief.md`. Elements are named by their
/// ids; scores are rounded to two decimals; `text` fields are sentences in the report's language.
struct JSONReport {
    let options: DebriefOptions

    /// The format's name and version, at the top of every report.
    static let formatName = "sandtable-debrief"
    static let formatVersion = 1

    typealias J = JSONValue

    private func num(_ v: Double) -> J { .double(NumberText.rounded(v)) }
    private func opt(_ v: Int?) -> J { v.map { .int($0) } ?? .null }
    private func ms(_ v: Int64?) -> J { v.map { .number(String($0)) } ?? .null }
    private func str(_ s: String) -> J { .string(s) }
    private func obj(_ members: [(String, J)]) -> J { .object(members.map { JSONMember($0.0, $0.1) }) }

    private func exercise(_ scenario: Scenario, sha: String) -> J {
        obj([
            ("id", str(scenario.header.id)), ("title", str(scenario.header.title)),
            ("version", str(scenario.header.version)), ("summary", str(scenario.header.summary)),
            ("sha256", str(sha)),
        ])
    }

    private func top(_ kind: String) -> [(String, J)] {
        [
            ("format", str(Self.formatName)), ("version", .int(Self.formatVersion)), ("kind", str(kind)),
            ("language", str(options.language.rawValue)),
        ]
    }

    // MARK: Session

    func session(_ report: SessionReport) -> J {
        let scenario = report.scenario
        let x = ReportText(options.language, scenario: scenario)
        let ids = ScenarioIDs(scenario)
        let h = report.header
        let o = report.overview
        func role(_ r: Int?) -> J { r.map { .string(ids.role($0)) } ?? .null }
        func time(_ clock: Int) -> [(String, J)] { [("clock", .int(clock)), ("time", str(x.time(clock)))] }
        func cause(_ c: CauseRef) -> J {
            c.kind == "none" ? .null : obj([("kind", str(c.kind)), ("id", str(c.id)), ("label", str(c.label))])
        }
        func followed(_ list: [Consequence]) -> J {
            .array(
                list.map { c in
                    obj(
                        time(c.clock) + [
                            ("kind", str(c.kind)), ("role", role(c.role)), ("text", str(x.consequence(c))),
                        ])
                })
        }
        func tally(_ t: Scorecard.Tally) -> J {
            obj([
                ("hits", .int(t.hits)), ("late", .int(t.late)), ("missed", .int(t.missed)),
                ("possible", .int(t.possible)),
            ])
        }

        var members = top("session")
        members.append(("exercise", exercise(scenario, sha: h.scenarioSHA256)))
        let ending: J =
            o.ending.map { e in obj([("id", str(ids.ending(e))), ("title", str(scenario.endings[e].title))]) } ?? .null
        members.append(
            (
                "session",
                obj([
                    ("file", str(SessionReport.fileName(report.path))), ("seed", .uint(h.seed)),
                    ("started", str(h.started)),
                    ("ended", o.ended.map { str($0) } ?? .null), ("wall_ms", ms(o.wallMilliseconds)),
                    ("tool", str(h.tool)),
                    ("ui_language", str(h.uiLanguage)), ("facilitated", .bool(h.facilitated)), ("peer", str(h.peer)),
                    ("hmac", .bool(h.hmac)), ("hmac_checked", .bool(o.hmacChecked)), ("resumes", .int(o.resumes)),
                    ("steps", .int(report.stepCount)), ("complete", .bool(report.isComplete)),
                    ("clock_start", str(x.time(0))), ("final_clock", .int(o.finalClock)),
                    ("final_time", str(x.time(o.finalClock))),
                    ("ending", ending), ("reason", o.reason.map { str($0.rawValue) } ?? .null),
                ])
            ))
        members.append(
            (
                "warnings",
                .array(
                    report.warnings.map { w in
                        switch w {
                        case .torn(let line, let bytes):
                            return obj([
                                ("kind", str("torn")), ("line", .int(line)), ("bytes", .int(bytes)),
                                ("text", str(x.warning(w))),
                            ])
                        case .unfinished: return obj([("kind", str("unfinished")), ("text", str(x.warning(w)))])
                        case .changedExercise(let line):
                            return obj([
                                ("kind", str("changed_exercise")), ("line", .int(line)), ("text", str(x.warning(w))),
                            ])
                        case .hmacNotChecked:
                            return obj([("kind", str("hmac_not_checked")), ("text", str(x.warning(w)))])
                        }
                    })
            ))
        members.append(
            (
                "participants",
                .array(
                    scenario.roles.enumerated().map { r, info in
                        obj([
                            ("role", str(info.id)), ("name", str(info.name)),
                            ("played", .bool(h.roles.first { $0.id == info.id }?.played ?? false)),
                            ("lead", .bool(info.isLead)),
                            ("weight", num(info.weight)),
                        ])
                    })
            ))
        members.append(
            (
                "timeline",
                .array(
                    report.timeline.map { e in
                        obj(
                            time(e.clock) + [
                                ("kind", str(e.kind)), ("role", role(e.role)),
                                ("auto", e.auto.map { str($0.rawValue) } ?? .null),
                                ("text", str(x.timeline(e))),
                            ])
                    })
            ))
        members.append(
            (
                "decisions",
                .array(
                    report.decisions.map { decision($0, x: x, ids: ids, role: role, time: time, followed: followed) })
            ))
        members.append(
            (
                "objectives",
                .array(
                    report.objectives.map { r in
                        let objective = scenario.objectives[r.objective]
                        return obj([
                            ("id", str(objective.id)), ("title", str(objective.title)),
                            ("capability", str(objective.capability)),
                            ("owner", role(objective.owner)), ("rating", str(r.rating.rawValue)),
                            ("computed", str(r.computed.rawValue)),
                            (
                                "override",
                                r.override.map {
                                    obj([("rating", str($0.rating.rawValue)), ("reason", str($0.reason))])
                                } ?? .null
                            ),
                            (
                                "ratings",
                                .array(
                                    r.ratings.map { rated in
                                        obj(
                                            time(rated.clock) + [
                                                ("rating", str(rated.rating.rawValue)), ("rule", opt(rated.rule)),
                                                ("condition", rated.condition.map { str($0) } ?? .null),
                                                ("facts", .array(rated.facts.map { str($0) })),
                                                ("checkpoint", .bool(rated.checkpoint)),
                                            ])
                                    })
                            ),
                            ("recommendation", str(objective.recommendation)),
                        ])
                    })
            ))
        let s = report.scores
        let measureIDs = scenario.measures.map(\.id)
        members.append(
            (
                "scores",
                obj([
                    (
                        "team",
                        obj([
                            ("total", num(s.teamTotal)),
                            ("measures", obj(zip(measureIDs, s.team).map { ($0.0, num($0.1)) })),
                            ("points", num(s.points.reduce(0, +))), ("expectations", tally(s.expectationsTeam)),
                        ])
                    ),
                    (
                        "roles",
                        .array(
                            scenario.roles.indices.map { r in
                                obj([
                                    ("role", str(ids.role(r))), ("total", num(s.roleTotals[r])),
                                    ("points", num(s.points[r])),
                                    (
                                        "measures",
                                        obj(
                                            measureIDs.indices.map { m in
                                                (
                                                    measureIDs[m],
                                                    obj([
                                                        ("raw", num(s.raw[m][r])),
                                                        ("normalized", num(s.normalized[m][r])),
                                                    ])
                                                )
                                            })
                                    ),
                                    ("expectations", tally(s.expectationsByRole[r])),
                                ])
                            })
                    ),
                    (
                        "measures",
                        .array(
                            scenario.measures.map { m in
                                obj([
                                    ("id", str(m.id)), ("name", str(m.name)), ("weight", num(m.weight)),
                                    ("min", num(m.range.lowerBound)), ("max", num(m.range.upperBound)),
                                ])
                            })
                    ),
                    (
                        "changes",
                        .array(
                            s.changes.map { c in
                                obj(
                                    time(c.clock) + [
                                        ("role", role(c.role)), ("measure", str(ids.measure(c.measure))),
                                        ("delta", num(c.delta)),
                                        ("value", num(c.value)), ("cause", cause(c.cause)),
                                    ])
                            })
                    ),
                    (
                        "points",
                        .array(
                            s.awards.map { a in
                                obj(
                                    time(a.clock) + [
                                        ("role", role(a.role)), ("amount", num(a.amount)), ("reason", str(a.reason)),
                                        ("cause", cause(a.cause)),
                                    ])
                            })
                    ),
                    (
                        "series",
                        .array(
                            report.series.map { p in
                                obj(
                                    [("step", .int(p.step))] + time(p.clock) + [
                                        ("team", num(p.team)),
                                        ("roles", obj(scenario.roles.indices.map { (ids.role($0), num(p.roles[$0])) })),
                                    ])
                            })
                    ),
                ])
            ))
        members.append(
            (
                "expectations",
                .array(
                    report.expectations.map { r in
                        let e = scenario.expectations[r.expectation]
                        return obj([
                            ("id", str(e.id)), ("title", str(e.title)), ("inject", str(ids.inject(e.inject))),
                            ("response", str(x.response(r.expectation))), ("requires_all", .bool(e.requiresAll)),
                            ("fired", .int(r.start)), ("fired_time", str(x.time(r.start))),
                            ("deadline", .int(r.deadline)), ("deadline_time", str(x.time(r.deadline))),
                            ("outcome", str(r.outcome.rawValue)),
                            (
                                "responses",
                                .array(
                                    r.responses.map { resp in
                                        obj([
                                            ("role", role(resp.role)), ("outcome", str(resp.outcome.rawValue)),
                                            ("at", opt(resp.at)),
                                            ("time", resp.at.map { str(x.time($0)) } ?? .null),
                                        ])
                                    })
                            ),
                        ])
                    })
            ))
        members.append(
            (
                "information",
                obj([
                    (
                        "shares",
                        .array(
                            report.shares.map { sh in
                                obj(
                                    time(sh.clock) + [
                                        ("item", str(ids.item(sh.item))),
                                        ("sensitivity", str(scenario.items[sh.item].sensitivity.rawValue)),
                                        ("by", role(sh.by)), ("with", .array(sh.with.map { str(ids.role($0)) })),
                                        ("cause", cause(sh.cause)),
                                    ])
                            })
                    ),
                    (
                        "breaches",
                        .array(
                            report.breaches.map { b in
                                obj(time(b.clock) + [("item", str(ids.item(b.item))), ("role", role(b.role))])
                            })
                    ),
                    (
                        "knowledge",
                        .array(
                            scenario.items.indices.map { i in
                                obj([
                                    ("item", str(ids.item(i))), ("title", str(scenario.items[i].title)),
                                    (
                                        "known",
                                        obj(scenario.roles.indices.map { (ids.role($0), opt(report.knowledge[i][$0])) })
                                    ),
                                ])
                            })
                    ),
                ])
            ))
        members.append(
            (
                "requests",
                .array(
                    report.requests.map { r in
                        let q = scenario.requests[r.request]
                        return obj([
                            ("id", str(q.id)), ("title", str(q.title)), ("from", role(q.from)), ("to", role(q.to)),
                            ("sent", .int(r.sent)), ("deadline", .int(r.deadline)), ("answered", opt(r.answered)),
                            ("accepted", r.accepted.map { .bool($0) } ?? .null), ("auto", .bool(r.auto)),
                            ("overdue", .bool(r.overdue)),
                            ("outcome", str(r.outcome.rawValue)),
                            ("response_minutes", opt(r.answered.map { $0 - r.sent })),
                            ("response_wall_ms", ms(r.wallResponse)),
                        ])
                    })
            ))
        let p = report.peer
        members.append(
            (
                "peer",
                obj([
                    ("mode", str(p.mode.rawValue)), ("held", .bool(p.held)),
                    (
                        "questions",
                        .array(
                            scenario.peerQuestions.map { q in
                                obj([
                                    ("id", str(q.id)), ("text", str(q.text)), ("low", .int(q.low)),
                                    ("high", .int(q.high)),
                                ])
                            })
                    ),
                    (
                        "ratings",
                        .array(
                            p.named.map { r in
                                obj([
                                    ("rater", role(r.rater)), ("target", role(r.target)),
                                    ("question", str(ids.question(r.question))),
                                    ("value", opt(r.value)),
                                ])
                            })
                    ),
                    (
                        "received",
                        .array(
                            p.received.map { a in
                                obj([
                                    ("target", role(a.target)), ("question", str(ids.question(a.question))),
                                    ("count", .int(a.count)),
                                    ("mean", a.mean.map { num($0) } ?? .null), ("withheld", .bool(a.withheld)),
                                ])
                            })
                    ),
                    (
                        "flagged_pairs",
                        .array(
                            p.flagged.map { f in
                                obj([
                                    ("first", role(f.first)), ("second", role(f.second)),
                                    ("question", str(ids.question(f.question))),
                                    ("gap", .int(f.gap)),
                                ])
                            })
                    ),
                ])
            ))
        func notes(_ list: [NoteRecord]) -> J {
            .array(list.map { n in obj(time(n.clock) + [("role", role(n.role)), ("text", str(n.text))]) })
        }
        members.append(("notes", notes(report.notes)))
        members.append(("debrief_notes", notes(report.debriefNotes)))
        members.append(
            (
                "discussions",
                .array(
                    report.discussions.map { d in
                        obj(
                            [
                                ("id", str(ids.discussion(d.discussion))),
                                ("question", str(scenario.discussions[d.discussion].question)),
                            ]
                                + time(d.clock) + [
                                    (
                                        "answers",
                                        .array(
                                            d.answers.map { a in
                                                obj(
                                                    [("role", role(a.role))] + time(a.clock) + [
                                                        ("text", str(a.text)), ("deliberation_ms", ms(a.deliberation)),
                                                    ])
                                            })
                                    )
                                ])
                    })
            ))
        members.append(("errors", notes(report.errors)))
        let c = Conclusions(report)
        func item(_ i: Conclusions.Item) -> J {
            let (kind, id): (String, String)
            switch i {
            case .objective(let o): (kind, id) = ("objective", ids.objective(o.objective))
            case .expectation(let e): (kind, id) = ("expectation", ids.expectation(e.expectation))
            case .request(let r): (kind, id) = ("request", ids.request(r.request))
            case .breach(let b): (kind, id) = ("breach", ids.item(b.item))
            case .error: (kind, id) = ("error", "")
            }
            return obj([("kind", str(kind)), ("id", str(id)), ("text", str(c.text(i, x)))])
        }
        members.append(("strengths", .array(c.strengths.map(item))))
        members.append(("improvements", .array(c.improvements.map(item))))
        members.append(
            (
                "improvement_plan",
                .array(
                    c.plan.map { r in
                        let objective = scenario.objectives[r.objective]
                        return obj([
                            ("objective", str(objective.id)), ("title", str(objective.title)),
                            ("capability", str(objective.capability)),
                            ("rating", str(r.rating.rawValue)), ("recommendation", str(objective.recommendation)),
                            ("responsible_role", role(objective.owner)), ("responsible", str(x.owner(r.objective))),
                            ("due", str(options.due)),
                        ])
                    })
            ))
        return obj(members)
    }

    private func decision(
        _ d: DecisionRecord, x: ReportText, ids: ScenarioIDs, role: (Int?) -> J, time: (Int) -> [(String, J)],
        followed: ([Consequence]) -> J
    ) -> J {
        let scenario = x.scenario
        func move(_ m: Move, key: String) -> J {
            let p = x.pick(d, m)
            return obj(
                [
                    ("role", role(m.role)), (key, str(p.id)), ("label", str(p.label)), ("expected", .bool(p.expected)),
                    ("default", .bool(p.isDefault)), ("auto", m.auto.map { str($0.rawValue) } ?? .null),
                ]
                    + time(m.clock) + [("deliberation_ms", ms(m.deliberation)), ("followed", followed(m.consequences))])
        }
        switch d.kind {
        case .ask(let a):
            return obj(
                [
                    ("kind", str("ask")), ("id", str(ids.ask(a))), ("question", str(scenario.asks[a].question)),
                    ("scene", d.scene.map { str(ids.scene($0)) } ?? .null),
                ]
                    + time(d.clock) + [("answers", .array(d.moves.map { move($0, key: "choice") }))])
        case .action(let a):
            let m = d.moves.first
            return obj(
                [
                    ("kind", str("action")), ("id", str(ids.action(a))), ("title", str(scenario.actions[a].title)),
                    ("scene", d.scene.map { str(ids.scene($0)) } ?? .null), ("role", role(m?.role)),
                ]
                    + time(d.clock) + [("followed", followed(m?.consequences ?? []))])
        case .joint(let j):
            let decision = scenario.decisions[j]
            let fallback: [J] = decision.fallback.map { step in
                switch step {
                case .negotiate(let minutes): return str("negotiate \(minutes)m")
                case .lead: return str("lead")
                case .arbitrate: return str("arbitrate")
                }
            }
            var members: [(String, J)] = [
                ("kind", str("joint")), ("id", str(decision.id)), ("question", str(decision.question)),
                ("scene", d.scene.map { str(ids.scene($0)) } ?? .null),
            ]
            members += time(d.clock)
            members += [
                ("rule", str(decision.rule.rawValue)),
                ("weights", obj(zip(decision.roles, decision.weights).map { (ids.role($0.0), num($0.1)) })),
                ("fallback", .array(fallback)),
                (
                    "rounds",
                    .array(
                        d.rounds.map { r in
                            obj(
                                [("round", .int(r.number))] + time(r.clock) + [
                                    (
                                        "positions",
                                        .array(
                                            r.positions.map { m in
                                                let p = x.pick(d, m)
                                                return obj([
                                                    ("role", role(m.role)), ("option", str(p.id)),
                                                    ("label", str(p.label)),
                                                    ("auto", m.auto.map { str($0.rawValue) } ?? .null),
                                                    ("deliberation_ms", ms(m.deliberation)),
                                                ])
                                            })
                                    ),
                                    ("failed", .array(r.failed.map { str($0) })),
                                ])
                        })
                ),
                ("awaited", .array(d.awaited.map { obj([("step", str($0.step)), ("role", role($0.role))]) })),
            ]
            if let r = d.resolution {
                let option = scenario.options[r.option]
                members.append(
                    (
                        "resolution",
                        obj(
                            [
                                ("option", str(option.id)), ("label", str(option.label)),
                                ("expected", .bool(option.isExpected)),
                                ("by", str(r.by.rawValue)), ("role", role(r.role)),
                            ]
                                + time(r.clock) + [("deliberation_ms", ms(r.deliberation))])
                    ))
            } else {
                members.append(("resolution", .null))
            }
            members.append(("followed", followed(d.consequences)))
            return obj(members)
        }
    }

    // MARK: Cohort

    func cohort(_ c: CohortReport) -> J {
        var members = top("cohort")
        guard let scenario = c.scenario else {
            members.append(("exercise", .null))
            members.append(("sessions", .array([])))
            members.append(("skipped", skippedJSON(c)))
            return obj(members)
        }
        let ids = ScenarioIDs(scenario)
        let x = ReportText(options.language, scenario: scenario)
        members.append(("exercise", exercise(scenario, sha: c.sessions.first?.header.scenarioSHA256 ?? "")))
        members.append(
            (
                "sessions",
                .array(
                    c.sessions.map { s in
                        obj([
                            ("file", str(SessionReport.fileName(s.path))), ("seed", .uint(s.header.seed)),
                            ("started", str(s.header.started)),
                            ("played", .array(s.header.roles.filter(\.played).map { str($0.id) })),
                            ("complete", .bool(s.isComplete)),
                            ("ending", s.overview.ending.map { str(ids.ending($0)) } ?? .null),
                            ("reason", s.overview.reason.map { str($0.rawValue) } ?? .null),
                            ("team_total", num(s.scores.teamTotal)),
                            (
                                "ratings",
                                obj(s.objectives.map { (ids.objective($0.objective), str($0.rating.rawValue)) })
                            ),
                        ])
                    })
            ))
        members.append(("skipped", skippedJSON(c)))
        members.append(("included", .int(c.included.count)))
        members.append(
            (
                "endings",
                .array(
                    c.endings.map { e in
                        obj([
                            ("ending", e.label.ending.map { str(ids.ending($0)) } ?? .null),
                            (
                                "title",
                                str(
                                    x.ending(
                                        Overview(
                                            ended: nil, wallMilliseconds: nil, finalClock: 0, ending: e.label.ending,
                                            reason: e.label.reason, resumes: 0, hmacChecked: false)))
                            ),
                            ("reason", e.label.reason.map { str($0.rawValue) } ?? .null), ("count", .int(e.count)),
                        ])
                    })
            ))
        members.append(
            (
                "objectives",
                .array(
                    c.ratings.map { r in
                        obj([
                            ("id", str(ids.objective(r.objective))),
                            ("title", str(scenario.objectives[r.objective].title)),
                            ("counts", obj(Rating.allCases.map { ($0.rawValue, .int(r.counts[$0] ?? 0)) })),
                        ])
                    })
            ))
        members.append(
            (
                "asks",
                .array(
                    c.asks.map { f in
                        let ask = scenario.asks[f.ask]
                        return obj([
                            ("id", str(ask.id)), ("question", str(ask.question)), ("scene", str(ids.scene(ask.scene))),
                            ("sessions", .int(f.sessions)),
                            (
                                "choices",
                                .array(
                                    ask.choices.map { ch in
                                        let choice = scenario.choices[ch]
                                        let typed = f.typed[ch] ?? 0
                                        let automated = f.automated[ch] ?? 0
                                        return obj([
                                            ("id", str(choice.id)), ("label", str(choice.label)),
                                            ("expected", .bool(choice.isExpected)),
                                            ("typed", .int(typed)), ("automated", .int(automated)),
                                            ("total", .int(typed + automated)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ))
        members.append(
            (
                "decisions",
                .array(
                    c.joint.map { f in
                        let decision = scenario.decisions[f.decision]
                        func counts(_ d: [Int: Int]) -> J {
                            obj(decision.options.map { (scenario.options[$0].id, .int(d[$0] ?? 0)) })
                        }
                        return obj([
                            ("id", str(decision.id)), ("question", str(decision.question)),
                            ("sessions", .int(f.sessions)),
                            ("first_round_positions", counts(f.firstPositions)), ("resolved", counts(f.resolved)),
                            ("by", obj(f.by.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                            (
                                "rounds",
                                obj(f.rounds.sorted { $0.key < $1.key }.map { (String($0.key), .int($0.value)) })
                            ),
                        ])
                    })
            ))
        func dist(_ d: Distribution) -> [(String, J)] {
            [
                ("count", .int(d.count)), ("min", d.min.map(num) ?? .null), ("median", d.median.map(num) ?? .null),
                ("mean", d.mean.map(num) ?? .null), ("max", d.max.map(num) ?? .null),
                ("histogram", .array(d.histogram.map { .int($0) })),
            ]
        }
        members.append(
            (
                "scores",
                obj([
                    ("team_total", obj(dist(c.teamTotal))),
                    (
                        "measures",
                        .array(
                            scenario.measures.indices.map { m in
                                obj(
                                    [("id", str(scenario.measures[m].id)), ("name", str(scenario.measures[m].name))]
                                        + dist(c.measures[m]))
                            })
                    ),
                    (
                        "roles",
                        .array(
                            scenario.roles.indices.map { r in obj([("role", str(ids.role(r)))] + dist(c.roleTotals[r]))
                            })
                    ),
                ])
            ))
        members.append(
            (
                "failure_points",
                obj([
                    (
                        "objectives",
                        .array(
                            c.failingObjectives.map { f in
                                obj([
                                    ("id", str(ids.objective(f.objective))),
                                    ("title", str(scenario.objectives[f.objective].title)),
                                    ("m_or_u", .int(f.count)), ("sessions", .int(c.included.count)),
                                ])
                            })
                    ),
                    (
                        "expectations",
                        .array(
                            c.missedExpectations.map { f in
                                obj([
                                    ("id", str(ids.expectation(f.expectation))),
                                    ("title", str(scenario.expectations[f.expectation].title)),
                                    ("missed", .int(f.missed)), ("late", .int(f.late)), ("fired", .int(f.fired)),
                                ])
                            })
                    ),
                    (
                        "requests",
                        .array(
                            c.requestProblems.map { f in
                                obj([
                                    ("id", str(ids.request(f.request))),
                                    ("title", str(scenario.requests[f.request].title)),
                                    ("late", .int(f.late)), ("refused", .int(f.refused)),
                                    ("unanswered", .int(f.unanswered)),
                                    ("sent", .int(f.sent)),
                                ])
                            })
                    ),
                ])
            ))
        return obj(members)
    }

    private func skippedJSON(_ c: CohortReport) -> J {
        .array(c.skipped.map { obj([("file", str($0.path)), ("reason", str($0.reason))]) })
    }
}
