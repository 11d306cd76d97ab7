import ExerciseEngine
import Foundation
import Localization
import ScenarioLanguage
import Testing
import Transcripts
import TranscriptsTestSupport

@testable import Debrief

/// The debrief: its catalogue, the report built by replay (deliberation times, decisions, warnings), escaping in
/// every format, cohort statistics and the replay's jumps.
@Suite struct DebriefTests {
    // MARK: Catalogue

    @Test func catalogueIsSound() {
        #expect(Catalog.debrief.problems == [])
        #expect(DebriefCatalog.en.count > 300)
    }

    @Test func textFillsPlaceholdersByPosition() {
        let t = Strings(.debrief, language: .en)
        #expect(t("tl.chose", "A", "B") == "A chose: B")
        #expect(t("no.such.key") == "⟦no.such.key⟧")
        #expect(Strings(.debrief, language: .zh)("tl.shared", "甲", "预报", "乙") == "甲向乙共享“预报”")
    }

    @Test func argumentsCarryTimesAndDurationsInNoLanguage() throws {
        let x = ReportText(.zh, scenario: try compile(miniExercise))
        #expect(x.expand(ReportBuilder.time(45)) == "+1d 00:15")
        #expect(x.expand(ReportBuilder.duration(90)) == "1 小时 30 分")
        #expect(ReportText(.en, scenario: try compile(miniExercise)).expand(ReportBuilder.duration(90)) == "1h 30m")
        #expect(x.expand("\u{1}duration:x") == "\u{1}duration:x")
        #expect(x.expand("plain") == "plain")
    }

    // MARK: Reports of scripted sessions

    /// Writes a scripted session of an exercise and returns its path.
    func scripted(_ scenario: Scenario, seed: UInt64, played: Set<Int>? = nil) throws -> String {
        let writer = try makeWriter(scenario, seed: seed, played: played)
        try playScripted(scenario: scenario, seed: seed, played: played, writer: writer)
        writer.detach()
        return writer.path
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func everyFormatAndLanguageRendersWithoutMissingWords(seed: UInt64) throws {
        let flood = try bundled("flood-response.ttx")
        let mini = try compile(miniExercise)
        for (scenario, played) in [(flood, Set([3, 1])), (mini, Set([0, 1])), (flood, Set<Int>())] {
            let path = try scripted(scenario, seed: seed, played: played)
            let report = try Debrief.session(path: path, scenario: scenario).get()
            for language in UILanguage.allCases {
                for format in DebriefFormat.allCases {
                    let text = Debrief.render(report, format: format, options: DebriefOptions(language: language))
                    #expect(
                        !text.contains("⟦"),
                        "\(format) \(language): \(text.components(separatedBy: "⟦").dropFirst().first?.prefix(40) ?? "")"
                    )
                    if format == .json { #expect((try? JSONValue.parse(Array(text.utf8)).get()) != nil) }
                }
            }
            let cohort = Debrief.cohort([report, report])
            for format in DebriefFormat.allCases {
                let text = Debrief.render(cohort, format: format, options: DebriefOptions(language: .zh))
                #expect(!text.contains("⟦"))
            }
        }
    }

    /// The mini exercise played by hand with chosen wall times.
    func miniWithWalls() throws -> (scenario: Scenario, path: String) {
        let scenario = try compile(miniExercise)
        let writer = try makeWriter(scenario, seed: 5)
        var session = Session(scenario: scenario, seed: 5, played: [0, 1])
        let t0 = fixedStart
        func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }
        try writer.append(input: nil, events: session.start(), wall: at(0))
        let a = try #require(scenario.role("a"))
        let b = try #require(scenario.role("b"))
        let push = try #require(scenario.choice("push"))
        let go = try #require(scenario.options.firstIndex { $0.id == "go" })
        let stop = try #require(scenario.options.firstIndex { $0.id == "stop" })
        let inputs: [(Input, Double)] = [
            (.note(role: a, text: "<script>alert(\"x\")</script> & *bold* | pipe"), 3),
            (.choose(role: a, choice: push), 12),
            (.position(role: a, option: go), 20),
            (.position(role: b, option: stop), 35),
            (.leadCall(role: b, option: go), 50),
        ]
        for (input, seconds) in inputs {
            let events = try session.apply(input)
            try writer.append(input: input, events: events, wall: at(seconds))
        }
        writer.detach()
        return (scenario, writer.path)
    }

