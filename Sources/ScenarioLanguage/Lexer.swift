/// A token of a `.ttx` line.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case identifier(String)
        case text(String)
        case number(Double)
        /// A duration in minutes.
        case duration(Int)
        /// A clock time in minutes after midnight.
        case clock(Int)
        case percent(Double)
        case symbol(String)
        /// A malformed literal, already reported: it stands for any literal so that it causes no further errors.
        case invalid
    }

    var kind: Kind
    /// 1-based column of the first character.
    var column: Int
    /// Length in characters.
    var length: Int

    var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let s) = kind { return s == symbol }
        return false
    }

    func isWord(_ word: String) -> Bool { identifier == word }
}

/// One logical line of a file: its indentation and tokens, or a `"""` block of narrative.
final class OutlineNode {
    let file: String
    let line: Int
    let indent: Substring
    var tokens: [Token]
    /// For a `"""` block: its text, with the common indentation removed.
    var textBlock: String?
    var children: [OutlineNode] = []
    /// The line the node's own text ends on: its line, or the closing `"""` line of a text block.
    let lastLine: Int

    init(file: String, line: Int, indent: Substring, tokens: [Token], textBlock: String? = nil, lastLine: Int? = nil) {
        self.file = file
        self.line = line
        self.indent = indent
        self.tokens = tokens
        self.textBlock = textBlock
        self.lastLine = max(line, lastLine ?? line)
    }

    func location(column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    func span(_ token: Token) -> SourceSpan { SourceSpan(start: location(column: token.column), length: token.length) }

    /// The span of the whole line's content (the opening quotes of a text block).
    var lineSpan: SourceSpan {
        guard let first = tokens.first, let last = tokens.last else {
            return SourceSpan(start: location(column: indent.count + 1), length: 3)
        }
        return SourceSpan(start: location(column: first.column), length: last.column + last.length - first.column)
    }
}

/// Splits a source file into an outline: lines of tokens nested by indentation.
///
/// The lexer never stops at an error: it reports it and carries on, so that one run finds every problem.
struct Lexer {
    /// How deeply blocks may nest.
    static let maximumDepth = 48
    /// How many columns a tab counts for when indentation mixing tabs and spaces has to be guessed at.
    static let tabWidth = 4

    let source: SourceFile
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceFile) { self.source = source }

    private struct Level {
        var indent: Substring
        var width: Int
        var parent: OutlineNode?
    }

    /// The top-level nodes of the file.
    mutating func outline() -> [OutlineNode] {
        var roots: [OutlineNode] = []
        // Each open level: its indentation and the node whose children are at that level (nil for the top).
        var stack: [Level] = [Level(indent: "", width: 0, parent: nil)]
        var lastNode: OutlineNode?
        var tooDeepReported = false
        var index = 0
        let lines = source.lines
        while index < lines.count {
            let number = index + 1
            let raw = lines[index]
            index += 1
            let indent = Self.indentation(raw)
            let content = raw[indent.endIndex...]
            guard let first = content.utf8.first, first != UInt8(ascii: "#") else { continue }

            let node: OutlineNode
            if first == UInt8(ascii: "\""), content.utf8.starts(with: Self.tripleQuote) {
                node = textBlock(lines, &index, number: number, indent: indent, content: content)
            } else {
                node = OutlineNode(
                    file: source.path, line: number, indent: indent,
                    tokens: tokenize(raw, line: number, from: indent.count))
            }

            // Place the node by its indentation.
            let top = stack[stack.count - 1]
            if indent == top.indent {
                // A sibling of the previous node at this level.
            } else if indent.hasPrefix(top.indent), let parent = lastNode {
                if parent.textBlock != nil {
                    report(.narrativeTakesNoBlock, line: number, column: indent.count + 1, length: 1)
                } else if stack.count > Self.maximumDepth {
                    if !tooDeepReported {
                        report(
                            .blocksTooDeep(limit: Self.maximumDepth), line: number, column: 1,
                            length: max(1, indent.count))
                        tooDeepReported = true
                    }
                    continue  // the line, and any deeper under it, is dropped with the error
                } else {
                    stack.append(Level(indent: indent, width: Self.width(indent), parent: parent))
                }
            } else if stack.contains(where: { $0.indent == indent }) {
                while stack[stack.count - 1].indent != indent { stack.removeLast() }
                if stack.count <= Self.maximumDepth { tooDeepReported = false }
            } else {
                place(inconsistent: indent, line: number, in: &stack, lastNode: lastNode)
            }
            if let parent = stack[stack.count - 1].parent {
                parent.children.append(node)
            } else {
                roots.append(node)
            }
            lastNode = node
        }
        return roots
    }

