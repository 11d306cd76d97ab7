import Foundation

/// The result of compiling an exercise: the scenario when there were no errors, and every diagnostic.
public struct CompileResult: Sendable {
    /// The compiled scenario, or nil when any error was found.
    public var scenario: Scenario?
    /// Errors, warnings and notes, in file order.
    public var diagnostics: [Diagnostic]
    /// Every file that was read, main file first, also when there were errors (for showing source excerpts).
    public var sources: [SourceFile] = []
}

/// Reads files for the compiler; tests replace it to compile from memory.
public protocol SourceProvider {
    /// The bytes of a file, or an error message when it cannot be read.
    func read(path: String) -> Result<[UInt8], SourceReadError>
}

/// Why a file could not be read.
public enum SourceReadError: Error, Sendable, Equatable {
    /// No such file.
    case notFound
    /// The path is a directory.
    case isDirectory
    /// Another failure, with the system's message.
    case unreadable(String)
}

/// Reads files from disk.
public struct FileSystemSources: SourceProvider {
    /// Creates a reader of the real file system.
    public init() {}

    /// Reads a file from disk.
    public func read(path: String) -> Result<[UInt8], SourceReadError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.notFound)
        }
        if isDirectory.boolValue { return .failure(.isDirectory) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.unreadable("permission denied or unreadable"))
        }
        return .success([UInt8](data))
    }
}

/// Sources held in memory, keyed by path (for tests and the `new` command).
///
/// Paths are compared after standardisation, so `exercise.ttx` and an include's resolved absolute path of the same
/// file match.
public struct MemorySources: SourceProvider {
    /// The files' bytes, keyed by standardised path.
    private var files: [String: [UInt8]] = [:]
    /// Folders that exist (every parent folder of a file).
    private var folders: Set<String> = []

    /// Creates sources from texts keyed by path.
    public init(_ files: [String: String]) {
        for (path, text) in files { add(path: path, bytes: Array(text.utf8)) }
    }

    /// Creates sources from raw bytes keyed by path (for files that are not text).
    public init(bytes: [String: [UInt8]]) {
        for (path, data) in bytes { add(path: path, bytes: data) }
    }

