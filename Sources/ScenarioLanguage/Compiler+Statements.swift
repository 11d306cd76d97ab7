/// Statements: scene bodies and effect blocks, compiled into ``Scenario/code``.
struct EmitContext {
    /// Whether the block has an acting role (a choice, an action, a request answer, a breach).
    var actingRole: Bool
    /// Whether questions (`ask`, `decide`, `discuss`) may appear: only in a scene's body.
    var questions: Bool
    /// The scene, if the block belongs to one.
    var scene: Int?
}

extension Compiler {
    static let statementKeywords = [
        "say", "facilitator", "ask", "decide", "discuss", "checkpoint", "if", "elif", "else", "chance", "goto", "end",
        "set", "share", "clear", "revoke", "award", "advance", "trigger", "send", "debrief",
    ]

    @discardableResult
    mutating func emit(_ instruction: Instruction, at location: SourceLocation) -> Int {
        scenario.code.append(instruction)
        scenario.codeLocations.append(location)
        return scenario.code.count - 1
    }

    /// Compiles an effect block ending in `done`; returns its entry.
    mutating func emitEffectBlock(_ nodes: [OutlineNode], _ context: EmitContext) -> Int {
        let entry = scenario.code.count
        var deferred: [(OutlineNode, DeferredBlock)] = []
        emitStatements(nodes, context, &deferred)
        let location = nodes.last.map { $0.location(column: 1) } ?? SourceLocation(file: "", line: 0, column: 0)
        emit(.done, at: location)
        return entry
    }

    enum DeferredBlock {
        case choice(Int)
        case option(Int)
    }

    mutating func compileScene(_ node: OutlineNode, _ index: Int) {
        let entry = scenario.code.count
        scenario.scenes[index].entry = entry
        var deferred: [(OutlineNode, DeferredBlock)] = []
        let context = EmitContext(actingRole: false, questions: true, scene: index)
        emitStatements(node.children, context, &deferred)
        emit(.fallOff(index), at: node.location(column: 1))
        for (blockNode, target) in deferred {
            let effects = blockNode.children.filter { !$0.tokens.isEmpty || $0.textBlock != nil }
            let start = emitEffectBlock(effects, EmitContext(actingRole: true, questions: false, scene: index))
            switch target {
            case .choice(let i):
                scenario.choices[i].effects = start
                scenario.choices[i].hasEffects = !effects.isEmpty || scenario.choices[i].cost > 0
            case .option(let i):
                scenario.options[i].effects = start
                scenario.options[i].hasEffects = !effects.isEmpty
            }
        }
    }

