/// Expressions: parsed, resolved and type-checked in one pass.
struct TypedExpr {
    var expr: Expr
    var type: ValueType
    var span: SourceSpan
}

extension Compiler {
    static let functionNames = [
        "knows", "shared", "shared_at", "breached", "visited", "chose", "did", "decided", "fired", "hit", "late",
        "missed", "on_time", "refused", "answered", "points", "measure", "min", "max",
    ]

    /// Parses an expression that must have `type`; reports and returns nil otherwise.
    mutating func condition(_ cursor: inout TokenCursor, type: ValueType = .bool, what: String = "a condition") -> Expr? {
        guard let typed = expression(&cursor) else { return nil }
        guard typed.type == type else {
            report(.typeMismatch, "expected \(what) (\(type.rawValue)), but this is a \(typed.type.rawValue)", typed.span)
            return nil
        }
        return typed.expr
    }

    mutating func expression(_ cursor: inout TokenCursor) -> TypedExpr? {
        guard !cursor.isAtEnd else {
            report(.expected, "expected an expression", cursor.here)
            return nil
        }
        return parseOr(&cursor)
    }

    private func join(_ a: SourceSpan, _ b: SourceSpan) -> SourceSpan {
        guard a.start.line == b.start.line else { return a }
        return SourceSpan(start: a.start, length: max(a.length, b.start.column + b.length - a.start.column))
    }

    private mutating func parseOr(_ c: inout TokenCursor) -> TypedExpr? {
        guard var left = parseAnd(&c) else { return nil }
        while c.skipWord("or") {
            guard let right = parseAnd(&c) else { return nil }
            guard requireBool(left, "or"), requireBool(right, "or") else { return nil }
            left = TypedExpr(expr: .binary(.or, left.expr, right.expr), type: .bool, span: join(left.span, right.span))
        }
        return left
    }

    private mutating func parseAnd(_ c: inout TokenCursor) -> TypedExpr? {
        guard var left = parseNot(&c) else { return nil }
        while c.skipWord("and") {
            guard let right = parseNot(&c) else { return nil }
            guard requireBool(left, "and"), requireBool(right, "and") else { return nil }
            left = TypedExpr(expr: .binary(.and, left.expr, right.expr), type: .bool, span: join(left.span, right.span))
        }
        return left
    }

    private mutating func requireBool(_ e: TypedExpr, _ op: String) -> Bool {
        guard e.type == .bool else {
            report(.typeMismatch, "`\(op)` needs conditions on both sides, but this is a \(e.type.rawValue)", e.span)
            return false
        }
        return true
    }

    private mutating func parseNot(_ c: inout TokenCursor) -> TypedExpr? {
        let start = c.here
        if c.skipWord("not") {
            guard let inner = parseNot(&c) else { return nil }
            guard requireBool(inner, "not") else { return nil }
            return TypedExpr(expr: .not(inner.expr), type: .bool, span: join(start, inner.span))
        }
        return parseComparison(&c)
    }

    private mutating func parseComparison(_ c: inout TokenCursor) -> TypedExpr? {
        guard let left = parseAdditive(&c) else { return nil }
        let ops: [String: BinaryOperator] = [
            "==": .equal, "!=": .notEqual, "<": .less, "<=": .lessEqual, ">": .greater, ">=": .greaterEqual,
        ]
        guard let token = c.current, case .symbol(let s) = token.kind, let op = ops[s] else {
            if let token = c.current, token.isSymbol("=") {
                report(.expected, "use `==` to compare; a single `=` only appears in `set`", c.node.span(token), fixIt: "==")
                return nil
            }
            return left
        }
        c.advance()
        guard let right = parseAdditive(&c) else { return nil }
        let span = join(left.span, right.span)
        guard left.type == right.type else {
            report(.typeMismatch, "cannot compare a \(left.type.rawValue) with a \(right.type.rawValue)", span)
            return nil
        }
        if op != .equal && op != .notEqual && !(left.type == .number || left.type == .duration) {
            report(.typeMismatch, "`\(s)` compares numbers or durations, not \(left.type.rawValue)s", span)
            return nil
        }
        return TypedExpr(expr: .binary(op, left.expr, right.expr), type: .bool, span: span)
    }

