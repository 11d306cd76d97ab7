import ExerciseEngine
import ScenarioLanguage

/// Writes a session's ``Scorecard`` as the `scores` object of the closing record.
enum ScoreCodec {
    static func tally(_ t: Scorecard.Tally) -> JSONValue {
        .sorted([
            "hits": .int(t.hits), "late": .int(t.late), "missed": .int(t.missed), "not_offered": .int(t.notOffered),
            "possible": .int(t.possible),
        ])
    }

    static func encode(_ session: Session, ids: ScenarioIDs) -> JSONValue {
        let card = Scorecard(session: session)
        let scenario = session.scenario
        let roles: [JSONValue] = scenario.roles.indices.map { r in
            let measures = card.measures.map { m in
                JSONMember(
                    ids.measure(m.measure), .sorted(["raw": .double(m.raw[r]), "normalized": .double(m.normalized[r])]))
            }
            return .sorted([
                "role": .string(ids.role(r)),
                "total": .double(card.roleTotals[r]),
                "points": .double(card.points.indices.contains(r) ? card.points[r] : 0),
                "measures": .object(measures.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }),
                "expectations": tally(card.expectationsByRole[r]),
            ])
        }
        let teamMeasures = card.measures.map { JSONMember(ids.measure($0.measure), .double($0.team)) }
            .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        let team = JSONValue.sorted([
            "total": .double(card.teamTotal),
            "measures": .object(teamMeasures),
            "expectations": tally(card.expectationsTeam),
        ])
        let objectives: [JSONValue] = card.objectives.map { o in
            .sorted([
                "objective": .string(ids.objective(o.objective)),
                "computed": .string(o.computed.rawValue),
                "override": .nullable(o.override?.rawValue),
                "reason": .string(o.overrideReason),
                "rating": .string(o.rating.rawValue),
            ])
        }
        let requests: [JSONValue] = card.requests.enumerated().map { q, outcome in
            let sent = session.state.requestSentAt.indices.contains(q) && session.state.requestSentAt[q] != nil
            return .sorted([
                "request": .string(ids.request(q)), "outcome": .string(sent ? outcome.rawValue : "not_sent"),
            ])
        }
        return .sorted([
            "roles": .array(roles), "team": team, "objectives": .array(objectives), "requests": .array(requests),
        ])
    }
}
