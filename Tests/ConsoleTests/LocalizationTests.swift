import Testing

@testable import Console

@Suite struct LocalizationTests {
    @Test(
        arguments: [
            // explicit, environment, expected
            ("zh", ["LANG": "en_US.UTF-8"], UILanguage.zh),
            ("en", ["LANG": "zh_CN.UTF-8"], .en),
            ("zh-Hans", [:], .zh),
            ("EN_gb", [:], .en),
            ("fr", ["LANG": "zh_CN.UTF-8"], .zh),
            (nil, ["LANG": "zh_CN.UTF-8"], .zh),
            (nil, ["LANG": "zh_TW.UTF-8"], .zh),
            (nil, ["LANG": "en_US.UTF-8"], .en),
            (nil, ["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"], .zh),
            (nil, ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"], .en),
            (nil, ["LC_ALL": "", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"], .zh),
            (nil, ["LC_MESSAGES": "", "LANG": "zh_HK"], .zh),
            (nil, ["LANG": "de_DE.UTF-8"], .en),
            (nil, [:], .en),
        ] as [(String?, [String: String], UILanguage)])
    func languageDetection(explicit: String?, environment: [String: String], expected: UILanguage) {
        #expect(UILanguage.detect(explicit: explicit, environment: environment) == expected)
    }

    @Test func catalogsHaveTheSameKeys() {
        let zhKeys = Set(Catalog.zh.keys)
        let enKeys = Set(Catalog.en.keys)
        #expect(zhKeys.subtracting(enKeys).sorted() == [], "keys only in zh")
        #expect(enKeys.subtracting(zhKeys).sorted() == [], "keys only in en")
        #expect(!zhKeys.isEmpty)
    }

    @Test func catalogsHaveTheSamePlaceholdersPerKey() {
        for (key, english) in Catalog.en {
            let chinese = Catalog.zh[key] ?? ""
            #expect(
                Strings.placeholders(in: chinese) == Strings.placeholders(in: english),
                "placeholders differ for \(key)")
            // Placeholders are numbered from 0 without gaps.
            let numbers = Strings.placeholders(in: english)
            #expect(numbers == Set(0..<numbers.count), "gap in placeholders of \(key)")
        }
    }

    @Test func catalogsHaveNoEmptyStringsAndDottedKeys() {
        for (key, value) in Catalog.zh.merging(Catalog.en, uniquingKeysWith: { $0 + $1 }) {
            #expect(!value.isEmpty, "\(key)")
            #expect(key.contains(".") && !key.contains(" "), "\(key)")
        }
    }

    @Test func formatting() {
        let zh = Strings(language: .zh)
        let en = Strings(language: .en)
        let unknown = zh("error.unknownCommand", "stauts") + zh("error.didYouMean", "status")
        #expect(unknown == "未知命令「stauts」（您是不是想输入「status」？）")
        #expect(en("error.unknownCommand", "stauts") == "unknown command 'stauts'")
        #expect(en("error.choiceOutOfRange", "1", "3") == "choose a number from 1 to 3, or a choice id")
        #expect(zh("error.choiceOutOfRange", "1", "3") == "请输入 1 到 3 之间的编号，或选项标识")
        #expect(zh["error.lineTooLong"] == "输入过长（上限为 {0} 字节）")
        #expect(en("notice.blankLineIgnored") == "blank line ignored")
    }

    @Test func substitutionEdgeCases() {
        #expect(Strings.substitute("{0} and {1}", arguments: ["{1}", "x"]) == "{1} and x")
        #expect(Strings.substitute("{0} {2}", arguments: ["a"]) == "a {2}")
        #expect(Strings.substitute("{x} {} {0", arguments: ["a"]) == "{x} {} {0")
        #expect(Strings.substitute("{1}{0}", arguments: ["a", "b"]) == "ba")
        #expect(Strings.placeholders(in: "{0} {1} {x} {0}") == [0, 1])
    }

    @Test func missingKeysFallBackVisibly() {
        #expect(Strings(language: .zh)["no.such.key"] == "no.such.key")
        #expect(Strings(language: .en)("no.such.key", "a") == "no.such.key")
    }
}