    mutating func emitStatements(
        _ nodes: [OutlineNode], _ context: EmitContext, _ deferred: inout [(OutlineNode, DeferredBlock)]
    ) {
        var i = 0
        while i < nodes.count {
            let node = nodes[i]
            i += 1
            if let text = node.textBlock {
                emit(.say(text), at: node.location(column: node.indent.count + 1))
                continue
            }
            guard let first = node.tokens.first else { continue }
            let location = node.location(column: first.column)
            var c = TokenCursor(node, from: 1)
            guard let keyword = first.identifier else {
                report(.statementNeedsKeyword, node.span(first))
                continue
            }
            if node.children.contains(where: { _ in true }),
                !["ask", "decide", "if", "elif", "else", "chance", "choice", "option"].contains(keyword)
            {
                report(.statementTakesNoBlock(keyword), node.children[0].lineSpan)
            }
            switch keyword {
            case "say", "facilitator", "debrief":
                guard let (text, _) = c.text() else {
                    report(.expectedText(after: keyword), c.here)
                    continue
                }
                emit(
                    keyword == "say"
                        ? .say(text) : keyword == "facilitator" ? .facilitatorNote(text) : .debriefNote(text),
                    at: location)
                expectEnd(c)
            case "ask", "decide", "discuss":
                guard context.questions else {
                    report(.onlyInSceneBody(keyword), node.span(first))
                    continue
                }
                switch keyword {
                case "ask": compileAsk(node, &c, context, &deferred)
                case "decide": compileDecision(node, &c, context, &deferred)
                default: compileDiscussion(node, &c, context)
                }
            case "checkpoint":
                let objectives = c.identifierList().compactMap { resolve(.objective, $0.0, $0.1) }
                if objectives.isEmpty { report(.expectedObjectives, c.here) }
                emit(.checkpoint(objectives), at: location)
                expectEnd(c)
            case "if":
                // Gather the elif/else siblings.
                var branches: [(OutlineNode, Expr?)] = []
                var cond = condition(&c, checkConstant: true)
                expectEnd(c)
                branches.append((node, cond ?? .constant(.bool(false))))
                while i < nodes.count, let word = nodes[i].tokens.first?.identifier, word == "elif" || word == "else" {
                    var cc = TokenCursor(nodes[i], from: 1)
                    if word == "elif" {
                        cond = condition(&cc, checkConstant: true)
                        branches.append((nodes[i], cond ?? .constant(.bool(false))))
                    } else {
                        branches.append((nodes[i], nil))
                    }
                    expectEnd(cc)
                    i += 1
                    if word == "else" { break }
                }
                var exits: [Int] = []
                for (branchNode, cond) in branches {
                    requireBlock(branchNode)
                    let branchLocation = branchNode.location(column: branchNode.tokens.first?.column ?? 1)
                    var skip: Int?
                    if let cond { skip = emit(.jumpUnless(cond, -1), at: branchLocation) }
                    emitStatements(branchNode.children, context, &deferred)
                    exits.append(emit(.jump(-1), at: branchLocation))
                    if let skip { patch(skip, to: scenario.code.count) }
                }
                for exit in exits { patch(exit, to: scenario.code.count) }
            case "chance":
                guard let (p, span) = c.percent() else {
                    report(.expectedPercentage(example: "30%"), c.here)
                    continue
                }
                if p < 0 || p > 100 { report(.chanceOutOfRange, span) }
                expectEnd(c)
                requireBlock(node)
                let branch = emit(.chance(p / 100, -1), at: location)
                emitStatements(node.children, context, &deferred)
                if i < nodes.count, nodes[i].tokens.first?.isWord("else") == true {
                    let exit = emit(.jump(-1), at: location)
                    patch(branch, to: scenario.code.count)
                    requireBlock(nodes[i])
                    emitStatements(nodes[i].children, context, &deferred)
                    expectEnd(TokenCursor(nodes[i], from: 1))
                    i += 1
                    patch(exit, to: scenario.code.count)
                } else {
                    patch(branch, to: scenario.code.count)
                }
            case "elif", "else":
                report(keyword == "else" ? .elseWithoutIf : .elifWithoutIf, node.span(first))
            case "goto":
                guard let (name, span) = c.identifier() else {
                    report(.expectedScene, c.here)
                    continue
                }
                if let scene = resolve(.scene, name, span) { emit(.goto(scene), at: location) }
                expectEnd(c)
            case "end":
                guard let (name, span) = c.identifier() else {
                    report(.expectedEnding, c.here)
                    continue
                }
                if let ending = resolve(.ending, name, span) { emit(.end(ending), at: location) }
                expectEnd(c)
            case "set":
                guard let (name, span) = c.identifier() else {
                    report(.expectedVariable, c.here)
                    continue
                }
                guard let variable = resolve(.variable, name, span) else { continue }
                guard c.skipSymbol("=") else {
                    report(.expectedEquals(variable: name), c.here)
                    continue
                }
                let type = scenario.variables[variable].initial.type
                if let value = condition(&c, type: type, what: .valueFor(name)) {
                    emit(.set(variable, value), at: location)
                }
                expectEnd(c)
            case "share":
                guard let (name, span) = c.identifier() else {
                    report(.expectedSharedItem, c.here)
                    continue
                }
                let item = resolve(.item, name, span)
                guard c.skipWord("with") else {
                    report(.expectedWith(item: name), c.here)
                    continue
                }
                let target: RoleTarget
                var parties: [Int] = []
                if c.skipWord("all") {
                    target = .all
                } else {
                    // Roles and parties outside the exercise, in one list.
                    let names = c.identifierList()
                    var roles: [Int] = []
                    for (n, s) in names {
                        if let p = lookup(.party, n) {
                            use(.party, p, name: n, at: s)
                            parties.append(p)
                        } else if let r = resolve(.role, n, s) {
                            roles.append(r)
                        }
                    }
                    if names.isEmpty { report(.expectedRoles, c.here) }
                    target = .roles(roles)
                }
                if let item {
                    sharedItems.insert(item)
                    emit(.share(ItemIndex(item), target, parties: parties), at: location)
                }
                expectEnd(c)
            case "clear" where !Self.isChange(c), "revoke" where !Self.isChange(c):
                // `clear ROLE, ROLE for ITEM`; a variable or measure called `clear` is still changed below.
                let roles = c.identifierList()
                if roles.isEmpty { report(.expectedClearanceRoles(keyword), c.here) }
                let resolved = roles.compactMap { resolve(.role, $0.0, $0.1) }
                guard c.skipWord("for") else {
                    if !roles.isEmpty { report(.expectedClearanceItem(keyword), c.here) }
                    continue
                }
                guard let (n, s) = c.identifier() else {
                    report(.expectedClearanceItem(keyword), c.here)
                    continue
                }
                if let item = resolve(.item, n, s), resolved.count == roles.count, !roles.isEmpty {
                    emit(.clearance(ItemIndex(item), roles: resolved, granted: keyword == "clear"), at: location)
                }
                expectEnd(c)
            case "award":
                guard let amount = condition(&c, type: .number, what: .points) else { continue }
                var target = RoleTarget.acting
                if c.skipWord("to") { target = roleTarget(&c) }
                let reason = c.text()?.0 ?? ""
                if target == .acting && !context.actingRole {
                    report(.awardNeedsRole, node.span(first))
                }
                emit(.award(amount, target, reason), at: location)
                expectEnd(c)
            case "advance":
                if let amount = condition(&c, type: .duration, what: ValueType.duration.articleTerm) {
                    emit(.advance(amount), at: location)
                }
                expectEnd(c)
            case "trigger":
                if let (n, s) = c.identifier(), let inject = resolve(.inject, n, s) {
                    triggeredInjects.insert(inject)
                    emit(.trigger(inject), at: location)
                } else if c.isAtEnd {
                    report(.expectedInject, c.here)
                }
                expectEnd(c)
            case "send":
                if let (n, s) = c.identifier(), let request = resolve(.request, n, s) {
                    sentRequests.insert(request)
                    emit(.send(request), at: location)
                } else if c.isAtEnd {
                    report(.expectedRequest, c.here)
                }
                expectEnd(c)
            case "include":
                report(.includeInBlock, node.span(first))
            case "choice", "option":
                report(keyword == "choice" ? .choiceOutsideAsk : .optionOutsideDecision, node.span(first))
            default:
                compileChange(node, keyword, first, &c, context)
            }
        }
    }

