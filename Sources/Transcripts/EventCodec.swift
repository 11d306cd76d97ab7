import ExerciseEngine
import ScenarioLanguage
import SystemPackage

/// Turns engine events into transcript fields: a stable snake_case `kind`, the acting `role` (an id, or nil), and a
/// `data` object that names every element by id, never by index. Objects in `data` have their keys sorted.
///
/// `docs/transcript-format.md` lists every kind with its data fields.
public struct EventCodec: Sendable {
    let ids: ScenarioIDs

    /// Creates a codec for a scenario.
    public init(scenario: Scenario) { ids = ScenarioIDs(scenario) }

    init(ids: ScenarioIDs) { self.ids = ids }

    /// Every event kind, in the order of ``EventKind``'s cases.
    public static let allKinds = [
        "scene_entered", "narrative", "facilitator_note", "asked", "chose", "decision_opened", "position_taken",
        "abstained", "positions_revealed", "votes_counted", "decision_failed", "negotiation_round", "lead_call_awaited",
        "arbitration_awaited", "arbiter_call_awaited", "decision_resolved", "discussion_opened", "discussion_answered",
        "action_taken", "item_shared", "breach", "leaked", "released", "clearance_changed", "inject_fired",
        "expectation_scored", "request_sent", "request_answered", "request_overdue",
        "player_request_sent", "player_request_answered", "player_request_forwarded", "player_request_overdue",
        "variable_changed",
        "measure_changed", "points_awarded", "clock_advanced", "debrief_note", "note", "paused", "resumed",
        "objective_rated", "rating_overridden", "peer_review_opened", "peer_rated", "peer_ratings_anonymous",
        "ending_reached", "ended", "runtime_error",
    ]

    /// The kind, role and data of an event.
    public func encode(_ event: Event) -> (kind: String, role: String?, data: JSONValue) {
        let (kind, role, data) = fields(event.kind)
        return (kind, role.map(ids.role), data)
    }

    /// The event as a transcript line holds it, without the line's stamps (`seq`, `wall`) and integrity fields:
    /// `{"type":"event","clock","time","kind","role","data"}`.
    public func record(_ event: Event) -> JSONValue {
        let (kind, role, data) = encode(event)
        return .object([
            JSONMember("type", .string(TranscriptRecordType.event.rawValue)), JSONMember("clock", .int(event.clock)),
            JSONMember(
                "time", .string(TranscriptTime.scenario(start: ids.scenario.header.clockStart, minutes: event.clock))),
            JSONMember("kind", .string(kind)), JSONMember("role", .nullable(role)), JSONMember("data", data),
        ])
    }

    /// The JSON of a cause: `{"kind":"choice","id":"push"}`, with `decision` added for an option, or
    /// `{"kind":"facilitator"}`; `null` when there is none.
    func cause(_ cause: Cause?) -> JSONValue {
        guard let cause else { return .null }
        switch cause {
        case .choice(let i): return .sorted(["kind": .string("choice"), "id": .string(ids.choice(i))])
        case .option(let i):
            return .sorted([
                "kind": .string("option"), "decision": .string(ids.decisionOf(option: i)), "id": .string(ids.option(i)),
            ])
        case .action(let i): return .sorted(["kind": .string("action"), "id": .string(ids.action(i))])
        case .inject(let i): return .sorted(["kind": .string("inject"), "id": .string(ids.inject(i))])
        case .request(let i): return .sorted(["kind": .string("request"), "id": .string(ids.request(i))])
        case .playerRequest(let k): return .sorted(["kind": .string("player_request"), "number": .int(k + 1)])
        case .breach(let i): return .sorted(["kind": .string("breach"), "id": .string(ids.item(i))])
        case .scene(let i): return .sorted(["kind": .string("scene"), "id": .string(ids.scene(i))])
        case .facilitator: return .sorted(["kind": .string("facilitator")])
        }
    }

    private func roles(_ list: [Int]) -> JSONValue { .array(list.map { .string(ids.role($0)) }) }