    /// Reports a line whose indentation matches no open block, and guesses where it belongs by its visual width.
    private mutating func place(
        inconsistent indent: Substring, line: Int, in stack: inout [Level], lastNode: OutlineNode?
    ) {
        let width = Self.width(indent)
        let mixes =
            indent.contains("\t") && indent.contains(" ")
            || stack.contains { !$0.indent.isEmpty && $0.indent.contains("\t") != indent.contains("\t") }
        let message: LexerMessage =
            lastNode == nil ? .firstLineIndented : mixes ? .mixedIndentation : .unmatchedIndentation
        report(message, line: line, column: 1, length: max(1, indent.count))
        // A line deeper than the block it follows opens a block under the line before it, when that line takes one;
        // else it joins the open level closest in width.
        let topWidth = stack[stack.count - 1].width
        if width > topWidth, let parent = lastNode, parent.textBlock == nil, stack.count <= Self.maximumDepth,
            Self.blockKeywords.contains(parent.tokens.first?.identifier ?? "")
        {
            stack.append(Level(indent: indent, width: width, parent: parent))
            return
        }
        // Join the open level closest in width; on a tie, the deeper one.
        var best = stack.count - 1
        var bestDistance = Int.max
        for (i, level) in stack.enumerated() where abs(level.width - width) <= bestDistance {
            best = i
            bestDistance = abs(level.width - width)
        }
        stack.removeLast(stack.count - 1 - best)
    }

    private static let tripleQuote: [UInt8] = Array("\"\"\"".utf8)

    /// The spaces and tabs that start a line.
    static func indentation(_ line: Substring) -> Substring {
        let utf8 = line.utf8
        var end = utf8.startIndex
        while end != utf8.endIndex, utf8[end] == UInt8(ascii: " ") || utf8[end] == UInt8(ascii: "\t") {
            end = utf8.index(after: end)
        }
        return line[line.startIndex..<end]
    }

    /// Whether a line holds only `"""` and spaces.
    static func isClosingQuotes(_ line: Substring) -> Bool {
        let utf8 = line.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex, utf8[i] == UInt8(ascii: " ") || utf8[i] == UInt8(ascii: "\t") {
            i = utf8.index(after: i)
        }
        for _ in 0..<3 {
            guard i != utf8.endIndex, utf8[i] == UInt8(ascii: "\"") else { return false }
            i = utf8.index(after: i)
        }
        while i != utf8.endIndex, utf8[i] == UInt8(ascii: " ") || utf8[i] == UInt8(ascii: "\t") {
            i = utf8.index(after: i)
        }
        return i == utf8.endIndex
    }

    /// The words that start a line taking an indented block.
    static let blockKeywords: Set<String> = [
        "exercise", "role", "info", "measure", "state", "objective", "ending", "inject", "action", "request", "scene",
        "duty", "ask", "decide", "choice", "option", "if", "elif", "else", "chance", "expect", "on", "accept", "refuse",
        "peer",
    ]

    /// The visual width of indentation, a tab counting to the next multiple of ``tabWidth``.
    static func width(_ indent: Substring) -> Int {
        var width = 0
        for c in indent.utf8 { width = c == UInt8(ascii: "\t") ? (width / tabWidth + 1) * tabWidth : width + 1 }
        return width
    }

