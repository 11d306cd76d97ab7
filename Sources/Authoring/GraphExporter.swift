import ScenarioLanguage

/// A graph output format.
public enum GraphFormat: String, Sendable, CaseIterable {
    /// Graphviz DOT.
    case dot
    /// Mermaid flowchart.
    case mermaid
}

/// The flow of an exercise as a graph: scenes, endings, injects (and actions or requests whose effects jump) as
/// nodes; the choices and options that lead from one scene to another as labelled edges; the expected path
/// highlighted.
///
/// A choice leads wherever its effect block jumps (`goto`, `end`); when the block can finish without jumping, the
/// scene goes on after the question, and the choice also leads wherever the rest of the scene jumps (through later
/// questions, whose own choices get their own edges). Parallel edges between the same two nodes are drawn as one
/// edge listing every choice id on it, expected ones marked `★`. Jumps from a scene's body before any question are
/// unlabelled edges. Injects are separate nodes with dashed edges where their effects jump, and dotted edges from
/// the scenes that `trigger` them. A scene that can reach its end without a jump (a runtime error) gets an edge to
/// a red "falls off" node. The expected path (every edge carrying an expected choice or option, and unlabelled
/// edges, followed from the start scene) is drawn bold and coloured.
public struct GraphExporter: Sendable {
    /// A node of the graph.
    public struct Node: Sendable, Hashable {
        /// What a node stands for.
        public enum Kind: String, Sendable, Hashable {
            /// A scene.
            case scene
            /// An ending.
            case ending
            /// An inject.
            case inject
            /// An action whose effects jump.
            case action
            /// A cooperation request whose answer jumps.
            case request
            /// Off the end of a scene: a runtime error.
            case fallOff
            /// A party outside the exercise that an effect shares an item with.
            case party
        }
        /// An identifier safe in both formats, e.g. `s0`.
        public var key: String
        /// The kind.
        public var kind: Kind
        /// The element's id.
        public var id: String
        /// Its title.
        public var title: String
        /// Whether it is the start scene.
        public var isStart: Bool
        /// Whether it lies on the expected path.
        public var isExpected: Bool
    }

    /// An edge of the graph.
    public struct Edge: Sendable, Hashable {
        /// How an edge is drawn.
        public enum Style: String, Sendable, Hashable {
            /// A choice, an option or a jump in a scene: solid.
            case flow
            /// Where an inject's (action's, request's) effects jump: dashed.
            case jump
            /// A scene triggers an inject: dotted.
            case trigger
            /// A scene, a choice or an inject shares an item with a party outside the exercise: dashed, red.
            case leak
        }
        /// The source node's key.
        public var from: String
        /// The target node's key.
        public var to: String
        /// The choice and option ids on it, expected ones first marked `★`; empty for unlabelled edges.
        public var labels: [String]
        /// How it is drawn.
        public var style: Style
        /// Whether it is on the expected path.
        public var isExpected: Bool
    }

    /// The nodes, scenes first in file order, then endings, injects, actions, requests, parties.
    public private(set) var nodes: [Node] = []
    /// The edges, in order of their source node.
    public private(set) var edges: [Edge] = []
    private let title: String
    private let exerciseID: String

    /// Builds the graph of an exercise.
    public init(scenario: Scenario) {
        title = scenario.header.title
        exerciseID = scenario.header.id
        var builder = Builder(scenario: scenario)
        builder.build()
        nodes = builder.nodes
        edges = builder.edges
    }

    /// The graph as text in a format.
    public func render(_ format: GraphFormat) -> String {
        switch format {
        case .dot: render(in: DOTSyntax())
        case .mermaid: render(in: MermaidSyntax())
        }
    }

    /// The one walk both formats share: the opening lines, a line per node, a line per edge, the closing lines.
    private func render(in syntax: some GraphSyntax) -> String {
        var out = syntax.opening(title: title, exerciseID: exerciseID)
        for node in nodes {
            let label = node.kind == .fallOff ? node.title : "\(node.id)\n\(node.title)"
            out.append("  " + syntax.node(node, label: label))
        }
        for edge in edges {
            let label = edge.labels.isEmpty ? nil : edge.labels.joined(separator: "\n")
            out.append("  " + syntax.edge(edge, label: label))
        }
        out += syntax.closing(nodes: nodes, edges: edges)
        return out.joined(separator: "\n") + "\n"
    }

