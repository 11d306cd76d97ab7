import Foundation

/// The result of compiling an exercise: the scenario when there were no errors, and every diagnostic.
public struct CompileResult: Sendable {
    /// The compiled scenario, or nil when any error was found.
    public var scenario: Scenario?
    /// Errors, warnings and notes, in file order.
    public var diagnostics: [Diagnostic]
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
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .failure(.notFound) }
        if isDirectory.boolValue { return .failure(.isDirectory) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.unreadable("permission denied or unreadable"))
        }
        return .success([UInt8](data))
    }
}

/// Sources held in memory, keyed by path (for tests and the `new` command).
public struct MemorySources: SourceProvider {
    /// The files.
    public var files: [String: String]

    /// Creates sources from texts keyed by path.
    public init(_ files: [String: String]) { self.files = files }

    /// Returns the text of a file as UTF-8.
    public func read(path: String) -> Result<[UInt8], SourceReadError> {
        guard let text = files[path] else { return .failure(.notFound) }
        return .success(Array(text.utf8))
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
    var currentIncludeChain: [SourceLocation] = []
    var headerNode: OutlineNode?

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
        rootFolder = (URL(fileURLWithPath: mainPath).standardizedFileURL.deletingLastPathComponent().path)
        load(path: mainPath, displayPath: mainPath, includedFrom: [])
        guard !scenario.sources.isEmpty else { return CompileResult(scenario: nil, diagnostics: diagnostics) }

        collect()
        if headerNode == nil {
            let span = SourceSpan(start: SourceLocation(file: mainPath, line: 1, column: 1), length: 1)
            report(.missingHeader, "the exercise has no header; start the file with `exercise ID \"TITLE\"`", span)
        }
        compileDeclarations()
        if scenario.scenes.isEmpty && headerNode != nil {
            let span = headerNode.map { $0.lineSpan } ?? SourceSpan(start: SourceLocation(file: mainPath, line: 1, column: 1), length: 1)
            report(.noScenes, "the exercise has no scenes; add at least one `scene ID \"TITLE\"`", span)
        }
        analyse()
        diagnostics.sort { ($0.location.file == mainPath ? 0 : 1, $0.location) < ($1.location.file == mainPath ? 0 : 1, $1.location) }
        let ok = !diagnostics.hasErrors
        return CompileResult(scenario: ok ? scenario : nil, diagnostics: diagnostics)
    }

    // MARK: Reporting

    mutating func report(
        _ code: DiagnosticCode, _ message: String, _ span: SourceSpan, fixIt: String? = nil,
        notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(
            Diagnostic(code.isError ? .error : .warning, code, message, at: span, fixIt: fixIt, notes: notes,
                       includedFrom: includeChain(for: span.start.file)))
    }

    var includeChains: [String: [SourceLocation]] = [:]

    func includeChain(for file: String) -> [SourceLocation] { includeChains[file] ?? [] }

    // MARK: Loading

