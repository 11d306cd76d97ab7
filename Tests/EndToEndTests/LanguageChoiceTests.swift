import Foundation
import Testing

/// How `play` chooses its language: `--lang` first, then the locale, then (under the C locale or none) the
/// exercise's own `language`.
@Suite struct LanguageChoiceTests {
    @Test(
        arguments: [
            // exercise, locale variables, --lang, Chinese expected
            ("tutorial.ttx", ["LANG": "C.UTF-8"], nil, true),
            ("tutorial.ttx", ["LANG": "C"], nil, true),
            ("tutorial.ttx", ["LANG": "", "LC_ALL": "POSIX"], nil, true),
            ("tutorial.en.ttx", ["LANG": "C.UTF-8"], nil, false),
            ("tutorial.ttx", ["LANG": "en_US.UTF-8"], nil, false),
            ("tutorial.en.ttx", ["LANG": "zh_CN.UTF-8"], nil, true),
            ("tutorial.ttx", ["LANG": "C.UTF-8"], "en", false),
            ("tutorial.en.ttx", ["LANG": "C.UTF-8"], "zh", true),
        ] as [(String, [String: String], String?, Bool)])
    func playChoosesItsLanguage(file: String, locale: [String: String], lang: String?, chinese: Bool) throws {
        var arguments = ["play", "exercises/\(file)", "--seed", "1", "--no-transcript"]
        if let lang { arguments += ["--lang", lang] }
        let result = try Harness.run(arguments, input: "status\nquit\n", environment: locale)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("情景时间：") == chinese, "\(result.stdout.prefix(400))")
        #expect(result.stdout.contains("Scenario time: ") == !chinese, "\(result.stdout.prefix(400))")
    }
}