    /// A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n`.
    static func dotQuote(_ text: String) -> String {
        quoted(text) { character in
            switch character {
            case "\\": "\\\\"
            case "\"": "\\\""
            case "\n": "\\n"
            case "\r": ""
            default: nil
            }
        }
    }

    /// A Mermaid quoted label: characters that Mermaid reads as markup become entity codes (`#quot;` …), line
    /// breaks become `<br/>`. CJK and other text passes unchanged.
    static func mermaidQuote(_ text: String) -> String {
        quoted(text) { character in
            switch character {
            case "\"": "#quot;"
            case "#": "#35;"
            case "<": "#lt;"
            case ">": "#gt;"
            case "&": "#amp;"
            case "|": "#124;"
            case "`": "#96;"
            case "\n": "<br/>"
            case "\r": ""
            default: nil
            }
        }
    }

    /// The title in the YAML front matter, as a double-quoted YAML string.
    static func mermaidTitle(_ text: String) -> String {
        quoted(text) { character in
            switch character {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n", "\r": " "
            default: nil
            }
        }
    }

    /// `text` in double quotes, each character replaced by what `escape` gives for it (kept when nil).
    private static func quoted(_ text: String, escape: (Character) -> String?) -> String {
        var out = "\""
        for character in text {
            if let replacement = escape(character) {
                out += replacement
            } else {
                out.append(character)
            }
        }
        return out + "\""
    }
}

/// How one output format writes the graph; ``GraphExporter`` walks the nodes and edges and asks it for the lines.
private protocol GraphSyntax {
    /// The lines before the nodes.
    func opening(title: String, exerciseID: String) -> [String]
    /// The line of a node; `label` is its id and title on two lines (the title alone for the falls-off node).
    func node(_ node: GraphExporter.Node, label: String) -> String
    /// The line of an edge; `label` is its labels on separate lines, nil when it has none.
    func edge(_ edge: GraphExporter.Edge, label: String?) -> String
    /// The lines after the edges.
    func closing(nodes: [GraphExporter.Node], edges: [GraphExporter.Edge]) -> [String]
}

/// Graphviz DOT: attributes on each node and edge.
private struct DOTSyntax: GraphSyntax {
    func opening(title: String, exerciseID: String) -> [String] {
        [
            "digraph \(GraphExporter.dotQuote(exerciseID)) {",
            "  graph [rankdir=TB, fontname=\"sans-serif\", labelloc=t, label=\(GraphExporter.dotQuote(title))];",
            "  node [fontname=\"sans-serif\", fontsize=11];",
            "  edge [fontname=\"sans-serif\", fontsize=9];",
        ]
    }

    func node(_ node: GraphExporter.Node, label: String) -> String {
        var attributes: [String] = []
        switch node.kind {
        case .scene: attributes.append("shape=box, style=\"rounded\(node.isExpected ? ",bold" : "")\"")
        case .ending: attributes.append("shape=doubleoctagon\(node.isExpected ? ", style=bold" : "")")
        case .inject: attributes.append("shape=note, style=dashed")
        case .action, .request: attributes.append("shape=component, style=dashed")
        case .fallOff: attributes.append("shape=octagon, color=\"#d62728\", fontcolor=\"#d62728\"")
        case .party: attributes.append("shape=house, color=\"#d62728\"")
        }
        if node.isExpected { attributes.append("color=\"#1f77b4\", penwidth=2") }
        if node.isStart { attributes.append("peripheries=2") }
        attributes.append("label=\(GraphExporter.dotQuote(label))")
        return "\(node.key) [\(attributes.joined(separator: ", "))];"
    }