    /// Reports a decision or discussion without its question in quotes after the id.
    private mutating func requireQuestion(_ node: OutlineNode, _ usage: String) {
        var q = TokenCursor(node, from: 2)
        if q.text() == nil { report(.expectedQuestion(usage: usage), q.here) }
    }

    /// Reports a conditional line with nothing indented below it.
    mutating func requireBlock(_ node: OutlineNode) {
        guard node.children.isEmpty, let first = node.tokens.first else { return }
        report(
            .expectedBlock(below: first.identifier ?? ""),
            SourceSpan(start: node.location(column: first.column), length: first.length))
    }

    mutating func patch(_ at: Int, to target: Int) {
        switch scenario.code[at] {
        case .jump: scenario.code[at] = .jump(target)
        case .jumpUnless(let cond, _): scenario.code[at] = .jumpUnless(cond, target)
        case .chance(let p, _): scenario.code[at] = .chance(p, target)
        default: break
        }
    }

    /// Whether the cursor stands before `+=`, `-=` or `=`: the line changes a variable or measure named like a
    /// statement (`clear += 1`).
    static func isChange(_ c: TokenCursor) -> Bool { c.peekSymbol("+=") || c.peekSymbol("-=") || c.peekSymbol("=") }

    mutating func roleTarget(_ c: inout TokenCursor) -> RoleTarget {
        if c.skipWord("all") { return .all }
        let roles = c.identifierList().compactMap { resolve(.role, $0.0, $0.1) }
        if roles.isEmpty { report(.expectedRoles, c.here) }
        return .roles(roles)
    }

