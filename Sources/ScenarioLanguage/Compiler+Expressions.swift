/// Expressions: parsed, resolved and type-checked in one pass.
struct TypedExpr {
    var expr: Expr
    /// The type, or nil when the expression is wrong and its error already reported: it then type-checks with
    /// anything, so that one mistake gives one diagnostic.
    var type: ValueType?
    var span: SourceSpan
}

extension Compiler {
    static let functionNames = [
        "knows", "shared", "shared_at", "breached", "cleared", "leaked", "leaked_to", "visited", "chose", "did",
        "decided", "fired", "hit", "late",
        "missed", "on_time", "refused", "answered", "points", "measure", "min", "max", "resolved_by", "position",
    ]

    /// How deeply expressions may nest (parentheses, `not`, unary minus, function calls).
    static let maximumExpressionDepth = 64

    /// How many binary operators one expression may hold. A chain like `a and b and …` is read by a loop, but it
    /// makes a tree as deep as it is long, and every walk over that tree (type checks, analysis, evaluation, even
    /// freeing it) recurses once per operator: about 90,000 of them overflowed the stack. No exercise needs more
    /// than a few dozen; the limit leaves room and keeps every walk shallow.
    static let maximumExpressionOperators = 1_000

    /// Parses an expression that must have `type`; reports and returns nil otherwise.
    ///
    /// A malformed expression is reported and the rest of its line skipped; an expression that is well formed but
    /// wrong (an unknown id, a type error) is reported once and the line read on.
    ///
    /// - Parameter checkConstant: whether the analysis should warn when the condition can never hold or always holds.
    mutating func condition(
        _ cursor: inout TokenCursor, type: ValueType = .bool, what: MessageArgument = .aCondition,
        checkConstant: Bool = false
    ) -> Expr? {
        guard let parsed = expression(&cursor) else { return nil }
        let typed = Self.zero(parsed, as: type)
        guard let found = typed.type else { return nil }
        guard found == type else {
            report(.typeMismatch(expected: what, type: type, found: found), typed.span)
            return nil
        }
        if checkConstant { constantChecks.append((typed.expr, typed.span)) }
        return typed.expr
    }

    /// Parses an expression; nil when it is malformed (reported, and the rest of the line skipped).
    mutating func expression(_ cursor: inout TokenCursor) -> TypedExpr? {
        guard !cursor.isAtEnd else {
            report(.expectedExpression, cursor.here)
            return nil
        }
        if expressionDepth == 0 { expressionOperators = 0 }
        guard enterNesting(&cursor) else { return nil }
        defer { expressionDepth -= 1 }
        return parseOr(&cursor)
    }

    /// Counts one level of nesting; reports when expressions nest too deeply.
    private mutating func enterNesting(_ cursor: inout TokenCursor) -> Bool {
        expressionDepth += 1
        guard expressionDepth <= Self.maximumExpressionDepth else {
            expressionDepth -= 1
            syntaxError(.expressionTooDeep(limit: Self.maximumExpressionDepth), &cursor)
            return false
        }
        return true
    }

    /// Reports a malformed expression and skips the rest of its line, so that it gives one diagnostic.
    private mutating func syntaxError(
        _ message: CompilerMessage, _ c: inout TokenCursor, at span: SourceSpan? = nil, fixIts: [FixIt] = []
    ) {
        report(message, span ?? c.here, fixIts: fixIts)
        c.skipToEnd()
    }

    private func poisoned(_ span: SourceSpan) -> TypedExpr {
        TypedExpr(expr: .constant(.bool(false)), type: nil, span: span)
    }

    private func join(_ a: SourceSpan, _ b: SourceSpan) -> SourceSpan {
        guard a.start.line == b.start.line, a.start.file == b.start.file else { return a }
        return SourceSpan(start: a.start, length: max(a.length, b.start.column + b.length - a.start.column))
    }