    func edge(_ edge: GraphExporter.Edge, label: String?) -> String {
        var attributes: [String] = []
        if let label { attributes.append("label=\(GraphExporter.dotQuote(label))") }
        switch edge.style {
        case .flow: break
        case .jump: attributes.append("style=dashed")
        case .trigger: attributes.append("style=dotted, arrowhead=open")
        case .leak: attributes.append("style=dashed, color=\"#d62728\", fontcolor=\"#d62728\"")
        }
        if edge.isExpected { attributes.append("color=\"#1f77b4\", fontcolor=\"#1f77b4\", penwidth=2.5") }
        let list = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
        return "\(edge.from) -> \(edge.to)\(list);"
    }

    func closing(nodes: [GraphExporter.Node], edges: [GraphExporter.Edge]) -> [String] { ["}"] }
}

/// A Mermaid flowchart: a shape per node kind, an arrow per edge style, and the highlighting in classes at the end.
private struct MermaidSyntax: GraphSyntax {
    func opening(title: String, exerciseID: String) -> [String] {
        ["---", "title: \(GraphExporter.mermaidTitle(title))", "---", "flowchart TD"]
    }

    func node(_ node: GraphExporter.Node, label: String) -> String {
        let label = GraphExporter.mermaidQuote(label)
        switch node.kind {
        case .scene: return "\(node.key)[\(label)]"
        case .ending: return "\(node.key)([\(label)])"
        case .inject: return "\(node.key){{\(label)}}"
        case .action, .request: return "\(node.key)[/\(label)/]"
        case .fallOff: return "\(node.key)[[\(label)]]"
        case .party: return "\(node.key)[\\\(label)/]"
        }
    }

    func edge(_ edge: GraphExporter.Edge, label: String?) -> String {
        let arrow: String
        switch edge.style {
        case .flow: arrow = edge.isExpected ? "==>" : "-->"
        case .jump, .trigger, .leak: arrow = "-.->"
        }
        let text = label.map { "|\(GraphExporter.mermaidQuote($0))|" } ?? ""
        return "\(edge.from) \(arrow)\(text) \(edge.to)"
    }

    func closing(nodes: [GraphExporter.Node], edges: [GraphExporter.Edge]) -> [String] {
        var out = [
            "  classDef expected stroke:#1f77b4,stroke-width:3px",
            "  classDef start stroke-width:4px",
            "  classDef fallOff stroke:#d62728,color:#d62728",
        ]
        let expected = nodes.filter(\.isExpected).map(\.key)
        if !expected.isEmpty { out.append("  class \(expected.joined(separator: ",")) expected") }
        if let start = nodes.first(where: \.isStart) { out.append("  class \(start.key) start") }
        let falls = nodes.filter { $0.kind == .fallOff }.map(\.key)
        if !falls.isEmpty { out.append("  class \(falls.joined(separator: ",")) fallOff") }
        // Mermaid styles links by their position in the file: the edges' indices.
        let expectedLinks = edges.indices.filter { edges[$0].isExpected }
        if !expectedLinks.isEmpty {
            out.append(
                "  linkStyle \(expectedLinks.map(String.init).joined(separator: ",")) stroke:#1f77b4,stroke-width:3px")
        }
        return out
    }
}

/// Walks the compiled program to find where each choice leads.
private struct Builder {
    let scenario: Scenario
    var nodes: [GraphExporter.Node] = []
    var edges: [GraphExporter.Edge] = []

    /// A place the flow can go: a scene or an ending, or off the end of a scene.
    enum Target: Hashable {
        case scene(Int)
        case ending(Int)
        case fallOff
    }

    /// Where a piece of code leads.
    struct Exits {
        var targets: Set<Target> = []
        /// Whether it can finish (reach `done`) without jumping.
        var fallsThrough = false
        var triggers: Set<Int> = []
        /// Parties outside the exercise that it shares items with.
        var leaks: Set<Int> = []
    }

    /// Raw edges before merging: (from, to, label, expected, style).
    private var raw: [Raw] = []

    /// An edge before merging; `question` names the ask (`a3`) or decision (`d1`) of a choice or option label.
    private struct Raw {
        var from: String
        var to: String
        var label: String?
        var expected: Bool
        var style: GraphExporter.Edge.Style
        var question: String? = nil
    }
    private var fallOffUsed = false

