import ExerciseEngine
import ScenarioLanguage
import Transcripts

extension JSONReport {
    /// A session's report (`kind: "session"`).
    struct Session: Codable, Equatable {
        var format = JSONReport.formatName
        var version = JSONReport.formatVersion
        var kind = "session"
        var language: String
        var exercise: Exercise
        var session: Info
        var executiveSummary: Summary
        var warnings: [Warning]
        var participants: [Participant]
        var timeline: [Entry]
        var decisions: [Decision]
        var objectives: [Objective]
        var scores: Scores
        var expectations: [Expectation]
        var information: Information
        var requests: [Request]
        var peer: Peer
        var notes: [Note]
        var debriefNotes: [Note]
        var discussions: [Discussion]
        var errors: [Note]
        var strengths: [Conclusion]
        var improvements: [Conclusion]
        var scenarioPoints: [Conclusion]
        var improvementPlan: [PlanRow]

        enum CodingKeys: String, CodingKey {
            case format, version, kind, language, exercise, session, warnings, participants, timeline, decisions
            case objectives, scores, expectations, information, requests, peer, notes, discussions, errors
            case strengths, improvements
            case debriefNotes = "debrief_notes"
            case executiveSummary = "executive_summary"
            case improvementPlan = "improvement_plan"
            case scenarioPoints = "scenario_points"
        }
    }

    /// The executive summary: generated paragraphs, the first strengths and areas for improvement, the size of the
    /// improvement plan, and the facilitator's assessment from a notes file.
    struct Summary: Codable, Equatable {
        var paragraphs: [String]
        var strengths: [String]
        var improvements: [String]
        var planRows: Int
        var facilitator: [String]

        enum CodingKeys: String, CodingKey {
            case paragraphs, strengths, improvements, facilitator
            case planRows = "plan_rows"
        }
    }

    /// How the session went, from its transcript.
    struct Info: Codable, Equatable {
        var file: String
        var seed: UInt64
        var started: String
        @Nullable var ended: String?
        @Nullable var wallMilliseconds: Int64?
        var tool: String
        var uiLanguage: String
        var facilitated: Bool
        var peer: String
        var hmac: Bool
        var hmacChecked: Bool
        var resumes: Int
        var steps: Int
        var complete: Bool
        var clockStart: String
        var finalClock: Int
        var finalTime: String
        @Nullable var ending: Ending?
        @Nullable var reason: String?

        enum CodingKeys: String, CodingKey {
            case file, seed, started, ended, tool, peer, hmac, resumes, steps, complete, ending, reason, facilitated
            case wallMilliseconds = "wall_ms"
            case uiLanguage = "ui_language"
            case hmacChecked = "hmac_checked"
            case clockStart = "clock_start"
            case finalClock = "final_clock"
            case finalTime = "final_time"
        }
    }

    /// The ending a session reached.
    struct Ending: Codable, Equatable {
        var id: String
        var title: String
    }

    /// Something about the transcript the reader should know; `line` and `bytes` only where they apply.
    struct Warning: Codable, Equatable {
        var kind: String
        var line: Int?
        var bytes: Int?
        var text: String
    }

    /// A role of the exercise and whether a person played it.
    struct Participant: Codable, Equatable {
        var role: String
        var name: String
        var played: Bool
        var lead: Bool
        var weight: Double
    }

    /// An entry of the timeline.
    struct Entry: Codable, Equatable {
        var clock: Int
        var time: String
        var kind: String
        @Nullable var role: String?
        @Nullable var auto: String?
        var text: String
    }

    /// Something that followed from a move.
    struct Followed: Codable, Equatable {
        var clock: Int
        var time: String
        var kind: String
        @Nullable var role: String?
        var text: String
    }

    /// A decision point: an ask, a joint decision or an action, told apart by `kind`.
    enum Decision: Codable, Equatable {
        case ask(Ask)
        case action(Action)
        case joint(Joint)

        private enum Key: String, CodingKey { case kind }