    /// `NAME += EXPR [for ROLES]`, `NAME -= EXPR`, or an unknown statement.
    private mutating func compileChange(
        _ node: OutlineNode, _ name: String, _ first: Token, _ c: inout TokenCursor, _ context: EmitContext
    ) {
        let location = node.location(column: first.column)
        let span = node.span(first)
        guard let op = c.current, op.isSymbol("+=") || op.isSymbol("-=") || op.isSymbol("=") else {
            if let guess = closestMatch(to: name, in: Self.statementKeywords) {
                report(.unknownStatement(name, guess: guess), span, fixIts: didYouMean(span, name, guess))
            } else if lookup(.variable, name) != nil || lookup(.measure, name) != nil {
                report(.expectedChange(of: name), c.here)
            } else {
                report(.unknownStatement(name, guess: nil), span)
            }
            return
        }
        c.advance()
        if op.isSymbol("=") {
            report(.assignmentWithoutSet(name), span, fixIts: [.insert("set ", at: span.start)])
            return
        }
        let negative = op.isSymbol("-=")
        if let variable = lookup(.variable, name) {
            use(.variable, variable, name: name, at: span)
            let type = scenario.variables[variable].initial.type
            guard type == .number || type == .duration else {
                report(.cannotAddTo(name, holding: type), span)
                return
            }
            if let value = condition(&c, type: type, what: .changeOf(name)) {
                emit(.add(variable, negative ? .negate(value) : value), at: location)
            }
            if c.peekWord("for") {
                report(.forOnVariable, c.here)
            }
            expectEnd(c)
            return
        }
        guard let measure = resolve(.measure, name, span) else { return }
        changedMeasures.insert(measure)
        guard let value = condition(&c, type: .number, what: ValueType.number.articleTerm) else { return }
        var target = RoleTarget.acting
        if c.skipWord("for") { target = roleTarget(&c) }
        if target == .acting && !context.actingRole {
            report(.changeNeedsRole(name, operator: negative ? "-=" : "+="), span)
        }
        if case .constant(.number(let n)) = value {
            var swing = measureSwing[measure] ?? (0, 0)
            let delta = negative ? -n : n
            if delta > 0 { swing.up += delta } else { swing.down += -delta }
            measureSwing[measure] = swing
        }
        emit(.addMeasure(measure, negative ? .negate(value) : value, target), at: location)
        expectEnd(c)
    }

    // MARK: Questions

