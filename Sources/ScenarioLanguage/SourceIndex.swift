import Localization

/// Where every element of an exercise is declared and where each id is used, as the compiler found them: what an
/// editor needs to go to a definition, find references, rename an id across files, list a file's outline, fold its
/// blocks and complete ids by kind.
///
/// The index is built during compilation from the compiler's own declarations and name resolutions (there is no
/// second parser), and it is complete also when the exercise has errors: a reference the compiler could not resolve
/// is kept with the kind of element its place needs, which is what completion offers there. A new kind of element is
/// indexed by declaring and resolving it through the compiler like the others (see ``ElementKind``).
public struct SourceIndex: Sendable {
    /// One declared element.
    public struct Definition: Sendable, Hashable {
        /// What kind of element it is.
        public var kind: ElementKind
        /// The id as written; for an option, its own id (`keep`), not its decision's.
        public var name: String
        /// The id that is unique within the kind: the name, or `DECISION.OPTION` for an option.
        public var qualifiedName: String
        /// The title, label or question written after the id, if any.
        public var title: String?
        /// The id where it is declared.
        public var span: SourceSpan
        /// The lines the declaration covers, from its own line to the last line of its block.
        public var lines: ClosedRange<Int>
        /// The element's position in the ``Scenario``'s array of its kind (``CompileResult/elements``).
        public var element: Int
        /// The definition it is declared inside (a choice's scene, an option's decision, an expectation's inject).
        public var container: Int?
    }

    /// One place where an id is used.
    public struct Reference: Sendable, Hashable {
        /// The kind of element the place needs (for a bare name in an expression: ``ElementKind/variable``, which also
        /// stands for a measure).
        public var kind: ElementKind
        /// The id as written.
        public var name: String
        /// Where it is written.
        public var span: SourceSpan
        /// The definition it resolves to, or nil when the compiler could not resolve it (unknown, or of another kind).
        public var definition: Int?
    }

    /// One line of the outline: a declaration, property, statement or `"""` block, nested by indentation.
    public struct Line: Sendable, Hashable {
        /// The file.
        public var file: String
        /// The line it starts on.
        public var line: Int
        /// The last line of its block (its own last line when it has none).
        public var lastLine: Int
        /// The width of its indentation in columns (a tab counts to the next multiple of 4).
        public var indentWidth: Int
        /// The first word of the line (`scene`, `choice`, `role`…), or nil for a `"""` block or a line that starts
        /// with something else.
        public var keyword: String?
        /// Whether it is a `"""` block of narrative.
        public var isText: Bool
        /// The line it is nested under, as an index into ``SourceIndex/lines``.
        public var parent: Int?
    }

    /// Every declared element, in the order the compiler declared them.
    public private(set) var definitions: [Definition] = []
    /// Every use of an id, resolved or not, in the order the compiler met them.
    public private(set) var references: [Reference] = []
    /// Every line of the outline of every file, file by file in reading order, each file's lines in order.
    public private(set) var lines: [Line] = []

    /// Per file and line: the definitions and references whose span starts there (as `-1 - definition` and
    /// `reference`), for finding what is at a position.
    private var occurrences: [String: [Int: [Int]]] = [:]
    /// Per kind and element, the definition.
    private var byElement: [ElementKind: [Int: Int]] = [:]
    /// Per definition, the references that resolve to it.
    private var uses: [[Int]] = []

    /// An empty index.
    public init() {}

    // MARK: Queries

    /// What is at a position: a definition or a reference whose span covers it (or ends right at it, so that a
    /// cursor just after an id finds the id).
    public enum Occurrence: Sendable, Hashable {
        /// The id of a declaration, as an index into ``definitions``.
        case definition(Int)
        /// A use of an id, as an index into ``references``.
        case reference(Int)
    }

