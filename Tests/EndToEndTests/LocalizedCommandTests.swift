import Foundation
import Testing

/// Every command's messages and reports in Chinese and in English, through the binary: `--lang` wins, else the
/// locale, and under the C locale (the harness's `LANG=C.UTF-8`) the exercise's or the session's language.
@Suite struct LocalizedCommandTests {
    /// Plays the Chinese tutorial for one answer and returns the scratch folder and the transcript's path in it.
    func chineseTranscript() throws -> (folder: URL, transcript: String) {
        let folder = Harness.scratch()
        let played = try Harness.run(
            ["play", "exercises/tutorial.ttx", "--seed", "5", "--out", folder.path], input: "1\n")
        #expect(played.status == 0, "\(played.stderr)")
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".jsonl") })
        return (folder, folder.appendingPathComponent(name).path)
    }

    /// Replaces what changes from run to run: the folder, the start time, the speed.
    static func normalise(_ text: String, folder: URL) -> String {
        text.replacingOccurrences(of: folder.path, with: "<folder>")
            .replacingOccurrences(of: #"\d{8}-\d{6}-"#, with: "<start>-", options: .regularExpression)
            .replacingOccurrences(
                of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#, with: "<time>", options: .regularExpression
            )
            .replacingOccurrences(of: #"[0-9,]+ per second"#, with: "<n> per second", options: .regularExpression)
            .replacingOccurrences(of: #"每秒 [0-9,]+ 次"#, with: "每秒 <n> 次", options: .regularExpression)
    }

    @Test func verifyReportsInTheSessionsLanguageUnderTheCLocale() throws {
        let (folder, transcript) = try chineseTranscript()
        let zh = try Harness.run(["verify", transcript])
        #expect(zh.status == 0, "\(zh.stdout)\(zh.stderr)")
        try Harness.assertGolden(Self.normalise(zh.stdout, folder: folder), "verify.zh.out")
        let en = try Harness.run(["verify", transcript, "--lang", "en"])
        try Harness.assertGolden(Self.normalise(en.stdout, folder: folder), "verify.en.out")
        // The locale wins over the session's language.
        let locale = try Harness.run(["verify", transcript], environment: ["LANG": "en_US.UTF-8"])
        #expect(locale.stdout == en.stdout)
    }

    @Test func simulateAndExploreReportInTheExercisesLanguage() throws {
        let zh = try Harness.run(["simulate", "exercises/tutorial.ttx", "-n", "20"])
        #expect(zh.status == 0, "\(zh.stderr)")
        try Harness.assertGolden(Self.normalise(zh.stdout, folder: Harness.root), "simulate-tutorial.zh.out")
        let en = try Harness.run(["simulate", "exercises/tutorial.ttx", "-n", "20", "--lang", "en"])
        try Harness.assertGolden(Self.normalise(en.stdout, folder: Harness.root), "simulate-tutorial.en.out")
        let explore = try Harness.run(["explore", "exercises/tutorial.ttx"])
        #expect(explore.status == 0, "\(explore.stderr)")
        try Harness.assertGolden(explore.stdout, "explore-tutorial.zh.out")
        let english = try Harness.run(["explore", "exercises/tutorial.en.ttx"])
        try Harness.assertGolden(english.stdout, "explore-tutorial.en.out")
    }

    @Test func fileErrorsOfEveryCommand() throws {
        let folder = Harness.scratch()
        let missing = folder.appendingPathComponent("无此文件.jsonl").path
        let resume = try Harness.run(["resume", missing, "--lang", "zh"])
        #expect(resume.status == 3)
        #expect(resume.stderr == "✗ 无法继续「\(missing)」：文件不存在，或不是 Sandtable 记录\n")
        let replay = try Harness.run(["replay", missing, "--lang", "en"])
        #expect(
            replay.stderr
                == "sandtable replay: cannot replay '\(missing)': it is missing or not a Sandtable transcript\n")
        let debrief = try Harness.run(["debrief", missing], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(debrief.status == 1)
        #expect(debrief.stderr == "sandtable debrief：无法为「\(missing)」生成复盘报告：文件不存在，或不是 Sandtable 记录\n")
        let key = try Harness.run(["verify", missing, "--key-file", "/nonexistent/key", "--lang", "zh"])
        #expect(key.status == 64)
        #expect(key.stderr == "错误：无法读取密钥文件「/nonexistent/key」。\n")
        let unreadable = try Harness.run(["verify", missing, "--lang", "zh"])
        #expect(unreadable.status == 3)
        #expect(unreadable.stdout.contains("✗ 无法读取："), "\(unreadable.stdout)")
        #expect(!unreadable.stdout.contains("There is no"), "\(unreadable.stdout)")
        let graph = try Harness.run([
            "graph", "exercises/tutorial.ttx", "--format", "dot", "-o", folder.appendingPathComponent("无/g.dot").path,
        ])
        #expect(graph.status == 1)
        #expect(graph.stderr.hasPrefix("错误：无法写入「\(folder.path)/无/g.dot」："), "\(graph.stderr)")
    }

    @Test func compileErrorsOfEveryCommandSpeakTheExercisesLanguage() throws {
        // The tutorial with one jump to a scene that does not exist.
        let folder = Harness.scratch()
        let text = try String(
            contentsOf: Harness.root.appendingPathComponent("exercises/tutorial.ttx"), encoding: .utf8)
        let broken = folder.appendingPathComponent("坏.ttx")
        try text.replacingOccurrences(of: "goto s2_underpass", with: "goto s2_nowhere")
            .write(to: broken, atomically: true, encoding: .utf8)
        for arguments in [
            ["simulate", broken.path, "-n", "1"], ["explore", broken.path], ["graph", broken.path, "--format", "dot"],
        ] {
            let zh = try Harness.run(arguments)
            #expect(zh.status == 1)
            #expect(zh.stderr.contains("s2_nowhere"), "\(zh.stderr)")
            #expect(!zh.stderr.contains("error"), "\(arguments): \(zh.stderr)")
            let en = try Harness.run(arguments + ["--lang", "en"])
            #expect(en.stderr.contains("error"), "\(arguments): \(en.stderr)")
        }
        let play = try Harness.run(["play", broken.path, "--no-transcript"])
        #expect(play.status == 1)
        #expect(play.stderr.hasSuffix("无法开始演练：\(broken.path) 有错误（运行 sandtable check 查看全部问题）\n"), "\(play.stderr)")
    }

    @Test func newSpeaksTheLocaleOrTheStartersLanguage() throws {
        let folder = Harness.scratch()
        let zh = try Harness.run(["new", "演练"], directory: folder)
        #expect(zh.stdout.hasPrefix("已创建 演练.ttx。接下来：\n  sandtable check 演练.ttx               检查错误和警告\n"))
        let again = try Harness.run(["new", "演练"], directory: folder)
        #expect(again.stderr == "错误：演练.ttx 已存在；sandtable new 从不覆盖已有文件\n")
        let english = try Harness.run(["new", "演练"], environment: ["LANG": "en_GB.UTF-8"], directory: folder)
        #expect(english.stderr == "error: 演练.ttx exists already; sandtable new never overwrites a file\n")
        let bad = try Harness.run(["new", "a/b", "--lang", "en"], directory: folder)
        #expect(bad.stderr.hasPrefix("error: 'a/b' is not a name for an exercise"))
    }

    @Test func helpAbstractsFollowTheLocaleAndLang() throws {
        let zh = try Harness.run(["--help"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.stdout.contains("跨部门协作桌面推演"), "\(zh.stdout)")
        #expect(zh.stdout.contains("核验一份记录"))
        let verify = try Harness.run(["verify", "--help", "--lang", "zh"])
        #expect(verify.stdout.contains("退出码：0 完好"))
        #expect(verify.stdout.contains("存放导调员 HMAC 密钥的文件"))
        let en = try Harness.run(["verify", "--help"])
        #expect(en.stdout.contains("Exit codes: 0 valid, 1 tampered"))
        let invalid = try Harness.run(["simulate", "exercises/tutorial.ttx", "-n", "0", "--lang", "zh"])
        #expect(invalid.status == 64)
        #expect(invalid.stderr.hasPrefix("Error: -n 至少为 1\n"), "\(invalid.stderr)")
    }
}
