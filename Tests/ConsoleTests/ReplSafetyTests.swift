import ExerciseEngine
import Foundation
import LineEditor
import ScenarioLanguage
import Testing
import Transcripts

@testable import Console

/// A reader that types scripted lines and keeps what the REPL puts in the history.
final class ScriptedReader: LineReader {
    private var lines: [String]
    private(set) var history: [String] = []
    /// Runs before line `index` (0-based) is returned.
    var before: [Int: () -> Void] = [:]
    private var index = 0

    init(_ lines: [String]) { self.lines = lines }

    func readLine(prompt: Prompt) -> LineInput {
        guard index < lines.count else { return .endOfInput }
        before[index]?()
        defer { index += 1 }
        return .line(lines[index])
    }

    func addToHistory(_ line: String) { history.append(line) }
}

@Suite(.serialized) struct ReplSafetyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func tutorial() throws -> (Scenario, [String]) {
        let result = ScenarioCompiler.compile(path: root.appendingPathComponent("exercises/tutorial.en.ttx").path)
        let scenario = try #require(result.scenario)
        let input = try String(
            contentsOf: root.appendingPathComponent("Tests/EndToEndTests/Golden/tutorial-en.input"), encoding: .utf8)
        return (scenario, input.split(separator: "\n").map(String.init))
    }

    static let options = PlayOptions(language: .en, color: false, width: 80, facilitator: false, interactive: false)

    /// Defect 7: peer ratings (anonymous or not), discussion answers and hidden positions stay out of the history.
    @Test func privateAnswersStayOutOfTheHistory() throws {
        let (scenario, lines) = try Self.tutorial()
        var session = Session(scenario: scenario, seed: 42, played: Set(scenario.roles.indices))
        let opening = session.start()
        let reader = ScriptedReader(lines)
        let repl = Repl(session: session, recorder: NullRecorder(), reader: reader, options: Self.options)
        #expect(repl.run(openingEvents: opening, resumed: false))
        #expect(reader.history.contains("share_routes"))
        #expect(reader.history.contains("as jiaotong"))
        #expect(!reader.history.contains("side_gate"))
        #expect(!reader.history.contains { $0.hasPrefix("The school routes") || $0.hasPrefix("Our grid worker") })
        #expect(!reader.history.contains { Int($0) != nil }, "\(reader.history)")
    }

    /// Defect 1 through the REPL: the transcript's folder is removed before the third line.
    @Test func vanishedTranscriptStopsTheRepl() throws {
        let (scenario, lines) = try Self.tutorial()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandtable-repl-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var session = Session(scenario: scenario, seed: 42, played: Set(scenario.roles.indices))
        let writer = try TranscriptWriter.create(
            directory: folder.path, scenario: scenario, seed: 42, played: Set(scenario.roles.indices),
            facilitated: false, uiLanguage: "en", tool: "test", key: nil)
        let opening = session.start()
        try writer.append(input: nil, events: opening)
        let reader = ScriptedReader(lines)
        reader.before[2] = { try? FileManager.default.removeItem(at: folder) }
        let repl = Repl(session: session, recorder: writer, reader: reader, options: Self.options)
        #expect(!repl.run(openingEvents: opening, resumed: false))
        #expect(repl.recordingBroken)
        #expect(repl.finished)
        // The session stopped at the failed step: the later lines were never read.
        #expect(reader.history.count <= 3)
    }
}