    private func value(_ v: Value) -> (value: JSONValue, type: String) {
        switch v {
        case .number(let n): (.double(n), ValueType.number.rawValue)
        case .duration(let m): (.int(m), ValueType.duration.rawValue)
        case .bool(let b): (.bool(b), ValueType.bool.rawValue)
        case .text(let t): (.string(t), ValueType.text.rawValue)
        }
    }

    /// A vote's count: `options` in the decision's order, each with its `roles` and `total`; every role's
    /// `weights`; `abstained`; `cast`, `held`, `needed` (null without a threshold), `leader`, `outcome`, `vetoed_by`.
    private func votes(_ d: DecisionIndex, _ tally: VoteTally) -> JSONValue {
        let weights = zip(ids.scenario.decisions[d].roles, tally.weights)
            .map { JSONMember(ids.role($0), .double($1)) }
            .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        return .sorted([
            "decision": .string(ids.decision(d)),
            "options": .array(
                tally.rows.map { row in
                    .sorted([
                        "option": .string(ids.option(row.option)), "roles": roles(row.roles),
                        "total": .double(row.total),
                    ])
                }),
            "weights": .object(weights),
            "abstained": roles(tally.abstained),
            "cast": .double(tally.cast),
            "held": .double(tally.held),
            "needed": tally.needed.map { .double($0) } ?? .null,
            "leader": .nullable(tally.leader.map(ids.option)),
            "outcome": .string(tally.outcome.rawValue),
            "vetoed_by": roles(tally.vetoedBy),
        ])
    }

    private func location(_ l: SourceLocation?) -> JSONValue {
        guard let l else { return .null }
        // The file name only, so that the text does not depend on where the exercise was checked out.
        let file = FilePath(l.file).lastComponent?.string ?? l.file
        return .string("\(file):\(l.line):\(l.column)")
    }

