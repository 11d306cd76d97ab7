import ScenarioLanguage

/// The scores of a session, each traceable to the events that produced it.
///
/// Each role's measure is normalised to 0–100 between the worst and best raw value that role can reach in it
/// (``Session/scoreBounds``; a declared `range` overrides them, and without bounds the measure's `range` serves every
/// role). A role that can reach only one value of a measure is not scored in it. A role's total is the weighted mean
/// of the measures it is scored in; the team's value of a measure is the mean over the roles scored in it, and the
/// team total the mean of the totals of the roles scored in anything. Expected actions
/// count only when their inject fired (TARGETs: hits ÷ possible); with `any`, the responders who did not respond once
/// another had do not count, nor do responses that could not have been made in time (`not offered`).
public struct Scorecard: Sendable {
    /// One measure's values.
    public struct MeasureScore: Sendable {
        /// The measure.
        public var measure: Int
        /// Raw value per role.
        public var raw: [Double]
        /// Normalised 0–100 per role (0 where the role is not scored).
        public var normalized: [Double]
        /// Per role, whether it is scored in this measure: whether it can reach more than one value.
        public var scored: [Bool]
        /// Per role, the raw values normalised to 0 and to 100.
        public var bounds: [ClosedRange<Double>]
        /// Per role, the normalised starting value (before anything happened): the baseline the events moved.
        public var baseline: [Double]
        /// The team's normalised value: the mean over the roles scored.
        public var team: Double
        /// Whether any role is scored in this measure.
        public var teamScored: Bool { scored.contains(true) }
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
    /// Weighted total per role, 0–100 (0 for a role scored in no measure).
    public var roleTotals: [Double]
    /// Per role, whether it is scored in any measure.
    public var roleScored: [Bool]
    /// Per role, the total of the starting values: where the role's total stood before anything happened.
    public var roleBaselines: [Double]
    /// The team's total, 0–100.
    public var teamTotal: Double
    /// The team's total of the starting values.
    public var teamBaseline: Double
    /// How the per-role bounds were found; nil when the measures' ranges served instead (no bounds, or every
    /// measure declares its range).
    public var boundsMethod: ScoreBounds.Method?
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
        let totals = Self.totals(scenario, measures: state.measures, bounds: session.scoreBounds)
        measures = totals.measures
        roleTotals = totals.roleTotals
        roleScored = totals.roleScored
        roleBaselines = totals.roleBaselines
        teamTotal = totals.teamTotal
        teamBaseline = totals.teamBaseline
        boundsMethod = totals.boundsMethod
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

    /// The normalised measures and the totals of the given raw values (indexed `measure × roles + role`): what
    /// ``init(session:)`` computes, for tools that keep only the state (the simulator).
    public static func totals(_ scenario: Scenario, measures values: [Double], bounds: ScoreBounds?) -> Totals {
        let r = scenario.roles.count
        var measures: [MeasureScore] = []
        let bounds = bounds.flatMap { $0.fits(measures: scenario.measures.count, roles: r) ? $0 : nil }
        for (m, measure) in scenario.measures.enumerated() {
            let raw = (0..<r).map { values[m * r + $0] }
            let ranges: [ClosedRange<Double>] = (0..<r).map { role in
                guard !measure.rangeDeclared, let bounds else { return measure.range }
                return bounds.low[m * r + role]...bounds.high[m * r + role]
            }
            let scored = ranges.map { $0.upperBound > $0.lowerBound }
            func normalise(_ value: Double, _ role: Int) -> Double {
                let range = ranges[role]
                guard scored[role] else { return 0 }
                return min(100, max(0, (value - range.lowerBound) / (range.upperBound - range.lowerBound) * 100))
            }
            let normalized = raw.indices.map { normalise(raw[$0], $0) }
            let start = measure.range.contains(0) ? 0 : measure.range.lowerBound
            let baseline = raw.indices.map { normalise(start, $0) }
            let counted = normalized.indices.filter { scored[$0] }.map { normalized[$0] }
            let team = counted.isEmpty ? 0 : counted.reduce(0, +) / Double(counted.count)
            measures.append(
                MeasureScore(
                    measure: m, raw: raw, normalized: normalized, scored: scored, bounds: ranges, baseline: baseline,
                    team: team))
        }
        func total(_ role: Int, _ value: (MeasureScore) -> Double) -> Double? {
            let counted = zip(scenario.measures, measures).filter { $0.1.scored[role] }
            let weights = counted.reduce(0) { $0 + $1.0.weight }
            guard weights > 0 else { return nil }
            return counted.reduce(0) { $0 + $1.0.weight * value($1.1) } / weights
        }
        let totals = (0..<r).map { role in total(role) { $0.normalized[role] } }
        let roleScored = totals.map { $0 != nil }
        let roleTotals = totals.map { $0 ?? 0 }
        let roleBaselines = (0..<r).map { role in total(role) { $0.baseline[role] } ?? 0 }
        let counted = totals.compactMap { $0 }
        let teamTotal = counted.isEmpty ? 0 : counted.reduce(0, +) / Double(counted.count)
        let baselines = (0..<r).filter { roleScored[$0] }.map { roleBaselines[$0] }
        let teamBaseline = baselines.isEmpty ? 0 : baselines.reduce(0, +) / Double(baselines.count)
        return Totals(
            measures: measures, roleTotals: roleTotals, roleScored: roleScored, roleBaselines: roleBaselines,
            teamTotal: teamTotal, teamBaseline: teamBaseline,
            boundsMethod: scenario.measures.contains { !$0.rangeDeclared } ? bounds?.method : nil)
    }

    /// The normalised measures and totals of a set of raw values.
    public struct Totals: Sendable {
        /// Per measure.
        public var measures: [MeasureScore]
        /// Per role, the weighted total.
        public var roleTotals: [Double]
        /// Per role, whether it is scored in any measure.
        public var roleScored: [Bool]
        /// Per role, the total of the starting values.
        public var roleBaselines: [Double]
        /// The team's total.
        public var teamTotal: Double
        /// The team's total of the starting values.
        public var teamBaseline: Double
        /// How the bounds were found; nil when the measures' ranges served.
        public var boundsMethod: ScoreBounds.Method?
    }

    /// Objectives rated M or U, with their recommendations, for the hotwash and the improvement plan.
    public var improvementPoints: [ObjectiveResult] { objectives.filter { $0.rating >= .M } }
}
