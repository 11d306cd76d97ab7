extension Catalog {
    /// The words every module shares, so that a term reads the same on the play screen, in a report and in a
    /// message: the units of durations (scenario and wall clock), the sensitivity levels, the facilitator. Every ``Catalog`` includes it
    /// unless told otherwise.
    public static let common = Catalog(
        name: "common",
        zh: [
            "duration.minutes": "{0} 分钟",
            "duration.hours": "{0} 小时",
            "duration.hoursMinutes": "{0} 小时 {1} 分",
            "wall.seconds": "{0} 秒",
            "wall.minutesSeconds": "{0} 分 {1} 秒",
            "wall.hoursMinutes": "{0} 小时 {1} 分",
            "wall.daysHours": "{0} 天 {1} 小时",
            "sensitivity.public": "公开",
            "sensitivity.internal": "内部",
            "sensitivity.secret": "涉密",
            "word.facilitator": "导调员",
            "word.automated": "自动",
        ],
        en: [
            "duration.minutes": "{0}m",
            "duration.hours": "{0}h",
            "duration.hoursMinutes": "{0}h {1}m",
            "wall.seconds": "{0}s",
            "wall.minutesSeconds": "{0}m {1}s",
            "wall.hoursMinutes": "{0}h {1}m",
            "wall.daysHours": "{0}d {1}h",
            "sensitivity.public": "public",
            "sensitivity.internal": "internal",
            "sensitivity.secret": "secret",
            "word.facilitator": "facilitator",
            "word.automated": "automated",
        ],
        including: []
    )
}
