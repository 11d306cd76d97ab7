import Foundation
import ScenarioLanguage

/// Formats the scenario clock.
enum ClockFormat {
    /// `04:30`, or `+1d 04:30` past midnight.
    static func time(_ elapsed: Int, start: Int) -> String {
        let total = start + elapsed
        let day = total / 1440
        let minutes = ((total % 1440) + 1440) % 1440
        let hhmm = String(format: "%02d:%02d", minutes / 60, minutes % 60)
        return day > 0 ? "+\(day)d \(hhmm)" : hhmm
    }

    /// `1h30m`.
    static func duration(_ minutes: Int) -> String { formatDuration(minutes) }
}
