/// The first pass: every declared id gets an index, so that later references may point forward.
extension Compiler {
    static let declarationKeywords = [
        "exercise", "include", "role", "info", "party", "measure", "state", "objective", "ending", "inject",
        "action", "request", "duty", "scene",
    ]

    mutating func collect() {
        for declaration in declarations {
            let node = declaration.node
            var cursor = TokenCursor(node, from: 1)
            let keyword = declaration.keyword
            if keyword == "exercise" {
                if !declaration.includedFrom.isEmpty {
                    report(.headerInIncludedFile, node.lineSpan)
                    continue
                }
                if let previous = headerNode {
                    report(.twoHeaders, node.lineSpan, notes: [Diagnostic.Note(.firstHeader, at: previous.lineSpan)])
                    continue
                }
                headerNode = node
                continue
            }
            guard Self.declarationKeywords.contains(keyword) else {
                let span = node.span(node.tokens[0])
                let guess = closestMatch(to: keyword, in: Self.declarationKeywords)
                report(.unknownDeclaration(keyword, guess: guess), span, fixIts: didYouMean(span, keyword, guess))
                continue
            }
            guard let (id, idSpan) = cursor.identifier() else {
                report(.expectedID(after: keyword), cursor.here)
                continue
            }
            let written = cursor.text()?.0
            let title = written ?? id
            let location = idSpan.start
            let kind: ElementKind
            let index: Int
            switch keyword {
            case "role":
                kind = .role
                index = scenario.roles.count
                scenario.roles.append(Role(id: id, name: title, location: location))
            case "info":
                kind = .item
                index = scenario.items.count
                scenario.items.append(InfoItem(id: id, title: title, location: location))
            case "party":
                kind = .party
                index = scenario.parties.count
                scenario.parties.append(Party(id: id, name: title, location: location))
            case "measure":
                kind = .measure
                index = scenario.measures.count
                scenario.measures.append(
                    Measure(id: id, name: title, range: 0...100, rangeDeclared: false, location: location))
            case "state":
                kind = .variable
                index = scenario.variables.count
                scenario.variables.append(Variable(id: id, initial: .number(0), location: location))
            case "objective":
                kind = .objective
                index = scenario.objectives.count
                scenario.objectives.append(Objective(id: id, title: title, location: location))
            case "ending":
                kind = .ending
                index = scenario.endings.count
                scenario.endings.append(Ending(id: id, title: title, location: location))
            case "inject":
                kind = .inject
                index = scenario.injects.count
                scenario.injects.append(Inject(id: id, title: title, location: location))
                collectExpectations(in: node, inject: index)
            case "action":
                kind = .action
                index = scenario.actions.count
                scenario.actions.append(Action(id: id, title: title, effects: 0, location: location))
            case "duty":
                kind = .duty
                index = scenario.duties.count
                scenario.duties.append(Duty(id: id, title: title, within: 0, location: location))
            case "request":
                kind = .request
                index = scenario.requests.count
                scenario.requests.append(Request(id: id, title: title, from: 0, to: 0, within: 0, location: location))
            default:
                kind = .scene
                index = scenario.scenes.count
                scenario.scenes.append(Scene(id: id, title: title, entry: 0, location: location))
                collectSceneElements(in: node.children, scene: index)
            }
            if declare(kind, id, idSpan, index: index, title: written, node: node) {
                nodeIndex[ObjectIdentifier(node)] = index
            }
        }
    }

    private mutating func collectExpectations(in node: OutlineNode, inject: Int) {
        for child in node.children where child.tokens.first?.isWord("expect") == true {
            var cursor = TokenCursor(child, from: 1)
            guard let (id, span) = cursor.identifier() else { continue }
            let written = cursor.text()?.0
            let title = written ?? id
            let index = scenario.expectations.count
            scenario.expectations.append(
                Expectation(
                    id: id, title: title, inject: inject, within: 0, response: .condition(.constant(.bool(false))),
                    location: span.start))
            if declare(.expectation, id, span, index: index, title: written, node: child) {
                nodeIndex[ObjectIdentifier(child)] = index
            }
        }
    }

    /// Choices, options, decisions and discussions anywhere in a scene.
    private mutating func collectSceneElements(in nodes: [OutlineNode], scene: Int) {
        for node in nodes {
            defer { collectSceneElements(in: node.children, scene: scene) }
            guard let keyword = node.tokens.first?.identifier else { continue }
            var cursor = TokenCursor(node, from: 1)
            switch keyword {
            case "choice", "decide", "discuss":
                guard let (id, span) = cursor.identifier() else { continue }
                let written = cursor.text()?.0
                let text = written ?? id
                let location = span.start
                let kind: ElementKind
                let index: Int
                switch keyword {
                case "choice":
                    kind = .choice
                    index = scenario.choices.count
                    scenario.choices.append(
                        Choice(id: id, label: text, ask: nil, effects: 0, hasEffects: false, location: location))
                case "decide":
                    kind = .decision
                    index = scenario.decisions.count
                    scenario.decisions.append(
                        Decision(
                            id: id, question: text, scene: scene, roles: [], rule: .majority, weights: [],
                            location: location))
                default:
                    kind = .discussion
                    index = scenario.discussions.count
                    scenario.discussions.append(
                        Discussion(id: id, question: text, scene: scene, roles: [], location: location))
                }
                if declare(kind, id, span, index: index, title: written, node: node) {
                    nodeIndex[ObjectIdentifier(node)] = index
                }
                if keyword == "decide" { collectOptions(of: node, decision: id, at: index) }
            default:
                continue
            }
        }
    }

    /// Options are named within their decision: `decided(metro, keep)`.
    private mutating func collectOptions(of node: OutlineNode, decision: String, at decisionIndex: Int) {
        for child in node.children where child.tokens.first?.isWord("option") == true {
            var cursor = TokenCursor(child, from: 1)
            guard let (id, span) = cursor.identifier() else { continue }
            let written = cursor.text()?.0
            let label = written ?? id
            let index = scenario.options.count
            scenario.options.append(
                DecisionOption(
                    id: id, label: label, decision: DecisionIndex(decisionIndex), effects: 0, hasEffects: false,
                    location: span.start))
            if declare(.option, decision + "." + id, span, index: index, title: written, node: child) {
                nodeIndex[ObjectIdentifier(child)] = index
            }
        }
    }
}