    /// A `"""` block, from its opening line up to the line holding the closing `"""`.
    ///
    /// A block that is never closed is reported, and ends before the first line indented less than its opening
    /// quotes (or, for quotes at the start of a line, before the next line that starts with text), so that the
    /// rest of the file is still read.
    private mutating func textBlock(
        _ lines: [Substring], _ index: inout Int, number: Int, indent: Substring, content: Substring
    ) -> OutlineNode {
        var body: [Substring] = []
        var rest = content.dropFirst(3).trimmingSpaces()
        if rest.hasSuffix("\"\"\"") {
            // """ one line of narrative """
            rest = rest.dropLast(3).trimmingSpaces()
            reportControlCharacters(lines[(number - 1)..<number], firstLine: number)
            return OutlineNode(
                file: source.path, line: number, indent: indent, tokens: [], textBlock: Self.dedent([rest]))
        }
        if !rest.isEmpty && !rest.hasPrefix("#") { body.append(rest) }
        let start = index
        var closed = false
        while index < lines.count {
            let line = lines[index]
            index += 1
            if Self.isClosingQuotes(line) {
                closed = true
                break
            }
            if line.utf8.last == UInt8(ascii: "\"") || line.utf8.last == UInt8(ascii: " "),
                line.trimmingTrailingSpaces().hasSuffix("\"\"\"")
            {
                body.append(lines[index - 1].trimmingTrailingSpaces().dropLast(3))
                closed = true
                break
            }
            body.append(lines[index - 1])
        }
        if !closed {
            report(.unterminatedTextBlock, line: number, column: indent.count + 1, length: 3)
            // Recover: the block ends where the indentation returns to an outer level.
            let openWidth = Self.width(indent)
            index = start
            body = rest.isEmpty || rest.hasPrefix("#") ? [] : [rest]
            while index < lines.count {
                let line = lines[index]
                let lineIndent = line.prefix { $0 == " " || $0 == "\t" }
                let blank = line.trimmingSpaces().isEmpty
                if !blank && (openWidth == 0 || Self.width(lineIndent) < openWidth) { break }
                body.append(line)
                index += 1
            }
        }
        reportControlCharacters(lines[(number - 1)..<max(number, index)], firstLine: number)
        return OutlineNode(
            file: source.path, line: number, indent: indent, tokens: [], textBlock: Self.dedent(body), lastLine: index)
    }

    /// Whether a scalar is a control character a text may not hold: C0 but tab, DEL, C1. A terminal obeys them
    /// (`ESC [2J` clears the screen, U+009B starts a command), so an exercise must not carry them to its players.
    static func isControl(_ c: Unicode.Scalar) -> Bool {
        (c.value < 0x20 && c != "\t") || (c.value >= 0x7F && c.value < 0xA0)
    }

    /// Reports the first control character of a text block's lines (one error per block).
    private mutating func reportControlCharacters(_ block: ArraySlice<Substring>, firstLine: Int) {
        for (offset, line) in block.enumerated() where line.unicodeScalars.contains(where: Self.isControl) {
            guard let at = line.firstIndex(where: { $0.unicodeScalars.contains(where: Self.isControl) }) else {
                continue
            }
            let control = line[at].unicodeScalars.first(where: Self.isControl) ?? " "
            report(
                .controlCharacterInText(Self.describe(String(control))), line: firstLine + offset,
                column: line.distance(from: line.startIndex, to: at) + 1, length: 1)
            return
        }
    }

    private mutating func report(
        _ message: LexerMessage, line: Int, column: Int, length: Int, fixIts: [FixIt] = []
    ) {
        let span = SourceSpan(start: SourceLocation(file: source.path, line: line, column: column), length: length)
        diagnostics.append(Diagnostic(message, at: span, fixIts: fixIts))
    }

    /// Removes the indentation common to all non-blank lines and trims blank lines at both ends.
    static func dedent(_ lines: [Substring]) -> String {
        var common = Int.max
        var blank: [Bool] = []
        blank.reserveCapacity(lines.count)
        var k = 0
        while k < lines.count {
            let indent = indentation(lines[k])
            let isBlank = indent.utf8.count == lines[k].utf8.count || lines[k].trimmingSpaces().isEmpty
            blank.append(isBlank)
            if !isBlank { common = min(common, indent.utf8.count) }
            k += 1
        }
        var first = 0
        var last = lines.count - 1
        while first <= last && blank[first] { first += 1 }
        while last >= first && blank[last] { last -= 1 }
        guard first <= last else { return "" }
        var result = ""
        k = first
        while k <= last {
            if k > first { result += "\n" }
            if !blank[k] { result += lines[k].dropFirst(common).trimmingTrailingSpaces() }
            k += 1
        }
        return result
    }

    // MARK: Tokens

