/// The second pass: each declaration's properties and blocks.
extension Compiler {
    mutating func compileDeclarations() {
        if let headerNode { compileHeader(headerNode) }
        // Endings, roles, measures, variables, items first: statements refer to their types (an item's `on breach`
        // block sets variables, so variables come before items).
        let order = [
            "role", "party", "measure", "state", "info", "ending", "objective", "inject", "action", "request", "duty",
            "scene",
        ]
        for keyword in order {
            for declaration in declarations where declaration.keyword == keyword {
                guard let index = nodeIndex[ObjectIdentifier(declaration.node)] else { continue }
                let node = declaration.node
                switch keyword {
                case "role": compileRole(node, index)
                case "info": compileItem(node, index)
                case "party": compileParty(node)
                case "duty": compileDuty(node, index)
                case "measure": compileMeasure(node, index)
                case "state": compileVariable(node, index)
                case "ending": compileEnding(node, index)
                case "objective": compileObjective(node, index)
                case "inject": compileInject(node, index)
                case "action": compileAction(node, index)
                case "request": compileRequest(node, index)
                default: compileScene(node, index)
                }
            }
        }
        finishMeasureRanges()
        finishDerivedItems()
        if scenario.peerQuestions.isEmpty {
            let zh = scenario.header.language.hasPrefix("zh")
            scenario.peerQuestions = [
                PeerQuestion(
                    id: "collaboration",
                    text: zh
                        ? "协作水平（0 无 · 1 联络 · 2 合作 · 3 协调 · 4 联盟 · 5 协同）"
                        : "Level of collaboration (0 none, 1 networking, 2 cooperation, 3 coordination, 4 coalition, 5 collaboration)",
                    low: 0, high: 5),
                PeerQuestion(
                    id: "responsiveness",
                    text: zh ? "响应速度（1 很慢 — 5 很快）" : "Responsiveness (1 very slow to 5 very fast)",
                    low: 1, high: 5),
            ]
        }
    }

    /// The lines carrying properties: the rest of the head line, then each child line. Text blocks are skipped.
    ///
    /// - Parameter blocks: the properties that take an indented block; an indented block under any other line is
    ///   reported. Nil when the caller checks blocks itself.
    mutating func propertyLines(_ node: OutlineNode, from start: Int, blocks: Set<String>? = []) -> [TokenCursor] {
        var result: [TokenCursor] = []
        let head = TokenCursor(node, from: start)
        if !head.isAtEnd { result.append(head) }
        for child in node.children where child.textBlock == nil && !child.tokens.isEmpty {
            if let blocks, !blocks.contains(child.tokens[0].identifier ?? "") { rejectBlock(child) }
            result.append(TokenCursor(child))
        }
        return result
    }

    /// Reports an indented block under a line that takes none.
    mutating func rejectBlock(_ node: OutlineNode) {
        guard let first = node.children.first else { return }
        let what = node.tokens.first?.identifier
        let span =
            first.textBlock == nil
            ? first.lineSpan : SourceSpan(start: first.location(column: first.indent.count + 1), length: 3)
        let message: CompilerMessage = what.map { .takesNoBlock(keyword: $0) } ?? .lineTakesNoBlock
        report(message, span)
    }

    /// Reads `LO..HI`, reporting a missing, empty or upside-down range.
    mutating func checkedRange(_ line: inout TokenCursor) -> (ClosedRange<Double>, SourceSpan)? {
        guard let (low, high, span) = line.bounds() else {
            report(.expectedRange, line.here)
            return nil
        }
        if low > high {
            let swapped = "\(formatNumber(high))..\(formatNumber(low))"
            report(
                .rangeUpsideDown(swapped), span, fixIts: [.replace(span, text(of: span), with: swapped)])
            return nil
        }
        if low == high {
            report(.rangeNeedsTwoBounds, span)
            return nil
        }
        return (low...high, span)
    }

    /// Notes a property that may be given once; reports it when given again.
    ///
    /// Call it just after the cursor has moved past the property's word.
    mutating func once(
        _ word: String, _ line: TokenCursor, _ seen: inout [String: SourceSpan], in place: MessageArgument
    ) {
        let span = line.node.span(line.tokens[line.index - 1])
        if let first = seen[word] {
            report(.givenTwice(word, in: place), span, notes: [Diagnostic.Note(.firstGiven, at: first)])
        } else {
            seen[word] = span
        }
    }

    /// The index after `KEYWORD ID "TITLE"`.
    func headEnd(_ node: OutlineNode) -> Int {
        var cursor = TokenCursor(node, from: 1)
        _ = cursor.identifier()
        _ = cursor.text()
        return cursor.index
    }

    func textBlocks(_ node: OutlineNode) -> String? {
        let blocks = node.children.compactMap(\.textBlock)
        return blocks.isEmpty ? nil : blocks.joined(separator: "\n\n")
    }

