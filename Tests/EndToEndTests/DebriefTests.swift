import Foundation
import Testing

/// `sandtable debrief` and `sandtable replay` run as a reviewer would: on transcripts of sessions played through a
/// pipe, compared with golden files (wall times, dates and file names normalised), and the HTML opened in headless
/// Chromium.
@Suite(.serialized) struct DebriefTests {
    /// Plays flood-response through a pipe with a script and returns the transcript's path.
    static func play(seed: Int, roles: String, input: String, language: String = "en", into folder: URL) throws -> URL {
        let result = try Harness.run(
            [
                "play", "exercises/flood-response.ttx", "--seed", String(seed), "--roles", roles, "--lang", language,
                "--out", folder.path,
            ], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }
        let name = try #require(files.first, "no transcript written")
        return folder.appendingPathComponent(name)
    }

    /// The scripted session of the golden reports (transport and emergency management played, seed 7).
    static func goldenSession() throws -> URL {
        let input = try String(
            contentsOf: Harness.root.appendingPathComponent("Tests/EndToEndTests/Golden/debrief-flood.input"),
            encoding: .utf8)
        return try play(seed: 7, roles: "ema,transport", input: input, into: Harness.scratch())
    }

    /// Answers for a session where only emergency management is played: numbers picked from the seed (a number is
    /// also a valid discussion answer and peer rating, so the script never gets stuck).
    static func numbers(seed: Int) -> String {
        (0..<80).map { String((seed * 7 + $0 * (seed + 2)) % 3 + 1) }.joined(separator: "\n") + "\n"
    }