    /// The binary operator at the cursor, with its precedence: `or` 1, `and` 2, comparisons 4, `+ -` 5, `* /` 6.
    private func binaryOperator(_ c: TokenCursor) -> (BinaryOperator, Int)? {
        guard let token = c.current else { return nil }
        switch token.kind {
        case .identifier("or"): return (.or, 1)
        case .identifier("and"): return (.and, 2)
        case .symbol("=="): return (.equal, 4)
        case .symbol("!="): return (.notEqual, 4)
        case .symbol("<"): return (.less, 4)
        case .symbol("<="): return (.lessEqual, 4)
        case .symbol(">"): return (.greater, 4)
        case .symbol(">="): return (.greaterEqual, 4)
        case .symbol("+"): return (.add, 5)
        case .symbol("-"): return (.subtract, 5)
        case .symbol("*"): return (.multiply, 6)
        case .symbol("/"): return (.divide, 6)
        default: return nil
        }
    }

    /// Precedence climbing: operators from loosest to tightest are `or`, `and`, `not`, comparisons, `+ -`, `* /`,
    /// unary `-`.
    private mutating func parseOr(_ c: inout TokenCursor, _ minimum: Int = 1) -> TypedExpr? {
        guard var left = parsePrefix(&c) else { return nil }
        while let (op, precedence) = binaryOperator(c), precedence >= minimum {
            expressionOperators += 1
            guard expressionOperators <= Self.maximumExpressionOperators else {
                syntaxError(.expressionTooLong(limit: Self.maximumExpressionOperators), &c)
                return nil
            }
            c.advance()
            guard let right = parseOr(&c, precedence + 1) else { return nil }
            left = combine(op, left, right)
            if precedence == 4, let (_, next) = binaryOperator(c), next == 4 {
                syntaxError(.chainedComparison, &c)
                return nil
            }
        }
        if let token = c.current, token.isSymbol("=") {
            let equals = c.node.span(token)
            syntaxError(
                .singleEquals, &c, at: equals, fixIts: [.replace(equals, "=", with: "==")])
            return nil
        }
        return left
    }

    /// `not`, unary minus, or a primary value.
    private mutating func parsePrefix(_ c: inout TokenCursor) -> TypedExpr? {
        let start = c.here
        if c.skipWord("not") {
            guard enterNesting(&c) else { return nil }
            defer { expressionDepth -= 1 }
            guard let inner = parseOr(&c, 3) else { return nil }
            let span = join(start, inner.span)
            guard requireBool(inner, "not"), inner.type != nil else { return poisoned(span) }
            return TypedExpr(expr: .not(inner.expr), type: .bool, span: span)
        }
        if c.skipSymbol("-") {
            guard enterNesting(&c) else { return nil }
            defer { expressionDepth -= 1 }
            guard let inner = parseOr(&c, 7) else { return nil }
            let span = join(start, inner.span)
            guard let type = inner.type else { return poisoned(span) }
            guard type == .number || type == .duration else {
                report(.cannotNegate(type), inner.span)
                return poisoned(span)
            }
            return TypedExpr(expr: .negate(inner.expr), type: type, span: span)
        }
        return parsePrimary(&c)
    }

    /// A literal `0` where a duration is wanted is the duration 0: `max(6h - time, 0)`, `time > 0`.
    static func zero(_ e: TypedExpr, as type: ValueType?) -> TypedExpr {
        guard type == .duration, case .constant(.number(0)) = e.expr else { return e }
        return TypedExpr(expr: .constant(.duration(0)), type: .duration, span: e.span)
    }