    init(scenario: Scenario) { self.scenario = scenario }

    mutating func build() {
        for (s, _) in scenario.scenes.enumerated() { sceneEdges(s) }
        for (i, inject) in scenario.injects.enumerated() {
            guard let block = inject.effects else { continue }
            let exits = blockExits(block)
            for t in sorted(exits.targets) {
                raw.append(Raw(from: key("i", i), to: key(t), label: nil, expected: false, style: .jump))
            }
            for p in exits.leaks.sorted() {
                raw.append(Raw(from: key("i", i), to: key("p", p), label: nil, expected: false, style: .leak))
            }
        }
        var jumpingActions: [Int] = []
        for (a, action) in scenario.actions.enumerated() {
            let exits = blockExits(action.effects)
            if !exits.targets.isEmpty { jumpingActions.append(a) }
            for t in sorted(exits.targets) {
                raw.append(Raw(from: key("a", a), to: key(t), label: nil, expected: false, style: .jump))
            }
        }
        var jumpingRequests: [Int] = []
        for (q, request) in scenario.requests.enumerated() {
            var targets: Set<Target> = []
            for block in [request.onAccept, request.onRefuse].compactMap({ $0 }) {
                targets.formUnion(blockExits(block).targets)
            }
            if !targets.isEmpty { jumpingRequests.append(q) }
            for t in sorted(targets) {
                raw.append(Raw(from: key("q", q), to: key(t), label: nil, expected: false, style: .jump))
            }
        }
        let expected = expectedNodes()
        let start = scenario.header.startScene
        for (s, scene) in scenario.scenes.enumerated() {
            nodes.append(
                .init(
                    key: key("s", s), kind: .scene, id: scene.id, title: scene.title, isStart: s == start,
                    isExpected: expected.contains(key("s", s))))
        }
        for (e, ending) in scenario.endings.enumerated() {
            nodes.append(
                .init(
                    key: key("e", e), kind: .ending, id: ending.id, title: ending.title, isStart: false,
                    isExpected: expected.contains(key("e", e))))
        }
        for (i, inject) in scenario.injects.enumerated() {
            nodes.append(
                .init(
                    key: key("i", i), kind: .inject, id: inject.id, title: inject.title, isStart: false,
                    isExpected: false))
        }
        for a in jumpingActions {
            nodes.append(
                .init(
                    key: key("a", a), kind: .action, id: scenario.actions[a].id,
                    title: scenario.actions[a].title, isStart: false, isExpected: false))
        }
        for q in jumpingRequests {
            nodes.append(
                .init(
                    key: key("q", q), kind: .request, id: scenario.requests[q].id,
                    title: scenario.requests[q].title, isStart: false, isExpected: false))
        }
        let parties = Set(raw.filter { $0.style == .leak }.map(\.to))
        for (p, party) in scenario.parties.enumerated() where parties.contains(key("p", p)) {
            nodes.append(
                .init(
                    key: key("p", p), kind: .party, id: party.id, title: party.name, isStart: false, isExpected: false))
        }
        if fallOffUsed {
            nodes.append(
                .init(
                    key: "x_fall", kind: .fallOff, id: "", title: "falls off the end of the scene (runtime error)",
                    isStart: false, isExpected: false))
        }
        mergeEdges(expected: expected)
    }

    private func key(_ prefix: String, _ i: Int) -> String { "\(prefix)\(i)" }

    private func key(_ t: Target) -> String {
        switch t {
        case .scene(let s): key("s", s)
        case .ending(let e): key("e", e)
        case .fallOff: "x_fall"
        }
    }

    private func sorted(_ targets: Set<Target>) -> [Target] {
        targets.sorted { rank($0) < rank($1) }
    }

    private func rank(_ t: Target) -> Int {
        switch t {
        case .scene(let s): s
        case .ending(let e): 1_000_000 + e
        case .fallOff: 2_000_000
        }
    }

