import Foundation
import SystemPackage

/// The result of compiling an exercise: the scenario when there were no errors, and every diagnostic.
public struct CompileResult: Sendable {
    /// The compiled scenario, or nil when any error was found.
    public var scenario: Scenario?
    /// Errors, warnings and notes, in file order.
    public var diagnostics: [Diagnostic]
    /// Every file that was read, main file first, also when there were errors (for showing source excerpts).
    public var sources: [SourceFile] = []
    /// The language of the exercise, also when there were errors: the header's `language` tag, or the default
    /// (`zh-Hans`) when there is an `exercise` header without one; `nil` only when there is no header at all. It
    /// chooses the language of the diagnostics when the reader's locale does not, by the same rule `play` uses
    /// with ``Header/language``.
    public var declaredLanguage: String?
    /// Where each element is declared and each id used, also when there were errors (for editors).
    public var index = SourceIndex()
    /// The elements as far as they were compiled, also when there were errors: their ids, titles and properties, for
    /// an editor to show. Parts that had errors are incomplete, so this is never run; ``scenario`` is.
    public var elements = Scenario(header: Header(id: "", title: ""))
}

/// Everything the compiler asks of the file system: the bytes of a file, where relative paths start, and where a
/// path leads once symbolic links are followed (for keeping includes inside the exercise's folder). Tests replace it
/// to compile from memory.
public protocol SourceProvider {
    /// The bytes of a file, or why it cannot be read.
    func read(_ path: FilePath) -> Result<[UInt8], SourceReadError>
    /// The folder that relative paths start from.
    var currentDirectory: FilePath { get }
    /// The absolute path that `path` leads to with its symbolic links followed, as far as it exists; the part that
    /// does not exist is kept as written (lexically normalised).
    func resolvingSymbolicLinks(_ path: FilePath) -> FilePath
}

extension SourceProvider {
    /// `path` made absolute against ``currentDirectory`` and lexically normalised (`.` and `..` removed), without
    /// touching the file system.
    public func absolute(_ path: FilePath) -> FilePath {
        currentDirectory.pushing(path).lexicallyNormalized()
    }
}

/// Why a file could not be read.
public enum SourceReadError: Error, Sendable, Equatable {
    /// No such file.
    case notFound
    /// The path is a directory.
    case isDirectory
    /// The file exists but may not be read.
    case permissionDenied
    /// Another failure, with the system's message.
    case unreadable(String)

    /// Why, for the "cannot read" diagnostic.
    var reason: MessageArgument {
        switch self {
        case .notFound: .term(Term("term.reason.notFound"))
        case .isDirectory: .term(Term("term.reason.isDirectory"))
        case .permissionDenied: .term(Term("term.reason.permissionDenied"))
        case .unreadable(let why): .text(why)
        }
    }
}

/// Reads files from disk.
public struct FileSystemSources: SourceProvider {
    /// Creates a reader of the real file system.
    public init() {}

    /// Reads a file from disk: opened once and read to its end, so that a folder or an unreadable file is told
    /// apart by the error of the call that failed.
    public func read(_ path: FilePath) -> Result<[UInt8], SourceReadError> {
        do {
            let descriptor = try FileDescriptor.open(path, .readOnly)
            return try descriptor.closeAfter {
                var bytes: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 64 * 1024)
                while true {
                    let count = try chunk.withUnsafeMutableBytes { try descriptor.read(into: $0) }
                    if count == 0 { break }
                    bytes += chunk[0..<count]
                }
                return .success(bytes)
            }
        } catch let error as Errno {
            switch error {
            case .noSuchFileOrDirectory, .notDirectory: return .failure(.notFound)
            case .isDirectory: return .failure(.isDirectory)
            case .permissionDenied: return .failure(.permissionDenied)
            default: return .failure(.unreadable(error.description))
            }
        } catch {
            return .failure(.unreadable(String(describing: error)))
        }
    }

    /// The process's working folder.
    public var currentDirectory: FilePath { FilePath(FileManager.default.currentDirectoryPath) }

    /// Follows symbolic links with `realpath(3)` (swift-system has no call for it) on the longest part of the
    /// path that exists.
    public func resolvingSymbolicLinks(_ path: FilePath) -> FilePath {
        var head = absolute(path)
        var missing: [FilePath.Component] = []
        while true {
            if let real = Self.realPath(head) {
                return real.appending(missing.reversed())
            }
            guard let last = head.lastComponent, head.removeLastComponent() else { break }
            missing.append(last)
        }
        return absolute(path)
    }

    private static func realPath(_ path: FilePath) -> FilePath? {
        path.withPlatformString { pointer -> FilePath? in
            guard let resolved = realpath(pointer, nil) else { return nil }
            defer { free(resolved) }
            return FilePath(platformString: resolved)
        }
    }
}