    /// Tokenizes one line, working on Unicode scalars for speed and counting columns in characters.
    private mutating func tokenize(_ raw: Substring, line: Int, from start: Int) -> [Token] {
        // The scanner's arrays are read through locals: in a debug build this is several times faster.
        let scanner = Scanner(raw)
        let sc = scanner.scalars
        let n = sc.count
        var i = start
        var tokens: [Token] = []
        while i < n {
            let c = sc[i]
            if c == " " || c == "\t" {
                i += 1
                continue
            }
            if c == "#" { break }
            let begin = i
            if c == "\"" || c == "“" {
                let closing: Unicode.Scalar = c == "“" ? "”" : "\""
                i += 1
                let contentStart = i
                var escaped = false
                var closed = false
                while i < n {
                    let d = sc[i]
                    i += 1
                    if d == closing {
                        closed = true
                        break
                    }
                    if d == "\\" && i < n {
                        escaped = true
                        i += 1
                    }
                }
                let contentEnd = closed ? i - 1 : i
                let value =
                    escaped
                    ? Self.unescape(sc[contentStart..<contentEnd]) : scanner.text(contentStart, contentEnd)
                let token = scanner.token(to: i, .text(value), from: begin)
                if let control = value.unicodeScalars.first(where: Self.isControl) {
                    report(
                        .controlCharacterInText(Self.describe(String(control))), line: line, column: token.column,
                        length: token.length)
                }
                if !closed {
                    report(
                        .unterminatedText(closing: String(Character(closing))), line: line, column: token.column,
                        length: token.length)
                }
                tokens.append(token)
                continue
            }
            if c.value >= 48 && c.value <= 57 {
                tokens.append(lexNumber(scanner, &i, line: line))
                continue
            }
            if Self.startsIdentifier(c) {
                i += 1
                while i < n && Self.continuesIdentifier(sc[i]) { i += 1 }
                let name = scanner.text(begin, i)
                tokens.append(scanner.token(to: i, .identifier(name), from: begin))
                continue
            }
            if i + 1 < n, let two = Self.twoCharacterSymbol(c, sc[i + 1]) {
                i += 2
                tokens.append(scanner.token(to: i, .symbol(two), from: begin))
                continue
            }
            if Self.isOperator(c) {
                i += 1
                tokens.append(scanner.token(to: i, .symbol(String(Character(c))), from: begin))
                continue
            }
            if c == "，" {  // a full-width comma typed by habit reads as a comma
                i += 1
                tokens.append(scanner.token(to: i, .symbol(","), from: begin))
                continue
            }
            // A run of characters that start no token is reported once.
            i += 1
            if Self.fullWidth[c] == nil {
                while i < n && Self.isStray(sc[i]) { i += 1 }
            }
            let token = scanner.token(to: i, .symbol(""), from: begin)
            let shown = scanner.text(begin, i)
            let span = SourceSpan(
                start: SourceLocation(file: source.path, line: line, column: token.column), length: token.length)
            if let meant = Self.fullWidth[c] {
                let half = String(Character(meant))
                report(
                    .fullWidthCharacter(shown, meant: half), line: line, column: token.column, length: token.length,
                    fixIts: [.replace(span, shown, with: half)])
                // Read on as if the half-width character had been typed, so that the line gives one error.
                if Self.isOperator(meant) {
                    tokens.append(
                        Token(kind: .symbol(String(Character(meant))), column: token.column, length: token.length))
                }
            } else {
                report(
                    .unexpectedCharacters(Self.describe(shown), count: token.length), line: line,
                    column: token.column, length: token.length)
            }
        }
        return tokens
    }

    /// `+=`, `-=`, `==`, `!=`, `<=`, `>=` or `..`, when `c` and `d` spell one.
    private static func twoCharacterSymbol(_ c: Unicode.Scalar, _ d: Unicode.Scalar) -> String? {
        switch (c, d) {
        case ("+", "="): "+="
        case ("-", "="): "-="
        case ("-", ">"): "->"
        case ("=", "="): "=="
        case ("!", "="): "!="
        case ("<", "="): "<="
        case (">", "="): ">="
        case (".", "."): ".."
        default: nil
        }
    }