    private mutating func compileAsk(
        _ node: OutlineNode, _ c: inout TokenCursor, _ context: EmitContext,
        _ deferred: inout [(OutlineNode, DeferredBlock)]
    ) {
        let location = node.location(column: node.tokens[0].column)
        var roles: [Int] = []
        var named = 0
        if c.skipWord("all") {
            roles = Array(scenario.roles.indices)
            named = roles.count
        } else {
            let list = c.identifierList()
            named = list.count
            roles = list.compactMap { resolve(.role, $0.0, $0.1) }
        }
        if roles.isEmpty && named == 0 {
            report(.expectedAskedRoles, c.here)
        }
        askedRoles.formUnion(roles)
        var question = ""
        if let (text, _) = c.text() {
            question = text
        } else {
            report(.expectedAskQuestion, c.here)
        }
        var timeout: Int?
        if c.skipWord("timeout") {
            if let (d, _) = c.duration() {
                timeout = d
            } else {
                report(.expectedDuration(example: "30m"), c.here)
            }
        }
        expectEnd(c)
        let askIndex = scenario.asks.count
        var choices: [Int] = []
        var defaults: [Int] = []
        for child in node.children {
            guard child.tokens.first?.isWord("choice") == true else {
                if child.textBlock != nil || !child.tokens.isEmpty {
                    report(
                        .onlyChoicesUnderAsk,
                        child.textBlock == nil
                            ? child.lineSpan : SourceSpan(start: child.location(column: 1), length: 3))
                }
                continue
            }
            guard let choice = nodeIndex[ObjectIdentifier(child)] else {
                if TokenCursor(child, from: 1).current?.identifier == nil {
                    report(.expectedChoiceID, TokenCursor(child, from: 1).here)
                }
                continue
            }
            choices.append(choice)
            scenario.choices[choice].ask = askIndex
            var cc = TokenCursor(child, from: headEnd(child))
            var seen: [String: SourceSpan] = [:]
            while let word = cc.current?.identifier {
                cc.advance()
                if word == "once" || word == "sticky" {
                    once("once", cc, &seen, in: .choiceRepetition)
                } else if ["default", "expected", "if", "when", "cost"].contains(word) {
                    once(word == "when" ? "if" : word, cc, &seen, in: .kind(.choice))
                }
                switch word {
                case "default":
                    scenario.choices[choice].isDefault = true
                    defaults.append(choice)
                case "expected": scenario.choices[choice].isExpected = true
                case "once": scenario.choices[choice].once = true
                case "sticky": scenario.choices[choice].once = false
                case "if", "when": scenario.choices[choice].condition = condition(&cc, checkConstant: true)
                case "cost":
                    if let (d, _) = cc.duration() {
                        scenario.choices[choice].cost = d
                    } else {
                        report(.expectedCost, cc.here)
                    }
                default:
                    unknownProperty(
                        TokenCursor(child, from: cc.index - 1), in: .kind(.choice),
                        allowed: ["default", "expected", "once", "sticky", "if", "cost"])
                    cc = TokenCursor(child, from: child.tokens.count)
                }
            }
            expectEnd(cc)
            deferred.append((child, .choice(choice)))
        }
        if choices.isEmpty {
            report(.askWithoutChoices, node.lineSpan)
        }
        if defaults.count > 1 {
            let c2 = scenario.choices[defaults[1]]
            report(
                .secondDefaultChoice(alreadyDefault: scenario.choices[defaults[0]].id),
                SourceSpan(start: c2.location, length: c2.id.count))
        }
        let id =
            (context.scene.map { scenario.scenes[$0].id } ?? "") + "/"
            + (choices.first.map { scenario.choices[$0].id } ?? "\(askIndex)")
        scenario.asks.append(
            Ask(
                id: id, scene: context.scene ?? 0, roles: roles, question: question, choices: choices, timeout: timeout,
                location: location))
        emit(.ask(askIndex), at: location)
    }