    /// Adds the edges leaving a scene.
    private mutating func sceneEdges(_ s: Int) {
        var memo: [Int: Set<Target>] = [:]
        let from = key("s", s)
        // Jumps before any question: unlabelled edges.
        var direct = Exits()
        walk(scenario.scenes[s].entry, stopAtQuestions: true, into: &direct)
        for t in sorted(direct.targets) { add(from, t, nil, expected: false, question: nil) }
        for p in direct.leaks.sorted() {
            raw.append(Raw(from: from, to: key("p", p), label: nil, expected: false, style: .leak))
        }
        // Every question reachable in the body: each choice or option leads where its block jumps, and where the
        // rest of the scene goes when the block does not jump. `trigger` statements in the body link to the inject.
        var seen: Set<Int> = []
        var pending = [scenario.scenes[s].entry]
        while let pc = pending.popLast() {
            guard pc >= 0, pc < scenario.code.count, seen.insert(pc).inserted else { continue }
            if let question = question(at: pc) {
                for answer in question.answers {
                    branch(
                        from, block: answer.effects, after: pc + 1, label: answer.id, expected: answer.isExpected,
                        question: question.key, memo: &memo)
                }
                pending.append(pc + 1)
                continue
            }
            switch scenario.code[pc] {
            case .jump(let t): pending.append(t)
            case .jumpUnless(_, let t), .chance(_, let t): pending.append(contentsOf: [pc + 1, t])
            case .goto, .end, .fallOff, .done: break
            case .trigger(let i):
                raw.append(Raw(from: from, to: key("i", i), label: nil, expected: false, style: .trigger))
                pending.append(pc + 1)
            default: pending.append(pc + 1)
            }
        }
    }

    private mutating func branch(
        _ from: String, block: Int, after: Int, label: String, expected: Bool,
        question: String, memo: inout [Int: Set<Target>]
    ) {
        let exits = blockExits(block)
        var targets = exits.targets
        if exits.fallsThrough { targets.formUnion(reach(after, memo: &memo)) }
        for t in sorted(targets) { add(from, t, label, expected: expected, question: question) }
        for i in exits.triggers.sorted() {
            raw.append(Raw(from: from, to: key("i", i), label: nil, expected: false, style: .trigger))
        }
        for p in exits.leaks.sorted() {
            raw.append(
                Raw(from: from, to: key("p", p), label: label, expected: false, style: .leak, question: question))
        }
    }

    private mutating func add(_ from: String, _ t: Target, _ label: String?, expected: Bool, question: String?) {
        if t == .fallOff { fallOffUsed = true }
        raw.append(Raw(from: from, to: key(t), label: label, expected: expected, style: .flow, question: question))
    }

    /// Where the scene body leads from `pc`, through later questions (every choice of each).
    private func reach(_ pc: Int, memo: inout [Int: Set<Target>]) -> Set<Target> {
        if let known = memo[pc] { return known }
        memo[pc] = []  // cut cycles (the compiler emits none in scene bodies)
        var exits = Exits()
        walk(pc, stopAtQuestions: false, into: &exits)
        memo[pc] = exits.targets
        return exits.targets
    }

    /// Follows the scene body from `pc`, collecting where it jumps.
    private func walk(_ start: Int, stopAtQuestions: Bool, into exits: inout Exits) {
        var seen: Set<Int> = []
        var pending = [start]
        while let pc = pending.popLast() {
            guard pc >= 0, pc < scenario.code.count, seen.insert(pc).inserted else { continue }
            if let question = question(at: pc) {
                if stopAtQuestions { continue }
                for answer in question.answers {
                    let block = blockExits(answer.effects)
                    exits.targets.formUnion(block.targets)
                    if block.fallsThrough { pending.append(pc + 1) }
                }
                continue
            }
            switch scenario.code[pc] {
            case .goto(let s): exits.targets.insert(.scene(s))
            case .end(let e): exits.targets.insert(.ending(e))
            case .fallOff: exits.targets.insert(.fallOff)
            case .done: exits.fallsThrough = true
            case .jump(let t): pending.append(t)
            case .jumpUnless(_, let t), .chance(_, let t): pending.append(contentsOf: [pc + 1, t])
            case .trigger(let i):
                exits.triggers.insert(i)
                pending.append(pc + 1)
            case .share(_, _, let parties):
                exits.leaks.formUnion(parties)
                pending.append(pc + 1)
            default: pending.append(pc + 1)
            }
        }
    }

