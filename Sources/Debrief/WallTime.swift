import Foundation
import Localization
import Transcripts

/// Wall-clock helpers for the debrief: transcripts stamp every record with an ISO 8601 UTC time
/// (`2026-01-01T08:15:02.123Z`, read by `TranscriptTime`); deliberation and response times are differences between
/// two such stamps.
enum WallTime {
    /// Milliseconds since 1970 of a stamp as transcripts write it; nil when the text is not one.
    static func milliseconds(_ text: String) -> Int64? { TranscriptTime.wallMilliseconds(text) }

    /// The milliseconds between two stamps (`to` − `from`), nil when either does not read or the difference is
    /// negative (a clock set back between two records).
    static func between(_ from: String, _ to: String) -> Int64? {
        guard let a = milliseconds(from), let b = milliseconds(to), b >= a else { return nil }
        return b - a
    }

    /// A wall-clock duration for people (see ``ClockFormat/wallDuration(milliseconds:language:)``).
    static func duration(milliseconds ms: Int64, language: UILanguage) -> String {
        ClockFormat.wallDuration(milliseconds: ms, language: language)
    }

    /// `2026-01-01 08:15 UTC`.
    private static let minutes = Date.VerbatimFormatStyle(
        format: """
            \(year: .padded(4))-\(month: .twoDigits)-\(day: .twoDigits) \
            \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits) UTC
            """,
        timeZone: .gmt, calendar: Calendar(identifier: .gregorian))

    /// `2026-01-01 08:15:02 UTC`.
    private static let seconds = Date.VerbatimFormatStyle(
        format: """
            \(year: .padded(4))-\(month: .twoDigits)-\(day: .twoDigits) \
            \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\
            \(second: .twoDigits) UTC
            """,
        timeZone: .gmt, calendar: Calendar(identifier: .gregorian))

    /// The date and time of a stamp to the minute, `2026-01-01 08:15 UTC`; the text itself when it does not read.
    static func display(_ text: String) -> String {
        TranscriptTime.parseWall(text).map(minutes.format) ?? text
    }

    /// The date and time of a stamp to the second, `2026-01-01 08:15:02 UTC`; the text itself when it does not read.
    static func displaySeconds(_ text: String) -> String {
        TranscriptTime.parseWall(text).map(seconds.format) ?? text
    }
}

/// Number formatting shared by the renderers.
enum NumberText {
    /// A value with at most `digits` decimals, trailing zeros removed: `72.5`, `10`, `-2.25`.
    static func format(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<max(0, digits) { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            let whole = Int(rounded)
            return whole == 0 ? "0" : String(whole)
        }
        var text = String(rounded)
        // Swift prints e.g. 0.30000000000000004 for some values; cut to the wanted decimals.
        if let dot = text.firstIndex(of: ".") {
            let limit = text.index(dot, offsetBy: digits + 1, limitedBy: text.endIndex) ?? text.endIndex
            text = String(text[..<limit])
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A signed change: `+10`, `-2.5`, `0`.
    static func signed(_ value: Double, digits: Int = 2) -> String {
        let text = format(value, digits: digits)
        return value > 0 && text != "0" ? "+" + text : text
    }

    /// A value rounded to `digits` decimals, for JSON.
    static func rounded(_ value: Double, digits: Int = 2) -> Double {
        guard value.isFinite else { return value }
        var scale = 1.0
        for _ in 0..<max(0, digits) { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