    /// A binary operation, type-checked.
    private mutating func combine(_ op: BinaryOperator, _ left: TypedExpr, _ right: TypedExpr) -> TypedExpr {
        let (left, right) = (Self.zero(left, as: right.type), Self.zero(right, as: left.type))
        let span = join(left.span, right.span)
        switch op {
        case .and, .or:
            let ok = requireBool(left, op.rawValue) && requireBool(right, op.rawValue)
            guard ok, left.type != nil, right.type != nil else { return poisoned(span) }
            return TypedExpr(expr: .binary(op, left.expr, right.expr), type: .bool, span: span)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            guard let lt = left.type, let rt = right.type else { return poisoned(span) }
            guard lt == rt else {
                report(.cannotCompare(lt, with: rt), span)
                return poisoned(span)
            }
            if op != .equal && op != .notEqual && !(lt == .number || lt == .duration) {
                report(.ordersOnlyNumbers(op.rawValue, not: lt), span)
                return poisoned(span)
            }
            return TypedExpr(expr: .binary(op, left.expr, right.expr), type: .bool, span: span)
        case .add, .subtract:
            guard let lt = left.type, let rt = right.type else { return poisoned(span) }
            guard lt == rt, lt == .number || lt == .duration else {
                report(op == .add ? .cannotAdd(rt, to: lt) : .cannotSubtract(rt, from: lt), span)
                return poisoned(span)
            }
            return TypedExpr(expr: .binary(op, left.expr, right.expr), type: lt, span: span)
        case .multiply, .divide:
            guard let lt = left.type, let rt = right.type else { return poisoned(span) }
            let multiply = op == .multiply
            let type: ValueType?
            switch (multiply, lt, rt) {
            case (_, .number, .number): type = .number
            case (true, .duration, .number), (true, .number, .duration), (false, .duration, .number): type = .duration
            case (false, .duration, .duration): type = .number
            default: type = nil
            }
            guard let type else {
                report(multiply ? .cannotMultiply(lt, by: rt) : .cannotDivide(lt, by: rt), span)
                return poisoned(span)
            }
            return TypedExpr(expr: .binary(op, left.expr, right.expr), type: type, span: span)
        }
    }

    /// Reports an operand of `and`, `or` or `not` that is not a flag; true when it is one (or already wrong).
    private mutating func requireBool(_ e: TypedExpr, _ op: String) -> Bool {
        guard let type = e.type, type != .bool else { return true }
        report(.needsConditions(op, found: type), e.span)
        return false
    }