    /// One-character operators and punctuation: `= < > + - * / ( ) , : %`.
    static func isOperator(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "=", "<", ">", "+", "-", "*", "/", "(", ")", ",", ":", "%": true
        default: false
        }
    }

    /// The value of a quoted text with backslash escapes: `\n` a new line, `\t` a tab, any other character itself.
    private static func unescape(_ content: ArraySlice<Unicode.Scalar>) -> String {
        var value = String.UnicodeScalarView()
        var i = content.startIndex
        while i < content.endIndex {
            let d = content[i]
            i += 1
            if d == "\\", i < content.endIndex {
                let e = content[i]
                i += 1
                value.append(e == "n" ? "\n" : e == "t" ? "\t" : e)
            } else {
                value.append(d)
            }
        }
        return String(value)
    }

    /// Full-width punctuation that a Chinese input method types, with the character meant.
    private static let fullWidth: [Unicode.Scalar: Unicode.Scalar] = [
        "（": "(", "）": ")", "＝": "=", "＋": "+", "－": "-", "＜": "<", "＞": ">", "：": ":", "％": "%", "＊": "*",
        "／": "/", "＂": "\"",
    ]

    /// Whether a character continues a run of characters that start no token.
    private static func isStray(_ c: Unicode.Scalar) -> Bool {
        if c == " " || c == "\t" || c == "#" || c == "\"" || c == "“" || c == "，" { return false }
        if fullWidth[c] != nil || startsIdentifier(c) { return false }
        if c.isASCII { return !((c.value >= 48 && c.value <= 57) || isOperator(c)) }
        return true
    }

    static func startsIdentifier(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c == "_" || (c.value | 0x20 >= 0x61 && c.value | 0x20 <= 0x7A) }
        if c.value >= 0x4E00 && c.value <= 0x9FFF { return true }  // CJK ideographs, the common case
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    static func continuesIdentifier(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            return c == "_" || (c.value | 0x20 >= 0x61 && c.value | 0x20 <= 0x7A) || (c.value >= 48 && c.value <= 57)
        }
        if c.value >= 0x4E00 && c.value <= 0x9FFF { return true }
        if c.properties.isAlphabetic || c.properties.numericType != nil { return true }
        switch c.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation: return true
        default: return false
        }
    }

    /// Text for a message (the message quotes it), with invisible and control characters shown as code points.
    static func describe(_ text: String) -> String {
        var shown = ""
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > 12 {
                shown += "…"
                break
            }
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
                .spaceSeparator:
                shown += "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            default:
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// Numbers (`12`, `3.5`), durations (`90m`, `1h30m`, `2d`), clock times (`04:30`) and percentages (`30%`).
    private mutating func lexNumber(_ s: Scanner, _ i: inout Int, line: Int) -> Token {
        let sc = s.scalars
        let n = sc.count
        let begin = i
        /// The scalar `offset` places ahead, if any.
        func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < n ? sc[i + offset] : nil }
        func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { $0.value >= 48 && $0.value <= 57 } ?? false }
        func isUnit(_ c: Unicode.Scalar?) -> Bool { c == "d" || c == "h" || c == "m" }
        func isWordChar(_ c: Unicode.Scalar?) -> Bool { c.map(Self.continuesIdentifier) ?? false }
        func digits() -> String {
            var text = ""
            while let c = peek(), isDigit(c) {
                text.unicodeScalars.append(c)
                i += 1
            }
            return text
        }
        func invalid(_ message: LexerMessage) {
            let token = s.token(to: i, .symbol(""), from: begin)
            report(message, line: line, column: token.column, length: token.length)
        }
        func written() -> String { s.text(begin, i) }
        func skipWord() { while isWordChar(peek()) { i += 1 } }

        let whole = digits()
        // Clock time HH:MM.
        if peek() == ":" && isDigit(peek(1)) {
            i += 1
            let minutes = digits()
            if minutes.count == 2, whole.count <= 2, let h = Int(whole), let m = Int(minutes), h < 24, m < 60 {
                return s.token(to: i, .clock(h * 60 + m), from: begin)
            }
            invalid(.notAClockTime(written()))
            return s.token(to: i, .invalid, from: begin)
        }
        // Duration: one or more NUMBER UNIT groups.
        if isUnit(peek()), !isWordChar(peek(1)) || isUnit(peek(1)) || isDigit(peek(1)) {
            var total = 0
            var amount = Int(whole) ?? Int.max
            var ok = true
            while let unit = peek(), isUnit(unit) {
                i += 1
                let factor = unit == "d" ? 1440 : unit == "h" ? 60 : 1
                let (product, overflow1) = amount.multipliedReportingOverflow(by: factor)
                let (sum, overflow2) = total.addingReportingOverflow(product)
                if overflow1 || overflow2 || sum > Self.longestDuration {
                    ok = false
                } else {
                    total = sum
                }
                guard isDigit(peek()) else { break }
                amount = Int(digits()) ?? Int.max
                if !isUnit(peek()) {
                    skipWord()
                    invalid(.durationNeedsUnit(written()))
                    return s.token(to: i, .invalid, from: begin)
                }
            }
            if isWordChar(peek()) {
                skipWord()
                invalid(.notADuration(written()))
                return s.token(to: i, .invalid, from: begin)
            }
            if !ok {
                invalid(.durationTooLong(written()))
                return s.token(to: i, .invalid, from: begin)
            }
            return s.token(to: i, .duration(total), from: begin)
        }
        var text = whole
        if peek() == ".", isDigit(peek(1)) {
            i += 1
            text += "." + digits()
        }
        let value = Double(text) ?? 0
        if peek() == "%" { i += 1 }
        if isWordChar(peek()) {
            skipWord()
            invalid(.notANumber(written()))
            return s.token(to: i, .invalid, from: begin)
        }
        if !value.isFinite || value > 1e15 {
            invalid(.numberTooLarge(written()))
            return s.token(to: i, .invalid, from: begin)
        }
        return s.token(to: i, s.scalars[i - 1] == "%" ? .percent(value) : .number(value), from: begin)
    }

    /// The longest duration a literal may write: a year, in minutes.
    static let longestDuration = 365 * 1440
}

