import ScenarioLanguage

extension Session {
    /// Evaluates an expression against the current state.
    public func evaluate(_ e: Expr) -> Value {
        var trace: [String]? = nil
        return evaluate(e, &trace)
    }

    /// Evaluates an expression and lists the facts it read, as `name(args) = value` lines.
    public func evaluateWithFacts(_ e: Expr) -> (Value, [String]) {
        var trace: [String]? = []
        let value = evaluate(e, &trace)
        var seen: Set<String> = []
        return (value, (trace ?? []).filter { seen.insert($0).inserted })
    }

    private func record(_ trace: inout [String]?, _ text: @autoclosure () -> String, _ value: Value) -> Value {
        if trace != nil { trace?.append("\(text()) = \(value)") }
        return value
    }

    private func roleID(_ r: Int) -> String { scenario.roles[r].id }
    private func whoID(_ w: RoleOrAll) -> String { if case .role(let r) = w { roleID(r) } else { "all" } }

    func evaluate(_ e: Expr, _ trace: inout [String]?) -> Value {
        let r = roleCount
        switch e {
        case .constant(let v): return v
        case .variable(let v): return record(&trace, scenario.variables[v].id, state.variables[v])
        case .measure(let m, let role):
            let value: Double
            if let role {
                value = state.measures[m * r + role]
            } else {
                value = (0..<r).reduce(0) { $0 + state.measures[m * r + $1] }
            }
            return record(
                &trace, role.map { "measure(\(scenario.measures[m].id), \(roleID($0)))" } ?? scenario.measures[m].id,
                .number(value))
        case .time: return record(&trace, "time", .duration(state.clock))
        case .not(let inner): return .bool(!evaluate(inner, &trace).asBool)
        case .negate(let inner):
            let v = evaluate(inner, &trace)
            if case .duration(let d) = v { return .duration(-d) }
            return .number(-v.asNumber)
        case .binary(let op, let a, let b):
            switch op {
            case .and:
                return .bool(evaluate(a, &trace).asBool && evaluate(b, &trace).asBool)
            case .or:
                return .bool(evaluate(a, &trace).asBool || evaluate(b, &trace).asBool)
            default:
                let x = evaluate(a, &trace)
                let y = evaluate(b, &trace)
                return binary(op, x, y)
            }
        case .knows(let role, let item):
            return record(&trace, "knows(\(roleID(role)), \(scenario.items[item].id))", .bool(knows(role, item)))
        case .shared(let item, let who):
            let at = knownAt(item, who)
            return record(&trace, "shared(\(scenario.items[item].id), \(whoID(who)))", .bool(at != neverMinutes))
        case .sharedAt(let item, let who):
            return record(&trace, "shared_at(\(scenario.items[item].id), \(whoID(who)))", .duration(knownAt(item, who)))
        case .breached(let item):
            return record(&trace, "breached(\(scenario.items[item].id))", .bool(state.breached[item.rawValue]))
        case .cleared(let role, let item):
            return record(&trace, "cleared(\(roleID(role)), \(scenario.items[item].id))", .bool(cleared(role, item)))
        case .leaked(let item, let party):
            let fact =
                party.map { "leaked_to(\(scenario.items[item].id), \(scenario.parties[$0].id))" }
                ?? "leaked(\(scenario.items[item].id))"
            return record(&trace, fact, .bool(leaked(item, to: party)))
        case .visited(let s):
            return record(&trace, "visited(\(scenario.scenes[s].id))", .bool(state.visited[s]))
        case .chose(let c, let role):
            let v = role.map { state.chosen[c * r + $0] } ?? (0..<r).contains { state.chosen[c * r + $0] }
            return record(&trace, "chose(\(scenario.choices[c].id)\(role.map { ", " + roleID($0) } ?? ""))", .bool(v))
        case .did(let a, let role):
            let v = role.map { state.did[a * r + $0] } ?? (0..<r).contains { state.did[a * r + $0] }
            return record(&trace, "did(\(scenario.actions[a].id)\(role.map { ", " + roleID($0) } ?? ""))", .bool(v))
        case .decided(let d, let option):
            return record(
                &trace, "decided(\(scenario.decisions[d].id), \(scenario.options[option].id))",
                .bool(state.decided[d.rawValue] == option))
        case .resolvedBy(let d, let how):
            let settled = state.settledBy[d.rawValue]
            return record(
                &trace, "resolved_by(\(scenario.decisions[d].id)) == \(how.rawValue)", .bool(settled == how))
        case .position(let d, let role, let option):
            let stance = state.lastPositions[d.rawValue * r + role]
            let holds = option.map { stance == .option($0) } ?? (stance == .abstain)
            return record(
                &trace,
                "position(\(scenario.decisions[d].id), \(roleID(role))) == "
                    + (option.map { scenario.options[$0].id } ?? "abstain"), .bool(holds))
        case .fired(let i):
            return record(&trace, "fired(\(scenario.injects[i].id))", .bool(state.fired[i]))
        case .expectation(let x, let query):
            let outcome = state.expectationOutcome[x]
            let v: Bool
            switch query {
            case .hit: v = outcome == .hit
            case .late: v = outcome == .late
            case .missed: v = outcome == .missed
            }
            let fact = "\(query.rawValue)(\(scenario.expectations[x].id))"
            // `missed` is false once it was met late (and `late` while it is missed): the fact says which it was.
            if !v, outcome != .pending, trace != nil {
                trace?.append("\(fact) = \(Value.bool(v)) (\(outcome.rawValue))")
                return .bool(v)
            }
            return record(&trace, fact, .bool(v))
        case .request(let q, let query):
            let outcome = state.requestOutcome[q]
            let v: Bool
            switch query {
            case .onTime: v = outcome == .onTime
            case .late: v = outcome == .late
            case .refused: v = outcome == .refused
            case .answered: v = outcome == .onTime || outcome == .late || outcome == .refused
            }
            return record(&trace, "\(query.rawValue)(\(scenario.requests[q].id))", .bool(v))
        case .points(let role):
            return record(&trace, "points(\(roleID(role)))", .number(state.points[role]))
        case .extreme(let isMax, let args):
            let values = args.map { evaluate($0, &trace) }
            guard var best = values.first else { return .number(0) }
            for v in values.dropFirst() where isMax ? v.asNumber > best.asNumber : v.asNumber < best.asNumber {
                best = v
            }
            return best
        }
    }

