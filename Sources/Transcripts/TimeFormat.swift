import Foundation

/// Wall-clock and scenario-clock text as transcripts write it.
public enum TranscriptTime {
    /// ISO 8601 in UTC with milliseconds: `2026-03-01T08:15:02.123Z`.
    private static let stamp = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    /// The same without the fraction, for reading stamps that have none.
    private static let wholeSeconds = Date.ISO8601FormatStyle(timeZone: .gmt)

    /// `yyyyMMdd-HHmmss` in UTC.
    private static let file = Date.VerbatimFormatStyle(
        format: """
            \(year: .padded(4))\(month: .twoDigits)\(day: .twoDigits)-\
            \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased))\(minute: .twoDigits)\(second: .twoDigits)
            """,
        timeZone: .gmt, calendar: Calendar(identifier: .gregorian))

    /// ISO 8601 in UTC with milliseconds (rounded to the nearest), e.g. `2026-03-01T08:15:02.123Z`. Records are
    /// hashed, so these bytes are part of the format.
    public static func wall(_ date: Date) -> String {
        // The format style truncates the fraction (and a Double rarely holds a millisecond exactly: 0.999 s is
        // 0.99899…): formatting the middle of the rounded millisecond gives its digits.
        let millis = (date.timeIntervalSince1970 * 1000).rounded()
        return stamp.format(Date(timeIntervalSince1970: (millis + 0.5) / 1000))
    }

    /// The instant of an ISO 8601 stamp as ``wall(_:)`` writes it (the fraction may have any number of digits or
    /// be left out); nil when the text is not one.
    public static func parseWall(_ text: String) -> Date? {
        (try? stamp.parse(text)) ?? (try? wholeSeconds.parse(text))
    }

    /// The milliseconds since 1970 of a stamp (see ``parseWall(_:)``), nil when the text is not one.
    public static func wallMilliseconds(_ text: String) -> Int64? {
        parseWall(text).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
    }

    /// `yyyyMMdd-HHmmss` in UTC, for file names.
    public static func fileStamp(_ date: Date) -> String {
        file.format(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
    }

    /// The scenario time `HH:MM` of a clock reading as event records store it (`time`): the exercise's start
    /// (minutes after midnight) plus the minutes elapsed, with `+Nd` when past midnight, e.g. `01:30+1d`.
    ///
    /// This is part of the record format, and records are hashed: it keeps its own spelling, apart from the one
    /// people read (`+1d 01:30`, `Localization`'s `ClockFormat.time`), so that transcripts stay byte-identical.
    public static func scenario(start: Int, minutes: Int) -> String {
        let total = start + minutes
        let day = total >= 0 ? total / 1440 : (total - 1439) / 1440
        let inDay = total - day * 1440
        let text = "\(pad(inDay / 60)):\(pad(inDay % 60))"
        if day == 0 { return text }
        return text + (day > 0 ? "+\(day)d" : "\(day)d")
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