/// Sources held in memory, keyed by path (for tests, `simulate`'s copies and the `new` command).
///
/// Paths are made absolute against a working folder of `/` and compared after lexical normalisation, so
/// `exercise.ttx`, `./exercise.ttx` and an include's resolved path of the same file match. Symbolic links may be
/// given too, to test what the compiler does with them.
public struct MemorySources: SourceProvider {
    /// The files' bytes, keyed by absolute normalised path.
    private var files: [FilePath: [UInt8]] = [:]
    /// Folders that exist (every parent folder of a file).
    private var folders: Set<FilePath> = []
    /// Symbolic links: the link's absolute path and where it points (absolute, or relative to the link's folder).
    private var links: [FilePath: FilePath] = [:]

    /// Creates sources from texts keyed by path, and symbolic links keyed by the link's path.
    public init(_ files: [String: String], symbolicLinks: [String: String] = [:]) {
        for (path, text) in files { add(path: path, bytes: Array(text.utf8)) }
        for (link, target) in symbolicLinks { links[key(link)] = FilePath(target) }
    }

    /// Creates sources from raw bytes keyed by path (for files that are not text).
    public init(bytes: [String: [UInt8]]) {
        for (path, data) in bytes { add(path: path, bytes: data) }
    }

    private mutating func add(path: String, bytes: [UInt8]) {
        let file = key(path)
        files[file] = bytes
        var folder = file.removingLastComponent()
        while folder.lastComponent != nil, folders.insert(folder).inserted {
            folder.removeLastComponent()
        }
    }

    private func key(_ path: String) -> FilePath { absolute(FilePath(path)) }

    /// `/`: memory sources live in a file system of their own.
    public var currentDirectory: FilePath { FilePath("/") }

    /// Returns the bytes of a file.
    public func read(_ path: FilePath) -> Result<[UInt8], SourceReadError> {
        let file = resolvingSymbolicLinks(path)
        if let bytes = files[file] { return .success(bytes) }
        return folders.contains(file) ? .failure(.isDirectory) : .failure(.notFound)
    }

    /// Follows the links given at creation, component by component (at most 40 links, as Linux allows).
    public func resolvingSymbolicLinks(_ path: FilePath) -> FilePath {
        var pending = Array(absolute(path).components)
        var resolved = FilePath("/")
        var followed = 0
        while !pending.isEmpty {
            let component = pending.removeFirst()
            let next = resolved.appending(component).lexicallyNormalized()
            if let target = links[next], followed < 40 {
                followed += 1
                pending = Array(resolved.pushing(target).lexicallyNormalized().components) + pending
                resolved = FilePath("/")
            } else {
                resolved = next
            }
        }
        return resolved
    }
}

/// Compiles `.ttx` files into a ``Scenario``.
public enum ScenarioCompiler {
    /// Compiles the exercise whose main file is at `path`.
    public static func compile(path: String, sources: some SourceProvider = FileSystemSources()) -> CompileResult {
        var compiler = Compiler(sources: sources)
        return compiler.run(mainPath: path)
    }

    /// Compiles an exercise held in one string.
    public static func compile(text: String, path: String = "exercise.ttx") -> CompileResult {
        compile(path: path, sources: MemorySources([path: text]))
    }
}

/// The kinds of named elements, each with its own namespace of ids.
///
/// ``SourceIndex`` files every declaration and every reference under one of these; a new kind of element gets a case
/// here and is indexed like the others.
public enum ElementKind: String, Sendable, Hashable, CaseIterable {
    /// A department (`role`).
    case role
    /// An information item (`info`).
    case item
    /// A party outside the exercise (`party`).
    case party
    /// A scoring dimension (`measure`).
    case measure
    /// A state variable (`state`).
    case variable
    /// An HSEEP objective (`objective`).
    case objective
    /// A way the exercise ends (`ending`).
    case ending
    /// An event of the master scenario events list (`inject`).
    case inject
    /// An expected action of an inject (`expect`).
    case expectation
    /// A sandbox action (`action`).
    case action
    /// A cooperation request (`request`).
    case request
    /// A kind of cooperation request players send (`duty`).
    case duty
    /// A scene (`scene`).
    case scene
    /// A choice of an ask (`choice`).
    case choice
    /// A joint decision (`decide`).
    case decision
    /// An option of a decision (`option`), named within its decision.
    case option
    /// A discussion question (`discuss`).
    case discussion