    mutating func unknownProperty(_ cursor: TokenCursor, in place: MessageArgument, allowed: [String]) {
        guard let token = cursor.current else { return }
        let span = cursor.node.span(token)
        let word = token.identifier ?? ""
        if !word.isEmpty, let guess = closestMatch(to: word, in: allowed) {
            report(.unknownProperty(word, of: place, guess: guess), span, fixIts: didYouMean(span, word, guess))
        } else {
            report(.unexpectedWord(word.isEmpty ? nil : word, in: place, allowed: allowed), span)
        }
    }

    /// Reports a word that is not one of a property's values, with a "did you mean" fix-it when one is close.
    mutating func oneOf(_ property: String, _ values: [String], _ written: String, _ span: SourceSpan) {
        report(
            .propertyIs(property, oneOf: values), span,
            fixIts: didYouMean(span, written, closestMatch(to: written, in: values)))
    }

    /// The source text that `span` covers.
    func text(of span: SourceSpan) -> String {
        guard let file = scenario.sources.first(where: { $0.path == span.start.file }) else { return "" }
        let line = file.line(span.start.line)
        return String(line.dropFirst(max(0, span.start.column - 1)).prefix(max(0, span.length)))
    }

    mutating func expectEnd(_ cursor: TokenCursor) {
        guard !cursor.isAtEnd else { return }
        report(.extraText, cursor.here)
    }

    // MARK: Header

    mutating func compileHeader(_ node: OutlineNode) {
        var cursor = TokenCursor(node, from: 1)
        guard let (id, _) = cursor.identifier() else {
            report(.expectedExerciseID, cursor.here)
            return
        }
        scenario.header.id = id
        scenario.header.title = cursor.text()?.0 ?? id
        if let summary = textBlocks(node) { scenario.header.summary = summary }
        let allowed = [
            "language", "version", "authors", "summary", "clock", "duration", "start", "scores", "sharing", "peer",
        ]
        var startSpan: (String, SourceSpan)?
        var seen: [String: SourceSpan] = [:]
        for var line in propertyLines(node, from: cursor.index, blocks: ["peer"]) {
            while let word = line.current?.identifier {
                line.advance()
                if allowed.contains(word) { once(word, line, &seen, in: .exerciseHeader) }
                switch word {
                case "language":
                    var parts = ""
                    while let t = line.current, t.identifier != nil || t.isSymbol("-") {
                        parts += t.identifier ?? "-"
                        line.advance()
                    }
                    if parts.isEmpty, let (text, _) = line.text() { parts = text }
                    if parts.isEmpty { report(.expectedLanguageTag, line.here) }
                    scenario.header.language = parts
                    if !parts.isEmpty { declaredLanguage = parts }
                case "version":
                    if let (v, _) = line.text() {
                        scenario.header.version = v
                    } else if let (n, _) = line.number() {
                        scenario.header.version = formatNumber(n)
                    } else {
                        report(.expectedVersion, line.here)
                    }
                case "authors":
                    var authors: [String] = []
                    while let (a, _) = line.text() {
                        authors.append(a)
                        if !line.skipSymbol(",") { break }
                    }
                    if authors.isEmpty {
                        report(.expectedAuthors, line.here)
                    }
                    scenario.header.authors = authors
                case "summary":
                    if let (s, _) = line.text() {
                        scenario.header.summary = s
                    } else if line.node.children.isEmpty {
                        report(.expectedSummary, line.here)
                    }
                case "clock":
                    if let t = line.current, case .clock(let m) = t.kind {
                        scenario.header.clockStart = m
                        line.advance()
                    } else if line.atInvalid {
                        line.advance()
                    } else {
                        report(.expectedClockTime, line.here)
                    }
                case "duration":
                    if let (d, span) = line.duration() {
                        if d <= 0 { report(.durationNotPositive, span) }
                        scenario.header.duration = d
                    } else {
                        report(.expectedDuration(example: "12h"), line.here)
                    }
                case "start":
                    startSpan = line.identifier()
                    if startSpan == nil { report(.expectedFirstScene, line.here) }
                case "scores":
                    if let (w, span) = line.identifier() {
                        if let v = ScoreVisibility(rawValue: w) {
                            scenario.header.scores = v
                        } else {
                            oneOf("scores", ["hidden", "totals", "full"], w, span)
                        }
                    } else {
                        report(.expectedOneOf(["hidden", "totals", "full"]), line.here)
                    }
                case "sharing":
                    if let (w, span) = line.identifier() {
                        if w == "open" || w == "scripted" {
                            scenario.header.openSharing = w == "open"
                        } else {
                            oneOf("sharing", ["open", "scripted"], w, span)
                        }
                    } else {
                        report(.expectedOneOf(["open", "scripted"]), line.here)
                    }
                case "peer":
                    if let (w, span) = line.identifier() {
                        if let v = PeerMode(rawValue: w) {
                            scenario.header.peer = v
                        } else {
                            oneOf("peer", ["anonymous", "named", "off"], w, span)
                        }
                    } else {
                        report(.expectedOneOf(["anonymous", "named", "off"]), line.here)
                    }
                    compilePeerQuestions(line.node)
                default:
                    unknownProperty(
                        TokenCursor(line.node, from: line.index - 1), in: .exerciseHeader, allowed: allowed)
                    line = TokenCursor(line.node, from: line.tokens.count)
                }
            }
            expectEnd(line)
        }
        if let (name, span) = startSpan, let scene = resolve(.scene, name, span) {
            scenario.header.startScene = scene
        }
    }