    private mutating func compileDecision(
        _ node: OutlineNode, _ c: inout TokenCursor, _ context: EmitContext,
        _ deferred: inout [(OutlineNode, DeferredBlock)]
    ) {
        let location = node.location(column: node.tokens[0].column)
        guard let index = nodeIndex[ObjectIdentifier(node)] else {
            if c.current?.identifier == nil {
                report(.expectedDecisionID, c.here)
            }
            return
        }
        requireQuestion(node, "decide ID \"QUESTION\" by ROLES rule RULE")
        c = TokenCursor(node, from: headEnd(node))
        var weightPairs: [(Int, Weight, SourceSpan)] = []
        var vetoes: [(Int, SourceSpan)] = []
        var arbitrationLine: TokenCursor?
        var sawBy = false
        var lines = [c]
        var optionNodes: [OutlineNode] = []
        for child in node.children {
            if child.tokens.first?.isWord("option") == true {
                optionNodes.append(child)
            } else if !child.tokens.isEmpty {
                // `arbitration rule` holds its `when COND -> OPTION` lines in a block.
                if !(child.tokens.first?.isWord("arbitration") == true
                    && child.tokens.dropFirst().first?.isWord("rule") == true)
                {
                    rejectBlock(child)
                }
                lines.append(TokenCursor(child))
            } else if child.textBlock != nil {
                report(
                    .onlyOptionsUnderDecision,
                    SourceSpan(start: child.location(column: child.indent.count + 1), length: 3))
            }
        }
        var seen: [String: SourceSpan] = [:]
        for var line in lines {
            while let word = line.current?.identifier {
                line.advance()
                if ["by", "rule", "weights", "fallback", "quorum", "veto", "arbitration"].contains(word) {
                    once(word, line, &seen, in: .kind(.decision))
                }
                switch word {
                case "by":
                    sawBy = true
                    if line.skipWord("all") {
                        scenario.decisions[index].roles = Array(scenario.roles.indices)
                    } else {
                        let list = line.identifierList()
                        if list.isEmpty { report(.expectedDecidingRoles, line.here) }
                        scenario.decisions[index].roles = list.compactMap { resolve(.role, $0.0, $0.1) }
                    }
                case "rule":
                    if let (w, s) = line.identifier() {
                        let rule = w == "unanimity" ? DecisionRule.unanimous : DecisionRule(rawValue: w)
                        if let rule {
                            scenario.decisions[index].rule = rule
                            if line.peekWord("more") || line.peekWord("at") {
                                let span = line.here
                                if let threshold = voteThreshold(&line) {
                                    if rule == .majority || rule == .weighted {
                                        scenario.decisions[index].threshold = threshold
                                        voteSpans[index, default: (nil, nil, [:])].threshold = span
                                    } else {
                                        report(.thresholdOnlyForVotes(w), span)
                                    }
                                }
                            }
                        } else {
                            report(
                                .propertyIs("rule", oneOf: ["unanimous", "majority", "weighted", "lead", "arbitrate"]),
                                s,
                                fixIts: didYouMean(s, w, closestMatch(to: w, in: DecisionRule.allCases.map(\.rawValue)))
                            )
                        }
                    } else {
                        report(.expectedRule, line.here)
                    }
                case "weights":
                    if line.current?.identifier == nil {
                        report(.expectedWeights, line.here)
                    }
                    repeat {
                        guard let (n, s) = line.identifier() else { break }
                        guard !line.isAtEnd, !line.peekSymbol(",") else {
                            report(.expectedWeight(after: n), line.here)
                            break
                        }
                        let start = line.here
                        guard let e = condition(&line, type: .number, what: .weightOf(n)) else { break }
                        let weight: Weight
                        switch e {
                        case .constant(.number(let w)): weight = .constant(w)
                        case .negate(.constant(.number(let w))): weight = .constant(-w)
                        default: weight = .expression(e)
                        }
                        if case .constant(let w) = weight, w < 0 { report(.negativeWeight, start) }
                        if let r = resolve(.role, n, s) {
                            weightPairs.append((r, weight, start))
                            voteSpans[index, default: (nil, nil, [:])].weights[r] = start
                        }
                    } while line.skipSymbol(",")
                case "quorum":
                    guard let (q, qs) = line.number() else {
                        report(.expectedQuorum, line.here)
                        break
                    }
                    if q < 0 { report(.negativeQuorum, qs) }
                    scenario.decisions[index].quorum = q
                    voteSpans[index, default: (nil, nil, [:])].quorum = qs
                case "veto":
                    let list = line.identifierList()
                    if list.isEmpty { report(.expectedVetoRoles, line.here) }
                    for (n, s) in list {
                        if let r = resolve(.role, n, s) { vetoes.append((r, s)) }
                    }
                case "arbitration":
                    arbitrationLine = line
                    if line.current?.identifier == nil {
                        report(.expectedArbitration, line.here)
                    } else {
                        line.advance()
                    }
                case "fallback":
                    if line.current?.identifier == nil {
                        report(.expectedFallback, line.here)
                    }
                    repeat {
                        guard let (w, s) = line.identifier() else { break }
                        switch w {
                        case "negotiate":
                            guard let (d, _) = line.duration() else {
                                report(.expectedNegotiationTime, line.here)
                                break
                            }
                            scenario.decisions[index].fallback.append(.negotiate(d))
                        case "lead": scenario.decisions[index].fallback.append(.lead)
                        case "arbitrate": scenario.decisions[index].fallback.append(.arbitrate)
                        default:
                            report(
                                .fallbackStep, s,
                                fixIts: didYouMean(s, w, closestMatch(to: w, in: ["negotiate", "lead", "arbitrate"])))
                        }
                        _ = line.skipWord("then")
                    } while line.skipSymbol(",")
                        || line.current?.identifier != nil
                            && ["negotiate", "lead", "arbitrate"].contains(line.current?.identifier ?? "")
                default:
                    unknownProperty(
                        TokenCursor(line.node, from: line.index - 1), in: .kind(.decision),
                        allowed: ["by", "rule", "weights", "quorum", "veto", "arbitration", "fallback", "option"])
                    line = TokenCursor(line.node, from: line.tokens.count)
                }
            }
            expectEnd(line)
        }
        if !sawBy { report(.decisionNeedsRoles, node.lineSpan) }
        let roles = scenario.decisions[index].roles
        askedRoles.formUnion(roles)

        let weights = roles.map { r in weightPairs.last(where: { $0.0 == r })?.1 ?? .constant(scenario.roles[r].weight)
        }
        scenario.decisions[index].weights = weights.map { if case .constant(let w) = $0 { w } else { 0 } }
        scenario.decisions[index].weightExpressions = weights.map { if case .expression(let e) = $0 { e } else { nil } }
        for (r, _, span) in weightPairs where !roles.contains(r) {
            report(.weightWithoutPart(scenario.roles[r].id), span)
        }
        for (r, span) in vetoes {
            if roles.contains(r) {
                if !scenario.decisions[index].vetoes.contains(r) { scenario.decisions[index].vetoes.append(r) }
            } else {
                report(.vetoWithoutPart(scenario.roles[r].id), span)
            }
        }
        let rule = scenario.decisions[index].rule
        if rule != .majority && rule != .weighted {
            if scenario.decisions[index].quorum != nil { report(.thresholdOnlyForVotes(rule.rawValue), node.lineSpan) }
            if !vetoes.isEmpty { report(.thresholdOnlyForVotes(rule.rawValue), node.lineSpan) }
        }
        let needsLead = rule == .lead || scenario.decisions[index].fallback.contains(.lead)
        if needsLead {
            if let lead = scenario.roles.firstIndex(where: \.isLead) {
                // The lead makes the call: it takes part even when it takes no position.
                askedRoles.insert(lead)
            } else {
                report(.noLeadForDecision, node.lineSpan)
            }
        }
        var defaults = 0
        for child in optionNodes {
            guard let option = nodeIndex[ObjectIdentifier(child)] else { continue }
            scenario.options[option].decision = DecisionIndex(index)
            scenario.decisions[index].options.append(option)
            var oc = TokenCursor(child, from: headEnd(child))
            while let word = oc.current?.identifier {
                oc.advance()
                switch word {
                case "default":
                    scenario.options[option].isDefault = true
                    defaults += 1
                    if defaults == 2 {
                        report(
                            .secondDefaultOption,
                            SourceSpan(
                                start: scenario.options[option].location, length: scenario.options[option].id.count))
                    }
                case "expected": scenario.options[option].isExpected = true
                default:
                    unknownProperty(
                        TokenCursor(child, from: oc.index - 1), in: .kind(.option), allowed: ["default", "expected"])
                    oc = TokenCursor(child, from: child.tokens.count)
                }
            }
            expectEnd(oc)
            deferred.append((child, .option(option)))
        }
        if scenario.decisions[index].options.count < 2 {
            report(.decisionNeedsOptions, node.lineSpan)
        }
        if let arbitrationLine { compileArbitration(arbitrationLine, index) }
        emit(.decide(DecisionIndex(index)), at: location)
    }

