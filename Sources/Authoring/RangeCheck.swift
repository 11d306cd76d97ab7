import ExerciseEngine
import ScenarioLanguage

/// Warns when a measure's declared `range` cannot be reached by play (``DiagnosticCode/unreachableRange``,
/// W0511): every role is normalised against a declared range, so a range wider than play reaches keeps even the best
/// play from scoring 100.
///
/// It needs the exact bounds of exploring the whole exercise (``ScoreBounds/Method/explored``): bounds found by a
/// search that did not finish may miss the values that reach the range, so they give no warning.
public enum RangeCheck {
    /// The warnings for `scenario`'s declared ranges, given the bounds ``BoundsFinder`` found for it; none when the
    /// bounds are not exact or do not fit the exercise.
    public static func diagnostics(_ scenario: Scenario, bounds: ScoreBounds) -> [Diagnostic] {
        let r = scenario.roles.count
        guard bounds.method == .explored, r > 0, bounds.fits(measures: scenario.measures.count, roles: r) else {
            return []
        }
        var result: [Diagnostic] = []
        for (m, measure) in scenario.measures.enumerated() where measure.rangeDeclared {
            let low = (0..<r).map { bounds.low[m * r + $0] }.min() ?? 0
            let high = (0..<r).map { bounds.high[m * r + $0] }.max() ?? 0
            let declared = measure.range
            guard low > declared.lowerBound || high < declared.upperBound else { continue }
            let width = declared.upperBound - declared.lowerBound
            let (range, reached) = (text(declared.lowerBound, declared.upperBound), text(low, high))
            // The high end unreached caps the best play; only the low end unreached lifts the worst.
            let message =
                high < declared.upperBound
                ? AnalysisMessage.unreachableRange(
                    measure.id, declared: range, reached: reached,
                    best: number((width > 0 ? (high - declared.lowerBound) / width * 100 : 100).rounded()))
                : AnalysisMessage.unreachableRangeLow(
                    measure.id, declared: range, reached: reached,
                    worst: number((width > 0 ? (low - declared.lowerBound) / width * 100 : 0).rounded()))
            let span = SourceSpan(start: measure.location, length: max(measure.id.count, 1))
            result.append(Diagnostic(message, at: span))
        }
        return result
    }

    /// `LO..HI` as the language writes a range.
    private static func text(_ low: Double, _ high: Double) -> String { "\(number(low))..\(number(high))" }

    /// A number as the language writes it: whole numbers without a fraction.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