    private mutating func compilePeerQuestions(_ node: OutlineNode) {
        for child in node.children where child.tokens.first?.isWord("question") == true {
            var c = TokenCursor(child, from: 1)
            guard let (id, _) = c.identifier(), let (text, _) = c.text() else {
                report(.expectedPeerQuestion, c.here)
                continue
            }
            rejectBlock(child)
            var low = 0
            var high = 5
            if let (r, span) = c.range() {
                low = Int(r.lowerBound)
                high = Int(r.upperBound)
                if high - low < 1 || high - low > 10 || r.lowerBound != r.lowerBound.rounded()
                    || r.upperBound != r.upperBound.rounded()
                {
                    report(.invalidRatingScale, span)
                }
            }
            scenario.peerQuestions.append(PeerQuestion(id: id, text: text, low: low, high: high))
            expectEnd(c)
        }
    }

    // MARK: Roles, items, measures, variables, endings

    mutating func compileRole(_ node: OutlineNode, _ index: Int) {
        if let brief = textBlocks(node) { scenario.roles[index].brief = brief }
        let allowed = ["brief", "lead", "knows", "weight", "auto"]
        var seen: [String: SourceSpan] = [:]
        for var line in propertyLines(node, from: headEnd(node)) {
            while let word = line.current?.identifier {
                line.advance()
                if word != "knows" && allowed.contains(word) { once(word, line, &seen, in: .kind(.role)) }
                switch word {
                case "brief":
                    if let (t, _) = line.text() {
                        scenario.roles[index].brief = t
                    } else {
                        report(.expectedBrief, line.here)
                    }
                case "lead": scenario.roles[index].isLead = true
                case "knows":
                    let list = line.identifierList()
                    if list.isEmpty {
                        report(.expectedKnownItems, line.here)
                    }
                    for (name, span) in list {
                        if let item = resolve(.item, name, span) { scenario.roles[index].knows.append(ItemIndex(item)) }
                    }
                case "weight":
                    if let (w, span) = line.number() {
                        if w < 0 { report(.negativeWeight, span) }
                        scenario.roles[index].weight = w
                    } else {
                        report(.expectedNumber, line.here)
                    }
                case "auto":
                    guard let (policy, span) = line.identifier() else {
                        report(.expectedOneOf(["default", "random", "script"]), line.here)
                        continue
                    }
                    switch policy {
                    case "default": scenario.roles[index].automation = .defaultChoice
                    case "random": scenario.roles[index].automation = .random
                    case "script":
                        let picks = line.identifierList().compactMap { resolve(.choice, $0.0, $0.1) }
                        scenario.roles[index].automation = .script(picks)
                    default:
                        report(
                            .propertyIs("auto", oneOf: ["default", "random", "script CHOICE, …"]), span,
                            fixIts: didYouMean(
                                span, policy, closestMatch(to: policy, in: ["default", "random", "script"])))
                    }
                default:
                    unknownProperty(TokenCursor(line.node, from: line.index - 1), in: .kind(.role), allowed: allowed)
                    line = TokenCursor(line.node, from: line.tokens.count)
                }
            }
            expectEnd(line)
        }
        let leads = scenario.roles.enumerated().filter { $0.element.isLead }
        if scenario.roles[index].isLead, leads.count > 1, leads.last?.offset == index {
            report(
                .multipleLeads,
                SourceSpan(start: scenario.roles[index].location, length: scenario.roles[index].id.count),
                notes: [
                    Diagnostic.Note(
                        .isLead(leads[0].element.id),
                        at: SourceSpan(start: leads[0].element.location, length: leads[0].element.id.count))
                ])
        }
    }