    mutating func load(path: String, displayPath: String, includedFrom: [SourceLocation]) {
        let bytes: [UInt8]
        switch sources.read(path: path) {
        case .success(let b): bytes = b
        case .failure(let error):
            let span = includedFrom.first.map { SourceSpan(start: $0, length: 7) }
                ?? SourceSpan(start: SourceLocation(file: displayPath, line: 1, column: 1), length: 1)
            let reason: String
            switch error {
            case .notFound: reason = "no such file"
            case .isDirectory: reason = "it is a folder, not a file"
            case .unreadable(let why): reason = why
            }
            let code: DiagnosticCode = includedFrom.isEmpty ? .unreadableFile : .includeNotFound
            diagnostics.append(Diagnostic(.error, code, "cannot read '\(displayPath)': \(reason)", at: span,
                                          includedFrom: Array(includedFrom.dropFirst())))
            return
        }
        guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
            let offset = firstInvalidLine(bytes)
            diagnostics.append(Diagnostic(.error, .notText,
                "'\(displayPath)' is not UTF-8 text (line \(offset)); save it as UTF-8",
                at: SourceSpan(start: SourceLocation(file: displayPath, line: offset, column: 1), length: 1),
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
                    report(.unexpectedBlock, "narrative text must belong to a scene, an inject or another element; indent it under one", span)
                } else if let first = node.tokens.first {
                    report(.unknownDeclaration, "a declaration must start with a keyword such as `scene` or `role`", node.span(first))
                }
                continue
            }
            if keyword == "include" {
                include(node, from: path, displayPath: displayPath, chain: includedFrom)
                continue
            }
            declarations.append(Declaration(keyword: keyword, node: node, includedFrom: includedFrom))
        }
    }

    private func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0 { return line }
            if bytes[i] == 10 { line += 1 }
            let width: Int
            switch bytes[i] {
            case 0..<0x80: width = 1
            case 0xC2...0xDF: width = 2
            case 0xE0...0xEF: width = 3
            case 0xF0...0xF4: width = 4
            default: return line
            }
            if i + width > bytes.count { return line }
            if width > 1, String(validating: bytes[i..<(i + width)], as: UTF8.self) == nil { return line }
            i += width
        }
        return line
    }

    mutating func include(_ node: OutlineNode, from path: String, displayPath: String, chain: [SourceLocation]) {
        var cursor = TokenCursor(node, from: 1)
        guard let (relative, span) = cursor.text() else {
            report(.expected, "expected the file to include, in quotes: include \"roles.ttx\"", cursor.here)
            return
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        let target = base.appendingPathComponent(relative).standardizedFileURL.path
        let folder = rootFolder.hasSuffix("/") ? rootFolder : rootFolder + "/"
        guard target.hasPrefix(folder) else {
            report(.includeOutsideFolder, "'\(relative)' is outside the exercise's folder; includes must stay inside it", span)
            return
        }
        let here = SourceLocation(file: displayPath, line: node.line, column: span.start.column)
        let mainStandard = URL(fileURLWithPath: scenario.sources.first?.path ?? path).standardizedFileURL.path
        if target == URL(fileURLWithPath: path).standardizedFileURL.path || target == mainStandard
            || chainContains(target, chain: chain)
        {
            report(.includeCycle, "'\(relative)' is already being included: the files include each other in a cycle", span)
            return
        }
        if loadedFiles.contains(target) { return }
        loadedFiles.insert(target)
        let shown = relativeDisplay(target: target, relative: relative, from: displayPath)
        load(path: target, displayPath: shown, includedFrom: [here] + chain)
    }

    private func chainContains(_ target: String, chain: [SourceLocation]) -> Bool {
        chain.contains { URL(fileURLWithPath: $0.file).standardizedFileURL.path == target }
    }

    private func relativeDisplay(target: String, relative: String, from displayPath: String) -> String {
        let dir = (displayPath as NSString).deletingLastPathComponent
        return dir.isEmpty ? relative : (dir as NSString).appendingPathComponent(relative)
    }

    // MARK: Names

    /// Registers an element's id; reports a duplicate.
    mutating func declare(_ kind: ElementKind, _ name: String, _ span: SourceSpan, index: Int) -> Bool {
        if let previous = names[kind]?[name] {
            report(.duplicateID, "\(kind.rawValue) '\(name)' is declared twice", span,
                   notes: [Diagnostic.Note(message: "first declared here", span: previous.span)])
            return false
        }
        names[kind, default: [:]][name] = (index, span)
        return true
    }

    /// Looks up an id of a kind; reports it when undefined or of another kind.
    mutating func resolve(_ kind: ElementKind, _ name: String, _ span: SourceSpan) -> Int? {
        if let entry = names[kind]?[name] {
            used[kind, default: []].insert(entry.index)
            return entry.index
        }
        let others = ElementKind.allCases.filter { $0 != kind && names[$0]?[name] != nil }
        if let other = others.first {
            report(.wrongKind, "'\(name)' is a \(other.rawValue), not a \(kind.rawValue)", span)
            return nil
        }
        let candidates = names[kind].map { Array($0.keys) } ?? []
        if let guess = closestMatch(to: name, in: candidates) {
            report(.undefinedID, "unknown \(kind.rawValue) '\(name)' (did you mean '\(guess)'?)", span, fixIt: guess)
        } else {
            report(.undefinedID, "unknown \(kind.rawValue) '\(name)'", span)
        }
        return nil
    }

    func lookup(_ kind: ElementKind, _ name: String) -> Int? { names[kind]?[name]?.index }
}
