import Foundation
import Testing

@testable import ScenarioLanguage

/// `sandtable check` as a user runs it: the built binary, its exact output (golden), exit codes, JSON and colour.
@Suite("sandtable check output")
struct CheckOutputTests {
    /// The built `sandtable` binary: `SANDTABLE_BINARY`, else next to the test bundle in the same build folder.
    static var binary: URL? {
        if let path = ProcessInfo.processInfo.environment["SANDTABLE_BINARY"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("sandtable")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `sandtable ARGUMENTS` in `folder`, with a plain environment.
    func run(_ arguments: [String], in folder: URL, environment extra: [String: String] = [:]) throws -> Output? {
        guard let binary = Self.binary else {
            Issue.record("the sandtable binary is not built; run swift build first, or set SANDTABLE_BINARY")
            return nil
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        // An English reader by default: under the C locale an exercise's messages would follow its (Chinese) language.
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8", "COLUMNS": "80"].merging(extra) { $1 }
        // Files, not pipes: tests run in parallel, and a pipe's end inherited by another test's long-lived child
        // would keep this reader waiting for an end of file.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sandtable-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// A folder with files in it, removed afterwards.
    func withFiles(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sandtable-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        try body(folder)
    }

    static let withErrors = """
        exercise 演示 "检查输出"
        role 交通局 "交通局"
        ending done "结束"
        scene s "开始"
          ask 交通局 "怎么办?"
            choice go "出发"
              advance 1h
            choice stay "留下，等待交通" if knows(交通, 资料)
              advance 2h
          end done

        """

    static let withWarning = """
        exercise 演示 "检查输出"
        role 交通局 "交通局"
        ending done "结束"
        scene s "开始"
          ask 交通局 "怎么办?"
            choice go "出发"
              advance 1h
            choice 等待 "原地等待"
          end done

        """

    @Test("errors: the exact text, the caret under the Chinese id, the fix-it, exit 1")
    func goldenErrors() throws {
        try withFiles(["errors.ttx": Self.withErrors]) { folder in
            guard let output = try run(["check", "errors.ttx"], in: folder, environment: ["NO_COLOR": "1"]) else {
                return
            }
            let expected = """
                errors.ttx:8:36: error: unknown role '交通' (did you mean '交通局'?) [E0201]
                8 |     choice stay "留下，等待交通" if knows(交通, 资料)
                  |                                           ^~~~
                  |                                           交通局
                errors.ttx:8:40: error: unknown information item '资料' [E0201]
                8 |     choice stay "留下，等待交通" if knows(交通, 资料)
                  |                                                 ^~~~
                2 errors, 0 warnings

                """
            #expect(output.stderr == expected)
            #expect(output.stdout == "")
            #expect(output.status == 1)
            // The caret stands under the first character of 交通: the same display width before both.
            let lines = output.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            let source = lines[1]
            let caret = lines[2]
            let before = source[..<(source.range(of: "交通, ")?.lowerBound ?? source.endIndex)]
            let width = before.reduce(0) { $0 + ($1.unicodeScalars.first.map { $0.value >= 0x1100 ? 2 : 1 } ?? 1) }
            #expect(caret.prefix { $0 != "^" }.count == width)
        }
    }

    @Test("warnings only: exit 0; --strict makes them errors and exits 1")
    func warningsAndStrict() throws {
        try withFiles(["warn.ttx": Self.withWarning]) { folder in
            guard let output = try run(["check", "warn.ttx"], in: folder, environment: ["NO_COLOR": "1"]) else {
                return
            }
            let expected = """
                warn.ttx:8:12: warning: choice '等待' has no effect: choosing it changes nothing, and no condition tests chose(等待) [W0506]
                8 |     choice 等待 "原地等待"
                  |            ^~~~
                0 errors, 1 warning

                """
            #expect(output.stderr == expected)
            #expect(output.status == 0)
            guard let strict = try run(["check", "--strict", "warn.ttx"], in: folder, environment: ["NO_COLOR": "1"])
            else { return }
            #expect(strict.status == 1)
            #expect(strict.stderr.hasPrefix("warn.ttx:8:12: error: choice '等待' has no effect"))
            #expect(strict.stderr.hasSuffix("1 error, 0 warnings\n"))
        }
    }

    @Test("a clean file: exit 0 and a short confirmation")
    func clean() throws {
        // The range play reaches (sharing 0..1): cleanExercise's 0..10 is warned about (W0511, below).
        let clean = cleanExercise.replacingOccurrences(of: "range 0..10", with: "range 0..1")
        try withFiles(["clean.ttx": clean]) { folder in
            guard let output = try run(["check", "clean.ttx"], in: folder) else { return }
            #expect(output.status == 0)
            #expect(output.stderr == "ok: no problems found\n")
        }
    }

    @Test("a declared range play cannot reach is warned about after exploring (W0511); --strict fails on it")
    func unreachableRange() throws {
        try withFiles(["range.ttx": cleanExercise]) { folder in
            guard let output = try run(["check", "--lang", "en", "range.ttx"], in: folder) else { return }
            #expect(output.status == 0)
            #expect(
                output.stderr.hasPrefix(
                    "range.ttx:8:9: warning: measure 'sharing' declares range 0..10, but play reaches only 0..1: every role is normalised against 0..10, so even the best play scores at most 10;"
                ), "\(output.stderr)")
            #expect(output.stderr.hasSuffix("0 errors, 1 warning\n"))
            guard let strict = try run(["check", "--strict", "--lang", "zh", "range.ttx"], in: folder) else { return }
            #expect(strict.status == 1)
            #expect(strict.stderr.contains("计分维度「sharing」声明了范围 0..10，但任何打法都只能达到 0..1"))
        }
    }

    @Test("--format json prints the diagnostics on standard output")
    func json() throws {
        try withFiles(["errors.ttx": Self.withErrors]) { folder in
            guard let output = try run(["check", "--format", "json", "errors.ttx"], in: folder) else { return }
            #expect(output.status == 1)
            let parsed = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]]
            #expect(parsed?.count == 2)
            #expect(parsed?.first?["code"] as? String == "E0201")
            #expect(parsed?.first?["line"] as? Int == 8)
            #expect(parsed?.first?["column"] as? Int == 36)
            #expect(parsed?.first?["length"] as? Int == 2)
            #expect(parsed?.first?["severity"] as? String == "error")
            #expect(parsed?.first?["id"] as? String == "compiler.unknownElementGuess")
            #expect(parsed?.first?["message"] as? String == "unknown role '交通' (did you mean '交通局'?)")
            let range = parsed?.first?["range"] as? [String: [String: Int]]
            #expect(range?["start"] == ["line": 8, "column": 36])
            #expect(range?["end"] == ["line": 8, "column": 38])
            // The fix-it: what it does, and the edit that does it.
            let fixIts = parsed?.first?["fixIts"] as? [[String: Any]]
            #expect(fixIts?.count == 1)
            #expect(fixIts?.first?["message"] as? String == "replace '交通' with '交通局'")
            let edits = fixIts?.first?["edits"] as? [[String: Any]]
            #expect(edits?.count == 1)
            #expect(edits?.first?["file"] as? String == "errors.ttx")
            #expect(edits?.first?["replacement"] as? String == "交通局")
            let editRange = edits?.first?["range"] as? [String: [String: Int]]
            #expect(editRange?["start"] == ["line": 8, "column": 36])
            #expect(editRange?["end"] == ["line": 8, "column": 38])
            // The second diagnostic has no fix-it.
            #expect((parsed?.last?["fixIts"] as? [Any])?.isEmpty == true)
            #expect(output.stderr == "")

            // Applying the edit to the file gives a file without that error.
            var lines = Self.withErrors.components(separatedBy: "\n")
            var line = Array(lines[7])
            line.replaceSubrange(35..<37, with: "交通局")
            lines[7] = String(line)
            try Data(lines.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("fixed.ttx"))
            guard let fixed = try run(["check", "--format", "json", "fixed.ttx"], in: folder) else { return }
            let after = try JSONSerialization.jsonObject(with: Data(fixed.stdout.utf8)) as? [[String: Any]]
            #expect(after?.map { $0["column"] as? Int } == [41])
        }
    }

    @Test("--format json with --lang zh: the messages in Chinese, the codes and severities unchanged")
    func jsonChinese() throws {
        try withFiles(["errors.ttx": Self.withErrors]) { folder in
            guard let output = try run(["check", "--format", "json", "--lang", "zh", "errors.ttx"], in: folder) else {
                return
            }
            let parsed = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]]
            #expect(parsed?.first?["severity"] as? String == "error")
            #expect(parsed?.first?["code"] as? String == "E0201")
            #expect(parsed?.first?["message"] as? String == "未知角色「交通」（是不是想写「交通局」？）")
            let fixIts = parsed?.first?["fixIts"] as? [[String: Any]]
            #expect(fixIts?.first?["message"] as? String == "将「交通」改为「交通局」")
        }
    }

    /// The exercise with errors, declaring that its texts are Chinese.
    static let chineseWithErrors = withErrors.replacingOccurrences(
        of: "exercise 演示 \"检查输出\"\n", with: "exercise 演示 \"检查输出\"\n  language zh-Hans\n")

    @Test("LANG=C.UTF-8 and an exercise whose language is zh-Hans: the diagnostics are in Chinese")
    func chineseUnderCLocale() throws {
        try withFiles(["演练.ttx": Self.chineseWithErrors]) { folder in
            for locale in ["C.UTF-8", "C", "POSIX"] {
                guard
                    let output = try run(
                        ["check", "演练.ttx"], in: folder, environment: ["NO_COLOR": "1", "LANG": locale])
                else { return }
                let expected = """
                    演练.ttx:9:36: 错误：未知角色「交通」（是不是想写「交通局」？） [E0201]
                    9 |     choice stay "留下，等待交通" if knows(交通, 资料)
                      |                                           ^~~~
                      |                                           交通局
                    演练.ttx:9:40: 错误：未知信息「资料」 [E0201]
                    9 |     choice stay "留下，等待交通" if knows(交通, 资料)
                      |                                                 ^~~~
                    2 个错误，0 个警告

                    """
                #expect(output.stderr == expected, "LANG=\(locale)")
                #expect(output.status == 1)
            }
            // No locale at all reads the same way.
            guard let unset = try run(["check", "演练.ttx"], in: folder, environment: ["NO_COLOR": "1", "LANG": ""])
            else { return }
            #expect(unset.stderr.hasPrefix("演练.ttx:9:36: 错误："))
        }
    }

    @Test("--lang and a reader's own locale win over the exercise's language")
    func languageChoice() throws {
        try withFiles(["zh.ttx": Self.chineseWithErrors, "plain.ttx": Self.withErrors]) { folder in
            let english = "zh.ttx:9:36: error: unknown role '交通' (did you mean '交通局'?) [E0201]\n"
            guard let flag = try run(["check", "--lang", "en", "zh.ttx"], in: folder) else { return }
            #expect(flag.stderr.hasPrefix(english))
            #expect(flag.stderr.hasSuffix("2 errors, 0 warnings\n"))
            guard let locale = try run(["check", "zh.ttx"], in: folder, environment: ["LANG": "en_GB.UTF-8"]) else {
                return
            }
            #expect(locale.stderr.hasPrefix(english))
            // LC_ALL outranks LANG, as in every POSIX tool.
            guard
                let lcAll = try run(
                    ["check", "plain.ttx"], in: folder, environment: ["LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"])
            else { return }
            #expect(lcAll.stderr.hasPrefix("plain.ttx:8:36: 错误：未知角色「交通」"))
            guard let zh = try run(["check", "--lang", "zh", "plain.ttx"], in: folder) else { return }
            #expect(zh.stderr.hasSuffix("2 个错误，0 个警告\n"))
            // An exercise header without a language line means zh-Hans, for check under the C locale as for play.
            guard let plain = try run(["check", "plain.ttx"], in: folder, environment: ["LANG": "C.UTF-8"]) else {
                return
            }
            #expect(plain.stderr.hasPrefix("plain.ttx:8:36: 错误：未知角色「交通」"))
            #expect(plain.stderr.hasSuffix("2 个错误，0 个警告\n"))
            guard let bad = try run(["check", "--lang", "fr", "plain.ttx"], in: folder) else { return }
            #expect(bad.status != 0)
            #expect(bad.stderr.contains("--lang"))
        }
    }

    @Test(
        "check finds the included files from any way of naming the main file: one-letter, ./, absolute, spaces, Chinese"
    )
    func pathsOfTheMainFile() throws {
        let main = cleanExercise.replacingOccurrences(of: "role b \"乙\"\n", with: "include \"roles.ttx\"\n")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sandtable-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for sub in ["t", "有 空格", "演练"] {
            let dir = folder.appendingPathComponent(sub)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(main.utf8).write(to: dir.appendingPathComponent("main.ttx"))
            try Data("role b \"乙\"\n  knows 资料\n".utf8).write(to: dir.appendingPathComponent("roles.ttx"))
        }
        let cases = [
            ("t/main.ttx", "t/roles.ttx"), ("./t/main.ttx", "./t/roles.ttx"), ("t//main.ttx", "t/roles.ttx"),
            ("有 空格/main.ttx", "有 空格/roles.ttx"), ("演练/main.ttx", "演练/roles.ttx"),
            (folder.appendingPathComponent("t/main.ttx").path, folder.appendingPathComponent("t/roles.ttx").path),
        ]
        for (path, shown) in cases {
            guard let output = try run(["check", path], in: folder, environment: ["NO_COLOR": "1"]) else { return }
            #expect(output.status == 1, "\(path)")
            #expect(
                output.stderr.hasPrefix("\(shown):2:9: error: unknown information item '资料' [E0201]\n"),
                "\(path): \(output.stderr)")
            #expect(output.stderr.contains("main.ttx:6:9: note: included from here"), "\(path)")
        }
        // From inside the one-letter folder, with the main file named bare and as ./main.ttx.
        let inside = folder.appendingPathComponent("t")
        for path in ["main.ttx", "./main.ttx"] {
            guard let output = try run(["check", path], in: inside, environment: ["NO_COLOR": "1"]) else { return }
            #expect(output.stderr.hasPrefix(path == "main.ttx" ? "roles.ttx:2:9:" : "./roles.ttx:2:9:"), "\(path)")
        }
    }

    @Test("colour: never through a pipe or with NO_COLOR; always when asked")
    func colour() throws {
        try withFiles(["errors.ttx": Self.withErrors]) { folder in
            let escape = "\u{1B}["
            guard let piped = try run(["check", "errors.ttx"], in: folder) else { return }
            #expect(!piped.stderr.contains(escape))
            guard let always = try run(["check", "--color", "always", "errors.ttx"], in: folder) else { return }
            #expect(always.stderr.contains(escape))
            guard let never = try run(["check", "--color", "never", "errors.ttx"], in: folder) else { return }
            #expect(!never.stderr.contains(escape))
            guard let noColor = try run(["check", "errors.ttx"], in: folder, environment: ["NO_COLOR": "1"]) else {
                return
            }
            #expect(!noColor.stderr.contains(escape))
        }
    }

    @Test("an error in an included file names the include line; a missing file and a folder are reported")
    func includesAndMissingFiles() throws {
        let main = cleanExercise.replacingOccurrences(of: "role b \"乙\"\n", with: "include \"roles.ttx\"\n")
        try withFiles(["main.ttx": main, "roles.ttx": "role b \"乙\"\n  knows 资料\n"]) { folder in
            guard
                let output = try run(
                    ["check", "main.ttx", "nowhere.ttx", "."], in: folder, environment: ["NO_COLOR": "1"])
            else { return }
            let expected = """
                roles.ttx:2:9: error: unknown information item '资料' [E0201]
                2 |   knows 资料
                  |         ^~~~
                main.ttx:6:9: note: included from here
                nowhere.ttx:1:1: error: cannot read 'nowhere.ttx': there is no such file [E0009]
                .:1:1: error: cannot read '.': it is a folder, not a file [E0009]
                3 errors, 0 warnings

                """
            #expect(output.stderr == expected)
            #expect(output.status == 1)
        }
    }

    @Test("the starter written by sandtable new checks clean and is never overwritten")
    func newStarter() throws {
        try withFiles([:]) { folder in
            guard let created = try run(["new", "演练"], in: folder) else { return }
            #expect(created.status == 0)
            guard
                let checked = try run(["check", "--strict", "演练.ttx"], in: folder, environment: ["LANG": "C.UTF-8"])
            else { return }
            #expect(checked.status == 0)
            // The Chinese starter declares `language zh-Hans`, so under the C locale the confirmation is Chinese.
            #expect(checked.stderr == "没有发现问题\n")
            guard let again = try run(["new", "演练"], in: folder, environment: ["LANG": "C.UTF-8"]) else { return }
            #expect(again.status == 1)
            // Under the C locale, new speaks the starter's language (Chinese unless --lang en).
            #expect(again.stderr == "错误：演练.ttx 已存在；sandtable new 从不覆盖已有文件\n")
            guard let english = try run(["new", "drill", "--lang", "en", "-o", "."], in: folder) else { return }
            #expect(english.status == 0)
            let text = try String(contentsOf: folder.appendingPathComponent("drill.ttx"), encoding: .utf8)
            #expect(text.contains("language en"))
        }
    }
}