    mutating func compileItem(_ node: OutlineNode, _ index: Int) {
        if let text = textBlocks(node) { scenario.items[index].text = text }
        let allowed = ["owner", "sensitivity", "cleared", "derived", "text", "on"]
        var seen: [String: SourceSpan] = [:]
        for var line in propertyLines(node, from: headEnd(node), blocks: ["on"]) {
            while let word = line.current?.identifier {
                line.advance()
                if word != "cleared" && allowed.contains(word) { once(word, line, &seen, in: .kind(.item)) }
                switch word {
                case "owner":
                    if let (n, s) = line.identifier() {
                        scenario.items[index].owner = resolve(.role, n, s)
                    } else {
                        report(.expectedOwner, line.here)
                    }
                case "sensitivity":
                    if let (w, s) = line.identifier() {
                        if let v = Sensitivity(rawValue: w) {
                            scenario.items[index].sensitivity = v
                        } else {
                            oneOf("sensitivity", ["public", "internal", "secret"], w, s)
                        }
                    } else {
                        report(.expectedOneOf(["public", "internal", "secret"]), line.here)
                    }
                case "cleared":
                    for (n, s) in line.identifierList() {
                        if let r = resolve(.role, n, s) { scenario.items[index].cleared.append(r) }
                    }
                case "derived":
                    guard line.skipWord("from") else {
                        report(.expectedDerivedFrom, line.here)
                        continue
                    }
                    if let (n, s) = line.identifier() {
                        if let source = resolve(.item, n, s) {
                            scenario.items[index].derivedFrom = ItemIndex(source)
                            derivedSpans[index] = s
                        }
                    } else {
                        report(.expectedDerivedFrom, line.here)
                    }
                case "text":
                    if let (t, _) = line.text() {
                        scenario.items[index].text = t
                    } else {
                        report(.expectedItemText, line.here)
                    }
                case "on":
                    guard line.skipWord("breach") else {
                        report(.expectedOnBreach, line.here)
                        continue
                    }
                    if line.node.children.isEmpty {
                        report(.breachNeedsEffects, line.here)
                    }
                    // The acting role of a breach is the role whose share caused it.
                    let entry = emitEffectBlock(
                        line.node.children, EmitContext(actingRole: true, questions: false, scene: nil))
                    scenario.items[index].onBreach = entry
                default:
                    unknownProperty(
                        TokenCursor(line.node, from: line.index - 1), in: .kind(.item), allowed: allowed)
                    line = TokenCursor(line.node, from: line.tokens.count)
                }
            }
            expectEnd(line)
        }
        if scenario.items[index].owner == nil, let source = scenario.items[index].derivedFrom {
            // A derived item belongs to whoever owns its source, unless it says otherwise. Sources are compiled
            // first when they come first; the rest is settled in `finishDerivedItems`.
            scenario.items[index].owner = scenario.items[source].owner
            if scenario.items[index].owner == nil { return }
        }
        if scenario.items[index].owner == nil {
            report(
                .itemNeedsOwner(scenario.items[index].id),
                SourceSpan(start: scenario.items[index].location, length: scenario.items[index].id.count))
        }
    }

    /// `duty ID "NAME" within DURATION [points N]`: a kind of request players send, with its deadline.
    mutating func compileDuty(_ node: OutlineNode, _ index: Int) {
        let properties = ["within", "points"]
        var seen: [String: SourceSpan] = [:]
        var sawWithin = false
        for var line in propertyLines(node, from: headEnd(node)) {
            while let word = line.current?.identifier {
                line.advance()
                if properties.contains(word) { once(word, line, &seen, in: .kind(.duty)) }
                switch word {
                case "within":
                    sawWithin = true
                    if let (d, s) = line.duration() {
                        if d <= 0 { report(.durationNotPositive, s) }
                        scenario.duties[index].within = d
                    } else {
                        report(.expectedDeadline, line.here)
                    }
                case "points":
                    if let (p, _) = line.number() {
                        scenario.duties[index].points = p
                    } else {
                        report(.expectedPoints, line.here)
                    }
                default:
                    unknownProperty(
                        TokenCursor(line.node, from: line.index - 1), in: .kind(.duty), allowed: properties)
                    line = TokenCursor(line.node, from: line.tokens.count)
                }
            }
            expectEnd(line)
        }
        if !sawWithin {
            report(
                .dutyNeedsDeadline(scenario.duties[index].id),
                SourceSpan(start: scenario.duties[index].location, length: scenario.duties[index].id.count))
        }
    }

    /// `party ID "NAME"`: nothing follows the name.
    mutating func compileParty(_ node: OutlineNode) {
        let line = TokenCursor(node, from: headEnd(node))
        if !line.isAtEnd {
            unknownProperty(line, in: .kind(.party), allowed: [])
        }
        rejectBlock(node)
    }

