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

    init(file: String, line: Int, indent: Substring, tokens: [Token], textBlock: String? = nil) {
        self.file = file
        self.line = line
        self.indent = indent
        self.tokens = tokens
        self.textBlock = textBlock
    }

    func location(column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    func span(_ token: Token) -> SourceSpan { SourceSpan(start: location(column: token.column), length: token.length) }

    /// The span of the whole line's content.
    var lineSpan: SourceSpan {
        guard let first = tokens.first, let last = tokens.last else {
            return SourceSpan(start: location(column: indent.count + 1), length: 3)
        }
        return SourceSpan(start: location(column: first.column), length: last.column + last.length - first.column)
    }
}

/// Splits a source file into an outline: lines of tokens nested by indentation.
struct Lexer {
    static let maximumDepth = 48

    let source: SourceFile
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceFile) { self.source = source }

    /// The top-level nodes of the file.
    mutating func outline() -> [OutlineNode] {
        var roots: [OutlineNode] = []
        // Each open level: the indentation text and the node whose children are at that level (nil for the top).
        var stack: [(indent: Substring, parent: OutlineNode?)] = [("", nil)]
        var lastNode: OutlineNode?
        var index = 0
        let lines = source.lines
        while index < lines.count {
            let number = index + 1
            let raw = lines[index]
            index += 1
            let indent = raw.prefix { $0 == " " || $0 == "\t" }
            let content = raw[indent.endIndex...]
            if content.isEmpty || content.first == "#" { continue }

            var node: OutlineNode
            if content.hasPrefix("\"\"\"") {
                var body: [Substring] = []
                var closed = false
                let rest = content.dropFirst(3).trimmingSpaces()
                if !rest.isEmpty && !rest.hasPrefix("#") { body.append(rest) }
                while index < lines.count {
                    let bodyLine = lines[index]
                    index += 1
                    if bodyLine.trimmingSpaces() == "\"\"\"" {
                        closed = true
                        break
                    }
                    body.append(bodyLine)
                }
                if !closed {
                    report(.unterminatedTextBlock, "this \"\"\" block is never closed; add a line with \"\"\" after its text",
                           line: number, column: indent.count + 1, length: 3)
                }
                node = OutlineNode(file: source.path, line: number, indent: indent, tokens: [],
                                   textBlock: Self.dedent(body))
            } else {
                node = OutlineNode(file: source.path, line: number, indent: indent,
                                   tokens: tokenize(Array(raw), line: number, from: indent.count))
            }

            // Place the node by its indentation.
            if indent == stack[stack.count - 1].indent {
                // Sibling of the previous node at this level.
            } else if indent.hasPrefix(stack[stack.count - 1].indent), let parent = lastNode {
                if stack.count > Self.maximumDepth {
                    report(.nestingTooDeep, "blocks are nested more than \(Self.maximumDepth) levels deep",
                           line: number, column: 1, length: indent.count)
                    continue
                }
                stack.append((indent, parent))
            } else {
                while stack.count > 1 && stack[stack.count - 1].indent != indent
                    && !(indent.hasPrefix(stack[stack.count - 1].indent)
                        && stack[stack.count - 1].indent.count < indent.count)
                {
                    stack.removeLast()
                }
                if stack[stack.count - 1].indent != indent {
                    let mixes = indent.contains("\t") != stack[stack.count - 1].indent.contains("\t")
                    report(.inconsistentIndentation,
                           mixes ? "indentation mixes tabs and spaces; indent this block's lines the same way"
                               : "this line's indentation matches no enclosing block",
                           line: number, column: 1, length: max(1, indent.count))
                }
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

    private mutating func report(_ code: DiagnosticCode, _ message: String, line: Int, column: Int, length: Int) {
        let span = SourceSpan(start: SourceLocation(file: source.path, line: line, column: column), length: length)
        diagnostics.append(Diagnostic(code.isError ? .error : .warning, code, message, at: span))
    }

    /// Removes the indentation common to all non-blank lines and trims blank lines at both ends.
    static func dedent(_ lines: [Substring]) -> String {
        let common = lines.filter { !$0.trimmingSpaces().isEmpty }
            .map { $0.prefix { $0 == " " || $0 == "\t" }.count }
            .min() ?? 0
        var result = lines.map { line -> String in
            line.trimmingSpaces().isEmpty ? "" : String(line.dropFirst(common)).trimmingTrailingSpaces()
        }
        while result.first?.isEmpty == true { result.removeFirst() }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n")
    }

    // MARK: Tokens

    private mutating func tokenize(_ chars: [Character], line: Int, from start: Int) -> [Token] {
        var tokens: [Token] = []
        var i = start
        func peek(_ offset: Int = 0) -> Character? { i + offset < chars.count ? chars[i + offset] : nil }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\r" {
                i += 1
                continue
            }
            if c == "#" { break }
            let begin = i
            if c == "\"" || c == "“" {
                let closing: Character = c == "“" ? "”" : "\""
                i += 1
                var value = ""
                var closed = false
                while i < chars.count {
                    let d = chars[i]
                    if d == closing {
                        closed = true
                        i += 1
                        break
                    }
                    if d == "\\", i + 1 < chars.count {
                        let e = chars[i + 1]
                        value.append(e == "n" ? "\n" : e == "t" ? "\t" : e)
                        i += 2
                        continue
                    }
                    value.append(d)
                    i += 1
                }
                if !closed {
                    report(.unterminatedText, "this text is not closed; end it with \(closing) on the same line",
                           line: line, column: begin + 1, length: i - begin)
                }
                tokens.append(Token(kind: .text(value), column: begin + 1, length: i - begin))
                continue
            }
            if c.isASCII && c.isNumber {
                tokens.append(lexNumber(chars, &i, line: line))
                continue
            }
            if c == "_" || c.isLetter || (c.isNumber && !c.isASCII) {
                while let d = peek(), d == "_" || d.isLetter || d.isNumber { i += 1 }
                tokens.append(Token(kind: .identifier(String(chars[begin..<i])), column: begin + 1, length: i - begin))
                continue
            }
            let two = peek(1).map { String([c, $0]) } ?? ""
            if ["+=", "-=", "==", "!=", "<=", ">=", ".."].contains(two) {
                i += 2
                tokens.append(Token(kind: .symbol(two), column: begin + 1, length: 2))
                continue
            }
            if "=<>+-*/(),:%".contains(c) {
                i += 1
                tokens.append(Token(kind: .symbol(String(c)), column: begin + 1, length: 1))
                continue
            }
            if c == "，" {  // a full-width comma typed by habit reads as a comma
                i += 1
                tokens.append(Token(kind: .symbol(","), column: begin + 1, length: 1))
                continue
            }
            report(.unexpectedCharacter, "unexpected character '\(c)'", line: line, column: begin + 1, length: 1)
            i += 1
        }
        return tokens
    }

    /// Numbers (`12`, `3.5`), durations (`90m`, `1h30m`, `2d`), clock times (`04:30`) and percentages (`30%`).
    private mutating func lexNumber(_ chars: [Character], _ i: inout Int, line: Int) -> Token {
        let begin = i
        func digits() -> String {
            var s = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber {
                s.append(chars[i])
                i += 1
            }
            return s
        }
        let whole = digits()
        // Clock time HH:MM.
        if i < chars.count, chars[i] == ":" {
            let save = i
            i += 1
            let minutes = digits()
            if minutes.count == 2, let h = Int(whole), let m = Int(minutes), h < 24, m < 60, whole.count <= 2 {
                return Token(kind: .clock(h * 60 + m), column: begin + 1, length: i - begin)
            }
            if minutes.isEmpty {
                i = save
            } else {
                report(.invalidLiteral, "'\(String(chars[begin..<i]))' is not a clock time; write hours 00-23 and minutes 00-59, like 04:30",
                       line: line, column: begin + 1, length: i - begin)
                return Token(kind: .clock(0), column: begin + 1, length: i - begin)
            }
        }
        // Duration: one or more NUMBER UNIT groups.
        if i < chars.count, "dhm".contains(chars[i]), !(i + 1 < chars.count && (chars[i + 1].isLetter && !"dhm".contains(chars[i + 1]) || chars[i + 1] == "_")) {
            var total = 0
            var amount = Int(whole) ?? 0
            while i < chars.count, "dhm".contains(chars[i]) {
                let unit = chars[i]
                i += 1
                total += amount * (unit == "d" ? 1440 : unit == "h" ? 60 : 1)
                if i < chars.count, chars[i].isASCII, chars[i].isNumber {
                    amount = Int(digits()) ?? 0
                    if !(i < chars.count && "dhm".contains(chars[i])) {
                        report(.invalidLiteral, "a number inside a duration needs a unit (d, h or m)",
                               line: line, column: begin + 1, length: i - begin)
                        break
                    }
                } else {
                    break
                }
            }
            if i < chars.count, chars[i].isLetter || chars[i] == "_" {
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { i += 1 }
                report(.invalidLiteral, "'\(String(chars[begin..<i]))' is not a duration; write it like 45m, 2h or 1h30m",
                       line: line, column: begin + 1, length: i - begin)
            }
            return Token(kind: .duration(total), column: begin + 1, length: i - begin)
        }
        var text = whole
        if i + 1 < chars.count, chars[i] == ".", chars[i + 1].isASCII, chars[i + 1].isNumber {
            i += 1
            text += "." + digits()
        }
        let value = Double(text) ?? 0
        if i < chars.count, chars[i] == "%" {
            i += 1
            return Token(kind: .percent(value), column: begin + 1, length: i - begin)
        }
        if i < chars.count, chars[i].isLetter || chars[i] == "_" {
            while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { i += 1 }
            report(.invalidLiteral, "'\(String(chars[begin..<i]))' is not a number, a duration or a name (names cannot start with a digit)",
                   line: line, column: begin + 1, length: i - begin)
        }
        return Token(kind: .number(value), column: begin + 1, length: i - begin)
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
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
}
