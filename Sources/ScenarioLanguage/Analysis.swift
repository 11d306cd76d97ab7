/// Checks over the whole compiled exercise: flow (reachability, dead ends, loops), unused elements and objectives.
extension Compiler {
    mutating func analyse() {
        guard !diagnostics.hasErrors, !scenario.scenes.isEmpty else { return }
        let regions = sceneRegions()
        let reachable = reachableScenes(regions)
        for (index, scene) in scenario.scenes.enumerated() where !reachable.contains(index) {
            report(.unreachableScene(scene.id), span(scene.location, scene.id))
        }
        for (index, scene) in scenario.scenes.enumerated() where reachable.contains(index) && canFallOff(scene: index) {
            report(.deadEnd(scene.id), span(scene.location, scene.id))
        }
        findLoops()
        checkConstantConditions(reachable)
        reportUnused(reachable)
        checkObjectives(reachable)
        checkVotes()
    }

    /// Votes that can never carry, and weights that can be negative.
    ///
    /// The best any coalition can do is every role voting for one option: it then holds all the votes (weight)
    /// cast and held. So a vote can never carry when its threshold is `more than 1/1`, when its quorum is more than
    /// all the votes (weight) there are, or when no role can hold any weight. A veto alone never makes a vote
    /// impossible: its holders can vote with the leader.
    private mutating func checkVotes() {
        for (index, decision) in scenario.decisions.enumerated() where decision.isVote {
            let spans = voteSpans[index]
            let at = spans?.threshold ?? span(decision.location, decision.id)
            var most = 0.0
            var known = true
            for (i, role) in decision.roles.enumerated() {
                let expression = i < decision.weightExpressions.count ? decision.weightExpressions[i] : nil
                let weight: ClosedRange<Double>? =
                    decision.rule == .majority
                    ? 1...1 : expression.map(interval) ?? (decision.weights[i]...decision.weights[i])
                if let weight {
                    most += max(0, weight.upperBound)
                    if weight.lowerBound < 0, expression != nil, let place = spans?.weights[role] {
                        report(
                            .weightCanBeNegative(
                                scenario.roles[role].id,
                                why: "\(formatNumber(weight.lowerBound))…\(formatNumber(weight.upperBound))"),
                            place)
                    }
                } else {
                    known = false
                    if let expression, canBeNegative(expression), let place = spans?.weights[role] {
                        report(.weightCanBeNegative(scenario.roles[role].id, why: "−"), place)
                    }
                }
            }
            let what = decision.rule == .majority ? "majority" : "weighted"
            if let t = decision.threshold, !t.inclusive, t.numerator == t.denominator {
                report(
                    .thresholdUnreachable(
                        decision.id, what: t.text, needed: "> " + formatNumber(most), most: formatNumber(most)), at)
                continue
            }
            guard known else { continue }
            if let quorum = decision.quorum, quorum > most {
                report(
                    .thresholdUnreachable(
                        decision.id, what: "quorum", needed: formatNumber(quorum), most: formatNumber(most)),
                    spans?.quorum ?? at)
            } else if most <= 0 {
                report(.thresholdUnreachable(decision.id, what: what, needed: "> 0", most: "0"), at)
            }
        }
    }

    /// Whether an expression whose values are not known may be negative: it subtracts or negates.
    private func canBeNegative(_ e: Expr) -> Bool {
        switch e {
        case .constant(.number(let n)): n < 0
        case .negate: true
        case .binary(.subtract, _, _): true
        case .binary(_, let a, let b): canBeNegative(a) || canBeNegative(b)
        case .extreme(true, let items): items.allSatisfy(canBeNegative)
        case .extreme(false, let items): items.contains(where: canBeNegative)
        case .variable(let v): scenario.variables[v].range.map { $0.lowerBound < 0 } ?? false
        default: false
        }
    }

    private func span(_ location: SourceLocation, _ id: String) -> SourceSpan {
        SourceSpan(start: location, length: max(1, id.count))
    }

