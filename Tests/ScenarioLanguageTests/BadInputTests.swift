import Foundation
import Testing

@testable import ScenarioLanguage

/// The "bad input" list of issue 3: each gets a clear diagnostic or is accepted, and never crashes or hangs.
@Suite("Bad input")
struct BadInputTests {
    /// A folder on disk for tests that need real files, removed afterwards.
    private func withTemporaryFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sandtable-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test("an empty file is missing its header")
    func emptyFile() {
        let result = ScenarioCompiler.compile(text: "")
        #expect(result.diagnostics.map(\.code) == [.missingHeader])
        #expect(result.diagnostics.first?.location.line == 1)
        #expect(result.diagnostics.first?.location.column == 1)
        #expect(result.scenario == nil)
        let blank = ScenarioCompiler.compile(text: "\n\n   \n# 只有注释\n")
        #expect(blank.diagnostics.map(\.code) == [.missingHeader])
    }

    @Test("a binary file is not text")
    func binaryFile() {
        var random = SeededGenerator(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        let path = "\(testFolder)/image.ttx"
        let result = ScenarioCompiler.compile(path: path, sources: MemorySources(bytes: [path: bytes]))
        #expect(result.diagnostics.map(\.code) == [.notText])
        #expect(result.diagnostics.first?.message.description.contains("not a text file") == true)
        #expect(checkInvariants(result, text: "", path: path).filter { !$0.contains("line") }.isEmpty)
    }

    @Test("a 10 MB file is read in reasonable time")
    func tenMegabytes() {
        var text =
            cleanExercise.replacingOccurrences(of: "  end done", with: "  goto long") + "scene long \"长篇\"\n  \"\"\"\n"
        let paragraph = "  强对流云团正向主城区移动，交通、卫健、应急各部门请注意防范。Heavy rain is moving in.\n"
        while text.utf8.count < 10_000_000 { text += paragraph }
        text += "  \"\"\"\n  end done\n"
        let start = Date()
        let result = ScenarioCompiler.compile(text: text)
        let seconds = Date().timeIntervalSince(start)
        #expect(result.diagnostics.isEmpty, "\(describe(result.diagnostics))")
        #expect(result.scenario != nil)
        #expect(seconds < 60, "compiling 10 MB took \(seconds) s")
    }

    @Test("a 10 MB file of garbage gives diagnostics, quickly")
    func tenMegabytesOfGarbage() {
        var random = SeededGenerator(seed: 11)
        var line = ""
        for _ in 0..<200 { line.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0x21...0x7E, using: &random))) }
        var text = ""
        let count = 10_000_000 / 201 / 4  // a quarter of the lines garbage, the rest a long single line
        for _ in 0..<count { text += line + "\n" }
        text += String(repeating: "交通局", count: 2_500_000)
        let start = Date()
        let result = ScenarioCompiler.compile(text: text)
        let seconds = Date().timeIntervalSince(start)
        #expect(result.scenario == nil)
        #expect(result.diagnostics.hasErrors)
        #expect(checkInvariants(result, text: text, path: "exercise.ttx").isEmpty)
        #expect(seconds < 60, "compiling 10 MB of garbage took \(seconds) s")
    }

    @Test("deep nesting of blocks and of expressions is reported once")
    func deepNesting() {
        var lines = ["exercise demo \"演示\"", "role a \"甲\"", "ending done \"结束\"", "scene s \"开始\""]
        for depth in 1...2000 { lines.append(String(repeating: " ", count: depth) + "if true") }
        let result = ScenarioCompiler.compile(text: lines.joined(separator: "\n"))
        #expect(result.diagnostics.filter { $0.code == .nestingTooDeep }.count == 1)
        #expect(result.diagnostics.count < 5, "\(describe(result.diagnostics))")

        let parentheses = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        let deep = ScenarioCompiler.compile(
            text: cleanExercise.replacingOccurrences(of: "if water >= 2", with: "if \(parentheses) > 0"))
        #expect(deep.diagnostics.map(\.code) == [.nestingTooDeep])
        let nots = String(repeating: "not ", count: 100_000) + "true"
        let deepNot = ScenarioCompiler.compile(
            text: cleanExercise.replacingOccurrences(of: "if water >= 2", with: "if \(nots)"))
        #expect(deepNot.diagnostics.map(\.code) == [.nestingTooDeep])
    }

    @Test("tabs are fine when a block uses them throughout; mixing them with spaces in a block is reported")
    func tabs() {
        let tabbed = cleanExercise.replacingOccurrences(of: "  ", with: "\t")
        expectClean(tabbed)
        let mixed = cleanExercise.replacingOccurrences(of: "\n      water += 1", with: "\n    \twater += 1")
        let result = ScenarioCompiler.compile(text: mixed)
        #expect(result.diagnostics.map(\.code) == [.inconsistentIndentation], "\(describe(result.diagnostics))")
    }

    @Test("a byte-order mark is ignored, and columns are unchanged")
    func byteOrderMark() {
        expectClean("\u{FEFF}" + cleanExercise)
        let d = expectDiagnostic(
            .undefinedID, in: "\u{FEFF}" + cleanExercise.replacingOccurrences(of: "ask a, b", with: "ask a, 1️⃣c"))
        #expect(d?.location.line == 14)
    }

    @Test("Windows line endings are accepted, and lines are counted once")
    func windowsLineEndings() {
        expectClean(cleanExercise.replacingOccurrences(of: "\n", with: "\r\n"))
        let broken = cleanExercise.replacingOccurrences(of: "ask a, b", with: "ask a, c").replacingOccurrences(
            of: "\n", with: "\r\n")
        let result = ScenarioCompiler.compile(text: broken)
        #expect(result.diagnostics.map(\.location.line) == [14])
        #expect(result.diagnostics.map(\.location.column) == [10])
        // Old Macintosh line endings (a lone carriage return) end lines too.
        expectClean(cleanExercise.replacingOccurrences(of: "\n", with: "\r"))
    }

    @Test("a missing file on disk")
    func missingFile() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("nowhere.ttx").path
            let result = ScenarioCompiler.compile(path: path)
            #expect(result.diagnostics.map(\.code) == [.unreadableFile])
            #expect(result.diagnostics.first?.message.description == "cannot read '\(path)': there is no such file")
        }
    }

    @Test("a folder given as a file on disk")
    func folderGivenAsFile() throws {
        try withTemporaryFolder { folder in
            let result = ScenarioCompiler.compile(path: folder.path)
            #expect(result.diagnostics.map(\.code) == [.unreadableFile])
            #expect(
                result.diagnostics.first?.message.description
                    == "cannot read '\(folder.path)': it is a folder, not a file")
        }
    }

    @Test("includes on disk, with a symbolic link that leaves the folder")
    func includesOnDisk() throws {
        try withTemporaryFolder { folder in
            let exercise = folder.appendingPathComponent("exercise")
            try FileManager.default.createDirectory(at: exercise, withIntermediateDirectories: true)
            try Data("role c \"丙\"\n".utf8).write(to: folder.appendingPathComponent("outside.ttx"))
            try FileManager.default.createSymbolicLink(
                at: exercise.appendingPathComponent("link.ttx"),
                withDestinationURL: folder.appendingPathComponent("outside.ttx"))
            try Data("role b \"乙\"\n".utf8).write(to: exercise.appendingPathComponent("roles.ttx"))
            let main = cleanExercise.replacingOccurrences(
                of: "role b \"乙\"\n", with: "include \"roles.ttx\"\ninclude \"link.ttx\"\n")
            try Data(main.utf8).write(to: exercise.appendingPathComponent("main.ttx"))
            let result = ScenarioCompiler.compile(path: exercise.appendingPathComponent("main.ttx").path)
            #expect(result.diagnostics.map(\.code) == [.includeOutsideFolder], "\(describe(result.diagnostics))")
            #expect(result.sources.count == 2)
        }
    }

    @Test("a file that is all one very long line")
    func longLine() {
        let text = "exercise demo \"" + String(repeating: "很长的标题", count: 200_000) + "\""
        let result = ScenarioCompiler.compile(text: text)
        #expect(result.diagnostics.map(\.code) == [.noScenes])
    }
}