    /// When an item reached a role, or every role (the latest of them); ``neverMinutes`` if not yet.
    func knownAt(_ item: ItemIndex, _ who: RoleOrAll) -> Int {
        switch who {
        case .role(let role): return state.knownAt[item.rawValue * roleCount + role]
        case .all: return (0..<roleCount).map { state.knownAt[item.rawValue * roleCount + $0] }.max() ?? neverMinutes
        }
    }

    private func binary(_ op: BinaryOperator, _ x: Value, _ y: Value) -> Value {
        switch op {
        case .equal: return .bool(x == y)
        case .notEqual: return .bool(x != y)
        case .less: return .bool(x.asNumber < y.asNumber)
        case .lessEqual: return .bool(x.asNumber <= y.asNumber)
        case .greater: return .bool(x.asNumber > y.asNumber)
        case .greaterEqual: return .bool(x.asNumber >= y.asNumber)
        case .add, .subtract:
            let sign: Double = op == .add ? 1 : -1
            if case .duration(let a) = x, case .duration(let b) = y { return .duration(a + Int(sign) * b) }
            return .number(x.asNumber + sign * y.asNumber)
        case .multiply:
            if case .duration(let a) = x { return .duration(Int((Double(a) * y.asNumber).rounded())) }
            if case .duration(let b) = y { return .duration(Int((Double(b) * x.asNumber).rounded())) }
            return .number(x.asNumber * y.asNumber)
        case .divide:
            let divisor = y.asNumber
            guard divisor != 0 else { return x.type == .duration && y.type == .number ? .duration(0) : .number(0) }
            if case .duration(let a) = x {
                if case .duration = y { return .number(Double(a) / divisor) }
                return .duration(Int((Double(a) / divisor).rounded()))
            }
            return .number(x.asNumber / divisor)
        case .and, .or:
            return .bool(false)
        }
    }
}

extension Session {
    /// The roles an objective's rating falls to, following the events its rules read: the responders late or
    /// missing its expected actions, the receivers of its requests not answered in time, the roles whose shares
    /// leaked its secrets (`leakers`, which only the events know), the roles its `chose`, `did` and measure terms
    /// name. The objective's `owner` only when the rules point at nobody; empty when there is no owner either.
    public func responsibleRoles(objective o: Int, leakers: (ItemIndex) -> [Int] = { _ in [] }) -> [Int] {
        var roles = Set<Int>()
        for rule in scenario.objectives[o].rules { collectRoles(rule.condition, leakers, into: &roles) }
        if roles.isEmpty, let owner = scenario.objectives[o].owner { roles.insert(owner) }
        return roles.sorted()
    }

    /// The responders of an expected action that fired who were late or missed it.
    public func failingResponders(expectation x: Int) -> [Int] {
        guard state.expectationStart[x] != nil else { return [] }
        let r = scenario.roles.count
        return scenario.expectations[x].responders.filter { role in
            let outcome = state.responderOutcome[x * (r + 1) + role]
            return outcome == .late || outcome == .missed
        }
    }

    private func collectRoles(_ e: Expr, _ leakers: (ItemIndex) -> [Int], into roles: inout Set<Int>) {
        switch e {
        case .constant, .variable, .time, .knows, .shared, .sharedAt, .visited, .decided, .fired, .points, .cleared,
            .resolvedBy:
            break
        case .position(_, let role, _): roles.insert(role)
        case .measure(_, let role): if let role { roles.insert(role) }
        case .not(let a), .negate(let a): collectRoles(a, leakers, into: &roles)
        case .binary(_, let a, let b):
            collectRoles(a, leakers, into: &roles)
            collectRoles(b, leakers, into: &roles)
        case .breached(let item), .leaked(let item, _): roles.formUnion(leakers(item))
        case .chose(_, let role), .did(_, let role): if let role { roles.insert(role) }
        case .expectation(let x, _): roles.formUnion(failingResponders(expectation: x))
        case .request(let q, _):
            let outcome = state.requestOutcome[q]
            if state.requestSentAt[q] != nil && outcome != .onTime && outcome != .pending {
                roles.insert(scenario.requests[q].to)
            }
        case .extreme(_, let list): for a in list { collectRoles(a, leakers, into: &roles) }
        }
    }
}