    /// The code range of each scene: its body and its choices' effect blocks.
    func sceneRegions() -> [Range<Int>] {
        scenario.scenes.indices.map { i in
            let start = scenario.scenes[i].entry
            let end = i + 1 < scenario.scenes.count ? scenario.scenes[i + 1].entry : scenario.code.count
            return start..<max(start, end)
        }
    }

    private func reachableScenes(_ regions: [Range<Int>]) -> Set<Int> {
        let firstScene = scenario.scenes.map(\.entry).min() ?? scenario.code.count
        var globalTargets: [Int] = []
        for pc in 0..<firstScene { if case .goto(let t) = scenario.code[pc] { globalTargets.append(t) } }
        var seen: Set<Int> = [scenario.header.startScene]
        var work = [scenario.header.startScene] + globalTargets
        seen.formUnion(globalTargets)
        while let s = work.popLast() {
            for pc in regions[s] {
                if case .goto(let t) = scenario.code[pc], !seen.contains(t) {
                    seen.insert(t)
                    work.append(t)
                }
            }
        }
        return seen
    }

    /// Whether an effect block can reach its end without a goto or an end.
    func mayComplete(_ entry: Int) -> Bool {
        var seen: Set<Int> = []
        var work = [entry]
        while let pc = work.popLast() {
            guard pc >= 0, pc < scenario.code.count, seen.insert(pc).inserted else { continue }
            switch scenario.code[pc] {
            case .done: return true
            case .goto, .end, .fallOff: continue
            case .jump(let t): work.append(t)
            case .jumpUnless(_, let t), .chance(_, let t):
                work.append(t)
                work.append(pc + 1)
            default: work.append(pc + 1)
            }
        }
        return false
    }

    private func canFallOff(scene: Int) -> Bool {
        var seen: Set<Int> = []
        var work = [scenario.scenes[scene].entry]
        while let pc = work.popLast() {
            guard pc >= 0, pc < scenario.code.count, seen.insert(pc).inserted else { continue }
            switch scenario.code[pc] {
            case .fallOff: return true
            case .goto, .end, .done: continue
            case .jump(let t): work.append(t)
            case .jumpUnless(_, let t), .chance(_, let t):
                work.append(t)
                work.append(pc + 1)
            case .ask(let a):
                if scenario.asks[a].choices.contains(where: { mayComplete(scenario.choices[$0].effects) }) {
                    work.append(pc + 1)
                }
            case .decide(let d):
                if scenario.decisions[d].options.contains(where: { mayComplete(scenario.options[$0].effects) }) {
                    work.append(pc + 1)
                }
            default: work.append(pc + 1)
            }
        }
        return false
    }

