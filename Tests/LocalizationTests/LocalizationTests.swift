import Testing

@testable import Localization

@Suite struct LanguageTests {
    @Test(
        arguments: [
            // explicit, environment, content language, expected
            ("zh", ["LANG": "en_US.UTF-8"], nil, UILanguage.zh),
            ("en", ["LANG": "zh_CN.UTF-8"], "zh-Hans", .en),
            ("zh-Hans", [:], nil, .zh),
            ("EN_gb", [:], "zh-Hans", .en),
            (" zh ", [:], nil, .zh),
            ("fr", ["LANG": "zh_CN.UTF-8"], nil, .zh),
            (nil, ["LANG": "zh_CN.UTF-8"], nil, .zh),
            (nil, ["LANG": "zh_TW.UTF-8"], "en", .zh),
            (nil, ["LANG": "en_US.UTF-8"], "zh-Hans", .en),
            (nil, ["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"], nil, .zh),
            (nil, ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"], nil, .en),
            (nil, ["LC_ALL": "", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"], nil, .zh),
            (nil, ["LC_MESSAGES": "", "LANG": "zh_HK"], nil, .zh),
            (nil, ["LANG": "de_DE.UTF-8"], "zh-Hans", .en),
            (nil, [:], nil, .en),
            // The C and POSIX locales say nothing about the reader: the content decides.
            (nil, ["LANG": "C.UTF-8"], "zh-Hans", .zh),
            (nil, ["LANG": "C"], "zh", .zh),
            (nil, ["LC_ALL": "POSIX"], "zh_CN", .zh),
            (nil, ["LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"], "zh-Hans", .zh),
            (nil, ["LANG": "C.UTF-8"], "en", .en),
            (nil, ["LANG": "C.UTF-8"], nil, .en),
            (nil, [:], "zh-Hant", .zh),
            ("fr", ["LANG": "C.UTF-8"], "zh-Hans", .zh),
        ] as [(String?, [String: String], String?, UILanguage)])
    func detection(explicit: String?, environment: [String: String], content: String?, expected: UILanguage) {
        #expect(UILanguage.detect(explicit: explicit, environment: environment, contentLanguage: content) == expected)
    }

    @Test func argumentParsing() {
        #expect(UILanguage(argument: "zh_CN.UTF-8") == .zh)
        #expect(UILanguage(argument: "EN") == .en)
        #expect(UILanguage(argument: "zhx") == nil)
        #expect(UILanguage(argument: "") == nil)
        #expect(UILanguage(argument: "english") == nil)
    }
}

@Suite struct CatalogTests {
    static let sample = Catalog(
        name: "sample",
        zh: [
            "error.range": "请输入 {0} 到 {1} 之间的编号",
            "count.errors": "{0} 个错误",
            "count.filesIn": "{1} 中有 {0} 个文件",
            "only.zh": "仅中文",
        ],
        en: [
            "error.range": "choose a number from {0} to {1}",
            "count.errors": "{0} error|{0} errors",
            "count.filesIn": "{0} file in {1}|{0} files in {1}",
        ])

    @Test func lookupAndPlaceholders() {
        let zh = Strings(Self.sample, language: .zh)
        let en = Strings(Self.sample, language: .en)
        #expect(zh("error.range", "1", "3") == "请输入 1 到 3 之间的编号")
        #expect(en("error.range", "1", "3") == "choose a number from 1 to 3")
        #expect(en["error.range"] == "choose a number from {0} to {1}")
        #expect(en.format("error.range", arguments: ["{1}", "x"]) == "choose a number from {1} to x")
    }

    @Test func includedCommonWords() {
        let zh = Strings(Self.sample, language: .zh)
        #expect(zh("sensitivity.secret") == "涉密")
        #expect(Strings(Self.sample, language: .en)("word.facilitator") == "facilitator")
        #expect(zh.has("word.automated"))
        let alone = Catalog(name: "alone", zh: [:], en: [:], including: [])
        #expect(!Strings(alone, language: .zh).has("word.automated"))
    }

    @Test func plurals() {
        let zh = Strings(Self.sample, language: .zh)
        let en = Strings(Self.sample, language: .en)
        #expect(en.plural("count.errors", count: 1) == "1 error")
        #expect(en.plural("count.errors", count: 0) == "0 errors")
        #expect(en.plural("count.errors", count: 2) == "2 errors")
        #expect(zh.plural("count.errors", count: 1) == "1 个错误")
        #expect(zh.plural("count.errors", count: 7) == "7 个错误")
        #expect(en.plural("count.filesIn", count: 1, "a/") == "1 file in a/")
        #expect(zh.plural("count.filesIn", count: 3, "a/") == "a/ 中有 3 个文件")
    }

    @Test func missingKeysFallBackToEnglishThenShowVisibly() {
        #expect(Strings(Self.sample, language: .en)("no.such.key", "a") == "⟦no.such.key⟧")
        #expect(Strings(Self.sample, language: .zh)["no.such.key"] == "⟦no.such.key⟧")
        let partial = Catalog(name: "partial", zh: [:], en: ["only.en": "English"], including: [])
        #expect(Strings(partial, language: .zh)("only.en") == "English")
    }

    @Test func problemsAreFound() {
        let bad = Catalog(
            name: "bad",
            zh: ["a.one": "{0} 与 {1}", "a.two": "", "nodot": "x", "word.automated": "自动", "a.gap": "{0}{2}"],
            en: [
                "a.one": "{0}", "a.two": "two", "nodot": "x", "word.automated": "auto", "a.three": "3",
                "a.gap": "{0}{2}",
            ])
        #expect(
            bad.problems == [
                "bad: 'a.three' is only in English",
                "bad: 'a.gap' numbers its placeholders with a gap",
                "bad: 'a.one' has other placeholders in Chinese than in English",
                "bad: 'a.two' is empty",
                "bad: 'nodot' is not a dotted name",
                "bad: 'word.automated' is already defined by 'common'",
            ])
        #expect(Self.sample.problems == ["sample: 'only.zh' is only in Chinese"])
        #expect(Catalog.common.problems == [])
    }

    @Test func substitutionEdgeCases() {
        #expect(Template.substitute("{0} and {1}", arguments: ["{1}", "x"]) == "{1} and x")
        #expect(Template.substitute("{0} {2}", arguments: ["a"]) == "a {2}")
        #expect(Template.substitute("{x} {} {0", arguments: ["a"]) == "{x} {} {0")
        #expect(Template.substitute("{1}{0}", arguments: ["a", "b"]) == "ba")
        #expect(Template.substitute("{٣}", arguments: ["a", "b", "c", "d"]) == "{٣}")
        #expect(Template.placeholders(in: "{0} {1} {x} {0}") == [0, 1])
    }
}

@Suite struct ClockFormatTests {
    @Test func times() {
        #expect(ClockFormat.time(0, start: 4 * 60) == "04:00")
        #expect(ClockFormat.time(30, start: 4 * 60) == "04:30")
        #expect(ClockFormat.time(45, start: 23 * 60 + 30) == "+1d 00:15")
        #expect(ClockFormat.time(2 * 1440 + 61, start: 0) == "+2d 01:01")
        #expect(ClockFormat.time(1439, start: 0) == "23:59")
        #expect(ClockFormat.time(-30, start: 0) == "-1d 23:30")
    }

    @Test func durations() {
        #expect(ClockFormat.duration(150, language: .zh) == "2 小时 30 分")
        #expect(ClockFormat.duration(150, language: .en) == "2h 30m")
        #expect(ClockFormat.duration(120, language: .zh) == "2 小时")
        #expect(ClockFormat.duration(120, language: .en) == "2h")
        #expect(ClockFormat.duration(45, language: .zh) == "45 分钟")
        #expect(ClockFormat.duration(45, language: .en) == "45m")
        #expect(ClockFormat.duration(0, language: .zh) == "0 分钟")
        #expect(ClockFormat.duration(0, language: .en) == "0m")
        #expect(ClockFormat.duration(26 * 60 + 5, language: .en) == "26h 5m")
        #expect(ClockFormat.duration(-90, language: .en) == "-1h 30m")
        #expect(Strings(.common, language: .zh).duration(90) == "1 小时 30 分")
    }

    @Test func wallDurations() {
        #expect(ClockFormat.wallDuration(milliseconds: 999, language: .en) == "0s")
        #expect(ClockFormat.wallDuration(milliseconds: 42_000, language: .zh) == "42 秒")
        #expect(ClockFormat.wallDuration(milliseconds: 185_000, language: .en) == "3m 05s")
        #expect(ClockFormat.wallDuration(milliseconds: 185_000, language: .zh) == "3 分 05 秒")
        #expect(ClockFormat.wallDuration(milliseconds: 3_720_000, language: .en) == "1h 02m")
        #expect(ClockFormat.wallDuration(milliseconds: 3_720_000, language: .zh) == "1 小时 02 分")
        #expect(ClockFormat.wallDuration(milliseconds: 183_600_000, language: .en) == "2d 03h")
        #expect(ClockFormat.wallDuration(milliseconds: 183_600_000, language: .zh) == "2 天 03 小时")
        #expect(ClockFormat.wallDuration(milliseconds: -5, language: .en) == "0s")
    }
}

@Suite struct CommandTextTests {
    @Test func plainWordsStayAsTheyAre() {
        #expect(CommandText.quoted("transcripts/20260101-flood.jsonl") == "transcripts/20260101-flood.jsonl")
        #expect(CommandText.quoted("记录/城市内涝.jsonl") == "记录/城市内涝.jsonl")
    }

    @Test func otherWordsAreSingleQuoted() {
        #expect(CommandText.quoted("my sessions/a.jsonl") == "'my sessions/a.jsonl'")
        #expect(CommandText.quoted("it's") == "'it'\\''s'")
        #expect(CommandText.quoted("$(rm -rf ~)") == "'$(rm -rf ~)'")
        #expect(CommandText.quoted("") == "''")
    }
}