    private func fields(_ kind: EventKind) -> (String, Int?, JSONValue) {
        switch kind {
        case .sceneEntered(let s):
            return ("scene_entered", nil, .sorted(["scene": .string(ids.scene(s))]))
        case .narrative(let text):
            return ("narrative", nil, .sorted(["text": .string(text)]))
        case .facilitatorNote(let text):
            return ("facilitator_note", nil, .sorted(["text": .string(text)]))
        case .asked(let a, let rs):
            return ("asked", nil, .sorted(["ask": .string(ids.ask(a)), "roles": roles(rs)]))
        case .chose(let r, let c, let auto):
            return ("chose", r, .sorted(["choice": .string(ids.choice(c)), "auto": .nullable(auto?.rawValue)]))
        case .decisionOpened(let d, let round):
            return ("decision_opened", nil, .sorted(["decision": .string(ids.decision(d)), "round": .int(round)]))
        case .positionTaken(let r, let d, let o, let auto):
            return (
                "position_taken", r,
                .sorted([
                    "decision": .string(ids.decision(d)), "option": .string(ids.option(o)),
                    "auto": .nullable(auto?.rawValue),
                ])
            )
        case .abstained(let r, let d, let auto):
            return ("abstained", r, .sorted(["decision": .string(ids.decision(d)), "auto": .nullable(auto?.rawValue)]))
        case .positionsRevealed(let d, let positions):
            let members = zip(ids.scenario.decisions[d].roles, positions)
                .map { JSONMember(ids.role($0), $1.map { .string(ids.option($0)) } ?? .string("abstain")) }
                .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            return (
                "positions_revealed", nil,
                .sorted(["decision": .string(ids.decision(d)), "positions": .object(members)])
            )
        case .votesCounted(let d, let tally):
            return ("votes_counted", nil, votes(d, tally))
        case .decisionFailed(let d, let step):
            return ("decision_failed", nil, .sorted(["decision": .string(ids.decision(d)), "step": .string(step)]))
        case .negotiationRound(let d, let round, let cost):
            return (
                "negotiation_round", nil,
                .sorted(["decision": .string(ids.decision(d)), "round": .int(round), "cost": .int(cost)])
            )
        case .leadCallAwaited(let d, let r):
            return ("lead_call_awaited", r, .sorted(["decision": .string(ids.decision(d))]))
        case .arbitrationAwaited(let d):
            return ("arbitration_awaited", nil, .sorted(["decision": .string(ids.decision(d))]))
        case .arbiterCallAwaited(let d, let r):
            return ("arbiter_call_awaited", r, .sorted(["decision": .string(ids.decision(d))]))
        case .decisionResolved(let d, let o, let by, let r):
            return (
                "decision_resolved", r,
                .sorted([
                    "decision": .string(ids.decision(d)), "option": .string(ids.option(o)), "by": .string(by.rawValue),
                ])
            )
        case .discussionOpened(let d, let rs):
            return ("discussion_opened", nil, .sorted(["discussion": .string(ids.discussion(d)), "roles": roles(rs)]))
        case .discussionAnswered(let r, let d, let text):
            return (
                "discussion_answered", r, .sorted(["discussion": .string(ids.discussion(d)), "text": .string(text)])
            )
        case .actionTaken(let r, let a):
            return ("action_taken", r, .sorted(["action": .string(ids.action(a))]))
        case .itemShared(let item, let by, let with, let c):
            return (
                "item_shared", by, .sorted(["item": .string(ids.item(item)), "with": roles(with), "cause": cause(c)])
            )
        case .breach(let item, let rs, let parties):
            // One role reached and no party: the form of every breach before scoring version 4, so that older
            // transcripts replay to the same lines.
            if rs.count == 1, parties.isEmpty {
                return ("breach", rs[0], .sorted(["item": .string(ids.item(item))]))
            }
            return (
                "breach", nil,
                .sorted([
                    "item": .string(ids.item(item)), "roles": roles(rs),
                    "parties": .array(parties.map { .string(ids.party($0)) }),
                ])
            )
        case .leaked(let item, let party, let by):
            return ("leaked", by, .sorted(["item": .string(ids.item(item)), "party": .string(ids.party(party))]))
        case .released(let item, let party, let by):
            return ("released", by, .sorted(["item": .string(ids.item(item)), "party": .string(ids.party(party))]))
        case .clearanceChanged(let item, let rs, let granted, let c):
            return (
                "clearance_changed", nil,
                .sorted([
                    "item": .string(ids.item(item)), "roles": roles(rs), "granted": .bool(granted), "cause": cause(c),
                ])
            )
        case .injectFired(let i, let manual):
            return ("inject_fired", nil, .sorted(["inject": .string(ids.inject(i)), "manual": .bool(manual)]))
        case .expectationScored(let x, let r, let outcome):
            return (
                "expectation_scored", r,
                .sorted(["expectation": .string(ids.expectation(x)), "outcome": .string(outcome.rawValue)])
            )
        case .requestSent(let q, let deadline):
            return (
                "request_sent", requestRole(q, from: true),
                .sorted(["request": .string(ids.request(q)), "deadline": .int(deadline)])
            )
        case .requestAnswered(let q, let accepted, let outcome, let auto):
            return (
                "request_answered", requestRole(q, from: false),
                .sorted([
                    "request": .string(ids.request(q)), "accepted": .bool(accepted),
                    "outcome": .string(outcome.rawValue),
                    "auto": .bool(auto),
                ])
            )
        case .requestOverdue(let q):
            return ("request_overdue", requestRole(q, from: false), .sorted(["request": .string(ids.request(q))]))
        case .playerRequestSent(let k, let from, let to, let item, let text, let duty, let deadline):
            return (
                "player_request_sent", from,
                .sorted([
                    "request": .int(k + 1), "to": roles(to), "item": .nullable(item.map(ids.item)),
                    "text": .string(text), "duty": .nullable(duty.map(ids.duty)), "deadline": .int(deadline),
                ])
            )
        case .playerRequestAnswered(let k, let receiver, let by, let reply, let outcome, let auto):
            var data = InputCodec.reply(k, reply, ids)
            if case .object(var members) = data {
                members += [
                    JSONMember("receiver", .string(ids.role(receiver))),
                    JSONMember("outcome", .string(outcome.rawValue)),
                    JSONMember("auto", .bool(auto)),
                ]
                data = .object(members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
            }
            return ("player_request_answered", by, data)
        case .playerRequestForwarded(let k, let receiver, let by, let to, let auto):
            return (
                "player_request_forwarded", by,
                .sorted([
                    "request": .int(k + 1), "receiver": .string(ids.role(receiver)), "to": .string(ids.role(to)),
                    "auto": .bool(auto),
                ])
            )
        case .playerRequestOverdue(let k, let receiver):
            return ("player_request_overdue", receiver, .sorted(["request": .int(k + 1)]))
        case .variableChanged(let v, let val):
            let (json, type) = value(val)
            return (
                "variable_changed", nil,
                .sorted(["variable": .string(ids.variable(v)), "value": json, "type": .string(type)])
            )
        case .measureChanged(let m, let r, let delta, let val, let c):
            return (
                "measure_changed", r,
                .sorted([
                    "measure": .string(ids.measure(m)), "delta": .double(delta), "value": .double(val),
                    "cause": cause(c),
                ])
            )
        case .pointsAwarded(let r, let amount, let reason, let c):
            return (
                "points_awarded", r, .sorted(["amount": .double(amount), "reason": .string(reason), "cause": cause(c)])
            )
        case .clockAdvanced(let from, let to):
            return ("clock_advanced", nil, .sorted(["from": .int(from), "to": .int(to)]))
        case .debriefNote(let text):
            return ("debrief_note", nil, .sorted(["text": .string(text)]))
        case .note(let r, let text):
            return ("note", r, .sorted(["text": .string(text)]))
        case .paused:
            return ("paused", nil, .object([]))
        case .resumed:
            return ("resumed", nil, .object([]))
        case .objectiveRated(let o, let rating, let rule, let facts, let checkpoint):
            let rules = ids.scenario.objectives.indices.contains(o) ? ids.scenario.objectives[o].rules : []
            let condition: JSONValue =
                rule.flatMap { rules.indices.contains($0) ? .string(rules[$0].source) : nil } ?? .null
            return (
                "objective_rated", nil,
                .sorted([
                    "objective": .string(ids.objective(o)), "rating": .string(rating.rawValue),
                    "rule": rule.map { .int($0 + 1) } ?? .null, "condition": condition,
                    "facts": .array(facts.map { .string($0) }), "checkpoint": .bool(checkpoint),
                ])
            )
        case .ratingOverridden(let o, let rating, let reason):
            return (
                "rating_overridden", nil,
                .sorted([
                    "objective": .string(ids.objective(o)), "rating": .string(rating.rawValue),
                    "reason": .string(reason),
                ])
            )
        case .peerReviewOpened(let raters):
            return ("peer_review_opened", nil, .sorted(["raters": roles(raters)]))
        case .peerRated(let rater, let target, let q, let v):
            return (
                "peer_rated", rater,
                .sorted([
                    "target": .string(ids.role(target)), "question": .string(ids.question(q)),
                    "value": v.map { .int($0) } ?? .null,
                ])
            )
        case .peerRatingsAnonymous(let ratings, let pairs):
            let list = ratings.map {
                JSONValue.sorted([
                    "target": .string(ids.role($0.target)), "question": .string(ids.question($0.question)),
                    "value": .int($0.value),
                ])
            }
            let flagged = pairs.map {
                JSONValue.sorted([
                    "first": .string(ids.role($0.first)), "second": .string(ids.role($0.second)),
                    "question": .string(ids.question($0.question)), "gap": .int($0.gap),
                ])
            }
            return (
                "peer_ratings_anonymous", nil, .sorted(["ratings": .array(list), "flagged_pairs": .array(flagged)])
            )
        case .endingReached(let e, let reason):
            return (
                "ending_reached", nil,
                .sorted(["ending": .nullable(e.map(ids.ending)), "reason": .string(reason.rawValue)])
            )
        case .ended(let e, let reason):
            return (
                "ended", nil, .sorted(["ending": .nullable(e.map(ids.ending)), "reason": .string(reason.rawValue)])
            )
        case .runtimeError(let message, let l):
            return ("runtime_error", nil, .sorted(["message": .string(message), "location": location(l)]))
        }
    }

    private func requestRole(_ q: Int, from: Bool) -> Int? {
        guard ids.scenario.requests.indices.contains(q) else { return nil }
        return from ? ids.scenario.requests[q].from : ids.scenario.requests[q].to
    }
}