    private mutating func parseAdditive(_ c: inout TokenCursor) -> TypedExpr? {
        guard var left = parseMultiplicative(&c) else { return nil }
        while let token = c.current, token.isSymbol("+") || token.isSymbol("-") {
            c.advance()
            guard let right = parseMultiplicative(&c) else { return nil }
            let op: BinaryOperator = token.isSymbol("+") ? .add : .subtract
            let span = join(left.span, right.span)
            guard left.type == right.type, left.type == .number || left.type == .duration else {
                report(.typeMismatch,
                       "cannot \(op == .add ? "add" : "subtract") a \(right.type.rawValue) \(op == .add ? "to" : "from") a \(left.type.rawValue)"
                           + (left.type == .duration || right.type == .duration ? "; write numbers of minutes as durations, like 30m" : ""),
                       span)
                return nil
            }
            left = TypedExpr(expr: .binary(op, left.expr, right.expr), type: left.type, span: span)
        }
        return left
    }

    private mutating func parseMultiplicative(_ c: inout TokenCursor) -> TypedExpr? {
        guard var left = parseUnary(&c) else { return nil }
        while let token = c.current, token.isSymbol("*") || token.isSymbol("/") {
            c.advance()
            guard let right = parseUnary(&c) else { return nil }
            let span = join(left.span, right.span)
            let type: ValueType?
            if token.isSymbol("*") {
                switch (left.type, right.type) {
                case (.number, .number): type = .number
                case (.duration, .number), (.number, .duration): type = .duration
                default: type = nil
                }
            } else {
                switch (left.type, right.type) {
                case (.number, .number): type = .number
                case (.duration, .number): type = .duration
                case (.duration, .duration): type = .number
                default: type = nil
                }
            }
            guard let type else {
                report(.typeMismatch, "cannot \(token.isSymbol("*") ? "multiply" : "divide") a \(left.type.rawValue) by a \(right.type.rawValue)", span)
                return nil
            }
            left = TypedExpr(expr: .binary(token.isSymbol("*") ? .multiply : .divide, left.expr, right.expr), type: type, span: span)
        }
        return left
    }

    private mutating func parseUnary(_ c: inout TokenCursor) -> TypedExpr? {
        let start = c.here
        if c.skipSymbol("-") {
            guard let inner = parseUnary(&c) else { return nil }
            guard inner.type == .number || inner.type == .duration else {
                report(.typeMismatch, "cannot negate a \(inner.type.rawValue)", inner.span)
                return nil
            }
            return TypedExpr(expr: .negate(inner.expr), type: inner.type, span: join(start, inner.span))
        }
        return parsePrimary(&c)
    }

    private mutating func parsePrimary(_ c: inout TokenCursor) -> TypedExpr? {
        guard let token = c.current else {
            report(.expected, "expected a value", c.here)
            return nil
        }
        let span = c.node.span(token)
        switch token.kind {
        case .number(let n):
            c.advance()
            return TypedExpr(expr: .constant(.number(n)), type: .number, span: span)
        case .duration(let m):
            c.advance()
            return TypedExpr(expr: .constant(.duration(m)), type: .duration, span: span)
        case .clock(let minutes):
            c.advance()
            var elapsed = minutes - scenario.header.clockStart
            if elapsed < 0 { elapsed += 1440 }
            return TypedExpr(expr: .constant(.duration(elapsed)), type: .duration, span: span)
        case .text(let t):
            c.advance()
            return TypedExpr(expr: .constant(.text(t)), type: .text, span: span)
        case .percent:
            report(.expected, "a percentage only follows `chance`", span)
            return nil
        case .symbol(let s):
            if s == "(" {
                c.advance()
                guard let inner = expression(&c) else { return nil }
                guard c.skipSymbol(")") else {
                    report(.expected, "expected ')'", c.here)
                    return nil
                }
                return inner
            }
            report(.expected, "expected a value, found '\(s)'", span)
            return nil
        case .identifier(let name):
            c.advance()
            switch name {
            case "true", "false":
                return TypedExpr(expr: .constant(.bool(name == "true")), type: .bool, span: span)
            case "time":
                return TypedExpr(expr: .time, type: .duration, span: span)
            default:
                break
            }
            if c.peekSymbol("(") {
                return call(name, span, &c)
            }
            if let index = lookup(.variable, name) {
                used[.variable, default: []].insert(index)
                readVariables.insert(index)
                return TypedExpr(expr: .variable(index), type: scenario.variables[index].initial.type, span: span)
            }
            if let index = lookup(.measure, name) {
                used[.measure, default: []].insert(index)
                return TypedExpr(expr: .measure(index, role: nil), type: .number, span: span)
            }
            if Self.functionNames.contains(name) {
                report(.expected, "`\(name)` is a function: write \(name)(…)", span)
                return nil
            }
            let candidates = (names[.variable].map { Array($0.keys) } ?? []) + (names[.measure].map { Array($0.keys) } ?? [])
            if let other = ElementKind.allCases.first(where: { names[$0]?[name] != nil }) {
                report(.wrongKind, "'\(name)' is a \(other.rawValue); only state variables and measures have values here", span)
            } else if let guess = closestMatch(to: name, in: candidates + ["time", "true", "false"]) {
                report(.undefinedID, "unknown state variable '\(name)' (did you mean '\(guess)'?)", span, fixIt: guess)
            } else {
                report(.undefinedID, "unknown state variable '\(name)'", span)
            }
            return nil
        }
    }

