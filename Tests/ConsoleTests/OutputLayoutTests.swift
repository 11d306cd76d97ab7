import TerminalText
import Testing

@testable import Console

/// The last layout step of every line the REPL prints (`TextLayout.fit`), and the rules that keep commands,
/// ids and numbers with their units whole.
@Suite struct OutputLayoutTests {
    @Test func aLineThatFitsIsUnchanged() {
        #expect(TextLayout.fit("[07:00] 交通局选择了：改道", width: 40) == ["[07:00] 交通局选择了：改道"])
    }

    @Test func continuationLinesHangUnderTheStamp() {
        let lines = TextLayout.fit("[06:50] 东湖街道办事处选择了：立即上报险情，同时推送学生路线", width: 30)
        #expect(lines == ["[06:50] 东湖街道办事处选择了：", "        立即上报险情，同时推送", "        学生路线"])
        #expect(lines.allSatisfy { $0.displayWidth <= 30 })
    }

    @Test func continuationLinesHangUnderAListNumber() {
        let lines = TextLayout.fit("  1. Report the incident now and push the routes  [share_routes]", width: 30)
        #expect(lines == ["  1. Report the incident now", "     and push the routes", "     [share_routes]"])
    }

    @Test func aLongLeadFallsBackToTheLeadingSpaces() {
        #expect(TextLayout.hangingLead(of: "  ✗ 未知命令") == "  ✗ ")
        let lines = TextLayout.fit("[a-very-long-stamp] " + String(repeating: "字", count: 20), width: 20)
        #expect(lines.allSatisfy { $0.displayWidth <= 20 })
    }

    @Test func aCommandInChineseTextStaysOnOneLine() {
        let lines = TextLayout.wrap("如果几个人共用一台电脑轮流操作，请输入 as jiaotong 切换到交通局", width: 40)
        #expect(lines == ["如果几个人共用一台电脑轮流操作，请输入", "as jiaotong 切换到交通局"])
    }

    @Test func anExpressionInChineseTextMayBreak() {
        let lines = TextLayout.wrap("规则成立：hit(close) and on_time(valve) and decided(plan, gate)", width: 40)
        // Five words are an expression, not a command: it is wrapped like text, the first line filled.
        #expect(lines == ["规则成立：hit(close) and on_time(valve)", "and decided(plan, gate)"])
    }

    @Test func noBreakSpaceKeepsACommandAndPrintsAsASpace() {
        let lines = TextLayout.wrap("waiting for the transport bureau: type as\u{00A0}jiaotong", width: 40)
        #expect(lines == ["waiting for the transport bureau: type", "as jiaotong"])
        #expect(TextLayout.fit("accept\u{00A0}r1", width: 40) == ["accept r1"])
    }

    @Test func aNumberKeepsItsUnit() {
        #expect(TextLayout.wrap("情景时间：06:50  已过 0 分钟  剩余 2 小时", width: 40) == ["情景时间：06:50  已过 0 分钟  剩余", "2 小时"])
        #expect(TextLayout.wrap("一二三四五六七八九十一二三四五六七八小时", width: 38).last == "小时")
    }

    @Test func aPathWiderThanAnyLineIsLeftWhole() {
        let line = "session saved to /tmp/sandtable-e2e-4B17DA2A-B7AC-4D0F/t/20261202-031344-underpass_flood.jsonl"
        #expect(TextLayout.fit(line, width: 40) == [line])
    }

    @Test func colouredLinesAreMeasuredWithoutTheirEscapes() {
        let red = "\u{1B}[31m" + String(repeating: "x", count: 38) + "\u{1B}[0m"
        #expect(TextLayout.fit(red, width: 40) == [red])
    }
}
