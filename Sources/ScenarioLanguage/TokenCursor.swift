/// Reads the tokens of one line left to right, reporting what it expected when a line is malformed.
struct TokenCursor {
    let node: OutlineNode
    private(set) var index: Int

    /// The line's tokens, held here so that reading them does not go through the node each time.
    let tokens: [Token]

    init(_ node: OutlineNode, from index: Int = 0) {
        self.node = node
        self.tokens = node.tokens
        self.index = index
    }

    var isAtEnd: Bool { index >= tokens.count }
    var current: Token? { index < tokens.count ? tokens[index] : nil }
    var next: Token? { index + 1 < tokens.count ? tokens[index + 1] : nil }

    mutating func advance() { index += 1 }

    /// Moves past the last token of the line.
    mutating func skipToEnd() { index = tokens.count }

    /// Whether the current token is a malformed literal, already reported.
    var atInvalid: Bool { current?.kind == .invalid }

    /// Where the cursor points: the current token, or just past the end of the line.
    var here: SourceSpan {
        if let current { return node.span(current) }
        if let last = tokens.last {
            return SourceSpan(start: node.location(column: last.column + last.length), length: 1)
        }
        return SourceSpan(start: node.location(column: node.indent.count + 1), length: 1)
    }

    func peekWord(_ word: String) -> Bool { current?.isWord(word) == true }
    func peekSymbol(_ symbol: String) -> Bool { current?.isSymbol(symbol) == true }

    mutating func skipWord(_ word: String) -> Bool {
        guard peekWord(word) else { return false }
        advance()
        return true
    }

    mutating func skipSymbol(_ symbol: String) -> Bool {
        guard peekSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func identifier() -> (String, SourceSpan)? {
        guard let current, let name = current.identifier else { return nil }
        advance()
        return (name, node.span(current))
    }

    mutating func text() -> (String, SourceSpan)? {
        guard let current, case .text(let value) = current.kind else { return nil }
        advance()
        return (value, node.span(current))
    }

    mutating func number() -> (Double, SourceSpan)? {
        let negative = peekSymbol("-")
        let start = index
        if negative { advance() }
        guard let current else {
            index = start
            return nil
        }
        let value: Double
        switch current.kind {
        case .number(let n): value = n
        case .invalid: value = 0
        default:
            index = start
            return nil
        }
        advance()
        let span = SourceSpan(
            start: node.location(column: tokens[start].column),
            length: current.column + current.length - tokens[start].column)
        return (negative ? -value : value, span)
    }

    mutating func duration() -> (Int, SourceSpan)? {
        guard let current else { return nil }
        switch current.kind {
        case .duration(let minutes):
            advance()
            return (minutes, node.span(current))
        case .number(let value) where value == 0:
            advance()
            return (0, node.span(current))
        case .invalid:
            advance()
            return (0, node.span(current))
        default:
            return nil
        }
    }

    mutating func percent() -> (Double, SourceSpan)? {
        guard let current else { return nil }
        switch current.kind {
        case .percent(let value):
            advance()
            return (value, node.span(current))
        case .invalid:
            advance()
            return (0, node.span(current))
        default:
            return nil
        }
    }

    /// `LO..HI`, as written (the low bound may be above the high one).
    mutating func bounds() -> (Double, Double, SourceSpan)? {
        let start = index
        guard let (low, lowSpan) = number() else { return nil }
        guard skipSymbol(".."), let (high, highSpan) = number() else {
            index = start
            return nil
        }
        let span = SourceSpan(
            start: lowSpan.start, length: highSpan.start.column + highSpan.length - lowSpan.start.column)
        return (low, high, span)
    }

    /// `LO..HI`, with the bounds put in order.
    mutating func range() -> (ClosedRange<Double>, SourceSpan)? {
        guard let (low, high, span) = bounds() else { return nil }
        return (Swift.min(low, high)...Swift.max(low, high), span)
    }

    /// A comma-separated list of identifiers.
    mutating func identifierList() -> [(String, SourceSpan)] {
        var names: [(String, SourceSpan)] = []
        guard let first = identifier() else { return names }
        names.append(first)
        while skipSymbol(","), let name = identifier() { names.append(name) }
        return names
    }
}
