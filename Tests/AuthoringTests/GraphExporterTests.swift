import ScenarioLanguage
import Testing

@testable import Authoring

/// Choices that jump, a choice that falls through to the scene's own jump, an inject that jumps, a scene that
/// triggers it, a scene that can fall off its end, and Chinese titles with quotes and markup characters.
let branchingExercise = #"""
    exercise 分支 "分支演练 \"试验\" <一> & #2"
      start 开始

    role 甲 "甲局"
    role 乙 "乙局"

    state 水位 = 0
    ending 圆满 "圆满 | 结束"
    ending 失败 "失败"

    inject 溃堤 "堤坝\"溃口\""
      when 水位 >= 2
      goto 抢险

    scene 开始 "开始：`接警`"
      ask 甲 "怎么办？"
        choice 上报 "立即上报" expected
          goto 会商
        choice 观望 "观望"
          水位 += 1
        choice 放弃 "放弃"
          end 失败
      goto 抢险

    scene 会商 "联合会商"
      decide 方案 "采用哪个方案？" by 甲, 乙 rule unanimous
        option 方案甲 "方案甲" expected
          end 圆满
        option 方案乙 "方案乙"
      trigger 溃堤
      goto 抢险

    scene 抢险 "抢险"
      ask 乙 "是否加固？"
        choice 加固 "加固" expected
          end 圆满
        choice 不加固 "不加固"
    """#

@Suite struct GraphExporterTests {
    @Test func edgesFollowTheChoices() throws {
        let graph = GraphExporter(scenario: try compile(branchingExercise))
        let nodes = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, $0) })
        func key(_ id: String) -> String { nodes[id]?.key ?? "?" }
        func edge(_ from: String, _ to: String) -> GraphExporter.Edge? {
            graph.edges.first { $0.from == key(from) && $0.to == key(to) }
        }
        #expect(edge("开始", "会商")?.labels == ["★ 上报"])
        #expect(edge("开始", "抢险")?.labels == ["观望"])
        #expect(edge("开始", "失败")?.labels == ["放弃"])
        #expect(edge("会商", "圆满")?.labels == ["★ 方案甲"])
        #expect(edge("会商", "抢险")?.labels == ["方案乙"])
        #expect(edge("抢险", "圆满")?.labels == ["★ 加固"])
        #expect(edge("抢险", "x_fall") == nil)
        let fall = try #require(graph.edges.first { $0.to == "x_fall" })
        #expect(fall.from == key("抢险") && fall.labels == ["不加固"])
        // The inject: a dashed edge where it jumps, a dotted one from the scene that triggers it.
        #expect(edge("溃堤", "抢险")?.style == .jump)
        #expect(edge("会商", "溃堤")?.style == .trigger)
        // The expected path: 开始 → 会商 → 圆满 and nothing else.
        #expect(Set(graph.nodes.filter(\.isExpected).map(\.id)) == ["开始", "会商", "圆满"])
        #expect(graph.edges.filter(\.isExpected).count == 2)
        #expect(nodes["开始"]?.isStart == true)
    }

    @Test func dotEscapesQuotesAndKeepsChinese() throws {
        let dot = GraphExporter(scenario: try compile(branchingExercise)).render(.dot)
        #expect(dot.hasPrefix("digraph \"分支\" {\n"))
        #expect(dot.contains(#"label="分支演练 \"试验\" <一> & #2""#))
        #expect(dot.contains(#"label="溃堤\n堤坝\"溃口\"""#))
        #expect(dot.contains(##"label="★ 上报", color="#1f77b4""##))
        #expect(dot.contains("style=dashed"))
        #expect(dot.contains("peripheries=2"))
        #expect(dot.hasSuffix("}\n"))
        // Every quote inside a label is escaped: quotes pair up on every line.
        for line in dot.split(separator: "\n") {
            let unescaped = line.replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(of: "\\\"", with: "")
            #expect(unescaped.filter { $0 == "\"" }.count % 2 == 0, "\(line)")
        }
    }

    @Test func mermaidEscapesMarkup() throws {
        let mermaid = GraphExporter(scenario: try compile(branchingExercise)).render(.mermaid)
        #expect(mermaid.contains("title: \"分支演练 \\\"试验\\\" <一> & #2\""))
        #expect(mermaid.contains("flowchart TD"))
        #expect(mermaid.contains(#"["开始<br/>开始：#96;接警#96;"]"#))
        #expect(mermaid.contains(#"{{"溃堤<br/>堤坝#quot;溃口#quot;"}}"#))
        #expect(mermaid.contains(#"(["圆满<br/>圆满 #124; 结束"])"#))
        #expect(mermaid.contains(#"==>|"★ 上报"|"#))
        #expect(mermaid.contains("-.->"))
        #expect(mermaid.contains("linkStyle "))
        // Outside the title, no raw quote, `<`, `>` or `&` is left inside a label.
        for line in mermaid.split(separator: "\n").dropFirst(3) {
            for label in line.split(separator: "\"").enumerated().filter({ $0.offset % 2 == 1 }).map(\.element) {
                let stripped = label.replacingOccurrences(of: "<br/>", with: "")
                #expect(!stripped.contains("<") && !stripped.contains(">") && !stripped.contains("&"), "\(line)")
            }
        }
    }

    @Test(arguments: bundledExercises())
    func bundledExercisesHaveAConnectedGraph(file: String) throws {
        let scenario = try bundled(file)
        let graph = GraphExporter(scenario: scenario)
        #expect(graph.nodes.filter { $0.kind == .scene }.count == scenario.scenes.count)
        #expect(graph.nodes.filter { $0.kind == .ending }.count == scenario.endings.count)
        #expect(!graph.nodes.contains { $0.kind == .fallOff })
        // Every scene but the start has an incoming flow edge, every ending too.
        let targets = Set(graph.edges.filter { $0.style == .flow }.map(\.to))
        for node in graph.nodes where (node.kind == .scene && !node.isStart) || node.kind == .ending {
            #expect(targets.contains(node.key), "\(file): nothing leads to \(node.id)")
        }
        #expect(graph.nodes.contains { $0.isExpected && $0.kind == .ending })
    }
}