        init(from decoder: any Decoder) throws {
            let kind = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: .kind)
            switch kind {
            case "ask": self = .ask(try Ask(from: decoder))
            case "action": self = .action(try Action(from: decoder))
            case "joint": self = .joint(try Joint(from: decoder))
            default:
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "unknown decision kind '\(kind)'"))
            }
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .ask(let ask): try ask.encode(to: encoder)
            case .action(let action): try action.encode(to: encoder)
            case .joint(let joint): try joint.encode(to: encoder)
            }
        }
    }

    /// A question put to roles, and their answers.
    struct Ask: Codable, Equatable {
        var kind = "ask"
        var id: String
        var question: String
        @Nullable var scene: String?
        var clock: Int
        var time: String
        var answers: [Answer]
    }

    /// A role's answer to an ask.
    struct Answer: Codable, Equatable {
        var role: String
        var choice: String
        var label: String
        var expected: Bool
        var isDefault: Bool
        @Nullable var auto: String?
        var clock: Int
        var time: String
        @Nullable var deliberationMilliseconds: Int64?
        var followed: [Followed]

        enum CodingKeys: String, CodingKey {
            case role, choice, label, expected, auto, clock, time, followed
            case isDefault = "default"
            case deliberationMilliseconds = "deliberation_ms"
        }
    }

    /// An action a role took.
    struct Action: Codable, Equatable {
        var kind = "action"
        var id: String
        var title: String
        @Nullable var scene: String?
        @Nullable var role: String?
        var clock: Int
        var time: String
        var followed: [Followed]
    }

    /// A joint decision: its rule, rounds of positions and how it was resolved.
    struct Joint: Codable, Equatable {
        var kind = "joint"
        var id: String
        var question: String
        @Nullable var scene: String?
        var clock: Int
        var time: String
        var rule: String
        var weights: [String: Double]
        var fallback: [String]
        var rounds: [Round]
        var awaited: [Awaited]
        @Nullable var resolution: Resolution?
        var followed: [Followed]
    }

    /// One round of positions in a joint decision.
    struct Round: Codable, Equatable {
        var round: Int
        var clock: Int
        var time: String
        var positions: [Position]
        var failed: [String]
        /// Role ids that abstained.
        var abstained: [String]
        /// The vote's count (`majority` and `weighted`).
        @Nullable var tally: VoteCount?
    }

    /// A vote's count: as the transcript's `votes_counted` records it.
    struct VoteCount: Codable, Equatable {
        var options: [TallyOption]
        var weights: [String: Double]
        var abstained: [String]
        var cast: Double
        var held: Double
        @Nullable var needed: Double?
        @Nullable var leader: String?
        var outcome: String
        var vetoedBy: [String]
        var text: String

        enum CodingKeys: String, CodingKey {
            case options, weights, abstained, cast, held, needed, leader, outcome, text
            case vetoedBy = "vetoed_by"
        }
    }

    /// One option's votes in a tally.
    struct TallyOption: Codable, Equatable {
        var option: String
        var roles: [String]
        var total: Double
    }

    /// A role's position in a round.
    struct Position: Codable, Equatable {
        var role: String
        var option: String
        var label: String
        @Nullable var auto: String?
        @Nullable var deliberationMilliseconds: Int64?

        enum CodingKeys: String, CodingKey {
            case role, option, label, auto
            case deliberationMilliseconds = "deliberation_ms"
        }
    }

    /// A fallback step a joint decision waited for (the lead's call, the facilitator's arbitration).
    struct Awaited: Codable, Equatable {
        var step: String
        @Nullable var role: String?
    }

    /// How a joint decision was resolved.
    struct Resolution: Codable, Equatable {
        var option: String
        var label: String
        var expected: Bool
        var by: String
        /// How it was settled, as `resolved_by` names it.
        var resolvedBy: String
        @Nullable var role: String?
        var clock: Int
        var time: String
        @Nullable var deliberationMilliseconds: Int64?

        enum CodingKeys: String, CodingKey {
            case option, label, expected, by, role, clock, time
            case resolvedBy = "resolved_by"
            case deliberationMilliseconds = "deliberation_ms"
        }
    }

    /// An objective, its P/S/M/U rating and the rules that decided it.
    struct Objective: Codable, Equatable {
        var id: String
        var title: String
        var capability: String
        @Nullable var owner: String?
        var rating: String
        var computed: String
        @Nullable var override: Override?
        var ratings: [Rated]
        var recommendation: String
    }

    /// The facilitator's rating in place of the computed one.
    struct Override: Codable, Equatable {
        var rating: String
        var reason: String
    }

    /// One rating of an objective (at a checkpoint or at the end).
    struct Rated: Codable, Equatable {
        var clock: Int
        var time: String
        var rating: String
        @Nullable var rule: Int?
        @Nullable var condition: String?
        var facts: [String]
        var checkpoint: Bool
    }

    /// The scores: the team's, each role's, each measure's changes and the series over the session.
    struct Scores: Codable, Equatable {
        var team: Team
        var roles: [RoleScores]
        var measures: [Measure]
        var changes: [Change]
        var points: [Award]
        var series: [Point]
    }

    /// Expected actions hit, late and missed of those possible.
    struct Tally: Codable, Equatable {
        var hits: Int
        var late: Int
        var missed: Int
        var possible: Int
    }

    /// The team's scores.
    struct Team: Codable, Equatable {
        var total: Double
        var measures: [String: Double]
        var points: Double
        var expectations: Tally
    }

    /// One role's scores.
    struct RoleScores: Codable, Equatable {
        var role: String
        var total: Double
        var points: Double
        var measures: [String: MeasureValue]
        var expectations: Tally
    }

    /// A measure's raw and normalised (0–100) value.
    struct MeasureValue: Codable, Equatable {
        var raw: Double
        var normalized: Double
    }

    /// A measure of the exercise.
    struct Measure: Codable, Equatable {
        var id: String
        var name: String
        var weight: Double
        var min: Double
        var max: Double
    }

    /// What caused a score change or a share.
    struct Cause: Codable, Equatable {
        var kind: String
        var id: String
        var label: String
    }

    /// A change of a measure.
    struct Change: Codable, Equatable {
        var clock: Int
        var time: String
        @Nullable var role: String?
        var measure: String
        var delta: Double
        var value: Double
        @Nullable var cause: Cause?
    }

    /// Collaboration points awarded.
    struct Award: Codable, Equatable {
        var clock: Int
        var time: String
        @Nullable var role: String?
        var amount: Double
        var reason: String
        @Nullable var cause: Cause?
    }

    /// The totals after a step.
    struct Point: Codable, Equatable {
        var step: Int
        var clock: Int
        var time: String
        var team: Double
        var roles: [String: Double]
    }

    /// An expected action and how it was met.
    struct Expectation: Codable, Equatable {
        var id: String
        var title: String
        var inject: String
        var response: String
        var requiresAll: Bool
        var fired: Int
        var firedTime: String
        var deadline: Int
        var deadlineTime: String
        var outcome: String
        var responses: [Response]

        enum CodingKeys: String, CodingKey {
            case id, title, inject, response, fired, deadline, outcome, responses
            case requiresAll = "requires_all"
            case firedTime = "fired_time"
            case deadlineTime = "deadline_time"
        }
    }

    /// A role's (or, with no role, the team's) response to an expected action.
    struct Response: Codable, Equatable {
        @Nullable var role: String?
        var outcome: String
        @Nullable var at: Int?
        @Nullable var time: String?
    }

    /// Who shared what with whom, breaches of secret items, and who knew what from when.
    struct Information: Codable, Equatable {
        var shares: [Share]
        var breaches: [Breach]
        var knowledge: [Knowledge]
        /// Sensitive items that reached parties outside the exercise, once per item and party; absent when the
        /// exercise declares no party.
        var leaks: [Leak]?
    }

    /// A sensitive item that reached a party outside the exercise.
    struct Leak: Codable, Equatable {
        var clock: Int
        var time: String
        var item: String
        var party: String
        @Nullable var by: String?
    }

    /// An item shared.
    struct Share: Codable, Equatable {
        var clock: Int
        var time: String
        var item: String
        var sensitivity: String
        @Nullable var by: String?
        var with: [String]
        @Nullable var cause: Cause?
    }

    /// A secret item that reached a role not cleared for it.
    struct Breach: Codable, Equatable {
        var clock: Int
        var time: String
        var item: String
        var role: String
    }

    /// When each role came to know an item (scenario minutes; null for never).
    struct Knowledge: Codable, Equatable {
        var item: String
        var title: String
        var known: [String: Int?]
    }

    /// A cooperation request and its answer.
    struct Request: Codable, Equatable {
        var id: String
        var title: String
        var from: String
        var to: String
        var sent: Int
        var deadline: Int
        @Nullable var answered: Int?
        @Nullable var accepted: Bool?
        var auto: Bool
        var overdue: Bool
        var outcome: String
        @Nullable var responseMinutes: Int?
        @Nullable var responseWallMilliseconds: Int64?

        enum CodingKeys: String, CodingKey {
            case id, title, from, to, sent, deadline, answered, accepted, auto, overdue, outcome
            case responseMinutes = "response_minutes"
            case responseWallMilliseconds = "response_wall_ms"
        }
    }

    /// The peer evaluation.
    struct Peer: Codable, Equatable {
        var mode: String
        var held: Bool
        var questions: [PeerQuestion]
        var ratings: [PeerRating]
        var received: [PeerReceived]
        var flaggedPairs: [FlaggedPair]

        enum CodingKeys: String, CodingKey {
            case mode, held, questions, ratings, received
            case flaggedPairs = "flagged_pairs"
        }
    }

    /// A question of the peer evaluation.
    struct PeerQuestion: Codable, Equatable {
        var id: String
        var text: String
        var low: Int
        var high: Int
    }

    /// One named rating.
    struct PeerRating: Codable, Equatable {
        var rater: String
        var target: String
        var question: String
        @Nullable var value: Int?
    }

    /// The ratings a role received on a question.
    struct PeerReceived: Codable, Equatable {
        var target: String
        var question: String
        var count: Int
        @Nullable var mean: Double?
        var withheld: Bool
    }

    /// Two roles whose ratings of each other differ by 2 or more.
    struct FlaggedPair: Codable, Equatable {
        var first: String
        var second: String
        var question: String
        var gap: Int
    }

    /// A note, a note for the debrief, or a runtime error.
    struct Note: Codable, Equatable {
        var clock: Int
        var time: String
        @Nullable var role: String?
        var text: String
    }

    /// A discussion question and its answers.
    struct Discussion: Codable, Equatable {
        var id: String
        var question: String
        var clock: Int
        var time: String
        var answers: [DiscussionAnswer]
    }

    /// A role's answer to a discussion question.
    struct DiscussionAnswer: Codable, Equatable {
        var role: String
        var clock: Int
        var time: String
        var text: String
        @Nullable var deliberationMilliseconds: Int64?

        enum CodingKeys: String, CodingKey {
            case role, clock, time, text
            case deliberationMilliseconds = "deliberation_ms"
        }
    }

    /// A strength or an area for improvement.
    struct Conclusion: Codable, Equatable {
        /// A role the point falls to, and whether a person played it.
        struct Role: Codable, Equatable {
            var role: String
            var played: Bool
        }

        var kind: String
        var id: String
        var text: String
        /// The roles whose choice, share or missed response caused it.
        var roles: [Role]
    }

    /// A row of the improvement plan.
    struct PlanRow: Codable, Equatable {
        /// `objective`, `expectation`, `request` or `breach`.
        var kind: String
        /// The element's id (the item's for a breach).
        var id: String
        /// The objective's id, for an objective's row.
        @Nullable var objective: String?
        var title: String
        var capability: String
        var rating: String
        var recommendation: String
        /// The first of the responsible roles (null: the team as a whole).
        @Nullable var responsibleRole: String?
        /// The played roles that caused it (empty: the team as a whole).
        var responsibleRoles: [String]
        var responsible: String
        var due: String

        enum CodingKeys: String, CodingKey {
            case kind, id, objective, title, capability, rating, recommendation, responsible, due
            case responsibleRole = "responsible_role"
            case responsibleRoles = "responsible_roles"
        }
    }
}

