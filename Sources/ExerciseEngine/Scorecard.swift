import ScenarioLanguage

/// The scores of a session, each traceable to the events that produced it.
///
/// Measures are normalised to 0–100 against each measure's range; a role's total is the weighted mean of its
/// normalised measures; the team's value of a measure and the team total are the means over roles. Expected actions
/// count only when their inject fired (TARGETs: hits ÷ possible); with `any`, the responders who did not respond once
/// another had do not count, nor do responses that could not have been made in time (`not offered`).
public struct Scorecard: Sendable {
    /// One measure's values.
    public struct MeasureScore: Sendable {
        /// The measure.
        public var measure: Int
        /// Raw value per role.
        public var raw: [Double]
        /// Normalised 0–100 per role.
        public var normalized: [Double]
        /// The team's normalised value.
        public var team: Double
    }

    /// One objective's rating.
    public struct ObjectiveResult: Sendable {
        /// The objective.
        public var objective: Int
        /// The rating the rules gave.
        public var computed: Rating
        /// The facilitator's override, if any.
        public var override: Rating?
        /// The override's reason.
        public var overrideReason: String
        /// The rating that counts.
        public var rating: Rating { override ?? computed }
    }

    /// Hits out of possible responses.
    public struct Tally: Sendable, Hashable {
        /// Responses on time.
        public var hits = 0
        /// Responses after the deadline.
        public var late = 0
        /// Responses that never came.
        public var missed = 0
        /// Responses that could not have been made in time (asked after the deadline, or no way to act): not
        /// charged, and not in ``possible``.
        public var notOffered = 0
        /// Responses that could have been made: hits, late and missed, and those still open.
        public var possible = 0
        /// Counts an outcome: waived ones (with `any`, met by another responder; or already met when the
        /// facilitator forced the inject) count nowhere.
        mutating func add(_ outcome: ExpectationOutcome) {
            switch outcome {
            case .pending: possible += 1
            case .hit:
                possible += 1
                hits += 1
            case .late:
                possible += 1
                late += 1
            case .missed:
                possible += 1
                missed += 1
            case .notOffered: notOffered += 1
            case .waived: break
            }
        }

        /// Hits ÷ possible, 0–100, or nil when nothing was possible.
        public var percent: Double? { possible == 0 ? nil : Double(hits) / Double(possible) * 100 }
    }

    /// Per measure.
    public var measures: [MeasureScore]
    /// Weighted total per role, 0–100.
    public var roleTotals: [Double]
    /// The team's total, 0–100.
    public var teamTotal: Double
    /// Per objective.
    public var objectives: [ObjectiveResult]
    /// Expected actions per role.
    public var expectationsByRole: [Tally]
    /// Expected actions for the team (each fired expectation once).
    public var expectationsTeam: Tally
    /// Collaboration points per role.
    public var points: [Double]
    /// Request outcomes.
    public var requests: [RequestOutcome]

    /// Computes the scorecard of a session as it stands.
    public init(session: Session) {
        let scenario = session.scenario
        let state = session.state
        let r = scenario.roles.count
        var measures: [MeasureScore] = []
        for (m, measure) in scenario.measures.enumerated() {
            let raw = (0..<r).map { state.measures[m * r + $0] }
            let span = measure.range.upperBound - measure.range.lowerBound
            let normalized = raw.map { span > 0 ? min(100, max(0, ($0 - measure.range.lowerBound) / span * 100)) : 0 }
            let team = normalized.isEmpty ? 0 : normalized.reduce(0, +) / Double(normalized.count)
            measures.append(MeasureScore(measure: m, raw: raw, normalized: normalized, team: team))
        }
        self.measures = measures
        let weightSum = scenario.measures.reduce(0) { $0 + $1.weight }
        roleTotals = (0..<r).map { role in
            guard weightSum > 0 else { return 0 }
            return zip(scenario.measures, measures).reduce(0) { $0 + $1.0.weight * $1.1.normalized[role] } / weightSum
        }
        teamTotal = roleTotals.isEmpty ? 0 : roleTotals.reduce(0, +) / Double(roleTotals.count)
        objectives = scenario.objectives.indices.map { o in
            ObjectiveResult(
                objective: o, computed: state.ratings[o] ?? scenario.objectives[o].otherwise,
                override: state.overrides[o], overrideReason: state.overrideReasons[o])
        }
        var byRole = Array(repeating: Tally(), count: r)
        var team = Tally()
        for (x, expectation) in scenario.expectations.enumerated() where state.expectationStart[x] != nil {
            team.add(state.expectationOutcome[x])
            for role in expectation.responders { byRole[role].add(state.responderOutcome[x * (r + 1) + role]) }
        }
        expectationsByRole = byRole
        expectationsTeam = team
        points = state.points
        requests = state.requestOutcome
    }

    /// Objectives rated M or U, with their recommendations, for the hotwash and the improvement plan.
    public var improvementPoints: [ObjectiveResult] { objectives.filter { $0.rating >= .M } }
}