    /// A decision's weight: a number, or an expression over state evaluated when the vote is counted.
    private enum Weight {
        case constant(Double)
        case expression(Expr)
    }

    /// `more than N/M` or `at least N/M`, then `of cast` (the default) or `of held`; reported and nil when malformed.
    private mutating func voteThreshold(_ line: inout TokenCursor) -> VoteThreshold? {
        let inclusive = line.skipWord("at")
        if inclusive {
            guard line.skipWord("least") else {
                report(.expectedShare, line.here)
                return nil
            }
        } else {
            line.advance()  // more
            guard line.skipWord("than") else {
                report(.expectedShare, line.here)
                return nil
            }
        }
        let start = line.here
        guard let (n, _) = line.number(), line.skipSymbol("/"), let (m, end) = line.number() else {
            report(.expectedShare, line.here)
            line.skipToEnd()
            return nil
        }
        let span = SourceSpan(start: start.start, length: end.start.column + end.length - start.start.column)
        guard n >= 0, m > 0, n <= m, n == n.rounded(), m == m.rounded() else {
            report(.shareOutOfRange, span)
            return nil
        }
        var ofHeld = false
        if line.skipWord("of") {
            if line.skipWord("held") {
                ofHeld = true
            } else if !line.skipWord("cast") {
                report(.expectedOneOf(["cast", "held"]), line.here)
            }
        }
        return VoteThreshold(inclusive: inclusive, numerator: Int(n), denominator: Int(m), ofHeld: ofHeld)
    }

