extension Catalog {
    /// The words every module shares, so that a term reads the same on the play screen, in a report and in a
    /// message: the units of durations, the sensitivity levels, the facilitator. Every ``Catalog`` includes it
    /// unless told otherwise.
    public static let common = Catalog(
        name: "common",
        zh: [
            "duration.minutes": "{0} 分钟",
            "duration.hours": "{0} 小时",
            "duration.hoursMinutes": "{0} 小时 {1} 分",
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
            "sensitivity.public": "public",
            "sensitivity.internal": "internal",
            "sensitivity.secret": "secret",
            "word.facilitator": "facilitator",
            "word.automated": "automated",
        ],
        including: []
    )
}