extension JSONReport {
    /// The JSON form of a session's report.
    func session(_ report: SessionReport) -> Session {
        let scenario = report.scenario
        let x = ReportText(options.language, scenario: scenario)
        let ids = ScenarioIDs(scenario)
        let h = report.header
        let o = report.overview
        let num = Self.number
        func role(_ r: Int?) -> String? { r.map(ids.role) }
        func cause(_ c: CauseRef) -> Cause? {
            c.kind == "none" ? nil : Cause(kind: c.kind, id: c.id, label: c.label)
        }
        func followed(_ list: [Consequence]) -> [Followed] {
            list.map { c in
                Followed(
                    clock: c.clock, time: x.time(c.clock), kind: c.kind, role: role(c.role), text: x.consequence(c))
            }
        }
        func tally(_ t: Scorecard.Tally) -> Tally {
            Tally(hits: t.hits, late: t.late, missed: t.missed, possible: t.possible)
        }
        func note(_ n: NoteRecord) -> Note {
            Note(clock: n.clock, time: x.time(n.clock), role: role(n.role), text: n.text)
        }

        let info = Info(
            file: SessionReport.fileName(report.path), seed: h.seed, started: h.started, ended: o.ended,
            wallMilliseconds: o.wallMilliseconds, tool: h.tool, uiLanguage: h.uiLanguage, facilitated: h.facilitated,
            peer: h.peer, hmac: h.hmac, hmacChecked: o.hmacChecked, resumes: o.resumes, steps: report.stepCount,
            complete: report.isComplete, clockStart: x.time(0), finalClock: o.finalClock,
            finalTime: x.time(o.finalClock),
            ending: o.ending.map { Ending(id: ids.ending($0), title: scenario.endings[$0].title) },
            reason: o.reason?.rawValue)
        let warnings = report.warnings.map { w in
            switch w {
            case .torn(let line, let bytes): Warning(kind: "torn", line: line, bytes: bytes, text: x.warning(w))
            case .unfinished: Warning(kind: "unfinished", text: x.warning(w))
            case .changedExercise(let line): Warning(kind: "changed_exercise", line: line, text: x.warning(w))
            case .hmacNotChecked: Warning(kind: "hmac_not_checked", text: x.warning(w))
            case .pipedInput: Warning(kind: "piped_input", text: x.warning(w))
            }
        }
        let participants = scenario.roles.map { info in
            Participant(
                role: info.id, name: info.name, played: h.roles.first { $0.id == info.id }?.played ?? false,
                lead: info.isLead, weight: num(info.weight))
        }
        let timeline = report.timeline.map { e in
            Entry(
                clock: e.clock, time: x.time(e.clock), kind: e.kind, role: role(e.role), auto: e.auto?.rawValue,
                text: x.timeline(e))
        }
        let objectives = report.objectives.map { r in
            let objective = scenario.objectives[r.objective]
            return Objective(
                id: objective.id, title: objective.title, capability: objective.capability,
                owner: role(objective.owner), rating: r.rating.rawValue, computed: r.computed.rawValue,
                override: r.override.map { Override(rating: $0.rating.rawValue, reason: $0.reason) },
                ratings: r.ratings.map { rated in
                    Rated(
                        clock: rated.clock, time: x.time(rated.clock), rating: rated.rating.rawValue, rule: rated.rule,
                        condition: rated.condition, facts: rated.facts, checkpoint: rated.checkpoint)
                },
                recommendation: objective.recommendation)
        }
        let s = report.scores
        let measureIDs = scenario.measures.map(\.id)
        func byMeasure<T>(_ value: (Int) -> T) -> [String: T] {
            Dictionary(uniqueKeysWithValues: measureIDs.indices.map { (measureIDs[$0], value($0)) })
        }
        func byRole<T>(_ value: (Int) -> T) -> [String: T] {
            Dictionary(uniqueKeysWithValues: scenario.roles.indices.map { (ids.role($0), value($0)) })
        }
        let scores = Scores(
            team: Team(
                total: num(s.teamTotal), measures: byMeasure { num(s.team[$0]) }, points: num(s.points.reduce(0, +)),
                expectations: tally(s.expectationsTeam)),
            roles: scenario.roles.indices.map { r in
                RoleScores(
                    role: ids.role(r), total: num(s.roleTotals[r]), points: num(s.points[r]),
                    measures: byMeasure { MeasureValue(raw: num(s.raw[$0][r]), normalized: num(s.normalized[$0][r])) },
                    expectations: tally(s.expectationsByRole[r]))
            },
            measures: scenario.measures.map { m in
                Measure(
                    id: m.id, name: m.name, weight: num(m.weight), min: num(m.range.lowerBound),
                    max: num(m.range.upperBound))
            },
            changes: s.changes.map { c in
                Change(
                    clock: c.clock, time: x.time(c.clock), role: role(c.role), measure: ids.measure(c.measure),
                    delta: num(c.delta), value: num(c.value), cause: cause(c.cause))
            },
            points: s.awards.map { a in
                Award(
                    clock: a.clock, time: x.time(a.clock), role: role(a.role), amount: num(a.amount), reason: a.reason,
                    cause: cause(a.cause))
            },
            series: report.series.map { p in
                Point(
                    step: p.step, clock: p.clock, time: x.time(p.clock), team: num(p.team),
                    roles: byRole { num(p.roles[$0]) })
            })
        let expectations = report.expectations.map { r in
            let e = scenario.expectations[r.expectation]
            return Expectation(
                id: e.id, title: e.title, inject: ids.inject(e.inject), response: x.response(r.expectation),
                requiresAll: e.requiresAll, fired: r.start, firedTime: x.time(r.start), deadline: r.deadline,
                deadlineTime: x.time(r.deadline), outcome: r.outcome.rawValue,
                responses: r.responses.map { resp in
                    Response(
                        role: role(resp.role), outcome: resp.outcome.rawValue, at: resp.at, time: resp.at.map(x.time))
                })
        }
        let information = Information(
            shares: report.shares.map { sh in
                Share(
                    clock: sh.clock, time: x.time(sh.clock), item: ids.item(sh.item),
                    sensitivity: scenario.items[sh.item].sensitivity.rawValue, by: role(sh.by),
                    with: sh.with.map(ids.role), cause: cause(sh.cause))
            },
            breaches: report.breaches.map { b in
                Breach(clock: b.clock, time: x.time(b.clock), item: ids.item(b.item), role: ids.role(b.role))
            },
            knowledge: scenario.items.indices.map { i in
                Knowledge(
                    item: ids.item(ItemIndex(i)), title: scenario.items[i].title,
                    known: byRole { report.knowledge[i][$0] })
            },
            leaks: scenario.parties.isEmpty
                ? nil
                : report.leaks.map { l in
                    Leak(
                        clock: l.clock, time: x.time(l.clock), item: ids.item(l.item), party: ids.party(l.party),
                        by: role(l.by))
                })
        let requests = report.requests.map { r in
            let q = scenario.requests[r.request]
            return Request(
                id: q.id, title: q.title, from: ids.role(q.from), to: ids.role(q.to), sent: r.sent,
                deadline: r.deadline, answered: r.answered, accepted: r.accepted, auto: r.auto, overdue: r.overdue,
                outcome: r.outcome.rawValue, responseMinutes: r.answered.map { $0 - r.sent },
                responseWallMilliseconds: r.wallResponse)
        }
        let p = report.peer
        let peer = Peer(
            mode: p.mode.rawValue, held: p.held,
            questions: scenario.peerQuestions.map {
                PeerQuestion(id: $0.id, text: $0.text, low: $0.low, high: $0.high)
            },
            ratings: p.named.map { r in
                PeerRating(
                    rater: ids.role(r.rater), target: ids.role(r.target), question: ids.question(r.question),
                    value: r.value)
            },
            received: p.received.map { a in
                PeerReceived(
                    target: ids.role(a.target), question: ids.question(a.question), count: a.count,
                    mean: a.mean.map(num), withheld: a.withheld)
            },
            flaggedPairs: p.flagged.map { f in
                FlaggedPair(
                    first: ids.role(f.first), second: ids.role(f.second), question: ids.question(f.question),
                    gap: f.gap)
            })
        let discussions = report.discussions.map { d in
            Discussion(
                id: ids.discussion(d.discussion), question: scenario.discussions[d.discussion].question, clock: d.clock,
                time: x.time(d.clock),
                answers: d.answers.map { a in
                    DiscussionAnswer(
                        role: ids.role(a.role), clock: a.clock, time: x.time(a.clock), text: a.text,
                        deliberationMilliseconds: a.deliberation)
                })
        }
        let c = Conclusions(report)
        func reference(_ i: Conclusions.Item) -> (kind: String, id: String) {
            switch i {
            case .objective(let o): ("objective", ids.objective(o.objective))
            case .expectation(let e): ("expectation", ids.expectation(e.expectation))
            case .request(let r): ("request", ids.request(r.request))
            case .breach(let b): ("breach", ids.item(b.item))
            case .leak(let l): ("leak", ids.item(l.item))
            case .error: ("error", "")
            }
        }
        func conclusion(_ i: Conclusions.Item) -> Conclusion {
            let (kind, id) = reference(i)
            return Conclusion(
                kind: kind, id: id, text: c.text(i, x),
                roles: c.blamed(i).map { r in
                    Conclusion.Role(role: ids.role(r), played: c.played.contains(r))
                })
        }
        let plan = c.plan.map { row in
            let (kind, id) = reference(row.item)
            let col = c.columns(row, x)
            let rating: String
            if case .objective(let o) = row.item { rating = o.rating.rawValue } else { rating = col.rating }
            return PlanRow(
                kind: kind, id: id, objective: kind == "objective" ? id : nil, title: col.title,
                capability: col.capability, rating: rating, recommendation: col.advice,
                responsibleRole: row.roles.first.map(ids.role), responsibleRoles: row.roles.map(ids.role),
                responsible: c.responsible(row.roles, x), due: options.due)
        }
        let summary = ExecutiveSummary(report, conclusions: c, facilitatorNotes: options.summaryNotes, x)
        return Session(
            language: options.language.rawValue, exercise: exercise(scenario, sha: h.scenarioSHA256), session: info,
            executiveSummary: Summary(
                paragraphs: summary.paragraphs, strengths: summary.strengths, improvements: summary.improvements,
                planRows: summary.planRows, facilitator: summary.facilitator),
            warnings: warnings, participants: participants, timeline: timeline,
            decisions: report.decisions.map { decision($0, x: x, ids: ids) }, objectives: objectives,
            scores: scores, expectations: expectations, information: information, requests: requests, peer: peer,
            notes: report.notes.map(note), debriefNotes: report.debriefNotes.map(note), discussions: discussions,
            errors: report.errors.map(note), strengths: c.strengths.map(conclusion),
            improvements: c.improvements.map(conclusion), scenarioPoints: c.scenarioPoints.map(conclusion),
            improvementPlan: plan)
    }

