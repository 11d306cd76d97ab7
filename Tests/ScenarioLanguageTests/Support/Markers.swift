import Foundation
import Localization
import Testing

@testable import ScenarioLanguage

/// A source text with position markers (`1️⃣`, `2️⃣`, …) in it, as swift-syntax's tests write them.
///
/// The markers are removed from the text; each is remembered as the 1-based line and column (in characters) of the
/// character that followed it.
struct MarkedSource {
    /// The text without its markers.
    let text: String
    /// Each marker's position in the text without markers.
    let markers: [String: (line: Int, column: Int)]

    static let markerCharacters: Set<Character> = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    init(_ marked: String) {
        var text = ""
        var markers: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        for character in marked {
            if Self.markerCharacters.contains(character) {
                markers[String(character)] = (line, column)
                continue
            }
            text.append(character)
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.text = text
        self.markers = markers
    }
}

/// The folder that in-memory test exercises live in.
let testFolder = "/exercises"

/// Compiles marked sources held in memory. The first file is the main one.
func compileMarked(_ files: [(path: String, source: String)]) -> (
    CompileResult, [String: (file: String, line: Int, column: Int)]
) {
    var texts: [String: String] = [:]
    var markers: [String: (file: String, line: Int, column: Int)] = [:]
    for (path, source) in files {
        let marked = MarkedSource(source)
        texts[path] = marked.text
        for (name, position) in marked.markers { markers[name] = (path, position.line, position.column) }
    }
    let main = files.first?.path ?? "\(testFolder)/main.ttx"
    return (ScenarioCompiler.compile(path: main, sources: MemorySources(texts)), markers)
}

/// Describes diagnostics for a failure message.
func describe(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { "\($0.location): \($0.severity.rawValue): \($0.message) [\($0.code.rawValue)]" }
        .joined(separator: "\n")
}

/// Asserts that compiling the marked source reports `code` at the marker, and returns that diagnostic.
///
/// - Parameters:
///   - others: whether other diagnostics may be reported too; by default the expected one must be the only error
///     or warning (notes attached to it are fine).
@discardableResult
func expectDiagnostic(
    _ code: DiagnosticCode,
    at marker: String = "1️⃣",
    in source: String,
    includes: [(path: String, source: String)] = [],
    message: String? = nil,
    fixIt: String? = nil,
    others: Bool = false,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    let (result, markers) = compileMarked([("\(testFolder)/main.ttx", source)] + includes)
    guard let position = markers[marker] else {
        Issue.record("the source has no marker \(marker)", sourceLocation: sourceLocation)
        return nil
    }
    let matching = result.diagnostics.filter { $0.code == code }
    guard
        let found = matching.first(where: {
            $0.location.file == position.file && $0.location.line == position.line
                && $0.location.column == position.column
        })
    else {
        Issue.record(
            """
            expected \(code.rawValue) at \(position.file):\(position.line):\(position.column); got:
            \(describe(result.diagnostics))
            """,
            sourceLocation: sourceLocation)
        return nil
    }
    #expect(found.severity == (code.isError ? .error : .warning), sourceLocation: sourceLocation)
    #expect(found.span.length >= 1, sourceLocation: sourceLocation)
    if let message {
        #expect(found.message.text(in: .en) == message, sourceLocation: sourceLocation)
    }
    if let fixIt {
        #expect(found.fixIts.first?.edits.map(\.replacement) == [fixIt], sourceLocation: sourceLocation)
    }
    for language in UILanguage.allCases {
        let text = found.message.text(in: language)
        #expect(
            !text.contains("⟦"), "\(found.message.catalogueKey) has no \(language) text", sourceLocation: sourceLocation
        )
        #expect(
            !text.contains("{"), "\(found.message.catalogueKey) left a placeholder unfilled in \(language): \(text)",
            sourceLocation: sourceLocation)
    }
    #expect(
        found.message.text(in: .en).first.map { !$0.isUppercase } ?? false, "messages start in lowercase",
        sourceLocation: sourceLocation)
    if !others {
        #expect(
            result.diagnostics.count == 1, "expected only \(code.rawValue); got:\n\(describe(result.diagnostics))",
            sourceLocation: sourceLocation)
    }
    if code.isError {
        #expect(result.scenario == nil, sourceLocation: sourceLocation)
    }
    return found
}

/// Asserts that the marked source compiles with no diagnostics at all.
func expectClean(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let result = ScenarioCompiler.compile(text: source)
    #expect(result.diagnostics.isEmpty, "\(describe(result.diagnostics))", sourceLocation: sourceLocation)
    #expect(result.scenario != nil, sourceLocation: sourceLocation)
}

/// A small exercise that compiles without any diagnostic; tests append to it or edit it.
let cleanExercise = """
    exercise demo "演示"
      clock 08:00
      duration 4h

    role a "甲"
    role b "乙"

    measure sharing "信息共享" range 0..10
    state water = 1 range 0..5

    ending done "结束"

    scene start "开始"
      ask a, b "怎么办?"
        choice go "出发"
          sharing += 1
          water += 1
        choice stay "留下" default
          advance 1h
      if water >= 2
        say "水位上涨。"
      end done

    """

/// The bundled exercises, read from the repository: the exercises, then the examples (`examples/…`).
func bundledExercises() -> [(name: String, text: String)] {
    let folder = repositoryRoot.appendingPathComponent("exercises")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let examples = (try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/examples")) ?? []
    let all =
        names.filter { $0.hasSuffix(".ttx") }.sorted()
        + examples.filter { $0.hasSuffix(".ttx") }.sorted().map {
            "examples/" + $0
        }
    return all.compactMap { name in
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
            return nil
        }
        return (name, String(decoding: data, as: UTF8.self))
    }
}

/// The repository's root folder.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