    /// Derived items: a derivation that leads back to the item itself is an error, and an item more sensitive than
    /// its source a warning (deriving removes detail, it does not add secrets). An item whose owner comes from a
    /// source declared after it gets that owner here.
    mutating func finishDerivedItems() {
        let rank: [Sensitivity: Int] = [.public: 0, .internal: 1, .secret: 2]
        for index in scenario.items.indices {
            guard let source = scenario.items[index].derivedFrom else { continue }
            let span =
                derivedSpans[index]
                ?? SourceSpan(start: scenario.items[index].location, length: scenario.items[index].id.count)
            var seen: Set<Int> = [index]
            var next: ItemIndex? = source
            var cycle = false
            while let n = next {
                if !seen.insert(n.rawValue).inserted {
                    cycle = n.rawValue == index
                    break
                }
                next = scenario.items[n].derivedFrom
            }
            if cycle {
                report(.derivedCycle(scenario.items[index].id), span)
                scenario.items[index].derivedFrom = nil
                continue
            }
            if scenario.items[index].owner == nil {
                var root = source
                while scenario.items[root].owner == nil, let up = scenario.items[root].derivedFrom { root = up }
                scenario.items[index].owner = scenario.items[root].owner
                if scenario.items[index].owner == nil {
                    report(
                        .itemNeedsOwner(scenario.items[index].id),
                        SourceSpan(start: scenario.items[index].location, length: scenario.items[index].id.count))
                }
            }
            let (mine, theirs) = (scenario.items[index].sensitivity, scenario.items[source].sensitivity)
            if (rank[mine] ?? 0) > (rank[theirs] ?? 0) {
                report(
                    .derivedMoreSensitive(scenario.items[index].id, source: scenario.items[source].id), span)
            }
        }
    }

    /// Children of a node that are not its own property lines (`on breach` blocks hold statements).
    mutating func compileMeasure(_ node: OutlineNode, _ index: Int) {
        let allowed = ["weight", "range"]
        var seen: [String: SourceSpan] = [:]
        for var line in propertyLines(node, from: headEnd(node)) {
            while let word = line.current?.identifier {
                line.advance()
                if allowed.contains(word) { once(word, line, &seen, in: .kind(.measure)) }
                switch word {
                case "weight":
                    if let (w, s) = line.number() {
                        if w < 0 { report(.negativeWeight, s) }
                        scenario.measures[index].weight = w
                    } else {
                        report(.expectedNumber, line.here)
                    }
                case "range":
                    if let (r, _) = checkedRange(&line) {
                        scenario.measures[index].range = r
                        scenario.measures[index].rangeDeclared = true
                    }
                default:
                    unknownProperty(TokenCursor(line.node, from: line.index - 1), in: .kind(.measure), allowed: allowed)
                    line = TokenCursor(line.node, from: line.tokens.count)
                }
            }
            expectEnd(line)
        }
    }

    mutating func compileVariable(_ node: OutlineNode, _ index: Int) {
        var c = TokenCursor(node, from: 2)
        guard c.skipSymbol("=") else {
            report(.expectedEqualsAndValue, c.here)
            return
        }
        if let (n, _) = c.number() {
            scenario.variables[index].initial = .number(n)
        } else if let (d, _) = c.duration() {
            scenario.variables[index].initial = .duration(d)
        } else if let (t, _) = c.text() {
            scenario.variables[index].initial = .text(t)
        } else if let (w, s) = c.identifier() {
            if w == "true" || w == "false" {
                scenario.variables[index].initial = .bool(w == "true")
            } else {
                report(.invalidStartingValue, s)
            }
        } else {
            report(.expectedStartingValue, c.here)
        }
        var seen: [String: SourceSpan] = [:]
        for var line in propertyLines(node, from: c.index) {
            while let word = line.current?.identifier {
                line.advance()
                if word == "range" {
                    once(word, line, &seen, in: .kind(.variable))
                    guard let (r, s) = checkedRange(&line) else { continue }
                    if case .number(let v) = scenario.variables[index].initial {
                        scenario.variables[index].range = r
                        if !r.contains(v) {
                            report(.startOutsideRange(formatNumber(v)), s)
                        }
                    } else {
                        report(.rangeOnlyForNumbers(startsAs: scenario.variables[index].initial.type), s)
                    }
                } else {
                    unknownProperty(
                        TokenCursor(line.node, from: line.index - 1), in: .kind(.variable), allowed: ["range"])
                    line = TokenCursor(line.node, from: line.tokens.count)
                }
            }
            expectEnd(line)
        }
    }

    mutating func compileEnding(_ node: OutlineNode, _ index: Int) {
        if let text = textBlocks(node) { scenario.endings[index].text = text }
        for var line in propertyLines(node, from: headEnd(node)) {
            if line.skipWord("text") {
                if let (t, _) = line.text() {
                    scenario.endings[index].text = t
                } else {
                    report(.expectedEndingText, line.here)
                    continue
                }
            }
            if !line.isAtEnd { unknownProperty(line, in: .kind(.ending), allowed: ["text"]) }
        }
    }

    // MARK: Objectives