    /// The exercise member of a report.
    func exercise(_ scenario: Scenario, sha: String) -> Exercise {
        Exercise(
            id: scenario.header.id, title: scenario.header.title, version: scenario.header.version,
            summary: scenario.header.summary, sha256: sha)
    }

    private func decision(_ d: DecisionRecord, x: ReportText, ids: ScenarioIDs) -> Decision {
        let scenario = x.scenario
        let num = Self.number
        func role(_ r: Int?) -> String? { r.map(ids.role) }
        func followed(_ list: [Consequence]) -> [Followed] {
            list.map { c in
                Followed(
                    clock: c.clock, time: x.time(c.clock), kind: c.kind, role: role(c.role), text: x.consequence(c))
            }
        }
        let scene = d.scene.map(ids.scene)
        switch d.kind {
        case .ask(let a):
            let answers = d.moves.map { m in
                let p = x.pick(d, m)
                return Answer(
                    role: ids.role(m.role), choice: p.id, label: p.label, expected: p.expected, isDefault: p.isDefault,
                    auto: m.auto?.rawValue, clock: m.clock, time: x.time(m.clock),
                    deliberationMilliseconds: m.deliberation, followed: followed(m.consequences))
            }
            return .ask(
                Ask(
                    id: ids.ask(a), question: scenario.asks[a].question, scene: scene, clock: d.clock,
                    time: x.time(d.clock), answers: answers))
        case .action(let a):
            let m = d.moves.first
            return .action(
                Action(
                    id: ids.action(a), title: scenario.actions[a].title, scene: scene, role: role(m?.role),
                    clock: d.clock, time: x.time(d.clock), followed: followed(m?.consequences ?? [])))
        case .joint(let j):
            let decision = scenario.decisions[j]
            let fallback: [String] = decision.fallback.map { step in
                switch step {
                case .negotiate(let minutes): "negotiate \(minutes)m"
                case .lead: "lead"
                case .arbitrate: "arbitrate"
                }
            }
            let rounds = d.rounds.map { r in
                Round(
                    round: r.number, clock: r.clock, time: x.time(r.clock),
                    positions: r.positions.map { m in
                        let p = x.pick(d, m)
                        return Position(
                            role: ids.role(m.role), option: p.id, label: p.label, auto: m.auto?.rawValue,
                            deliberationMilliseconds: m.deliberation)
                    },
                    failed: r.failed, abstained: r.abstained.map { ids.role($0) },
                    tally: r.tally.map { tally in
                        VoteCount(
                            options: tally.rows.map {
                                TallyOption(
                                    option: ids.option($0.option), roles: $0.roles.map { ids.role($0) }, total: $0.total
                                )
                            },
                            weights: Dictionary(
                                zip(decision.roles, tally.weights).map { (ids.role($0.0), $0.1) },
                                uniquingKeysWith: { first, _ in first }),
                            abstained: tally.abstained.map { ids.role($0) }, cast: tally.cast, held: tally.held,
                            needed: tally.needed, leader: tally.leader.map { ids.option($0) },
                            outcome: tally.outcome.rawValue, vetoedBy: tally.vetoedBy.map { ids.role($0) },
                            text: x.tally(j, tally))
                    })
            }
            let resolution = d.resolution.map { r in
                let option = scenario.options[r.option]
                return Resolution(
                    option: option.id, label: option.label, expected: option.isExpected, by: r.by.rawValue,
                    resolvedBy: r.by.settledBy(round: d.rounds.last?.number ?? 1).rawValue, role: role(r.role),
                    clock: r.clock, time: x.time(r.clock), deliberationMilliseconds: r.deliberation)
            }
            return .joint(
                Joint(
                    id: decision.id, question: decision.question, scene: scene, clock: d.clock, time: x.time(d.clock),
                    rule: decision.rule.rawValue,
                    weights: Dictionary(
                        zip(decision.roles, decision.weights).map { (ids.role($0.0), num($0.1)) },
                        uniquingKeysWith: { first, _ in first }),
                    fallback: fallback, rounds: rounds,
                    awaited: d.awaited.map { Awaited(step: $0.step, role: role($0.role)) }, resolution: resolution,
                    followed: followed(d.consequences)))
        }
    }
}