    /// The definition or reference at `location`, preferring one that covers it over one that ends right before it.
    public func occurrence(at location: SourceLocation) -> Occurrence? {
        guard let candidates = occurrences[location.file]?[location.line] else { return nil }
        var touching: Occurrence?
        for code in candidates {
            let span = code < 0 ? definitions[-1 - code].span : references[code].span
            let start = span.start.column
            let end = start + max(1, span.length)
            let found: Occurrence = code < 0 ? .definition(-1 - code) : .reference(code)
            if location.column >= start && location.column < end { return found }
            if location.column == end && touching == nil { touching = found }
        }
        return touching
    }

    /// The definition that the id at `location` declares or refers to, if it resolves.
    public func definition(at location: SourceLocation) -> Int? {
        switch occurrence(at: location) {
        case .definition(let d): d
        case .reference(let r): references[r].definition
        case nil: nil
        }
    }

    /// The definition of an element, given its kind and its position in the ``Scenario``'s array.
    public func definition(of kind: ElementKind, element: Int) -> Int? { byElement[kind]?[element] }

    /// The references that resolve to a definition, ordered by file path, line and column.
    public func references(to definition: Int) -> [Reference] {
        guard uses.indices.contains(definition) else { return [] }
        return uses[definition].map { references[$0] }
    }

    /// The definitions of a kind.
    public func definitions(of kind: ElementKind) -> [Definition] { definitions.filter { $0.kind == kind } }

    /// The definitions declared in a file, in order.
    public func definitions(inFile file: String) -> [Definition] { definitions.filter { $0.span.start.file == file } }

    /// The innermost definition whose lines include `line` of `file` (the choice, scene, inject… a line belongs to).
    public func enclosingDefinition(file: String, line: Int) -> Int? {
        var best: Int?
        for (i, d) in definitions.enumerated() where d.span.start.file == file && d.lines.contains(line) {
            if let b = best, definitions[b].lines.count <= d.lines.count { continue }
            best = i
        }
        return best
    }

    /// The outline lines of a file, in order.
    public func lines(inFile file: String) -> ArraySlice<Line> {
        guard let first = lines.firstIndex(where: { $0.file == file }) else { return [] }
        let end = lines[first...].firstIndex { $0.file != file } ?? lines.endIndex
        return lines[first..<end]
    }

    // MARK: Building (by the compiler)

    /// Files a declaration.
    mutating func define(
        _ kind: ElementKind, name: String, qualifiedName: String, title: String?, span: SourceSpan,
        lines: ClosedRange<Int>, element: Int
    ) {
        let index = definitions.count
        definitions.append(
            Definition(
                kind: kind, name: name, qualifiedName: qualifiedName, title: title, span: span, lines: lines,
                element: element, container: nil))
        byElement[kind, default: [:]][element] = index
        occurrences[span.start.file, default: [:]][span.start.line, default: []].append(-1 - index)
    }

    /// Files a use of an id; `element` is the element it resolved to, if any.
    mutating func refer(_ kind: ElementKind, name: String, span: SourceSpan, resolvedKind: ElementKind, element: Int?) {
        let definition = element.flatMap { byElement[resolvedKind]?[$0] }
        occurrences[span.start.file, default: [:]][span.start.line, default: []].append(references.count)
        references.append(Reference(kind: kind, name: name, span: span, definition: definition))
    }

    /// Files the outline of one file.
    mutating func addOutline(_ roots: [OutlineNode]) {
        func add(_ node: OutlineNode, parent: Int?) -> Int {
            let index = lines.count
            lines.append(
                Line(
                    file: node.file, line: node.line, lastLine: node.lastLine, indentWidth: Lexer.width(node.indent),
                    keyword: node.tokens.first?.identifier, isText: node.textBlock != nil, parent: parent))
            var last = node.lastLine
            for child in node.children { last = max(last, lines[add(child, parent: index)].lastLine) }
            lines[index].lastLine = last
            return index
        }
        for root in roots { _ = add(root, parent: nil) }
    }

