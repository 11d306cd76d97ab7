import TerminalText
import Testing

@testable import Console

@Suite struct TableTests {
    private let table = Table(
        columns: [TableColumn("角色"), TableColumn("扮演者"), TableColumn("得分", alignment: .right)],
        rows: [
            ["气象局", "alice", "80"],
            ["Transport", "自动", "7"],
            ["应急管理局（牵头）", "王五", "100"],
        ])

    @Test func minimalStyleAlignsChineseCells() {
        let lines = table.render(maxWidth: 80)
        #expect(
            lines == [
                "角色                扮演者  得分",
                "──────────────────  ──────  ────",
                "气象局              alice     80",
                "Transport           自动       7",
                "应急管理局（牵头）  王五     100",
            ])
    }

    @Test func everyRowHasTheSameDisplayWidthInEveryStyle() {
        for style in TableStyle.allCases {
            var styled = table
            styled.style = style
            // Columns narrow to 4 at the least: 3 × 4 + the frame (10 for boxes, 4 for minimal) = 22.
            for width in [80, 30, 24, 22, 20, 10] {
                let lines = styled.render(maxWidth: width)
                let widths = Set(lines.map(\.displayWidth))
                #expect(widths.count == 1, "\(style) @\(width): \(lines)")
                #expect((widths.first ?? 0) <= max(width, 22), "\(style) @\(width): \(lines)")
            }
        }
    }

    @Test func boxStyle() {
        var boxed = Table(columns: [TableColumn("项目"), TableColumn("n", alignment: .right)], rows: [["预警", "3"]])
        boxed.style = .box
        #expect(
            boxed.render(maxWidth: 80) == [
                "┌──────┬───┐",
                "│ 项目 │ n │",
                "├──────┼───┤",
                "│ 预警 │ 3 │",
                "└──────┴───┘",
            ])
        boxed.style = .ascii
        #expect(boxed.render(maxWidth: 80).first == "+------+---+")
    }

    @Test func widestColumnWrapsToFit() {
        let notes = Table(
            columns: [TableColumn("时间"), TableColumn("事件")],
            rows: [["04:00", "气象局发布暴雨橙色预警，交通局启动隧道巡查，应急管理局召开会商。"]])
        let lines = notes.render(maxWidth: 30)
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { $0.displayWidth == 30 })
        #expect(lines[2].hasPrefix("04:00  "))
        #expect(!lines.contains { $0.contains("  ，") })
    }

    @Test func shortRowsAndEmptyTables() {
        let sparse = Table(columns: [TableColumn("a"), TableColumn("b")], rows: [["only"]])
        #expect(sparse.render(maxWidth: 20) == ["a     b", "────  ─", "only   "])
        #expect(Table(columns: []).render(maxWidth: 20).isEmpty)
        #expect(Table(columns: [TableColumn("标题")]).render(maxWidth: 20) == ["标题", "────"])
    }
}