    /// The kind's name in messages: `role`, `information item`.
    var term: MessageArgument { .term(Term("term.kind.\(rawValue)")) }
    /// The kind's name with its article in messages: `a role`, `an information item`.
    var articleTerm: MessageArgument { .term(Term("term.aKind.\(rawValue)")) }
}

/// A declaration found in the first pass.
struct Declaration {
    var keyword: String
    var node: OutlineNode
    var includedFrom: [SourceLocation]
}

struct Compiler {
    let sources: any SourceProvider
    var diagnostics: [Diagnostic] = []
    var scenario = Scenario(header: Header(id: "", title: ""))
    var declarations: [Declaration] = []
    var names: [ElementKind: [String: (index: Int, span: SourceSpan)]] = [:]
    /// Every declaration and every use of an id, for editors.
    var index = SourceIndex()
    var nodeIndex: [ObjectIdentifier: Int] = [:]
    /// The absolute, normalised paths of the files read so far.
    var loadedFiles: Set<FilePath> = []
    /// The main file's folder, absolute: includes must stay inside it.
    var rootFolder = FilePath("/")
    /// The main file's path as given.
    var mainDisplayPath = ""
    /// The paths of the files being loaded, outermost first: an include of one of them is a cycle.
    var activeFiles: [FilePath] = []
    /// The header's `language` tag, when it has one.
    var declaredLanguage: String?
    var currentIncludeChain: [SourceLocation] = []
    var headerNode: OutlineNode?
    var suggestionsMade = 0
    /// Conditions to check for being constant once flow is known: `if`, `elif`, choice `if`, action and inject `when`.
    var constantChecks: [(Expr, SourceSpan)] = []
    /// Per decision: where its threshold and quorum are written, and each weight expression (by role), for the
    /// analysis's vote checks.
    var voteSpans: [Int: (threshold: SourceSpan?, quorum: SourceSpan?, weights: [Int: SourceSpan])] = [:]
    /// Choices that something refers to: `chose(…)`, `expect … choose`, `auto script`.
    var referencedChoices: Set<Int> = []
    /// The current nesting of the expression being parsed.
    var expressionDepth = 0
    /// Binary operators read so far in the outermost expression being parsed.
    var expressionOperators = 0

    // Usage tracking for warnings.
    var used: [ElementKind: Set<Int>] = [:]
    var changedMeasures: Set<Int> = []
    var readVariables: Set<Int> = []
    var askedRoles: Set<Int> = []
    var sharedItems: Set<Int> = []
    var triggeredInjects: Set<Int> = []
    var sentRequests: Set<Int> = []
    /// Where each derived item names its source (`derived from ITEM`), for the diagnostics of derivations.
    var derivedSpans: [Int: SourceSpan] = [:]
    /// Measure deltas seen in effects, for computed bounds: per measure, the sum of positive and negative constants.
    var measureSwing: [Int: (up: Double, down: Double)] = [:]

    init(sources: some SourceProvider) { self.sources = sources }

    // MARK: Entry

    mutating func run(mainPath: String) -> CompileResult {
        let main = sources.absolute(FilePath(mainPath))
        rootFolder = main.removingLastComponent()
        mainDisplayPath = mainPath
        activeFiles = [main]
        loadedFiles = [main]
        load(path: main, displayPath: mainPath, includedFrom: [])
        guard !scenario.sources.isEmpty else {
            return CompileResult(scenario: nil, diagnostics: diagnostics, sources: [])
        }

        collect()
        if headerNode == nil {
            let span = SourceSpan(start: SourceLocation(file: mainPath, line: 1, column: 1), length: 1)
            report(.missingHeader, span)
        }
        compileDeclarations()
        if scenario.scenes.isEmpty && headerNode != nil {
            let span =
                headerNode.map { $0.lineSpan }
                ?? SourceSpan(start: SourceLocation(file: mainPath, line: 1, column: 1), length: 1)
            report(.noScenes, span)
        }
        analyse()
        index.finish()
        diagnostics.sort {
            ($0.location.file == mainPath ? 0 : 1, $0.location) < ($1.location.file == mainPath ? 0 : 1, $1.location)
        }
        let ok = !diagnostics.hasErrors
        return CompileResult(
            scenario: ok ? scenario : nil, diagnostics: diagnostics, sources: scenario.sources,
            declaredLanguage: declaredLanguage ?? (headerNode == nil ? nil : scenario.header.language), index: index,
            elements: scenario)
    }

    // MARK: Reporting

    /// Reports a problem of the compiler's own domain at `span`.
    mutating func report(
        _ message: CompilerMessage, _ span: SourceSpan, fixIts: [FixIt] = [], notes: [Diagnostic.Note] = []
    ) {
        append(message, span, fixIts: fixIts, notes: notes)
    }

