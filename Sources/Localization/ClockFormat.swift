/// The one formatter of scenario-clock times and durations in what people read (the play screen, reports,
/// messages). Transcript records keep their own, older clock text (`Transcripts`' `TranscriptTime.scenario`,
/// hashed bytes), and the scenario language prints duration literals (`1h30m`) as it parses them.
public enum ClockFormat {
    /// The scenario time `elapsed` minutes after a start at `start` minutes after midnight: `04:30`, and
    /// `+1d 04:30` on the day after, `+2d 04:30` the day after that. Both languages write it the same way.
    public static func time(_ elapsed: Int, start: Int) -> String {
        let total = start + elapsed
        let day = floorDivide(total, 1440)
        let minutes = total - day * 1440
        let hhmm = twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60)
        return day > 0 ? "+\(day)d \(hhmm)" : day < 0 ? "\(day)d \(hhmm)" : hhmm
    }

    /// A scenario duration for people: `2 小时 30 分`, `2 小时`, `45 分钟` in Chinese; `2h 30m`, `2h`, `45m` in
    /// English. Whole hours past a day stay hours (`26h`), as an exercise's clock reads; a negative duration
    /// starts with `-`.
    public static func duration(_ minutes: Int, language: UILanguage) -> String {
        if minutes < 0 { return "-" + duration(-minutes, language: language) }
        let strings = Strings(.common, language: language)
        let hours = minutes / 60
        let rest = minutes % 60
        if hours == 0 { return strings("duration.minutes", String(rest)) }
        if rest == 0 { return strings("duration.hours", String(hours)) }
        return strings("duration.hoursMinutes", String(hours), String(rest))
    }

    /// A wall-clock duration for people, to the second under an hour: `42 秒`, `3 分 05 秒`, `1 小时 02 分`,
    /// `2 天 03 小时` in Chinese; `42s`, `3m 05s`, `1h 02m`, `2d 03h` in English. Shorter than a second reads `0s`.
    public static func wallDuration(milliseconds: Int64, language: UILanguage) -> String {
        let strings = Strings(.common, language: language)
        let seconds = max(0, milliseconds) / 1000
        let minutes = seconds / 60
        let hours = minutes / 60
        if seconds < 60 { return strings("wall.seconds", String(seconds)) }
        if minutes < 60 { return strings("wall.minutesSeconds", String(minutes), twoDigits(Int(seconds % 60))) }
        if hours < 24 { return strings("wall.hoursMinutes", String(hours), twoDigits(Int(minutes % 60))) }
        return strings("wall.daysHours", String(hours / 24), twoDigits(Int(hours % 24)))
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