    @Test func deliberationIsTheWallTimeFromTheQuestionToTheAnswer() throws {
        let (scenario, path) = try miniWithWalls()
        let report = try Debrief.session(path: path, scenario: scenario).get()
        #expect(!report.isComplete)
        #expect(report.warnings.contains(.unfinished))
        let ask = try #require(report.decisions.first { if case .ask = $0.kind { true } else { false } })
        #expect(ask.moves.map(\.deliberation) == [12_000])
        let joint = try #require(report.decisions.first { if case .joint = $0.kind { true } else { false } })
        #expect(joint.rounds.count == 1)
        // The decision opened when the ask was answered (at 12 s).
        #expect(joint.rounds[0].positions.map(\.deliberation) == [8_000, 23_000])
        #expect(joint.rounds[0].failed == ["unanimous"])
        let resolution = try #require(joint.resolution)
        #expect(resolution.by == .lead)
        #expect(resolution.deliberation == 15_000)
        #expect(scenario.options[resolution.option].id == "go")
        // What followed the decision: the option's measure change.
        #expect(joint.consequences.contains { $0.kind == "measure" })
        // The ask's answer shared the item and changed the measure, with the choice as cause.
        #expect(ask.moves[0].consequences.contains { $0.kind == "share" })
        #expect(report.scores.changes.contains { $0.cause.kind == "choice" && $0.cause.id == "push" })
        #expect(report.shares.count == 1)
        // The request sent at the start is pending.
        #expect(report.requests.map(\.outcome) == [.pending])
    }

    @Test func aFacilitatorsOverrideIsShownBesideTheComputedRating() throws {
        let scenario = try compile(miniExercise)
        let writer = try makeWriter(scenario, seed: 2, facilitated: true)
        var session = Session(scenario: scenario, seed: 2, played: [0, 1], facilitated: true)
        try writer.append(input: nil, events: session.start(), wall: fixedStart)
        let objective = try #require(scenario.objective("obj"))
        for (n, input) in [
            Input.facilitator(.rate(objective: objective, rating: .S, reason: "Shared by phone, not on the platform")),
            .facilitator(.end),
        ].enumerated() {
            try writer.append(
                input: input, events: try session.apply(input), wall: fixedStart.addingTimeInterval(Double(n + 1)))
        }
        writer.detach()
        let report = try Debrief.session(path: writer.path, scenario: scenario).get()
        let rated = try #require(report.objectives.first)
        #expect(rated.computed == .U)
        #expect(rated.override?.rating == .S)
        #expect(rated.rating == .S)
        let md = Debrief.render(report, format: .markdown, options: DebriefOptions(language: .en))
        #expect(md.contains("Facilitator's rating: S (the rules gave U); reason: Shared by phone, not on the platform"))
        #expect(md.contains("**S** (computed: U)"))
        let json = try JSONValue.parse(
            Array(Debrief.render(report, format: .json, options: DebriefOptions(language: .zh)).utf8)
        ).get()
        let first = json["objectives"]?.arrayValue?.first
        #expect(first?["computed"]?.stringValue == "U")
        #expect(first?["override"]?["reason"]?.stringValue == "Shared by phone, not on the platform")
    }