    /// A cycle of scenes that jump to each other without asking anything loops forever.
    ///
    /// A scene is *forced* on when every path through its body, whatever its conditions and chances, reaches a
    /// `goto` before it asks anything, ends the exercise, or advances a clock that has a duration to run out. Scenes
    /// forced on only to scenes that are themselves forced on loop forever.
    private mutating func findLoops() {
        let clockRunsOut = scenario.header.duration != nil
        // For each scene: nil when it can stop or wait; else the gotos every path ends in, as (target, pc).
        var forced: [[(Int, Int)]?] = []
        for s in scenario.scenes.indices {
            var seen: Set<Int> = []
            var work = [scenario.scenes[s].entry]
            var gotos: [(Int, Int)] = []
            var escapes = false
            while let pc = work.popLast(), !escapes {
                guard pc >= 0, pc < scenario.code.count else {
                    escapes = true
                    break
                }
                guard seen.insert(pc).inserted else { continue }
                switch scenario.code[pc] {
                case .goto(let t): gotos.append((t, pc))
                case .end, .done, .fallOff, .ask, .decide, .discuss: escapes = true
                case .advance where clockRunsOut: escapes = true
                case .jump(let t): work.append(t)
                case .jumpUnless(_, let t), .chance(_, let t):
                    work.append(t)
                    work.append(pc + 1)
                default: work.append(pc + 1)
                }
            }
            forced.append(escapes || gotos.isEmpty ? nil : gotos)
        }
        // The greatest set of scenes forced on only to scenes of the set.
        var doomed = Set(scenario.scenes.indices.filter { forced[$0] != nil })
        var changed = true
        while changed {
            changed = false
            for s in doomed where forced[s]?.contains(where: { !doomed.contains($0.0) }) ?? true {
                doomed.remove(s)
                changed = true
            }
        }
        // Report each loop once, at the goto of its first scene.
        var reported: Set<Int> = []
        for s in scenario.scenes.indices where doomed.contains(s) && !reported.contains(s) {
            var path: [Int] = []
            var position: [Int: Int] = [:]
            var current = s
            while position[current] == nil, !reported.contains(current) {
                position[current] = path.count
                path.append(current)
                current = forced[current]?.first(where: { doomed.contains($0.0) })?.0 ?? current
            }
            reported.formUnion(path)
            guard let start = position[current] else { continue }
            let cycle = Array(path[start...])
            guard let first = cycle.first, let pc = forced[first]?.first(where: { doomed.contains($0.0) })?.1 else {
                continue
            }
            let names = cycle.map { scenario.scenes[$0].id }
            report(
                cycle.count == 1 ? .selfLoop(names[0]) : .loop(names + [names[0]]),
                SourceSpan(start: scenario.codeLocations[pc], length: 4))
        }
    }

    /// Conditions that can never hold, or always hold.
    private mutating func checkConstantConditions(_ reachable: Set<Int>) {
        for (condition, span) in constantChecks {
            guard let value = truth(condition, reachable) else { continue }
            report(value ? .conditionAlwaysHolds : .conditionNeverHolds, span)
        }
    }

    private mutating func reportUnused(_ reachable: Set<Int>) {
        let usedRoles = used[.role] ?? []
        let requestTargets = Set(scenario.requests.map(\.to))
        for (i, role) in scenario.roles.enumerated() {
            if !usedRoles.contains(i) && !askedRoles.contains(i) {
                report(.unusedRole(role.id), span(role.location, role.id))
            } else if !askedRoles.contains(i) && !requestTargets.contains(i) {
                report(.roleNeverAsked(role.id), span(role.location, role.id))
            }
        }
        let usedItems = used[.item] ?? []
        for (i, item) in scenario.items.enumerated() where !usedItems.contains(i) {
            report(.unusedItem(item.id), span(item.location, item.id))
        }
        for (i, measure) in scenario.measures.enumerated() where !changedMeasures.contains(i) {
            report(.idleMeasure(measure.id), span(measure.location, measure.id))
        }
        for (i, variable) in scenario.variables.enumerated() where !readVariables.contains(i) {
            report(.unreadVariable(variable.id), span(variable.location, variable.id))
        }
        let usedEndings = Set(scenario.code.compactMap { if case .end(let e) = $0 { e } else { nil } })
        for (i, ending) in scenario.endings.enumerated() where !usedEndings.contains(i) {
            report(.unreachedEnding(ending.id), span(ending.location, ending.id))
        }
        for (i, inject) in scenario.injects.enumerated() {
            if case .manual = inject.trigger, !triggeredInjects.contains(i) {
                report(.injectNeverFires(inject.id), span(inject.location, inject.id))
            }
        }
        for (i, request) in scenario.requests.enumerated() where !sentRequests.contains(i) {
            report(.requestNeverSent(request.id), span(request.location, request.id))
        }
        for (i, choice) in scenario.choices.enumerated()
        where !choice.hasEffects && !referencedChoices.contains(i)
            && choice.ask.map { reachable.contains(scenario.asks[$0].scene) } == true
        {
            report(.choiceWithoutEffect(choice.id), span(choice.location, choice.id))
        }
    }

    // MARK: Objectives