    /// Reports a problem with reading a file or following an include at `span`.
    mutating func report(_ message: IncludeMessage, _ span: SourceSpan) {
        append(message, span)
    }

    /// Reports what the analysis of the whole exercise finds at `span`.
    mutating func report(_ message: AnalysisMessage, _ span: SourceSpan) {
        append(message, span)
    }

    private mutating func append(
        _ message: some DiagnosticMessage, _ span: SourceSpan, fixIts: [FixIt] = [], notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(
            Diagnostic(
                message, at: span, fixIts: fixIts, notes: notes, includedFrom: includeChain(for: span.start.file)))
    }

    /// The "did you mean" fix-it: `written` at `span` replaced by `guess`, when there is a guess.
    func didYouMean(_ span: SourceSpan, _ written: String, _ guess: String?) -> [FixIt] {
        guess.map { [.replace(span, written, with: $0)] } ?? []
    }

    var includeChains: [String: [SourceLocation]] = [:]

    func includeChain(for file: String) -> [SourceLocation] { includeChains[file] ?? [] }

    // MARK: Loading

    /// Reads, decodes and outlines one file, and loads the files it includes.
    ///
    /// - Parameter includeSpan: for an included file, the span of the path in the `include` line.
    mutating func load(
        path: FilePath, displayPath: String, includedFrom: [SourceLocation], includeSpan: SourceSpan? = nil
    ) {
        let bytes: [UInt8]
        switch sources.read(path) {
        case .success(let b): bytes = b
        case .failure(let error):
            let span =
                includeSpan ?? SourceSpan(start: SourceLocation(file: displayPath, line: 1, column: 1), length: 1)
            let message: IncludeMessage =
                includeSpan == nil
                ? .unreadableFile(displayPath, reason: error.reason)
                : .includeNotFound(displayPath, reason: error.reason)
            diagnostics.append(Diagnostic(message, at: span, includedFrom: Array(includedFrom.dropFirst())))
            return
        }
        let hasNUL = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
        guard !hasNUL, let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidPosition(bytes)
            let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            let message: IncludeMessage = utf16 ? .savedAsUTF16(displayPath) : .notText(displayPath)
            diagnostics.append(
                Diagnostic(
                    message,
                    at: SourceSpan(start: SourceLocation(file: displayPath, line: line, column: column), length: 1),
                    includedFrom: includedFrom))
            return
        }
        let file = SourceFile(path: displayPath, text: text)
        scenario.sources.append(file)
        includeChains[displayPath] = includedFrom
        var lexer = Lexer(source: file)
        let roots = lexer.outline()
        index.addOutline(roots)
        for var d in lexer.diagnostics {
            d.includedFrom = includedFrom
            diagnostics.append(d)
        }
        for node in roots {
            guard let keyword = node.tokens.first?.identifier else {
                if node.textBlock != nil {
                    let span = SourceSpan(start: node.location(column: node.indent.count + 1), length: 3)
                    report(.narrativeOutsideElement, span)
                } else if let first = node.tokens.first {
                    report(.declarationNeedsKeyword, node.span(first))
                }
                continue
            }
            if keyword == "include" {
                rejectBlock(node)
                include(node, from: path, displayPath: displayPath, chain: includedFrom)
                continue
            }
            declarations.append(Declaration(keyword: keyword, node: node, includedFrom: includedFrom))
        }
    }

    /// The line and column (in characters) of the first byte that is not UTF-8 text, or a NUL.
    private func firstInvalidPosition(_ bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var i = 0
        func position() -> (Int, Int) {
            let before = String(decoding: bytes[lineStart..<i], as: UTF8.self)
            return (line, before.count + 1)
        }
        while i < bytes.count {
            if bytes[i] == 0 { return position() }
            if bytes[i] == 10 {
                line += 1
                lineStart = i + 1
            }
            let width: Int
            switch bytes[i] {
            case 0..<0x80: width = 1
            case 0xC2...0xDF: width = 2
            case 0xE0...0xEF: width = 3
            case 0xF0...0xF4: width = 4
            default: return position()
            }
            if i + width > bytes.count { return position() }
            if width > 1, String(validating: bytes[i..<(i + width)], as: UTF8.self) == nil { return position() }
            i += width
        }
        return position()
    }

    /// Follows an `include` line of the file at `path` (absolute): the target must lie inside the main file's
    /// folder both as written and once symbolic links are followed, and must not be one of the files being loaded.
    mutating func include(_ node: OutlineNode, from path: FilePath, displayPath: String, chain: [SourceLocation]) {
        var cursor = TokenCursor(node, from: 1)
        guard let (relative, span) = cursor.text() else {
            report(.expectedIncludePath, cursor.here)
            return
        }
        expectEnd(cursor)
        guard !relative.isEmpty else {
            report(.expectedIncludePath, span)
            return
        }
        let target = path.removingLastComponent().pushing(FilePath(relative)).lexicallyNormalized()
        guard target != rootFolder, target.starts(with: rootFolder),
            sources.resolvingSymbolicLinks(target).starts(with: sources.resolvingSymbolicLinks(rootFolder))
        else {
            report(.includeOutsideFolder(relative), span)
            return
        }
        let here = SourceLocation(file: displayPath, line: node.line, column: span.start.column)
        if activeFiles.contains(target) {
            report(.includeCycle(relative), span)
            return
        }
        if loadedFiles.contains(target) { return }
        loadedFiles.insert(target)
        // Shown as the main file's folder, as the user wrote it, followed by the path inside that folder.
        var inside = target
        _ = inside.removePrefix(rootFolder)
        let shown = FilePath(mainDisplayPath).removingLastComponent().pushing(inside).string
        activeFiles.append(target)
        load(path: target, displayPath: shown, includedFrom: [here] + chain, includeSpan: span)
        activeFiles.removeLast()
    }

    // MARK: Names

    /// Words that cannot be ids, because expressions and statements give them a meaning of their own.
    static let reservedWords: Set<String> = ["all", "team", "true", "false", "and", "or", "not", "time"]

    /// Registers an element's id, and files it in the index with the lines of `node`'s block; reports a duplicate or
    /// a reserved word.
    mutating func declare(
        _ kind: ElementKind, _ name: String, _ span: SourceSpan, index element: Int, title: String?, node: OutlineNode
    ) -> Bool {
        let own = kind == .option ? String(name.split(separator: ".").last ?? "") : name
        if Self.reservedWords.contains(own) {
            report(.reservedWord(own, kind: kind), span)
        }
        if let previous = names[kind]?[name] {
            report(
                .duplicateID(own, kind: kind), span, notes: [Diagnostic.Note(.firstDeclared(own), at: previous.span)])
            return false
        }
        names[kind, default: [:]][name] = (element, span)
        index.define(
            kind, name: own, qualifiedName: name, title: title, span: span, lines: node.line...Self.blockEnd(node),
            element: element)
        return true
    }

    /// The last line of a node's block: its own last line, or its last descendant's.
    static func blockEnd(_ node: OutlineNode) -> Int {
        var end = node.lastLine
        for child in node.children { end = max(end, blockEnd(child)) }
        return end
    }

    /// Marks an element as used, and files the use of its id at `span` in the index.
    mutating func use(_ kind: ElementKind, _ element: Int, name: String, at span: SourceSpan, place: ElementKind? = nil)
    {
        used[kind, default: []].insert(element)
        index.refer(place ?? kind, name: name, span: span, resolvedKind: kind, element: element)
    }

    /// Files a use of an id that does not resolve, with the kind its place needs.
    mutating func unresolved(_ kind: ElementKind, _ name: String, at span: SourceSpan) {
        index.refer(kind, name: name, span: span, resolvedKind: kind, element: nil)
    }

    /// How many "did you mean" searches one compile may make: a file full of errors stays fast.
    static let suggestionLimit = 2000

    /// The closest of `candidates` to `word`, while the search budget lasts.
    mutating func suggest(_ word: String, in candidates: some Sequence<String>) -> String? {
        guard suggestionsMade < Self.suggestionLimit else { return nil }
        suggestionsMade += 1
        return closestMatch(to: word, in: candidates)
    }

    /// Looks up an id of a kind; reports it when undefined or of another kind.
    mutating func resolve(_ kind: ElementKind, _ name: String, _ span: SourceSpan) -> Int? {
        if let entry = names[kind]?[name] {
            use(kind, entry.index, name: name, at: span)
            return entry.index
        }
        if name != "all" { unresolved(kind, name, at: span) }
        if let other = ElementKind.allCases.first(where: { $0 != kind && names[$0]?[name] != nil }) {
            report(.wrongKind(name, is: other, expected: kind), span)
            return nil
        }
        if name == "all" {
            report(.allNotAllowed(kind), span)
            return nil
        }
        let candidates = names[kind].map { Array($0.keys) } ?? []
        let guess = suggest(name, in: candidates)
        report(.unknownElement(kind, name, guess: guess), span, fixIts: didYouMean(span, name, guess))
        return nil
    }

    func lookup(_ kind: ElementKind, _ name: String) -> Int? { names[kind]?[name]?.index }
}