    private mutating func parsePrimary(_ c: inout TokenCursor) -> TypedExpr? {
        guard let token = c.current else {
            syntaxError(.expectedValue, &c)
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
        case .invalid:
            c.advance()
            return poisoned(span)
        case .percent:
            c.advance()
            report(.percentOutsideChance, span)
            return poisoned(span)
        case .symbol(let s):
            if s == "(" {
                c.advance()
                guard let inner = expression(&c) else { return nil }
                guard c.skipSymbol(")") else {
                    syntaxError(.unclosedParenthesis, &c, at: span)
                    return nil
                }
                return inner
            }
            syntaxError(.expectedValue(found: s), &c, at: span)
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
                use(.variable, index, name: name, at: span)
                readVariables.insert(index)
                return TypedExpr(expr: .variable(index), type: scenario.variables[index].initial.type, span: span)
            }
            if let index = lookup(.measure, name) {
                use(.measure, index, name: name, at: span, place: .variable)
                return TypedExpr(expr: .measure(index, role: nil), type: .number, span: span)
            }
            if Self.functionNames.contains(name) {
                report(.functionWithoutCall(name), span)
                return poisoned(span)
            }
            unresolved(.variable, name, at: span)
            let candidates =
                (names[.variable].map { Array($0.keys) } ?? []) + (names[.measure].map { Array($0.keys) } ?? [])
            if let other = ElementKind.allCases.first(where: { names[$0]?[name] != nil }) {
                report(.notAValue(name, is: other), span)
            } else if let guess = suggest(name, in: candidates + ["time", "true", "false"]) {
                report(.unknownElement(.variable, name, guess: guess), span, fixIts: didYouMean(span, name, guess))
            } else {
                report(.unknownElement(.variable, name, guess: nil), span)
            }
            return poisoned(span)
        }
    }

    // MARK: Functions

    /// An argument of a function: a bare id (kept as a name), or an expression.
    private struct Argument {
        var name: String?
        var value: TypedExpr?
        var span: SourceSpan
    }

    private mutating func call(_ name: String, _ nameSpan: SourceSpan, _ c: inout TokenCursor) -> TypedExpr? {
        let open = c.here
        c.advance()  // (
        guard enterNesting(&c) else { return nil }
        defer { expressionDepth -= 1 }
        var arguments: [Argument] = []
        let numeric = name == "min" || name == "max"
        // Collect arguments: bare ids stay names (except for min and max); anything else is an expression.
        if !c.peekSymbol(")") {
            repeat {
                if !numeric, let token = c.current, let id = token.identifier,
                    c.next?.isSymbol(",") == true || c.next?.isSymbol(")") == true,
                    !["true", "false", "time"].contains(id), lookup(.variable, id) == nil
                {
                    arguments.append(Argument(name: id, span: c.node.span(token)))
                    c.advance()
                } else {
                    guard let e = expression(&c) else { return nil }
                    arguments.append(Argument(value: e, span: e.span))
                }
            } while c.skipSymbol(",")
        }
        guard c.skipSymbol(")") else {
            syntaxError(.unclosedCall(name), &c, at: c.isAtEnd ? c.here : open)
            return nil
        }
        let span = join(nameSpan, SourceSpan(start: c.node.location(column: c.tokens[c.index - 1].column), length: 1))
        if name == "resolved_by" || name == "position" {
            return comparedCall(name, span, arguments, &c)
        }
        return callBody(name, nameSpan, span, arguments) ?? poisoned(span)
    }

    /// `resolved_by(D) == HOW` and `position(D, ROLE) == OPTION` (or `!=`): the call is read with its comparison,
    /// since what it is compared with is a word of its own (a way of settling, an option of D, `abstain`).
    private mutating func comparedCall(
        _ name: String, _ span: SourceSpan, _ arguments: [Argument], _ c: inout TokenCursor
    ) -> TypedExpr {
        let position = name == "position"
        let arity = position ? 2 : 1
        guard arguments.count == arity else {
            report(.argumentCount(name, .usage(position ? "position" : "resolvedBy")), span)
            return poisoned(span)
        }
        var decision: Int?
        if let n = arguments[0].name {
            decision = resolve(.decision, n, arguments[0].span)
        } else if arguments[0].value?.type != nil {
            report(.expectedIDOf(.decision), arguments[0].span)
        }
        var role: Int?
        if position {
            if let n = arguments[1].name {
                role = resolve(.role, n, arguments[1].span)
            } else if arguments[1].value?.type != nil {
                report(.expectedIDOf(.role), arguments[1].span)
            }
        }
        let words =
            position
            ? (decision.map { scenario.decisions[$0].options.map { scenario.options[$0].id } } ?? []) + ["abstain"]
            : SettledBy.allCases.map(\.rawValue)
        let negated = c.peekSymbol("!=")
        guard c.peekSymbol("==") || negated else {
            report(.needsComparison(name, words.joined(separator: ", ")), span)
            return poisoned(span)
        }
        c.advance()
        guard let (word, wordSpan) = c.identifier() else {
            report(.needsComparison(name, words.joined(separator: ", ")), c.here)
            c.skipToEnd()
            return poisoned(span)
        }
        let whole = join(span, wordSpan)
        guard let d = decision, !position || role != nil else { return poisoned(whole) }
        let expr: Expr
        if position, let role {
            if word == "abstain" {
                expr = .position(DecisionIndex(d), role: role, option: nil)
            } else {
                let decisionID = scenario.decisions[d].id
                guard let o = lookup(.option, decisionID + "." + word) else {
                    unresolved(.option, word, at: wordSpan)
                    let guess = suggest(word, in: words)
                    report(
                        .noSuchOption(word, of: decisionID, guess: guess), wordSpan,
                        fixIts: didYouMean(wordSpan, word, guess))
                    return poisoned(whole)
                }
                use(.option, o, name: word, at: wordSpan)
                expr = .position(DecisionIndex(d), role: role, option: o)
            }
        } else {
            guard let how = SettledBy(rawValue: word) else {
                let guess = suggest(word, in: words)
                report(.noSuchSettlement(word, guess: guess), wordSpan, fixIts: didYouMean(wordSpan, word, guess))
                return poisoned(whole)
            }
            expr = .resolvedBy(DecisionIndex(d), how)
        }
        return TypedExpr(expr: negated ? .not(expr) : expr, type: .bool, span: whole)
    }

    /// Resolves and types a call whose arguments are read; nil when it is wrong (and reported).
    private mutating func callBody(
        _ name: String, _ nameSpan: SourceSpan, _ span: SourceSpan, _ arguments: [Argument]
    ) -> TypedExpr? {
        let count = arguments.count

        func arity(_ range: ClosedRange<Int>, _ usage: MessageArgument) -> Bool {
            guard range.contains(count) else {
                report(.argumentCount(name, usage), span)
                return false
            }
            return true
        }
        func id(_ i: Int, _ kind: ElementKind) -> Int? {
            guard let n = arguments[i].name else {
                if arguments[i].value?.type != nil {
                    report(.expectedIDOf(kind), arguments[i].span)
                }
                return nil
            }
            return resolve(kind, n, arguments[i].span)
        }
        func roleOrAll(_ i: Int) -> RoleOrAll? {
            if arguments[i].name == "all" { return .all }
            return id(i, .role).map { .role($0) }
        }
        func optionalRole(_ i: Int) -> Int?? {
            if count <= i { return .some(nil) }
            guard let r = id(i, .role) else { return nil }
            return .some(r)
        }

        switch name {
        case "knows":
            guard arity(2...2, .usage("knows")) else { return nil }
            let (r, i) = (id(0, .role), id(1, .item))
            guard let r, let i else { return nil }
            return TypedExpr(expr: .knows(role: r, item: ItemIndex(i)), type: .bool, span: span)
        case "shared", "shared_at":
            let usage: MessageArgument = .usage(name == "shared" ? "shared" : "sharedAt")
            guard arity(name == "shared" ? 2...2 : 1...2, usage) else { return nil }
            let i = id(0, .item)
            let who = count > 1 ? roleOrAll(1) : .all
            guard let i, let who else { return nil }
            return name == "shared"
                ? TypedExpr(expr: .shared(item: ItemIndex(i), who), type: .bool, span: span)
                : TypedExpr(expr: .sharedAt(item: ItemIndex(i), who), type: .duration, span: span)
        case "breached":
            guard arity(1...1, .usage("breached")), let i = id(0, .item) else { return nil }
            return TypedExpr(expr: .breached(ItemIndex(i)), type: .bool, span: span)
        case "cleared":
            guard arity(2...2, .usage("cleared")) else { return nil }
            let (r, i) = (id(0, .role), id(1, .item))
            guard let r, let i else { return nil }
            return TypedExpr(expr: .cleared(role: r, item: ItemIndex(i)), type: .bool, span: span)
        case "leaked":
            guard arity(1...1, .usage("leaked")), let i = id(0, .item) else { return nil }
            return TypedExpr(expr: .leaked(ItemIndex(i), party: nil), type: .bool, span: span)
        case "leaked_to":
            guard arity(2...2, .usage("leakedTo")) else { return nil }
            let (i, p) = (id(0, .item), id(1, .party))
            guard let i, let p else { return nil }
            return TypedExpr(expr: .leaked(ItemIndex(i), party: p), type: .bool, span: span)
        case "visited":
            guard arity(1...1, .usage("visited")), let s = id(0, .scene) else { return nil }
            return TypedExpr(expr: .visited(s), type: .bool, span: span)
        case "chose":
            guard arity(1...2, .usage("chose")) else { return nil }
            let (ch, r) = (id(0, .choice), optionalRole(1))
            guard let ch, let r else { return nil }
            referencedChoices.insert(ch)
            return TypedExpr(expr: .chose(ch, role: r), type: .bool, span: span)
        case "did":
            guard arity(1...2, .usage("did")) else { return nil }
            let (a, r) = (id(0, .action), optionalRole(1))
            guard let a, let r else { return nil }
            return TypedExpr(expr: .did(a, role: r), type: .bool, span: span)
        case "decided":
            guard arity(2...2, .usage("decided")), let d = id(0, .decision)
            else { return nil }
            guard let optionName = arguments[1].name else {
                report(.expectedOption(of: scenario.decisions[d].id), arguments[1].span)
                return nil
            }
            let decisionID = scenario.decisions[d].id
            guard let o = lookup(.option, decisionID + "." + optionName) else {
                let options = (names[.option] ?? [:]).keys.filter { $0.hasPrefix(decisionID + ".") }
                    .map { String($0.dropFirst(decisionID.count + 1)) }
                unresolved(.option, optionName, at: arguments[1].span)
                let guess = suggest(optionName, in: options)
                report(
                    .noSuchOption(optionName, of: decisionID, guess: guess), arguments[1].span,
                    fixIts: didYouMean(arguments[1].span, optionName, guess))
                return nil
            }
            use(.option, o, name: optionName, at: arguments[1].span)
            return TypedExpr(expr: .decided(DecisionIndex(d), option: o), type: .bool, span: span)
        case "fired":
            guard arity(1...1, .usage("fired")), let i = id(0, .inject) else { return nil }
            return TypedExpr(expr: .fired(i), type: .bool, span: span)
        case "hit", "missed":
            guard arity(1...1, .usage("expectation")), let e = id(0, .expectation) else { return nil }
            return TypedExpr(expr: .expectation(e, name == "hit" ? .hit : .missed), type: .bool, span: span)
        case "late":
            guard arity(1...1, .usage("late")) else { return nil }
            guard let n = arguments[0].name else {
                if arguments[0].value?.type != nil {
                    report(.expectedExpectationOrRequest, arguments[0].span)
                }
                return nil
            }
            if let e = lookup(.expectation, n) {
                use(.expectation, e, name: n, at: arguments[0].span)
                return TypedExpr(expr: .expectation(e, .late), type: .bool, span: span)
            }
            guard let r = resolve(.request, n, arguments[0].span) else { return nil }
            return TypedExpr(expr: .request(r, .late), type: .bool, span: span)
        case "on_time", "refused", "answered":
            guard arity(1...1, .usage("request")), let r = id(0, .request) else { return nil }
            let q: Expr.RequestQuery = name == "on_time" ? .onTime : name == "refused" ? .refused : .answered
            return TypedExpr(expr: .request(r, q), type: .bool, span: span)
        case "points":
            guard arity(1...1, .usage("points")), let r = id(0, .role) else { return nil }
            return TypedExpr(expr: .points(r), type: .number, span: span)
        case "measure":
            guard arity(1...2, .usage("measure")) else { return nil }
            let (m, r) = (id(0, .measure), optionalRole(1))
            guard let m, let r else { return nil }
            return TypedExpr(expr: .measure(m, role: r), type: .number, span: span)
        case "min", "max":
            guard arity(1...16, .usage("extreme", name)) else { return nil }
            var values = arguments.compactMap(\.value)
            guard values.count == count, values.allSatisfy({ $0.type != nil }) else { return nil }
            // A literal 0 among durations is the duration 0.
            let type = values.contains { $0.type == .duration } ? .duration : values[0].type
            values = values.map { Self.zero($0, as: type) }
            guard type == .number || type == .duration, let type else {
                report(.extremeTypes(name), span)
                return nil
            }
            if let odd = values.first(where: { $0.type != type }) {
                // Point at the argument of the other type, not at the whole call.
                if let found = odd.type { report(.extremeArgument(name, found: found, others: type), odd.span) }
                return nil
            }
            return TypedExpr(expr: .extreme(isMax: name == "max", values.map(\.expr)), type: type, span: span)
        default:
            if let guess = closestMatch(to: name, in: Self.functionNames) {
                report(.unknownFunction(name, guess: guess), nameSpan, fixIts: didYouMean(nameSpan, name, guess))
            } else {
                report(.unknownFunction(name, guess: nil), nameSpan)
            }
            return nil
        }
    }
}
