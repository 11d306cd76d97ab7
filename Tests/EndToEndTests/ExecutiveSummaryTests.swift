import Foundation
import Testing

/// The executive summary that opens a session's report, as an evaluator reads it: generated from the transcript,
/// the same in Markdown, HTML and JSON, with the facilitator's assessment from `--summary FILE`.
@Suite(.serialized) struct ExecutiveSummaryTests {
    @Test func summaryOpensTheReportInEveryFormat() throws {
        let transcript = try DebriefTests.play(
            seed: 7, roles: "ema", input: DebriefTests.numbers(seed: 7), language: "zh", into: Harness.scratch())
        let notes = Harness.scratch().appendingPathComponent("notes.txt")
        try "# 只给自己看的批注\n应急管理局牵头意识强，\n但隧道封闭指令下达偏晚。\n\nThe tunnel drill comes first.\n".write(
            to: notes, atomically: true, encoding: .utf8)

        let md = try Harness.run(["debrief", transcript.path, "--lang", "zh", "--summary", notes.path])
        #expect(md.status == 0, "\(md.stderr)")
        let summary = try #require(md.stdout.range(of: "## 执行摘要"), "no executive summary:\n\(md.stdout.prefix(600))")
        let overview = try #require(md.stdout.range(of: "## 概况"))
        #expect(summary.upperBound < overview.lowerBound, "the summary comes before the overview")
        let text = String(md.stdout[summary.upperBound..<overview.lowerBound])
        #expect(text.contains("学员扮演：应急管理局；自动扮演：气象局、交通局、卫健委。"), "\(text)")
        #expect(text.contains("情景时间 04:00–"), "\(text)")
        #expect(text.contains("**主要待改进事项**"), "\(text)")
        // The notes file: lines of one block joined (Chinese without a space), `#` lines left out.
        #expect(text.contains("**导调员意见**\n\n应急管理局牵头意识强，但隧道封闭指令下达偏晚。\n\nThe tunnel drill comes first."), "\(text)")
        #expect(!md.stdout.contains("只给自己看的批注"))

        let json = try Harness.run([
            "debrief", transcript.path, "--format", "json", "--lang", "en", "--summary", notes.path,
        ])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let s = try #require(object["executive_summary"] as? [String: Any])
        let plan = try #require(object["improvement_plan"] as? [Any])
        #expect(s["plan_rows"] as? Int == plan.count)
        let paragraphs = try #require(s["paragraphs"] as? [String])
        #expect(paragraphs.count == 2)
        #expect(paragraphs[0].contains("Played by trainees: 应急管理局; automated: 气象局, 交通局, 卫健委."), "\(paragraphs)")
        #expect(paragraphs[1].hasPrefix("Of 5 objectives, "), "\(paragraphs)")
        let improvements = try #require(s["improvements"] as? [String])
        let all = try #require(object["improvements"] as? [[String: Any]])
        #expect(improvements.count == min(3, all.count))
        #expect(improvements == all.prefix(3).compactMap { $0["text"] as? String })
        #expect((s["facilitator"] as? [String])?.count == 2)

        let html = Harness.scratch().appendingPathComponent("report.html")
        let page = try Harness.run(["debrief", transcript.path, "--format", "html", "-o", html.path])
        #expect(page.status == 0, "\(page.stderr)")
        let body = try String(contentsOf: html, encoding: .utf8)
        #expect(body.contains("<section id=\"summary\""))
        #expect(body.contains("<a href=\"#summary\">执行摘要</a>"))
    }

    @Test func anUnreadableNotesFileIsAUsageError() throws {
        let transcript = try DebriefTests.play(
            seed: 7, roles: "ema", input: DebriefTests.numbers(seed: 7), into: Harness.scratch())
        let missing = Harness.scratch().appendingPathComponent("none.txt").path
        let result = try Harness.run(["debrief", transcript.path, "--lang", "en", "--summary", missing])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("cannot read the summary notes file '\(missing)'"), "\(result.stderr)")
    }
}