    /// `arbitration facilitator`, `arbitration ROLE` or `arbitration rule` with `when COND -> OPTION` lines under it.
    private mutating func compileArbitration(_ line: TokenCursor, _ index: Int) {
        var c = line
        guard let (word, span) = c.identifier() else { return }
        switch word {
        case "facilitator":
            scenario.decisions[index].arbitration = .facilitator
        case "rule":
            var rules: [ArbitrationRule] = []
            if line.node.children.isEmpty { report(.expectedArbitrationRules, c.here) }
            for child in line.node.children where !child.tokens.isEmpty {
                var rc = TokenCursor(child)
                guard rc.skipWord("when") else {
                    report(.expectedArbitrationRules, rc.here)
                    continue
                }
                guard let condition = condition(&rc) else { continue }
                guard rc.skipSymbol("->"), let (o, os) = rc.identifier() else {
                    report(.expectedArbitrationOption, rc.here)
                    continue
                }
                let decisionID = scenario.decisions[index].id
                guard let option = lookup(.option, decisionID + "." + o) else {
                    let options = scenario.decisions[index].options.map { scenario.options[$0].id }
                    unresolved(.option, o, at: os)
                    let guess = suggest(o, in: options)
                    report(.noSuchOption(o, of: decisionID, guess: guess), os, fixIts: didYouMean(os, o, guess))
                    continue
                }
                use(.option, option, name: o, at: os)
                rules.append(ArbitrationRule(condition: condition, option: option))
                expectEnd(rc)
            }
            scenario.decisions[index].arbitration = .rules(rules)
        default:
            guard let r = resolve(.role, word, span) else { return }
            scenario.decisions[index].arbitration = .role(r)
            askedRoles.insert(r)
        }
        expectEnd(c)
    }

    private mutating func compileDiscussion(_ node: OutlineNode, _ c: inout TokenCursor, _ context: EmitContext) {
        let location = node.location(column: node.tokens[0].column)
        guard let index = nodeIndex[ObjectIdentifier(node)] else {
            if c.current?.identifier == nil { report(.expectedDiscussionID, c.here) }
            return
        }
        requireQuestion(node, "discuss ID \"QUESTION\"")
        c = TokenCursor(node, from: headEnd(node))
        if c.skipWord("to") {
            if c.skipWord("all") {
                scenario.discussions[index].roles = []
            } else {
                let list = c.identifierList()
                if list.isEmpty { report(.expectedDiscussionRoles, c.here) }
                scenario.discussions[index].roles = list.compactMap { resolve(.role, $0.0, $0.1) }
            }
        }
        let asked = scenario.discussions[index].roles
        askedRoles.formUnion(asked.isEmpty ? Array(scenario.roles.indices) : asked)
        expectEnd(c)
        emit(.discuss(index), at: location)
    }
}