/// Reads a line's Unicode scalars, and converts scalar offsets to character columns and to text.
private struct Scanner {
    /// The line's UTF-8.
    let bytes: [UInt8]
    let scalars: [Unicode.Scalar]
    /// The UTF-8 offset of each scalar, plus one entry past the end; nil when they are equal (an ASCII line).
    let offsets: [Int]?
    /// The character column (0-based) of each scalar offset, plus one entry past the end; nil when they are equal.
    let columns: [Int]?

    init(_ line: Substring) {
        // Plain index loops: iterators are slow in a debug build, and this is the checker's hottest code.
        let bytes = Array(line.utf8)
        self.bytes = bytes
        let scalars = Array(line.unicodeScalars)
        self.scalars = scalars
        if bytes.count == scalars.count {  // ASCII
            offsets = nil
            columns = nil
            return
        }
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var simple = true
        var k = 0
        var j = 0
        while j < scalars.count {
            offsets.append(k)
            let value = scalars[j].value
            k += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
            if simple && !Scanner.standsAlone(scalars[j]) { simple = false }
            j += 1
        }
        offsets.append(k)
        self.offsets = offsets
        if simple {
            columns = nil
        } else {
            var map: [Int] = []
            map.reserveCapacity(scalars.count + 1)
            var column = 0
            for character in line {
                for _ in character.unicodeScalars { map.append(column) }
                column += 1
            }
            map.append(column)
            columns = map
        }
    }

    /// The text of the scalars from `from` up to `to`.
    func text(_ from: Int, _ to: Int) -> String {
        guard let offsets else { return String(decoding: bytes[from..<to], as: UTF8.self) }
        return String(decoding: bytes[offsets[from]..<offsets[to]], as: UTF8.self)
    }

    func column(_ offset: Int) -> Int { columns.map { $0[Swift.min(offset, $0.count - 1)] } ?? offset }

    func token(to end: Int, _ kind: Token.Kind, from begin: Int) -> Token {
        let start = column(begin)
        // A combining mark on its own joins the character before it: the span still covers one character.
        return Token(kind: kind, column: start + 1, length: Swift.max(1, column(end) - start))
    }

    /// Whether a scalar is always a character by itself: it never combines with a neighbour.
    static func standsAlone(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v >= 0x4E00 && v <= 0x9FFF { return true }  // CJK ideographs, the common case
        if v < 0x300 { return v >= 0x20 || v == 0x09 }
        if v >= 0x3400 && v <= 0x4DBF { return true }
        if v >= 0xF900 && v <= 0xFAFF { return true }
        if v >= 0x3000 && v <= 0x303F { return v < 0x302A || v > 0x302F }  // CJK symbols, not the tone marks
        if v >= 0x3041 && v <= 0x30FF { return v != 0x3099 && v != 0x309A && v != 0x3097 && v != 0x3098 }  // kana
        if v >= 0xFF01 && v <= 0xFF9D { return true }  // full-width forms
        if v >= 0x2010 && v <= 0x205E { return v != 0x2028 && v != 0x2029 && !(v >= 0x202A && v <= 0x202F) }
        return false
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return s
    }

    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return s
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }

    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