    mutating func compileObjective(_ node: OutlineNode, _ index: Int) {
        let allowed = ["capability", "owner", "recommend", "P", "S", "M", "U", "else"]
        var seen: [String: SourceSpan] = [:]
        for var line in propertyLines(node, from: headEnd(node)) {
            while let word = line.current?.identifier {
                let start = line.current.map { line.node.span($0) }
                line.advance()
                if ["capability", "owner", "recommend", "else"].contains(word) {
                    once(word, line, &seen, in: .kind(.objective))
                }
                switch word {
                case "capability":
                    if let (t, _) = line.text() {
                        scenario.objectives[index].capability = t
                    } else {
                        report(.expectedCapability, line.here)
                    }
                case "owner":
                    if let (n, s) = line.identifier() {
                        scenario.objectives[index].owner = resolve(.role, n, s)
                    } else {
                        report(.expectedObjectiveOwner, line.here)
                    }
                case "recommend":
                    if let (t, _) = line.text() {
                        scenario.objectives[index].recommendation = t
                    } else {
                        report(.expectedRecommendation, line.here)
                    }
                case "P", "S", "M", "U":
                    guard line.skipWord("when") else {
                        report(.expectedWhen(rating: word), line.here)
                        line = TokenCursor(line.node, from: line.tokens.count)
                        continue
                    }
                    let from = line.index
                    if let cond = condition(&line), let rating = Rating(rawValue: word), let start {
                        let text = line.tokens[from..<line.index]
                        let source = sourceText(line.node, text)
                        scenario.objectives[index].rules.append(
                            Objective.Rule(rating: rating, condition: cond, source: source, location: start.start))
                    }
                case "else":
                    if let (w, s) = line.identifier() {
                        if let r = Rating(rawValue: w) {
                            scenario.objectives[index].otherwise = r
                        } else {
                            report(.expectedRating, s)
                        }
                    } else {
                        report(.expectedElseRating, line.here)
                    }
                default:
                    unknownProperty(
                        TokenCursor(line.node, from: line.index - 1), in: .kind(.objective), allowed: allowed)
                    line = TokenCursor(line.node, from: line.tokens.count)
                }
            }
            expectEnd(line)
        }
    }

    /// The text of a token range as written.
    func sourceText(_ node: OutlineNode, _ tokens: ArraySlice<Token>) -> String {
        guard let first = tokens.first, let last = tokens.last,
            let source = scenario.sources.first(where: { $0.path == node.file })
        else { return "" }
        let chars = Array(source.line(node.line))
        let from = first.column - 1
        let to = min(chars.count, last.column - 1 + last.length)
        return from < to ? String(chars[from..<to]) : ""
    }

    // MARK: Injects

    mutating func compileInject(_ node: OutlineNode, _ index: Int) {
        if let text = textBlocks(node) { scenario.injects[index].text = text }
        let properties = ["at", "when", "chance", "to", "contingency", "text"]
        var effectNodes: [OutlineNode] = []
        var seen: [String: SourceSpan] = [:]
        var lines = propertyLines(node, from: headEnd(node), blocks: nil)
        if !lines.isEmpty, lines[0].node === node {
            parseInjectProperties(&lines[0], index, properties, &seen)
            lines.removeFirst()
        }
        for var line in lines {
            if line.peekWord("expect") {
                compileExpectation(line.node, inject: index)
            } else if let word = line.current?.identifier, properties.contains(word) {
                rejectBlock(line.node)
                parseInjectProperties(&line, index, properties, &seen)
            } else {
                effectNodes.append(line.node)
            }
        }
        if !effectNodes.isEmpty {
            scenario.injects[index].effects = emitEffectBlock(
                effectNodes, EmitContext(actingRole: false, questions: false, scene: nil))
        }
    }

    private mutating func parseInjectProperties(
        _ line: inout TokenCursor, _ index: Int, _ allowed: [String], _ seen: inout [String: SourceSpan]
    ) {
        while let word = line.current?.identifier {
            line.advance()
            if word == "at" || word == "when" {
                let span = line.node.span(line.tokens[line.index - 1])
                if let first = seen["trigger"] {
                    report(.oneTrigger, span, notes: [Diagnostic.Note(.firstTrigger, at: first)])
                } else {
                    seen["trigger"] = span
                }
            } else if allowed.contains(word) {
                once(word, line, &seen, in: .kind(.inject))
            }
            switch word {
            case "at":
                let relative = line.skipSymbol("+")
                if let t = line.current, case .clock(let m) = t.kind, !relative {
                    line.advance()
                    var elapsed = m - scenario.header.clockStart
                    if elapsed < 0 { elapsed += 1440 }
                    scenario.injects[index].trigger = .at(elapsed)
                } else if let (d, _) = line.duration() {
                    scenario.injects[index].trigger = .at(d)
                } else if line.atInvalid {
                    line.advance()
                } else {
                    report(.expectedInjectTime, line.here)
                }
            case "when":
                if let cond = condition(&line, checkConstant: true) { scenario.injects[index].trigger = .when(cond) }
            case "chance":
                if let (p, s) = line.percent() {
                    if p < 0 || p > 100 { report(.chanceOutOfRange, s) }
                    scenario.injects[index].chance = p / 100
                } else {
                    report(.expectedPercentage(example: "40%"), line.here)
                }
            case "to":
                if line.skipWord("all") {
                    scenario.injects[index].audience = []
                } else {
                    let list = line.identifierList()
                    if list.isEmpty { report(.expectedAudience, line.here) }
                    scenario.injects[index].audience = list.compactMap { resolve(.role, $0.0, $0.1) }
                }
            case "contingency": scenario.injects[index].contingency = true
            case "text":
                if let (t, _) = line.text() {
                    scenario.injects[index].text = t
                } else {
                    report(.expectedInjectText, line.here)
                }
            default:
                unknownProperty(
                    TokenCursor(line.node, from: line.index - 1), in: .kind(.inject), allowed: allowed + ["expect"])
                line = TokenCursor(line.node, from: line.tokens.count)
            }
        }
        expectEnd(line)
    }

