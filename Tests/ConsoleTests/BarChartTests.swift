import TerminalText
import Testing

@testable import Console

@Suite struct BarChartTests {
    private let chart = BarChart([
        BarChart.Item("信息共享", 72.5),
        BarChart.Item("响应速度", 40),
        BarChart.Item("Accountability", 100),
        BarChart.Item("公共安全", 0),
    ])

    @Test func linesFitTheWidthAndAlign() {
        for width in 12...120 {
            let lines = chart.render(width: width)
            #expect(lines.count == 4)
            #expect(lines.allSatisfy { $0.displayWidth == width }, "@\(width): \(lines)")
        }
    }

    @Test func labelsAlignByDisplayWidth() {
        let lines = chart.render(width: 40)
        // The bars all start in the same column (after the label and one space).
        let starts = lines.prefix(3).map { line in line.prefix { $0 != "█" }.displayWidth }
        #expect(Set(starts).count == 1)
        #expect(lines[0].hasSuffix(" 73"))
        #expect(lines[2].hasSuffix("100"))
        #expect(lines[3].hasSuffix("  0"))
        #expect(lines[2].contains("Accountabi…") || lines[2].hasPrefix("Accountability"))
    }

    @Test func eighthsAndClamping() {
        // Label "ab" (2) + space + bar (10) + space + number (3) = 17 columns.
        let lines = BarChart([
            BarChart.Item("ab", 55), BarChart.Item("cd", -5), BarChart.Item("ef", 150), BarChart.Item("gh", .nan),
        ]).render(width: 17)
        #expect(lines[0] == "ab █████▌      55")
        #expect(lines[1] == "cd              0")
        #expect(lines[2] == "ef ██████████ 100")
        #expect(lines[3] == "gh              0")
    }

    @Test func emptyChart() {
        #expect(BarChart([]).render(width: 40).isEmpty)
    }
}