    private mutating func checkObjectives(_ reachable: Set<Int>) {
        for objective in scenario.objectives {
            let possible = objective.rules.contains { truth($0.condition, reachable) != false }
            if !possible && objective.otherwise == .U {
                report(
                    objective.rules.isEmpty
                        ? .objectiveWithoutRules(objective.id) : .objectiveUnattainable(objective.id),
                    span(objective.location, objective.id))
            }
        }
    }

    /// What is known of a condition without running the exercise: true, false, or nil (it depends).
    func truth(_ e: Expr, _ reachable: Set<Int>) -> Bool? {
        switch e {
        case .constant(.bool(let b)): return b
        case .not(let inner): return truth(inner, reachable).map { !$0 }
        case .binary(.and, let a, let b):
            let (x, y) = (truth(a, reachable), truth(b, reachable))
            if x == false || y == false { return false }
            if x == true && y == true { return true }
            return nil
        case .binary(.or, let a, let b):
            let (x, y) = (truth(a, reachable), truth(b, reachable))
            if x == true || y == true { return true }
            if x == false && y == false { return false }
            return nil
        case .binary(let op, let a, let b) where [.less, .lessEqual, .greater, .greaterEqual, .equal].contains(op):
            guard let ra = interval(a), let rb = interval(b) else { return nil }
            switch op {
            case .less: return ra.upperBound < rb.lowerBound ? true : ra.lowerBound >= rb.upperBound ? false : nil
            case .lessEqual: return ra.upperBound <= rb.lowerBound ? true : ra.lowerBound > rb.upperBound ? false : nil
            case .greater: return ra.lowerBound > rb.upperBound ? true : ra.upperBound <= rb.lowerBound ? false : nil
            case .greaterEqual:
                return ra.lowerBound >= rb.upperBound ? true : ra.upperBound < rb.lowerBound ? false : nil
            default: return ra.upperBound < rb.lowerBound || rb.upperBound < ra.lowerBound ? false : nil
            }
        case .visited(let s): return reachable.contains(s) ? nil : false
        case .chose(let c, _):
            guard let ask = scenario.choices[c].ask else { return false }
            return reachable.contains(scenario.asks[ask].scene) ? nil : false
        case .decided(let d, _), .resolvedBy(let d, _), .position(let d, _, _):
            return reachable.contains(scenario.decisions[d].scene) ? nil : false
        case .fired(let i):
            if case .manual = scenario.injects[i].trigger, !triggeredInjects.contains(i) { return false }
            return nil
        case .did(let a, _):
            if let cond = scenario.actions[a].condition, truth(cond, reachable) == false { return false }
            return nil
        default: return nil
        }
    }

    /// The values a numeric expression can take, when they are known.
    private func interval(_ e: Expr) -> ClosedRange<Double>? {
        switch e {
        case .constant(.number(let n)): return n...n
        case .constant(.duration(let d)): return Double(d)...Double(d)
        case .variable(let v): return scenario.variables[v].range
        case .measure(let m, role: .some): return scenario.measures[m].rangeDeclared ? scenario.measures[m].range : nil
        case .time: return scenario.header.duration.map { 0...Double($0) }
        case .negate(let inner): return interval(inner).map { (-$0.upperBound)...(-$0.lowerBound) }
        case .binary(.add, let a, let b):
            guard let x = interval(a), let y = interval(b) else { return nil }
            return (x.lowerBound + y.lowerBound)...(x.upperBound + y.upperBound)
        case .binary(.subtract, let a, let b):
            guard let x = interval(a), let y = interval(b) else { return nil }
            return (x.lowerBound - y.upperBound)...(x.upperBound - y.lowerBound)
        case .extreme(let isMax, let items):
            let ranges = items.map(interval)
            guard !ranges.isEmpty, ranges.allSatisfy({ $0 != nil }) else { return nil }
            let known = ranges.compactMap { $0 }
            let lows = known.map(\.lowerBound)
            let highs = known.map(\.upperBound)
            guard let lowMin = lows.min(), let lowMax = lows.max(), let highMin = highs.min(), let highMax = highs.max()
            else { return nil }
            return isMax ? lowMax...highMax : lowMin...highMin
        default: return nil
        }
    }
}