    /// A choice of an ask or an option of a decision: what the walks need of either.
    private struct Answer {
        var id: String
        var effects: Int
        var isExpected: Bool
    }

    /// The question put at `pc`, keyed `a3` (an ask) or `d1` (a decision), with its answers in order; nil when the
    /// instruction puts no question.
    private func question(at pc: Int) -> (key: String, answers: [Answer])? {
        switch scenario.code[pc] {
        case .ask(let a):
            let choices = scenario.asks[a].choices.map { scenario.choices[$0] }
            return ("a\(a)", choices.map { Answer(id: $0.id, effects: $0.effects, isExpected: $0.isExpected) })
        case .decide(let d):
            let options = scenario.decisions[d].options.map { scenario.options[$0] }
            return ("d\(d)", options.map { Answer(id: $0.id, effects: $0.effects, isExpected: $0.isExpected) })
        default:
            return nil
        }
    }

    /// Where an effect block jumps, and whether it can finish without jumping.
    private func blockExits(_ entry: Int) -> Exits {
        var exits = Exits()
        walk(entry, stopAtQuestions: true, into: &exits)
        exits.targets.remove(.fallOff)
        return exits
    }

    /// Nodes on the expected path: from the start scene along edges that carry an expected choice or option, and
    /// unlabelled edges.
    private func expectedNodes() -> Set<String> {
        var result: Set<String> = [key("s", scenario.header.startScene)]
        var pending = [key("s", scenario.header.startScene)]
        while let node = pending.popLast() {
            for edge in raw where edge.from == node && edge.style == .flow && (edge.expected || edge.label == nil) {
                if result.insert(edge.to).inserted { pending.append(edge.to) }
            }
        }
        return result
    }

    /// Merges parallel edges of the same style into one. Its label lists, per question, the choices (or options)
    /// that lead along it, expected ones first and marked `★`; when every choice of a question leads along it (the
    /// question does not decide this branch), that question's part is shortened to its expected choices and `any`.
    private mutating func mergeEdges(expected: Set<String>) {
        var order: [String] = []
        var merged: [String: (edge: GraphExporter.Edge, questions: [String], labels: [String: [(String, Bool)]])] = [:]
        for edge in raw {
            let id = "\(edge.from)>\(edge.to)>\(edge.style.rawValue)"
            if merged[id] == nil {
                order.append(id)
                let blank = GraphExporter.Edge(
                    from: edge.from, to: edge.to, labels: [], style: edge.style,
                    isExpected: false)
                merged[id] = (blank, [], [:])
            }
            if let label = edge.label, let question = edge.question {
                if merged[id]?.labels[question] == nil { merged[id]?.questions.append(question) }
                if merged[id]?.labels[question]?.contains(where: { $0.0 == label }) != true {
                    merged[id]?.labels[question, default: []].append((label, edge.expected))
                }
            }
            if edge.style == .flow, edge.expected || edge.label == nil, expected.contains(edge.from) {
                merged[id]?.edge.isExpected = true
            }
        }
        edges = order.compactMap { merged[$0] }.map { entry in
            var edge = entry.edge
            for question in entry.questions {
                let labels = entry.labels[question] ?? []
                let stars = labels.filter(\.1).map { "★ " + $0.0 }
                let others = labels.filter { !$0.1 }.map(\.0)
                if labels.count == questionSize(question) && labels.count > 1 {
                    edge.labels.append((stars + ["any"]).joined(separator: " / "))
                } else {
                    edge.labels += stars + others
                }
            }
            return edge
        }
    }

    /// How many choices (or options) a question has, from its key.
    private func questionSize(_ question: String) -> Int {
        guard let index = Int(question.dropFirst()) else { return 0 }
        return question.first == "a" ? scenario.asks[index].choices.count : scenario.decisions[index].options.count
    }
}
