/// Wall-clock helpers for the debrief: transcripts stamp every record with an ISO 8601 UTC time
/// (`2026-01-01T08:15:02.123Z`); deliberation and response times are differences between two such stamps.
enum WallTime {
    /// Milliseconds since 1970 of an ISO 8601 UTC stamp as transcripts write it (`YYYY-MM-DDTHH:MM:SS.mmmZ`, the
    /// fraction optional); nil when the text is not one.
    static func milliseconds(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { return nil }
                value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var millis = 0
        if bytes[19] == UInt8(ascii: ".") {
            let digits = bytes.count - 1 - 20
            guard digits >= 1, let fraction = number(20..<(bytes.count - 1)) else { return nil }
            // Keep milliseconds: scale the fraction to three digits.
            var scaled = fraction
            var n = digits
            while n < 3 {
                scaled *= 10
                n += 1
            }
            while n > 3 {
                scaled /= 10
                n -= 1
            }
            millis = scaled
        } else if bytes.count != 20 {
            return nil
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        return ((Int64(days) * 24 + Int64(hour)) * 60 + Int64(minute)) * 60_000 + Int64(second) * 1000 + Int64(millis)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The milliseconds between two stamps (`to` − `from`), nil when either does not read or the difference is
    /// negative (a clock set back between two records).
    static func between(_ from: String, _ to: String) -> Int64? {
        guard let a = milliseconds(from), let b = milliseconds(to), b >= a else { return nil }
        return b - a
    }

    /// A wall-clock duration for people: `0s`, `42s`, `3m 05s`, `1h 02m`, `2d 03h`.
    static func duration(milliseconds ms: Int64) -> String {
        let seconds = ms / 1000
        if seconds < 60 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 60 { return "\(minutes)m \(pad(seconds % 60))s" }
        let hours = minutes / 60
        if hours < 24 { return "\(hours)h \(pad(minutes % 60))m" }
        return "\(hours / 24)d \(pad(hours % 24))h"
    }

    /// The date and time of a stamp without seconds' fraction, `2026-01-01 08:15 UTC`; the text itself when it does
    /// not read.
    static func display(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard milliseconds(text) != nil, bytes.count >= 16 else { return text }
        return String(decoding: bytes[0..<10], as: UTF8.self) + " " + String(decoding: bytes[11..<16], as: UTF8.self)
            + " UTC"
    }

    /// The date and time of a stamp to the second, `2026-01-01 08:15:02 UTC`; the text itself when it does not read.
    static func displaySeconds(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard milliseconds(text) != nil, bytes.count >= 19 else { return text }
        return String(decoding: bytes[0..<10], as: UTF8.self) + " " + String(decoding: bytes[11..<19], as: UTF8.self)
            + " UTC"
    }

    private static func pad(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
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
