/// The messages of expressions: syntax, types, names and function calls.
extension CompilerMessage {
    /// A function called with the wrong number of arguments; `usage` says what it takes.
    static func argumentCount(_ function: String, _ usage: MessageArgument) -> Self {
        Self(.argumentCount, "argumentCount", .text(function), usage)
    }
    /// `+` on types that do not add; durations get a hint about minutes.
    static func cannotAdd(_ right: ValueType, to left: ValueType) -> Self {
        let hint = left == .duration || right == .duration
        return Self(.typeMismatch, hint ? "cannotAddDuration" : "cannotAdd", right.articleTerm, left.articleTerm)
    }
    /// `==`, `<`… between two types.
    static func cannotCompare(_ left: ValueType, with right: ValueType) -> Self {
        Self(.typeMismatch, "cannotCompare", left.articleTerm, right.articleTerm)
    }
    /// `/` on types that do not divide.
    static func cannotDivide(_ left: ValueType, by right: ValueType) -> Self {
        Self(.typeMismatch, "cannotDivide", left.articleTerm, right.articleTerm)
    }
    /// `*` on types that do not multiply.
    static func cannotMultiply(_ left: ValueType, by right: ValueType) -> Self {
        Self(.typeMismatch, "cannotMultiply", left.articleTerm, right.articleTerm)
    }
    /// Unary `-` on a type that has no negative.
    static func cannotNegate(_ type: ValueType) -> Self { Self(.typeMismatch, "cannotNegate", type.articleTerm) }
    /// `-` on types that do not subtract; durations get a hint about minutes.
    static func cannotSubtract(_ right: ValueType, from left: ValueType) -> Self {
        let hint = left == .duration || right == .duration
        return Self(
            .typeMismatch, hint ? "cannotSubtractDuration" : "cannotSubtract", right.articleTerm, left.articleTerm)
    }
    /// `a < b < c`.
    static var chainedComparison: Self { Self(.expected, "chainedComparison") }
    /// Nothing where an expression must be.
    static var expectedExpression: Self { Self(.expected, "expectedExpression") }
    /// An argument of `late` that is no id.
    static var expectedExpectationOrRequest: Self { Self(.expected, "expectedExpectationOrRequest") }
    /// An argument that should be an id of `kind`.
    static func expectedIDOf(_ kind: ElementKind) -> Self { Self(.expected, "expectedIDOf", kind.articleTerm) }
    /// The second argument of `decided` that is no id.
    static func expectedOption(of decision: String) -> Self { Self(.expected, "expectedOption", .text(decision)) }
    /// Nothing where a value must be.
    static var expectedValue: Self { Self(.expected, "expectedValue") }
    /// A symbol where a value must be.
    static func expectedValue(found symbol: String) -> Self { Self(.expected, "expectedValueFound", .text(symbol)) }
    /// Parentheses nested deeper than the compiler reads.
    static func expressionTooDeep(limit: Int) -> Self {
        Self(.nestingTooDeep, "expressionTooDeep", .text(String(limit)))
    }
    /// An expression with more binary operators than the compiler reads.
    static func expressionTooLong(limit: Int) -> Self {
        Self(.nestingTooDeep, "expressionTooLong", .text(String(limit)))
    }
    /// `min`/`max` over mixed or unordered types.
    static func extremeTypes(_ function: String) -> Self { Self(.typeMismatch, "extremeTypes", .text(function)) }
    /// An argument of `min` or `max` of another type than the rest.
    static func extremeArgument(_ function: String, found: ValueType, others: ValueType) -> Self {
        Self(.typeMismatch, "extremeArgument", .text(function), found.articleTerm, others.articleTerm)
    }
    /// A function's name without its arguments.
    static func functionWithoutCall(_ function: String) -> Self {
        Self(.expected, "functionWithoutCall", .text(function))
    }
    /// An operand of `and`, `or` or `not` that is not a condition.
    static func needsConditions(_ symbol: String, found type: ValueType) -> Self {
        Self(.typeMismatch, "needsConditions", .text(symbol), type.articleTerm)
    }
    /// `decided(d, o)` with an option `d` does not have, with the closest one.
    static func noSuchOption(_ option: String, of decision: String, guess: String?) -> Self {
        guard let guess else { return Self(.undefinedID, "noSuchOption", .text(decision), .text(option)) }
        return Self(.undefinedID, "noSuchOptionGuess", .text(decision), .text(option), .text(guess))
    }
    /// `resolved_by(D)` or `position(D, ROLE)` not compared with `==` or `!=` and a word.
    static func needsComparison(_ function: String, _ words: String) -> Self {
        Self(.expected, "needsComparison", .text(function), .text(words))
    }
    /// A way of settling a decision that does not exist.
    static func noSuchSettlement(_ word: String, guess: String?) -> Self {
        guard let guess else { return Self(.undefinedID, "noSuchSettlement", .text(word)) }
        return Self(.undefinedID, "noSuchSettlementGuess", .text(word), .text(guess))
    }
    /// An id of an element that has no value, used as a value.
    static func notAValue(_ name: String, is kind: ElementKind) -> Self {
        Self(.wrongKind, "notAValue", .text(name), kind.articleTerm)
    }
    /// `<`, `>`… on a type without an order.
    static func ordersOnlyNumbers(_ symbol: String, not type: ValueType) -> Self {
        Self(.typeMismatch, "ordersOnlyNumbers", .text(symbol), type.articleTerm)
    }
    /// A percentage outside `chance`.
    static var percentOutsideChance: Self { Self(.expected, "percentOutsideChance") }
    /// `=` in a condition.
    static var singleEquals: Self { Self(.expected, "singleEquals") }
    /// An expression of another type than the place needs; `expected` says what the place wants.
    static func typeMismatch(expected what: MessageArgument, type: ValueType, found: ValueType) -> Self {
        Self(.typeMismatch, "typeMismatch", what, type.term, found.articleTerm)
    }
    /// A call's `(` never closed.
    static func unclosedCall(_ function: String) -> Self { Self(.expected, "unclosedCall", .text(function)) }
    /// A `(` never closed.
    static var unclosedParenthesis: Self { Self(.expected, "unclosedParenthesis") }
    /// A call of no known function, with the closest one when there is one.
    static func unknownFunction(_ name: String, guess: String?) -> Self {
        guard let guess else { return Self(.unknownFunction, "unknownFunction", .text(name)) }
        return Self(.unknownFunction, "unknownFunctionGuess", .text(name), .text(guess))
    }
}

extension MessageArgument {
    /// What a function takes, by the name of its usage entry (`term.usage.NAME`), with the entry's arguments.
    static func usage(_ name: String, _ arguments: String...) -> Self {
        .term(Term("term.usage.\(name)", arguments: arguments.map(MessageArgument.text)))
    }
}