    /// The last line of the block of the outline line that starts at `line` of `file`.
    func blockEnd(file: String, line: Int) -> Int {
        lines.last { $0.file == file && $0.line == line }?.lastLine ?? line
    }

    /// Links definitions to their containers and references to their definitions' lists; called once, at the end.
    mutating func finish() {
        uses = Array(repeating: [], count: definitions.count)
        for (r, reference) in references.enumerated() {
            if let d = reference.definition { uses[d].append(r) }
        }
        for d in uses.indices where uses[d].count > 1 {
            uses[d].sort { references[$0].span.start < references[$1].span.start }
        }
        // Containers: sweep each file's definitions by start line, outer blocks first, with a stack of open ones.
        var order = Array(definitions.indices)
        order.sort {
            let (a, b) = (definitions[$0], definitions[$1])
            return (a.span.start.file, a.lines.lowerBound, -a.lines.count, $0)
                < (b.span.start.file, b.lines.lowerBound, -b.lines.count, $1)
        }
        var stack: [Int] = []
        for d in order {
            let here = definitions[d]
            while let top = stack.last,
                definitions[top].span.start.file != here.span.start.file
                    || !definitions[top].lines.contains(here.lines.lowerBound)
                    || definitions[top].lines.upperBound < here.lines.upperBound
            {
                stack.removeLast()
            }
            definitions[d].container = stack.last
            stack.append(d)
        }
    }
}

extension ElementKind {
    /// The kind's name in messages, such as `role` or `information item` (`角色`, `信息条目`).
    public func name(in language: UILanguage) -> String { Term("term.kind.\(rawValue)").text(in: language) }
}

/// A token of a source line as the lexer reads it, for editors that colour the source.
public struct LexicalToken: Sendable, Hashable {
    /// What kind of token it is.
    public enum Kind: Sendable, Hashable {
        /// An identifier or a keyword (keywords are reserved only where they are expected).
        case word(String)
        /// A `"…"` or `“…”` text.
        case text
        /// A number.
        case number
        /// A duration such as `90m`.
        case duration
        /// A clock time such as `04:00`.
        case clock
        /// A percentage such as `30%`.
        case percent
        /// An operator or punctuation: `+=`, `(`, `,`, `..`.
        case symbol(String)
        /// A malformed literal or stray characters (already a diagnostic).
        case invalid
        /// One line of a `"""` block of narrative, quotes included.
        case narrative
    }

    /// What kind of token it is.
    public var kind: Kind
    /// Where it is, on one line.
    public var span: SourceSpan
}

extension SourceFile {
    /// The file's tokens in order, as the compiler's lexer reads them; comments are left out.
    public var tokens: [LexicalToken] {
        var lexer = Lexer(source: self)
        var result: [LexicalToken] = []
        func add(_ node: OutlineNode) {
            if node.textBlock != nil {
                for number in node.line...node.lastLine {
                    let text = line(number)
                    let indent = Lexer.indentation(text)
                    let content = text[indent.endIndex...]
                    let length = content.trimmingTrailingSpaces().count
                    guard length > 0 else { continue }
                    let start = SourceLocation(file: path, line: number, column: indent.count + 1)
                    result.append(LexicalToken(kind: .narrative, span: SourceSpan(start: start, length: length)))
                }
            }
            for token in node.tokens {
                let kind: LexicalToken.Kind
                switch token.kind {
                case .identifier(let word): kind = .word(word)
                case .text: kind = .text
                case .number: kind = .number
                case .duration: kind = .duration
                case .clock: kind = .clock
                case .percent: kind = .percent
                case .symbol(let s): kind = .symbol(s)
                case .invalid: kind = .invalid
                }
                result.append(LexicalToken(kind: kind, span: node.span(token)))
            }
            for child in node.children { add(child) }
        }
        for root in lexer.outline() { add(root) }
        return result
    }
}