    private mutating func add(path: String, bytes: [UInt8]) {
        let key = Self.standardize(path)
        files[key] = bytes
        var folder = (key as NSString).deletingLastPathComponent
        while !folder.isEmpty && folder != "/" && folders.insert(folder).inserted {
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    private static func standardize(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// Returns the bytes of a file.
    public func read(path: String) -> Result<[UInt8], SourceReadError> {
        let key = Self.standardize(path)
        if let bytes = files[key] { return .success(bytes) }
        return folders.contains(key) ? .failure(.isDirectory) : .failure(.notFound)
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

/// The kinds of named elements, each with its own namespace.
enum ElementKind: String, CaseIterable {
    case role, item = "information item", measure, variable = "state variable", objective, ending, inject
    case expectation = "expected action", action, request, scene, choice, decision, option
    case discussion = "discussion question"

    /// "a" or "an", for messages.
    var article: String {
        switch self {
        case .item, .inject, .expectation, .action, .option, .objective, .ending: "an"
        default: "a"
        }
    }
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
    var nodeIndex: [ObjectIdentifier: Int] = [:]
    var loadedFiles: Set<String> = []
    var rootFolder = ""
    /// The main file's path as given.
    var mainDisplayPath = ""
    /// The standardised paths of the files being loaded, outermost first: an include of one of them is a cycle.
    var activeFiles: [String] = []
    var currentIncludeChain: [SourceLocation] = []
    var headerNode: OutlineNode?
    var suggestionsMade = 0
    /// Conditions to check for being constant once flow is known: `if`, `elif`, choice `if`, action and inject `when`.
    var constantChecks: [(Expr, SourceSpan)] = []
    /// Choices that something refers to: `chose(…)`, `expect … choose`, `auto script`.
    var referencedChoices: Set<Int> = []
    /// The current nesting of the expression being parsed.
    var expressionDepth = 0

    // Usage tracking for warnings.
    var used: [ElementKind: Set<Int>] = [:]
    var changedMeasures: Set<Int> = []
    var readVariables: Set<Int> = []
    var askedRoles: Set<Int> = []
    var sharedItems: Set<Int> = []
    var triggeredInjects: Set<Int> = []
    var sentRequests: Set<Int> = []
    /// Measure deltas seen in effects, for computed bounds: per measure, the sum of positive and negative constants.
    var measureSwing: [Int: (up: Double, down: Double)] = [:]

    init(sources: some SourceProvider) { self.sources = sources }

    // MARK: Entry

    mutating func run(mainPath: String) -> CompileResult {
        let mainURL = URL(fileURLWithPath: mainPath).standardizedFileURL
        rootFolder = mainURL.deletingLastPathComponent().path
        mainDisplayPath = mainPath
        activeFiles = [mainURL.path]
        loadedFiles = [mainURL.path]
        load(path: mainPath, displayPath: mainPath, includedFrom: [])
        guard !scenario.sources.isEmpty else {
            return CompileResult(scenario: nil, diagnostics: diagnostics, sources: [])
        }

        collect()
        if headerNode == nil {
            let span = SourceSpan(start: SourceLocation(file: mainPath, line: 1, column: 1), length: 1)
            report(.missingHeader, "the exercise has no header; start the file with `exercise ID \"TITLE\"`", span)
        }
        compileDeclarations()
        if scenario.scenes.isEmpty && headerNode != nil {
            let span =
                headerNode.map { $0.lineSpan }
                ?? SourceSpan(start: SourceLocation(file: mainPath, line: 1, column: 1), length: 1)
            report(.noScenes, "the exercise has no scenes; add at least one `scene ID \"TITLE\"`", span)
        }
        analyse()
        diagnostics.sort {
            ($0.location.file == mainPath ? 0 : 1, $0.location) < ($1.location.file == mainPath ? 0 : 1, $1.location)
        }
        let ok = !diagnostics.hasErrors
        return CompileResult(scenario: ok ? scenario : nil, diagnostics: diagnostics, sources: scenario.sources)
    }

    // MARK: Reporting

    mutating func report(
        _ code: DiagnosticCode, _ message: String, _ span: SourceSpan, fixIt: String? = nil,
        notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(
            Diagnostic(
                code.isError ? .error : .warning, code, message, at: span, fixIt: fixIt, notes: notes,
                includedFrom: includeChain(for: span.start.file)))
    }

    var includeChains: [String: [SourceLocation]] = [:]

    func includeChain(for file: String) -> [SourceLocation] { includeChains[file] ?? [] }

    // MARK: Loading

    /// Reads, decodes and outlines one file, and loads the files it includes.
    ///
    /// - Parameter includeSpan: for an included file, the span of the path in the `include` line.
    mutating func load(
        path: String, displayPath: String, includedFrom: [SourceLocation], includeSpan: SourceSpan? = nil
    ) {
        let bytes: [UInt8]
        switch sources.read(path: path) {
        case .success(let b): bytes = b
        case .failure(let error):
            let span =
                includeSpan ?? SourceSpan(start: SourceLocation(file: displayPath, line: 1, column: 1), length: 1)
            let reason: String
            switch error {
            case .notFound: reason = "there is no such file"
            case .isDirectory: reason = "it is a folder, not a file"
            case .unreadable(let why): reason = why
            }
            let code: DiagnosticCode = includeSpan == nil ? .unreadableFile : .includeNotFound
            diagnostics.append(
                Diagnostic(
                    .error, code, "cannot read '\(displayPath)': \(reason)", at: span,
                    includedFrom: Array(includedFrom.dropFirst())))
            return
        }
        let hasNUL = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
        guard !hasNUL, let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidPosition(bytes)
            let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            let message =
                utf16
                ? "'\(displayPath)' is saved as UTF-16; save it as UTF-8 text"
                : "'\(displayPath)' is not a text file: it holds a byte that is not UTF-8 text here; save it as UTF-8 text"
            diagnostics.append(
                Diagnostic(
                    .error, .notText, message,
                    at: SourceSpan(start: SourceLocation(file: displayPath, line: line, column: column), length: 1),
                    includedFrom: includedFrom))
            return
        }
        let file = SourceFile(path: displayPath, text: text)
        scenario.sources.append(file)
        includeChains[displayPath] = includedFrom
        var lexer = Lexer(source: file)
        let roots = lexer.outline()
        for var d in lexer.diagnostics {
            d.includedFrom = includedFrom
            diagnostics.append(d)
        }
        for node in roots {
            guard let keyword = node.tokens.first?.identifier else {
                if node.textBlock != nil {
                    let span = SourceSpan(start: node.location(column: node.indent.count + 1), length: 3)
                    report(
                        .unexpectedBlock,
                        "narrative text must belong to a scene, an inject or another element; indent it under one", span
                    )
                } else if let first = node.tokens.first {
                    report(
                        .unknownDeclaration, "a declaration must start with a keyword such as `scene` or `role`",
                        node.span(first))
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

    mutating func include(_ node: OutlineNode, from path: String, displayPath: String, chain: [SourceLocation]) {
        var cursor = TokenCursor(node, from: 1)
        guard let (relative, span) = cursor.text() else {
            report(.expected, "expected the file to include, in quotes: include \"roles.ttx\"", cursor.here)
            return
        }
        expectEnd(cursor)
        guard !relative.isEmpty else {
            report(.expected, "expected the file to include, in quotes: include \"roles.ttx\"", span)
            return
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        let target =
            relative.hasPrefix("/")
            ? URL(fileURLWithPath: relative).standardizedFileURL.path
            : base.appendingPathComponent(relative).standardizedFileURL.path
        let folder = rootFolder.hasSuffix("/") ? rootFolder : rootFolder + "/"
        let resolvedFolder = URL(fileURLWithPath: rootFolder).resolvingSymlinksInPath().path
        let resolvedTarget = URL(fileURLWithPath: target).resolvingSymlinksInPath().path
        guard target.hasPrefix(folder),
            resolvedTarget.hasPrefix(resolvedFolder.hasSuffix("/") ? resolvedFolder : resolvedFolder + "/")
        else {
            report(
                .includeOutsideFolder,
                "'\(relative)' is outside the exercise's folder; an exercise may only include files in its own folder",
                span)
            return
        }
        let here = SourceLocation(file: displayPath, line: node.line, column: span.start.column)
        if activeFiles.contains(target) {
            report(
                .includeCycle,
                "'\(relative)' is already being included: the files include each other in a cycle; remove one of the includes",
                span)
            return
        }
        if loadedFiles.contains(target) { return }
        loadedFiles.insert(target)
        let inside = String(target.dropFirst(folder.count))
        let mainFolder = parentFolder(of: mainDisplayPath)
        let shown = mainFolder.isEmpty ? inside : (mainFolder as NSString).appendingPathComponent(inside)
        activeFiles.append(target)
        load(path: target, displayPath: shown, includedFrom: [here] + chain, includeSpan: span)
        activeFiles.removeLast()
    }

    /// The folder part of a path as written (empty for a bare file name). Foundation's
    /// `deletingLastPathComponent` traps on "." on Linux, so this is done by hand.
    func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    // MARK: Names

    /// Words that cannot be ids, because expressions and statements give them a meaning of their own.
    static let reservedWords: Set<String> = ["all", "team", "true", "false", "and", "or", "not", "time"]

    /// Registers an element's id; reports a duplicate or a reserved word.
    mutating func declare(_ kind: ElementKind, _ name: String, _ span: SourceSpan, index: Int) -> Bool {
        let own = kind == .option ? String(name.split(separator: ".").last ?? "") : name
        if Self.reservedWords.contains(own) {
            report(
                .reservedWord, "'\(own)' is a reserved word and cannot name a \(kind.rawValue); choose another id", span
            )
        }
        if let previous = names[kind]?[name] {
            report(
                .duplicateID, "\(kind.rawValue) '\(own)' is declared twice; every \(kind.rawValue) needs its own id",
                span,
                notes: [Diagnostic.Note(message: "'\(own)' is first declared here", span: previous.span)])
            return false
        }
        names[kind, default: [:]][name] = (index, span)
        return true
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
            used[kind, default: []].insert(entry.index)
            return entry.index
        }
        if let other = ElementKind.allCases.first(where: { $0 != kind && names[$0]?[name] != nil }) {
            report(
                .wrongKind, "'\(name)' is \(other.article) \(other.rawValue), not \(kind.article) \(kind.rawValue)",
                span)
            return nil
        }
        if name == "all" {
            report(.expected, "`all` cannot stand here; name \(kind.article) \(kind.rawValue)", span)
            return nil
        }
        let candidates = names[kind].map { Array($0.keys) } ?? []
        if let guess = suggest(name, in: candidates) {
            report(.undefinedID, "unknown \(kind.rawValue) '\(name)' (did you mean '\(guess)'?)", span, fixIt: guess)
        } else {
            report(.undefinedID, "unknown \(kind.rawValue) '\(name)'", span)
        }
        return nil
    }

    func lookup(_ kind: ElementKind, _ name: String) -> Int? { names[kind]?[name]?.index }
}