    /// Replaces what changes from run to run: wall times, dates, transcript names, wall-clock durations, the
    /// exercise's fingerprint.
    static func normalise(_ text: String) -> String {
        var s = text
        let rules: [(String, String)] = [
            (#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z"#, "<wall>"),
            (#"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})? UTC"#, "<date>"),
            (#"\d{8}-\d{6}-flood_response(-\d+)?\.jsonl"#, "<transcript>.jsonl"),
            (#"\b\d+m \d{2}s\b"#, "<dur>"),
            (#"\b\d+s\b"#, "<dur>"),
            (#"\d+ 分 \d{2} 秒"#, "<dur>"),
            (#"\d+ 秒"#, "<dur>"),
            (#""(wall_ms|deliberation_ms|response_wall_ms)" : \d+"#, "\"$1\" : 0"),
            (#"[0-9a-f]{64}"#, "<sha256>"),
        ]
        for (pattern, replacement) in rules {
            s = s.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return s
    }

    @Test func goldenMarkdownAndJSON() throws {
        let transcript = try Self.goldenSession()
        for language in ["en", "zh"] {
            let md = try Harness.run(["debrief", transcript.path, "--lang", language])
            #expect(md.status == 0, "\(md.stderr)")
            #expect(!md.stdout.contains("⟦"), "a catalogue key is missing")
            try Harness.assertGolden(Self.normalise(md.stdout), "debrief-session.\(language).md")
        }
        let json = try Harness.run([
            "debrief", transcript.path, "--format", "json", "--lang", "en", "--due", "2026-06-30",
        ])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["format"] as? String == "sandtable-debrief")
        #expect(object?["kind"] as? String == "session")
        try Harness.assertGolden(Self.normalise(json.stdout), "debrief-session.json")
    }

    /// A session where only emergency management is played: its debrief blames no automated role. Findings caused
    /// only by automated roles are the scenario's, apart from the plan; where a played and an automated role share
    /// a finding, the automated one's miss is said to be the scenario's; the plan names only the played role.
    @Test(arguments: [7, 11])
    func aOneRoleSessionBlamesNoAutomatedRole(seed: Int) throws {
        let input = try String(
            contentsOf: Harness.root.appendingPathComponent("Tests/EndToEndTests/Golden/flood-trainee.input"),
            encoding: .utf8)
        let transcript = try Self.play(seed: seed, roles: "ema", input: input, language: "zh", into: Harness.scratch())
        let json = try Harness.run(["debrief", transcript.path, "--format", "json", "--lang", "zh"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let plan = try #require(object["improvement_plan"] as? [[String: Any]])
        for row in plan {
            #expect((row["responsible_roles"] as? [String] ?? []).allSatisfy { $0 == "ema" }, "\(row)")
            #expect(!(row["responsible"] as? String ?? "").contains("自动扮演"), "\(row)")
        }
        let points = try #require(object["scenario_points"] as? [[String: Any]])
        #expect(!points.isEmpty)
        for point in points {
            let roles = point["roles"] as? [[String: Any]] ?? []
            #expect(!roles.isEmpty && roles.allSatisfy { $0["played"] as? Bool == false }, "\(point)")
        }
        for finding in object["improvements"] as? [[String: Any]] ?? [] {
            let text = finding["text"] as? String ?? ""
            for failing in ["（自动扮演） 未完成", "（自动扮演） 延迟完成"] {
                for part in text.components(separatedBy: failing).dropFirst() {
                    #expect(part.hasPrefix("，属情景设定"), "\(text)")
                }
            }
        }
        let markdown = try Harness.run(["debrief", transcript.path, "--lang", "zh"])
        let planSection = try #require(markdown.stdout.components(separatedBy: "## 改进计划").last)
        #expect(!planSection.contains("自动扮演）"))
        #expect(markdown.stdout.contains("## 自动扮演部门的表现"))
    }

    @Test func writesToAFile() throws {
        let transcript = try Self.goldenSession()
        let out = Harness.scratch().appendingPathComponent("report.md")
        let result = try Harness.run(["debrief", transcript.path, "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("# After-action report: "))
    }

    @Test func cohortOfFiveSeeds() throws {
        let folder = Harness.scratch()
        var files: [String] = []
        for seed in 1...5 {
            let sub = folder.appendingPathComponent("s\(seed)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            files.append(try Self.play(seed: seed, roles: "ema", input: Self.numbers(seed: seed), into: sub).path)
        }
        let json = try Harness.run(["debrief"] + files + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "cohort")
        #expect(object["included"] as? Int == 5)
        let objectives = try #require(object["objectives"] as? [[String: Any]])
        #expect(objectives.count == 5)
        for o in objectives {
            let counts = try #require(o["counts"] as? [String: Int])
            #expect(counts.values.reduce(0, +) == 5, "ratings of \(o["id"] ?? "?") do not add up to the sessions")
        }
        let scores = try #require(object["scores"] as? [String: Any])
        let team = try #require(scores["team_total"] as? [String: Any])
        #expect((team["histogram"] as? [Int])?.reduce(0, +) == 5)
        let lowest = try #require(team["min"] as? Double)
        let median = try #require(team["median"] as? Double)
        let highest = try #require(team["max"] as? Double)
        #expect(lowest <= median && median <= highest)
        let asks = try #require(object["asks"] as? [[String: Any]])
        #expect(!asks.isEmpty)
        let first = try #require(asks.first)
        let choices = try #require(first["choices"] as? [[String: Any]])
        #expect(choices.map { $0["total"] as? Int ?? 0 }.reduce(0, +) == first["sessions"] as? Int)
        let failures = try #require(object["failure_points"] as? [String: Any])
        #expect(!((failures["objectives"] as? [Any]) ?? []).isEmpty)

        let md = try Harness.run(["debrief"] + files + ["--lang", "en"])
        #expect(md.status == 0, "\(md.stderr)")
        try Harness.assertGolden(Self.normalise(md.stdout), "debrief-cohort.md")
    }

    @Test func differentExercisesAreRefused() throws {
        let flood = try Self.goldenSession()
        let out = Harness.scratch()
        let tutorial = try Harness.run(
            ["play", "exercises/tutorial.en.ttx", "--seed", "1", "--lang", "en", "--out", out.path], input: "1\n")
        #expect(tutorial.status == 0)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: out.path).first)
        let result = try Harness.run(["debrief", flood.path, out.appendingPathComponent(name).path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("different exercises"))
        #expect(result.stderr.contains("flood_response"))
        #expect(result.stderr.contains("underpass_flood"))
    }

    @Test func tamperedTranscriptsStopAReportAndAreSkippedInACohort() throws {
        let good = try Self.goldenSession()
        let folder = Harness.scratch()
        let bad = folder.appendingPathComponent("tampered.jsonl")
        var text = try String(contentsOf: good, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"delta\":10,", with: "\"delta\":90,")
        try text.write(to: bad, atomically: true, encoding: .utf8)
        let single = try Harness.run(["debrief", bad.path, "--exercise", "exercises/flood-response.ttx"])
        #expect(single.status == 1)
        #expect(single.stderr.contains("checksum"))
        let cohort = try Harness.run(["debrief", good.path, bad.path, "--format", "json"])
        #expect(cohort.status == 0, "\(cohort.stderr)")
        #expect(cohort.stderr.contains("skipped"))
        let object = try JSONSerialization.jsonObject(with: Data(cohort.stdout.utf8)) as? [String: Any]
        #expect((object?["skipped"] as? [Any])?.count == 1)
        #expect(object?["included"] as? Int == 1)

        // A torn end is left out and reported.
        let torn = folder.appendingPathComponent("torn.jsonl")
        var bytes = try Data(contentsOf: good)
        bytes.append(contentsOf: Array("{\"type\":\"input\",\"seq\":".utf8))
        try bytes.write(to: torn)
        let report = try Harness.run(["debrief", torn.path, "--exercise", "exercises/flood-response.ttx"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("The transcript's end was incomplete"))
    }

    @Test func replayThroughAPipe() throws {
        let transcript = try Self.goldenSession()
        let commands =
            "n\n\nj 07:00\np\ng 3\nj +9h\nn\nn\nj 25:00\ng 0\n"
            + "nd\nni\nnr transport\npr ema\nj -30m\npd\nnr nobody\nfrobnicate\nq\nn\n"
        let result = try Harness.run(["replay", transcript.path, "--lang", "en"], input: commands)
        #expect(result.status == 0, "\(result.stderr)")
        try Harness.assertGolden(Self.normalise(result.stdout), "debrief-replay.out")
    }

    // MARK: HTML in a browser

    /// Runs headless Chromium with arguments; returns standard output and standard error.
    static func chromium(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let profile = Harness.scratch().appendingPathComponent("profile").path
        let result = try Harness.spawn(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--no-first-run", "--user-data-dir=\(profile)", "--enable-logging=stderr", "--v=0",
            ] + arguments)
        return (result.status, result.stdout, result.stderr)
    }

    static var chromiumInstalled: Bool {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Errors a page could log: script errors, blocked or failed loads.
    static func pageErrors(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter {
            $0.contains("Uncaught") || $0.contains("CONSOLE") && $0.contains("rror") || $0.contains("Refused to")
                || $0.contains("net::ERR_") || $0.contains("Failed to load resource")
        }
    }

    @Test func htmlOpensInHeadlessChromium() throws {
        guard Self.chromiumInstalled else {
            Issue.record("chromium is not installed (scripts/setup.sh --test installs it)")
            return
        }
        let transcript = try Self.goldenSession()
        let artifacts = Harness.root.appendingPathComponent("test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        var pages: [(name: String, url: URL)] = []
        for language in ["zh", "en"] {
            let html = artifacts.appendingPathComponent("debrief-session.\(language).html")
            let result = try Harness.run([
                "debrief", transcript.path, "--format", "html", "--lang", language, "-o", html.path,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            pages.append(("debrief-session.\(language)", html))
        }
        let folder = Harness.scratch()
        var files: [String] = []
        for seed in 1...3 {
            let sub = folder.appendingPathComponent("s\(seed)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            files.append(try Self.play(seed: seed, roles: "ema", input: Self.numbers(seed: seed), into: sub).path)
        }
        let cohort = artifacts.appendingPathComponent("debrief-cohort.html")
        let result = try Harness.run(["debrief"] + files + [transcript.path, "--format", "html", "-o", cohort.path])
        #expect(result.status == 0, "\(result.stderr)")
        pages.append(("debrief-cohort", cohort))

        for page in pages {
            let html = try String(contentsOf: page.url, encoding: .utf8)
            // Self-contained: nothing is fetched, nothing runs.
            #expect(!html.contains("<script"))
            #expect(!html.contains("http://") && !html.contains("https://"))
            #expect(!html.contains("<link"))
            #expect(html.contains("<svg"))
            #expect(html.contains("@media print"))
            for (width, height) in [(1200, 2400), (390, 2400)] {
                let png = artifacts.appendingPathComponent("\(page.name)-\(width).png")
                try? FileManager.default.removeItem(at: png)
                let shot = try Self.chromium([
                    "--screenshot=\(png.path)", "--window-size=\(width),\(height)", page.url.absoluteString,
                ])
                #expect(Self.pageErrors(shot.stderr).isEmpty, "\(Self.pageErrors(shot.stderr))")
                let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
                #expect(size > 20_000, "the screenshot \(png.lastPathComponent) is missing or blank (\(size) bytes)")
            }
            let dom = try Self.chromium(["--dump-dom", page.url.absoluteString])
            #expect(dom.stdout.contains("</html>"))
            #expect(dom.stdout.contains("<svg"))
            #expect(Self.pageErrors(dom.stderr).isEmpty, "\(Self.pageErrors(dom.stderr))")
        }
    }
}