    private mutating func compileExpectation(_ node: OutlineNode, inject: Int) {
        guard let index = nodeIndex[ObjectIdentifier(node)] else {
            if TokenCursor(node, from: 1).current?.identifier == nil {
                report(.expectedExpectationID, TokenCursor(node, from: 1).here)
            }
            return
        }
        scenario.injects[inject].expectations.append(index)
        var line = TokenCursor(node, from: headEnd(node))
        var hasWithin = false
        var seen: [String: SourceSpan] = [:]
        while let word = line.current?.identifier {
            line.advance()
            if word == "by" || word == "within" { once(word, line, &seen, in: .kind(.expectation)) }
            switch word {
            case "by":
                let list = line.identifierList()
                if list.isEmpty { report(.expectedResponders, line.here) }
                scenario.expectations[index].responders = list.compactMap { resolve(.role, $0.0, $0.1) }
            case "within":
                if let (d, _) = line.duration() {
                    scenario.expectations[index].within = d
                    hasWithin = true
                } else {
                    report(.expectedDeadline, line.here)
                }
            case "all": scenario.expectations[index].requiresAll = true
            case "any": scenario.expectations[index].requiresAll = false
            default:
                unknownProperty(
                    TokenCursor(line.node, from: line.index - 1), in: .kind(.expectation),
                    allowed: ["by", "within", "all", "any"])
                line = TokenCursor(line.node, from: line.tokens.count)
            }
        }
        expectEnd(line)
        if !hasWithin {
            report(.expectationNeedsDeadline, node.lineSpan)
        }
        let responses = node.children.filter { !$0.tokens.isEmpty }
        guard let responseNode = responses.first else {
            report(.expectationNeedsResponse, node.lineSpan)
            return
        }
        if responses.count > 1 {
            report(.oneResponse, responses[1].lineSpan)
        }
        for response in responses { rejectBlock(response) }
        var c = TokenCursor(responseNode)
        guard let kind = c.identifier() else {
            report(.responseKinds, c.here)
            return
        }
        switch kind.0 {
        case "do":
            guard let (n, s) = c.identifier() else {
                report(.expectedResponseAction, c.here)
                return
            }
            if let a = resolve(.action, n, s) { scenario.expectations[index].response = .action(a) }
        case "choose":
            guard let (n, s) = c.identifier() else {
                report(.expectedResponseChoice, c.here)
                return
            }
            if let ch = resolve(.choice, n, s) {
                referencedChoices.insert(ch)
                scenario.expectations[index].response = .choice(ch)
            }
        case "share":
            guard let (n, s) = c.identifier() else {
                report(.expectedResponseItem, c.here)
                return
            }
            guard let item = resolve(.item, n, s) else { return }
            var targets: [Int]? = []
            if c.skipWord("with") {
                if c.skipWord("all") {
                    targets = nil
                } else {
                    targets = c.identifierList().compactMap { resolve(.role, $0.0, $0.1) }
                }
            }
            scenario.expectations[index].response = .share(item: ItemIndex(item), with: targets)
        case "when":
            if let cond = condition(&c) { scenario.expectations[index].response = .condition(cond) }
        default:
            report(
                .responseKinds, kind.1,
                fixIts: didYouMean(kind.1, kind.0, closestMatch(to: kind.0, in: ["do", "choose", "share", "when"])))
            return
        }
        expectEnd(c)
    }

    // MARK: Actions and requests

