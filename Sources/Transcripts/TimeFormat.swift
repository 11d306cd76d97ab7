import Foundation

/// Wall-clock and scenario-clock text as transcripts write it.
public enum TranscriptTime {
    /// ISO 8601 in UTC with milliseconds (rounded to the nearest), e.g. `2026-03-01T08:15:02.123Z`.
    public static func wall(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let ms = Int(millis - seconds * 1000)
        let c = civil(seconds)
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))."
            + "\(pad(ms, 3))Z"
    }

    /// `yyyyMMdd-HHmmss` in UTC, for file names.
    public static func fileStamp(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let c = civil(seconds)
        return "\(pad(c.year, 4))\(pad(c.month))\(pad(c.day))-\(pad(c.hour))\(pad(c.minute))\(pad(c.second))"
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

    private static func pad(_ n: Int, _ width: Int = 2) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Converts seconds since 1970 to a UTC civil date (proleptic Gregorian), without the C library.
    private static func civil(_ seconds: Int64) -> (
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    ) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - days * 86_400)
        // Howard Hinnant's days-to-civil algorithm.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day), rest / 3600, rest % 3600 / 60, rest % 60)
    }
}
