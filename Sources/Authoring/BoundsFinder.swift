import ExerciseEngine
import ScenarioLanguage

/// Finds the worst and best raw value each role can reach in each measure (``ScoreBounds``), which the scorecard
/// normalises against.
///
/// First it explores every reachable state (``Explorer``, seed 1, actions and request answers included) within a
/// state and time limit: when that finishes, the bounds are exact (``ScoreBounds/Method/explored``). Either way it
/// widens them with the final values of policy runs (``SimulationPolicy/expected`` and
/// ``SimulationPolicy/default``) and random runs over several seeds, which also reach luck other than seed 1's.
/// When exploring did not finish, or those runs went beyond what it found, the result is the lowest and highest values found (``ScoreBounds/Method/searched``):
/// the true bounds may be wider, so a role's score may be a little generous.
public struct BoundsFinder: Sendable {
    /// The exercise.
    public let scenario: Scenario
    /// Stop exploring after this many distinct states.
    public var stateLimit: Int
    /// Stop exploring after this many seconds, if set. Off by default: a time limit would make the bounds depend
    /// on the machine's load, and so the scores.
    public var timeLimit: Double?
    /// Random runs added to the search.
    public var randomRuns: Int
    /// Runs of each policy (seeds 1, 2, …).
    public var policyRuns: Int

    /// Creates a finder with limits that keep the bundled exercises under a few seconds. The result depends only on
    /// the exercise and these limits (not on the machine).
    public init(
        scenario: Scenario, stateLimit: Int = 50_000, timeLimit: Double? = nil, randomRuns: Int = 200,
        policyRuns: Int = 5
    ) {
        self.scenario = scenario
        self.stateLimit = stateLimit
        self.timeLimit = timeLimit
        self.randomRuns = randomRuns
        self.policyRuns = policyRuns
    }

    /// Finds the bounds.
    public func find() -> ScoreBounds {
        let r = scenario.roles.count
        let count = scenario.measures.count * r
        var low = Array(repeating: Double.infinity, count: count)
        var high = Array(repeating: -Double.infinity, count: count)
        let report = Explorer(scenario: scenario).run(
            ExploreOptions(
                limit: stateLimit, seeds: [1], actions: true, shares: false, timeLimit: timeLimit, hangTimeout: nil))
        for (m, measure) in report.measures.enumerated() where m < scenario.measures.count {
            for (role, range) in measure.roles.enumerated() where role < r {
                low[m * r + role] = min(low[m * r + role], range.min)
                high[m * r + role] = max(high[m * r + role], range.max)
            }
        }
        let explored = (low, high)
        let simulator = Simulator(scenario: scenario)
        var runs: [SimulationOptions] = []
        for policy in [SimulationPolicy.expected, .default] {
            runs.append(SimulationOptions(runs: policyRuns, seed: 1, policy: policy))
        }
        runs.append(SimulationOptions(runs: randomRuns, seed: 1, policy: .random))
        for options in runs {
            for index in 0..<options.runs {
                let session = simulator.playthrough(index: index, options).session
                for i in 0..<count {
                    low[i] = min(low[i], session.state.measures[i])
                    high[i] = max(high[i], session.state.measures[i])
                }
            }
        }
        for i in 0..<count where !low[i].isFinite || !high[i].isFinite {
            low[i] = 0
            high[i] = 0
        }
        // Runs on other seeds that went beyond what seed 1's exploration found make the bounds a search result.
        let exact = report.complete && low == explored.0 && high == explored.1
        return ScoreBounds(method: exact ? .explored : .searched, low: low, high: high)
    }
}

/// The bounds a report's scores were normalised against, by measure and role, for people and scripts.
public struct BoundsReport: Sendable, Codable, Hashable {
    /// One measure's bounds.
    public struct MeasureRow: Sendable, Codable, Hashable {
        /// The measure's id.
        public var id: String
        /// Whether its declared `range` served for every role instead (the author's override).
        public var declared: Bool
        /// Per role: the raw values normalised to 0 (`min`) and 100 (`max`); a role whose two are equal is not
        /// scored in the measure.
        public var roles: [RoleRange]
    }

    /// `explored` (exact) or `searched` (best found).
    public var method: ScoreBounds.Method
    /// Per measure.
    public var measures: [MeasureRow]

    /// The report of `bounds` for `scenario`.
    public init(_ bounds: ScoreBounds, scenario: Scenario) {
        method = bounds.method
        let r = scenario.roles.count
        let fits = bounds.fits(measures: scenario.measures.count, roles: r)
        measures = scenario.measures.enumerated().map { m, measure in
            MeasureRow(
                id: measure.id, declared: measure.rangeDeclared,
                roles: scenario.roles.enumerated().map { role, info in
                    let range =
                        measure.rangeDeclared || !fits
                        ? measure.range : bounds.low[m * r + role]...bounds.high[m * r + role]
                    return RoleRange(role: info.id, min: range.lowerBound, max: range.upperBound)
                })
        }
    }
}
