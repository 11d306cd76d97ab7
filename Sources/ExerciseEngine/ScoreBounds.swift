/// The worst and best raw value each role can reach in each measure: what the scorecard normalises against.
///
/// The engine does no I/O and does not search: the bounds are found by the authoring tools (exploration, or a search
/// when exploring does not finish) and handed to the session (``Session/scoreBounds``), and a transcript records the
/// bounds its session used so that replaying it gives the same numbers.
public struct ScoreBounds: Sendable, Hashable, Codable {
    /// How the bounds were found.
    public enum Method: String, Sendable, Hashable, Codable {
        /// Every reachable state was explored: the bounds are exact.
        case explored
        /// Exploration did not finish: the bounds are the lowest and highest values found by searching (the
        /// states explored, policy runs and random runs), so the true bounds may be wider.
        case searched
    }

    /// How they were found.
    public var method: Method
    /// Per measure, then per role (index `measure × roles + role`): the lowest raw value found.
    public var low: [Double]
    /// Per measure, then per role: the highest raw value found.
    public var high: [Double]

    /// Creates bounds; `low` and `high` are indexed `measure × roles + role`.
    public init(method: Method, low: [Double], high: [Double]) {
        self.method = method
        self.low = low
        self.high = high
    }

    /// Whether the bounds fit an exercise with these many measures and roles.
    public func fits(measures: Int, roles: Int) -> Bool {
        low.count == measures * roles && high.count == measures * roles
            && zip(low, high).allSatisfy { $0.0.isFinite && $0.1.isFinite && $0.0 <= $0.1 }
    }
}