    mutating func compileAction(_ node: OutlineNode, _ index: Int) {
        let properties = ["by", "when", "cost", "once"]
        var effectNodes: [OutlineNode] = []
        var sawBy = false
        var seen: [String: SourceSpan] = [:]
        for var line in propertyLines(node, from: headEnd(node), blocks: nil) {
            if line.node !== node, !properties.contains(line.current?.identifier ?? "") {
                effectNodes.append(line.node)
                continue
            }
            if line.node !== node { rejectBlock(line.node) }
            while let word = line.current?.identifier {
                line.advance()
                if properties.contains(word) { once(word, line, &seen, in: .kind(.action)) }
                switch word {
                case "by":
                    sawBy = true
                    if line.skipWord("all") {
                        scenario.actions[index].roles = []
                    } else {
                        let list = line.identifierList()
                        if list.isEmpty {
                            report(.expectedActionRoles, line.here)
                        }
                        scenario.actions[index].roles = list.compactMap { resolve(.role, $0.0, $0.1) }
                    }
                case "when":
                    scenario.actions[index].condition = condition(&line, checkConstant: true)
                case "cost":
                    if let (d, _) = line.duration() {
                        scenario.actions[index].cost = d
                    } else {
                        report(.expectedDuration(example: "30m"), line.here)
                    }
                case "once": scenario.actions[index].once = true
                default:
                    unknownProperty(
                        TokenCursor(line.node, from: line.index - 1), in: .kind(.action), allowed: properties)
                    line = TokenCursor(line.node, from: line.tokens.count)
                }
            }
            expectEnd(line)
        }
        if !sawBy {
            report(.actionNeedsRoles(scenario.actions[index].id), node.lineSpan)
        }
        scenario.actions[index].effects = emitEffectBlock(
            effectNodes, EmitContext(actingRole: true, questions: false, scene: nil))
    }

    mutating func compileRequest(_ node: OutlineNode, _ index: Int) {
        let properties = ["from", "to", "within", "points", "auto", "accept", "refuse"]
        var sawFrom = false
        var sawTo = false
        var sawWithin = false
        var resolved = 0
        var seen: [String: SourceSpan] = [:]
        for var line in propertyLines(node, from: headEnd(node), blocks: ["accept", "refuse"]) {
            while let word = line.current?.identifier {
                line.advance()
                if properties.contains(word) { once(word, line, &seen, in: .kind(.request)) }
                switch word {
                case "from", "to":
                    guard let (n, s) = line.identifier() else {
                        report(word == "from" ? .expectedRequestSender : .expectedRequestReceiver, line.here)
                        continue
                    }
                    if word == "from" { sawFrom = true } else { sawTo = true }
                    if let r = resolve(.role, n, s) {
                        resolved += 1
                        if word == "from" { scenario.requests[index].from = r } else { scenario.requests[index].to = r }
                    }
                case "within":
                    sawWithin = true
                    if let (d, _) = line.duration() {
                        scenario.requests[index].within = d
                    } else {
                        report(.expectedDeadline, line.here)
                    }
                case "points":
                    if let (p, _) = line.number() {
                        scenario.requests[index].points = p
                    } else {
                        report(.expectedPoints, line.here)
                    }
                case "auto":
                    if let (w, s) = line.identifier() {
                        if w == "accept" || w == "refuse" {
                            scenario.requests[index].autoAccept = w == "accept"
                        } else {
                            oneOf("auto", ["accept", "refuse"], w, s)
                        }
                    } else {
                        report(.expectedOneOf(["accept", "refuse"]), line.here)
                    }
                case "accept", "refuse":
                    let label = line.text()?.0 ?? (word == "accept" ? "accept" : "refuse")
                    let entry = emitEffectBlock(
                        line.node.children, EmitContext(actingRole: true, questions: false, scene: nil))
                    if word == "accept" {
                        scenario.requests[index].acceptLabel = label
                        scenario.requests[index].onAccept = entry
                    } else {
                        scenario.requests[index].refuseLabel = label
                        scenario.requests[index].onRefuse = entry
                    }
                default:
                    unknownProperty(
                        TokenCursor(line.node, from: line.index - 1), in: .kind(.request), allowed: properties)
                    line = TokenCursor(line.node, from: line.tokens.count)
                }
            }
            expectEnd(line)
        }
        if !(sawFrom && sawTo && sawWithin) {
            let missing = [("from ROLE", sawFrom), ("to ROLE", sawTo), ("within DURATION", sawWithin)].filter { !$0.1 }
            report(.requestIncomplete(missing: missing.map(\.0)), node.lineSpan)
        } else if resolved == 2, scenario.requests[index].from == scenario.requests[index].to {
            report(.requestToItself, node.lineSpan)
        }
        if scenario.requests[index].acceptLabel.isEmpty { scenario.requests[index].acceptLabel = "accept" }
        if scenario.requests[index].refuseLabel.isEmpty { scenario.requests[index].refuseLabel = "refuse" }
    }

    /// Measures without a declared range get one from the effects that change them.
    mutating func finishMeasureRanges() {
        for i in scenario.measures.indices where !scenario.measures[i].rangeDeclared {
            let swing = measureSwing[i] ?? (0, 0)
            let low = min(0, -swing.down)
            let high = max(low + 1, swing.up)
            scenario.measures[i].range = low...high
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