    @Test func trainees_textIsEscapedInEveryFormat() throws {
        let (scenario, path) = try miniWithWalls()
        let report = try Debrief.session(path: path, scenario: scenario).get()
        let options = DebriefOptions(language: .en)
        let html = Debrief.render(report, format: .html, options: options)
        #expect(
            html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *bold* | pipe")
                || html.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; *bold* | pipe"))
        #expect(!html.contains("<script"))
        let md = Debrief.render(report, format: .markdown, options: options)
        #expect(md.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; & \\*bold\\* \\| pipe"))
        let json = Debrief.render(report, format: .json, options: options)
        let parsed = try JSONValue.parse(Array(json.utf8)).get()
        #expect(
            parsed["notes"]?.arrayValue?.first?["text"]?.stringValue == "<script>alert(\"x\")</script> & *bold* | pipe")
    }

    @Test func htmlEscapingCoversTextAndAttributes() {
        #expect(HTMLEscape.text("a<b>&c\"'") == "a&lt;b&gt;&amp;c\"'")
        #expect(HTMLEscape.attribute("x\" onload='y'") == "x&quot; onload=&#39;y&#39;")
        #expect(HTMLEscape.text("bell\u{7}nul\u{0}") == "bell\u{FFFD}nul\u{FFFD}")
        var b = HTMLBuilder()
        b.element("p", ["title": "<\">"], text: "</p><script>")
        #expect(b.output == "<p title=\"&lt;&quot;&gt;\">&lt;/p&gt;&lt;script&gt;</p>")
    }

    @Test func markdownEscapingKeepsPlainTextReadable() {
        #expect(MarkdownEscape.inline("tunnels_closed = true") == "tunnels_closed = true")
        #expect(MarkdownEscape.inline("_x_ *y* [z](u) <b>") == "\\_x\\_ \\*y\\* \\[z\\](u) &lt;b&gt;")
        #expect(MarkdownEscape.inline("line\nbreak|pipe") == "line break\\|pipe")
        #expect(MarkdownEscape.code("a`b|c") == "`a'b\\|c`")
    }

    // MARK: Refusals and warnings

    @Test func aChangedLineOrExerciseIsRefused() throws {
        let scenario = try compile(miniExercise)
        let path = try scripted(scenario, seed: 9)
        var bytes = try fileBytes(path)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let third = lines.prefix(3).reduce(0) { $0 + $1.count + 1 }
        bytes[third + 30] ^= 0x01
        let tampered = path + ".tampered.jsonl"
        try writeBytes(bytes, to: tampered)
        guard case .failure(.unreadable) = Debrief.session(path: tampered, scenario: scenario) else {
            Issue.record("a changed byte was not noticed")
            return
        }
        let edited = try compile(miniExercise.replacingOccurrences(of: "range 0..20", with: "range 0..30"))
        guard case .failure(.exerciseChanged) = Debrief.session(path: path, scenario: edited) else {
            Issue.record("an edited exercise was not noticed")
            return
        }
        guard case .failure(.unreadable) = Debrief.session(path: path + ".missing", scenario: scenario) else {
            Issue.record("a missing file was not reported")
            return
        }
    }

    @Test func aTornEndIsLeftOutAndReported() throws {
        let scenario = try compile(miniExercise)
        let path = try scripted(scenario, seed: 3)
        var bytes = try fileBytes(path)
        bytes += Array("{\"type\":\"input\",\"seq\":99,".utf8)
        try writeBytes(bytes, to: path)
        let report = try Debrief.session(path: path, scenario: scenario).get()
        #expect(report.warnings.contains { if case .torn = $0 { true } else { false } })
        let md = Debrief.render(report, format: .markdown, options: DebriefOptions(language: .en))
        #expect(md.contains("The transcript's end was incomplete"))
    }

    // MARK: Cohorts

    @Test func distributionsSummariseAndBin() {
        let d = Distribution(values: [50, 10, 100, 30, .nan])
        #expect(d.count == 4)
        #expect(d.min == 10 && d.max == 100)
        #expect(d.median == 40)
        #expect(d.mean == 47.5)
        #expect(d.histogram == [0, 1, 0, 1, 0, 1, 0, 0, 0, 1])
        #expect(Distribution(values: [3, 1, 2]).median == 2)
        #expect(Distribution(values: []).median == nil)
    }

    @Test func cohortCountsAddUpToTheSessions() throws {
        let flood = try bundled("flood-response.ttx")
        var reports: [SessionReport] = []
        for seed in UInt64(1)...4 {
            reports.append(
                try Debrief.session(path: try scripted(flood, seed: seed, played: [3]), scenario: flood).get())
        }
        let cohort = Debrief.cohort(reports, skipped: [.init(path: "x.jsonl", reason: "damaged")])
        let n = cohort.included.count
        #expect(n == reports.filter(\.isComplete).count)
        for r in cohort.ratings { #expect(r.counts.values.reduce(0, +) == n) }
        #expect(cohort.teamTotal.count == n)
        #expect(cohort.endings.map(\.count).reduce(0, +) == n)
        for f in cohort.asks {
            let total = f.typed.values.reduce(0, +) + f.automated.values.reduce(0, +)
            #expect(total >= f.sessions)
        }
        let json = Debrief.render(cohort, format: .json, options: DebriefOptions(language: .en))
        let parsed = try JSONValue.parse(Array(json.utf8)).get()
        #expect(parsed["skipped"]?.arrayValue?.count == 1)
        #expect(parsed["kind"]?.stringValue == "cohort")
    }

    // MARK: JSON

    /// The members of a JSON object, or nil.
    func members(_ value: Any?) -> Set<String>? { (value as? [String: Any]).map { Set($0.keys) } }

    @Test func jsonDecodesBackIntoItsTypesAndKeepsEveryMember() throws {
        let flood = try bundled("flood-response.ttx")
        let mini = try compile(miniExercise)
        var reports: [SessionReport] = []
        for (scenario, played) in [(mini, Set([0, 1])), (flood, Set([3, 1]))] {
            let report = try Debrief.session(path: try scripted(scenario, seed: 5, played: played), scenario: scenario)
                .get()
            if scenario.header.id == flood.header.id { reports.append(report) }
            let options = DebriefOptions(language: .zh, due: "2026-06-30")
            let text = Debrief.render(report, format: .json, options: options)
            let decoded = try JSONDecoder().decode(JSONReport.Session.self, from: Data(text.utf8))
            #expect(decoded == JSONReport(options: options).session(report))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(
                Set(object.keys) == [
                    "format", "version", "kind", "language", "exercise", "session", "executive_summary", "warnings",
                    "participants",
                    "timeline", "decisions", "objectives", "scores", "expectations", "information", "requests", "peer",
                    "notes", "debrief_notes", "discussions", "errors", "strengths", "improvements",
                    "scenario_points", "improvement_plan",
                ])
            // Absent values are written as null, not left out.
            #expect(members(object["session"])?.isSuperset(of: ["ended", "wall_ms", "ending", "reason"]) == true)
            let decisionMembers: [String: Set<String>] = [
                "ask": ["kind", "id", "question", "scene", "clock", "time", "answers"],
                "action": ["kind", "id", "title", "scene", "role", "clock", "time", "followed"],
                "joint": [
                    "kind", "id", "question", "scene", "clock", "time", "rule", "weights", "fallback", "rounds",
                    "awaited", "resolution", "followed",
                ],
            ]
            for decision in object["decisions"] as? [[String: Any]] ?? [] {
                let expected = decisionMembers[decision["kind"] as? String ?? ""]
                #expect(Set(decision.keys) == expected)
            }
            // Members are sorted, so the bytes do not depend on how the report was built.
            let top = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
            #expect(top == top.sorted())
        }
        let cohort = Debrief.cohort(reports + reports, skipped: [.init(path: "x.jsonl", reason: "damaged")])
        let options = DebriefOptions(language: .en)
        let text = Debrief.render(cohort, format: .json, options: options)
        let decoded = try JSONDecoder().decode(JSONReport.Cohort.self, from: Data(text.utf8))
        #expect(decoded == JSONReport(options: options).cohort(cohort))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "format", "version", "kind", "language", "exercise", "sessions", "skipped", "included", "endings",
                "objectives", "asks", "decisions", "scores", "failure_points",
            ])
        let scores = try #require(object["scores"] as? [String: Any])
        #expect(members(scores["team_total"]) == ["count", "min", "median", "mean", "max", "histogram"])
        #expect(members((scores["roles"] as? [Any])?.first)?.contains("role") == true)
        #expect(members((scores["measures"] as? [Any])?.first)?.isSuperset(of: ["id", "name", "histogram"]) == true)

        let empty = Debrief.render(Debrief.cohort([], skipped: []), format: .json, options: options)
        let emptyObject = try #require(try JSONSerialization.jsonObject(with: Data(empty.utf8)) as? [String: Any])
        #expect(Set(emptyObject.keys) == ["format", "version", "kind", "language", "exercise", "sessions", "skipped"])
        #expect(emptyObject["exercise"] is NSNull)
    }

    // MARK: Times

    @Test func wallTimesReadAndDurationsPrint() {
        #expect(WallTime.milliseconds("1970-01-01T00:00:01.5Z") == 1_500)
        #expect(WallTime.milliseconds("2026-01-01T00:00:00.000Z") == 1_767_225_600_000)
        #expect(WallTime.milliseconds("2026-01-01 00:00:00Z") == nil)
        #expect(WallTime.between("2026-01-01T00:00:10.000Z", "2026-01-01T00:00:00.000Z") == nil)
        #expect(WallTime.between("2026-01-01T00:00:00.250Z", "2026-01-01T00:01:00Z") == 59_750)
        #expect(WallTime.duration(milliseconds: 999, language: .en) == "0s")
        #expect(WallTime.duration(milliseconds: 185_000, language: .en) == "3m 05s")
        #expect(WallTime.duration(milliseconds: 3_720_000, language: .en) == "1h 02m")
        #expect(WallTime.duration(milliseconds: 185_000, language: .zh) == "3 分 05 秒")
        #expect(WallTime.display("2026-01-01T08:15:59.999Z") == "2026-01-01 08:15 UTC")
        #expect(WallTime.displaySeconds("2026-01-01T08:15:59.999Z") == "2026-01-01 08:15:59 UTC")
        #expect(WallTime.display("yesterday") == "yesterday")
        #expect(NumberText.format(72.45) == "72.5" || NumberText.format(72.45) == "72.4")
        #expect(NumberText.format(10) == "10")
        #expect(NumberText.signed(-2.5) == "-2.5")
    }

    @Test func replayJumpsReadTimesOfDayAndTimesFromTheFirstStep() throws {
        let flood = try bundled("flood-response.ttx")
        let script = try ReplayScript.load(
            path: try scripted(flood, seed: 2, played: [3]), scenario: flood, language: .en
        ).get()
        #expect(script.minutes(forJump: "05:30") == 90)
        #expect(script.minutes(forJump: "03:00") == 1380)
        let first = script.steps[0].clock
        #expect(script.minutes(forJump: "+90m") == first + 90)
        #expect(script.minutes(forJump: "+1h30m") == first + 90)
        #expect(script.minutes(forJump: "+2h") == first + 120)
        #expect(script.minutes(forJump: "+45") == first + 45)
        #expect(script.minutes(forJump: "soon") == nil)
        #expect(script.minutes(forJump: "25:00") == nil)
        #expect(script.steps.first?.input == "The session started")
        let index = script.stepIndex(reaching: 120)
        #expect(script.steps[index].clock >= 120)
        if index > 0 { #expect(script.steps[index - 1].clock < 120) }
    }
}