    // MARK: Functions

    private mutating func call(_ name: String, _ nameSpan: SourceSpan, _ c: inout TokenCursor) -> TypedExpr? {
        c.advance()  // (
        var raw: [TypedExpr] = []
        var identifiers: [(String, SourceSpan)?] = []
        // Collect arguments: identifiers stay names; anything else is an expression.
        if !c.peekSymbol(")") {
            repeat {
                if let token = c.current, let id = token.identifier, c.next?.isSymbol(",") == true || c.next?.isSymbol(")") == true,
                    !["true", "false", "time"].contains(id), lookup(.variable, id) == nil || name == "min" || name == "max"
                {
                    if name == "min" || name == "max" {
                        guard let e = expression(&c) else { return nil }
                        raw.append(e)
                        identifiers.append(nil)
                    } else {
                        identifiers.append((id, c.node.span(token)))
                        c.advance()
                    }
                } else {
                    guard let e = expression(&c) else { return nil }
                    raw.append(e)
                    identifiers.append(nil)
                }
            } while c.skipSymbol(",")
        }
        guard c.skipSymbol(")") else {
            report(.expected, "expected ')' to close \(name)(…)", c.here)
            return nil
        }
        let span = join(nameSpan, SourceSpan(start: c.node.location(column: (c.tokens[c.index - 1].column)), length: 1))
        let count = identifiers.count

        func arity(_ range: ClosedRange<Int>, _ usage: String) -> Bool {
            guard range.contains(count) else {
                report(.argumentCount, "\(name) takes \(usage)", span)
                return false
            }
            return true
        }
        func id(_ i: Int, _ kind: ElementKind) -> Int? {
            guard let (n, s) = identifiers[i] else {
                report(.expected, "expected the id of a \(kind.rawValue) here", span)
                return nil
            }
            return resolve(kind, n, s)
        }
        func roleOrAll(_ i: Int) -> RoleOrAll? {
            guard let (n, s) = identifiers[i] else {
                report(.expected, "expected a role id or `all` here", span)
                return nil
            }
            if n == "all" { return .all }
            return resolve(.role, n, s).map { .role($0) }
        }
        func optionalRole(_ i: Int) -> Int?? {
            if count <= i { return .some(nil) }
            guard let r = id(i, .role) else { return nil }
            return .some(r)
        }

        switch name {
        case "knows":
            guard arity(2...2, "a role and an item: knows(transport, road_status)"),
                let r = id(0, .role), let i = id(1, .item)
            else { return nil }
            return TypedExpr(expr: .knows(role: r, item: i), type: .bool, span: span)
        case "shared", "shared_at":
            guard arity(name == "shared" ? 2...2 : 1...2, "an item and a role or `all`: \(name)(rain_forecast, all)"),
                let i = id(0, .item)
            else { return nil }
            let who = count > 1 ? roleOrAll(1) : .all
            guard let who else { return nil }
            return name == "shared"
                ? TypedExpr(expr: .shared(item: i, who), type: .bool, span: span)
                : TypedExpr(expr: .sharedAt(item: i, who), type: .duration, span: span)
        case "breached":
            guard arity(1...1, "an item"), let i = id(0, .item) else { return nil }
            return TypedExpr(expr: .breached(i), type: .bool, span: span)
        case "visited":
            guard arity(1...1, "a scene"), let s = id(0, .scene) else { return nil }
            return TypedExpr(expr: .visited(s), type: .bool, span: span)
        case "chose":
            guard arity(1...2, "a choice and optionally a role"), let ch = id(0, .choice), let r = optionalRole(1) else { return nil }
            return TypedExpr(expr: .chose(ch, role: r), type: .bool, span: span)
        case "did":
            guard arity(1...2, "an action and optionally a role"), let a = id(0, .action), let r = optionalRole(1) else { return nil }
            return TypedExpr(expr: .did(a, role: r), type: .bool, span: span)
        case "decided":
            guard arity(2...2, "a decision and one of its options: decided(metro, suspend)"), let d = id(0, .decision),
                let (optionName, optionSpan) = identifiers[1]
            else { return nil }
            let decisionID = scenario.decisions[d].id
            guard let o = lookup(.option, decisionID + "." + optionName) else {
                let options = (names[.option] ?? [:]).keys.filter { $0.hasPrefix(decisionID + ".") }.map { String($0.dropFirst(decisionID.count + 1)) }
                let guess = closestMatch(to: optionName, in: options)
                report(.undefinedID, "decision '\(decisionID)' has no option '\(optionName)'" + (guess.map { " (did you mean '\($0)'?)" } ?? ""),
                       optionSpan, fixIt: guess)
                return nil
            }
            return TypedExpr(expr: .decided(d, option: o), type: .bool, span: span)
        case "fired":
            guard arity(1...1, "an inject"), let i = id(0, .inject) else { return nil }
            return TypedExpr(expr: .fired(i), type: .bool, span: span)
        case "hit", "missed":
            guard arity(1...1, "an expected action"), let e = id(0, .expectation) else { return nil }
            return TypedExpr(expr: .expectation(e, name == "hit" ? .hit : .missed), type: .bool, span: span)
        case "late":
            guard arity(1...1, "an expected action or a request"), let (n, s) = identifiers[0] else {
                if count == 1 { report(.expected, "expected the id of an expected action or a request", span) }
                return nil
            }
            if let e = lookup(.expectation, n) {
                used[.expectation, default: []].insert(e)
                return TypedExpr(expr: .expectation(e, .late), type: .bool, span: span)
            }
            guard let r = resolve(.request, n, s) else { return nil }
            return TypedExpr(expr: .request(r, .late), type: .bool, span: span)
        case "on_time", "refused", "answered":
            guard arity(1...1, "a request"), let r = id(0, .request) else { return nil }
            let q: Expr.RequestQuery = name == "on_time" ? .onTime : name == "refused" ? .refused : .answered
            return TypedExpr(expr: .request(r, q), type: .bool, span: span)
        case "points":
            guard arity(1...1, "a role"), let r = id(0, .role) else { return nil }
            return TypedExpr(expr: .points(r), type: .number, span: span)
        case "measure":
            guard arity(1...2, "a measure and optionally a role"), let m = id(0, .measure), let r = optionalRole(1) else { return nil }
            return TypedExpr(expr: .measure(m, role: r), type: .number, span: span)
        case "min", "max":
            guard arity(1...16, "one or more values of one type") else { return nil }
            let type = raw[0].type
            guard type == .number || type == .duration, raw.allSatisfy({ $0.type == type }) else {
                report(.typeMismatch, "\(name) takes numbers or durations, all of one type", span)
                return nil
            }
            return TypedExpr(expr: .extreme(isMax: name == "max", raw.map(\.expr)), type: type, span: span)
        default:
            if let guess = closestMatch(to: name, in: Self.functionNames) {
                report(.unknownFunction, "unknown function '\(name)' (did you mean '\(guess)'?)", nameSpan, fixIt: guess)
            } else {
                report(.unknownFunction, "unknown function '\(name)'", nameSpan)
            }
            return nil
        }
    }
}
