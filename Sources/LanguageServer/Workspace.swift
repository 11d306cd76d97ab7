import Foundation
import Localization
import ScenarioLanguage
import SystemPackage

/// The files the compiler reads for the server: an open document's text as the client last sent it, else the file
/// on disk, so that the diagnostics follow what the author is typing, unsaved.
struct WorkspaceSources: SourceProvider {
    /// The open documents' texts, by absolute normalised path.
    var open: [FilePath: String]
    private let disk = FileSystemSources()

    func read(_ path: FilePath) -> Result<[UInt8], SourceReadError> {
        if let text = open[absolute(path)] { return .success(Array(text.utf8)) }
        return disk.read(path)
    }

    var currentDirectory: FilePath { disk.currentDirectory }

    func resolvingSymbolicLinks(_ path: FilePath) -> FilePath {
        open[absolute(path)] != nil ? absolute(path) : disk.resolvingSymbolicLinks(path)
    }
}

/// One compile of an exercise, with what the features need to answer from it.
final class Analysis {
    /// The main file's path.
    let main: String
    /// What the compiler produced.
    let result: CompileResult
    /// The language of its diagnostics, hovers and lenses.
    let language: UILanguage
    /// Every file read, by path.
    let files: [String: SourceFile]

    init(main: String, result: CompileResult, language: UILanguage) {
        self.main = main
        self.result = result
        self.language = language
        var files: [String: SourceFile] = [:]
        for source in result.sources { files[source.path] = source }
        self.files = files
    }

    /// The lexical tokens of each file, as far as asked for.
    private var tokensByFile: [String: [LexicalToken]] = [:]

    /// The tokens of a file, as the compiler's lexer reads them.
    func tokens(of path: String) -> [LexicalToken] {
        if let cached = tokensByFile[path] { return cached }
        let tokens = file(path).tokens
        tokensByFile[path] = tokens
        return tokens
    }

    /// The index of definitions and references.
    var index: SourceIndex { result.index }

    /// The file at `path`, as compiled (an empty file when the compiler did not read it).
    func file(_ path: String) -> SourceFile { files[path] ?? SourceFile(path: path, text: "") }

    /// The range of a span in its file.
    func range(_ span: SourceSpan) -> Range { file(span.start.file).range(span) }
}

/// The documents the client has open and the compiles of the exercises they belong to.
///
/// A document is compiled as part of its exercise: the file that includes it, when one does (found among the
/// exercises compiled so far, else among the `.ttx` files of its folder and the folders above it, where an
/// exercise's main file must be), else on its own. Compiles are kept until a document changes.
struct Workspace {
    /// The open documents, by URI.
    private(set) var documents: [String: TextDocument] = [:]
    /// The URI of each open document's path.
    private var uris: [String: String] = [:]
    /// The compiles, by main file.
    private var analyses: [String: Analysis] = [:]
    /// For a file that an exercise includes, the exercise's main file.
    private var includedBy: [String: String] = [:]
    /// The main file found for each path, until a document opens, changes or closes.
    private var mains: [String: String] = [:]
    /// How the language of the answers is chosen.
    var languageChoice: (String?) -> UILanguage = { _ in .en }

    /// Opens a document.
    mutating func open(_ document: TextDocument) {
        documents[document.uri] = document
        uris[document.path] = document.uri
        analyses = [:]
        mains = [:]
    }

    /// Applies changes to an open document; false when the document is not open.
    mutating func change(uri: String, _ changes: [TextDocumentContentChangeEvent], version: Int) -> Bool {
        guard var document = documents[uri] else { return false }
        document.apply(changes, version: version)
        documents[uri] = document
        analyses = [:]
        mains = [:]
        return true
    }

    /// Closes a document.
    mutating func close(uri: String) {
        guard let document = documents.removeValue(forKey: uri) else { return }
        uris[document.path] = nil
        analyses = [:]
        mains = [:]
    }

    /// The URI of a path: the open document's, else a `file:` URI.
    func uri(of path: String) -> String { uris[path] ?? DocumentURI.uri(of: path) }

    /// The version of the open document at `path`, if it is open.
    func version(of path: String) -> Int? { uris[path].flatMap { documents[$0]?.version } }

    /// The compile of the exercise that the document at `uri` belongs to.
    mutating func analysis(of uri: String) -> Analysis {
        let path = documents[uri]?.path ?? DocumentURI.path(of: uri)
        return analysis(main: mainFile(of: path))
    }

    /// The compile of the exercise whose main file is `main`.
    mutating func analysis(main: String) -> Analysis {
        if let cached = analyses[main] { return cached }
        let result = ScenarioCompiler.compile(path: main, sources: sources)
        let analysis = Analysis(main: main, result: result, language: languageChoice(result.declaredLanguage))
        analyses[main] = analysis
        for (path, owner) in includedBy where owner == main && analysis.files[path] == nil { includedBy[path] = nil }
        for source in result.sources where source.path != main { includedBy[source.path] = main }
        return analysis
    }

    /// The main files of the exercises the open documents belong to, each once, in a stable order.
    mutating func openExercises() -> [String] {
        var mains: [String] = []
        for document in documents.values.sorted(by: { $0.path < $1.path }) {
            let main = mainFile(of: document.path)
            if !mains.contains(main) { mains.append(main) }
        }
        return mains
    }

    private var sources: WorkspaceSources {
        var open: [FilePath: String] = [:]
        for document in documents.values { open[FilePath(document.path).lexicallyNormalized()] = document.text }
        return WorkspaceSources(open: open)
    }

    /// The main file of the exercise `path` belongs to.
    private mutating func mainFile(of path: String) -> String {
        if let main = mains[path] { return main }
        let main = findMainFile(of: path)
        mains[path] = main
        return main
    }

    private mutating func findMainFile(of path: String) -> String {
        if let main = includedBy[path], main != path { return main }
        let file = FilePath(path)
        guard let name = file.lastComponent?.string else { return path }
        var folder = file.removingLastComponent()
        for _ in 0..<4 {
            for candidate in Self.exercises(in: folder) where candidate != path {
                guard let text = text(of: candidate), text.contains("include"), text.contains(name) else { continue }
                let analysis = analysis(main: candidate)
                if analysis.files[path] != nil { return candidate }
            }
            guard folder.lastComponent != nil else { break }
            folder.removeLastComponent()
        }
        return path
    }

    /// The text of a file: the open document's, else the file's on disk.
    private func text(of path: String) -> String? {
        if let uri = uris[path], let document = documents[uri] { return document.text }
        guard case .success(let bytes) = FileSystemSources().read(FilePath(path)) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The `.ttx` files of a folder, sorted.
    private static func exercises(in folder: FilePath) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.string)) ?? []
        return names.filter { $0.hasSuffix(".ttx") }.sorted().map { folder.appending($0).string }
    }
}
