import Localization
import ScenarioLanguage
import Testing

@testable import LanguageServer

@Suite struct TextDocumentTests {
    @Test func incrementalChangesCountUTF16CodeUnits() {
        var document = TextDocument(uri: "file:///tmp/a.ttx", version: 1, text: "role 气象局 \"🌧 雨\"\r\nrole b\n")
        // After the emoji (two UTF-16 code units) and its space: the 雨.
        document.apply(
            [
                TextDocumentContentChangeEvent(
                    range: Range(start: .init(line: 0, character: 13), end: .init(line: 0, character: 14)), text: "雪")
            ],
            version: 2)
        #expect(document.text == "role 气象局 \"🌧 雪\"\r\nrole b\n")
        document.apply(
            [
                TextDocumentContentChangeEvent(
                    range: Range(start: .init(line: 1, character: 5), end: .init(line: 1, character: 99)), text: "c")
            ],
            version: 3)
        #expect(document.text == "role 气象局 \"🌧 雪\"\r\nrole c\n")
        document.apply([TextDocumentContentChangeEvent(range: nil, text: "x")], version: 4)
        #expect(document.text == "x" && document.version == 4)
        // Past the end: appended.
        document.apply(
            [
                TextDocumentContentChangeEvent(
                    range: Range(start: .init(line: 9, character: 0), end: .init(line: 9, character: 0)), text: "y")
            ],
            version: 5)
        #expect(document.text == "xy")
    }

    @Test func positionsAndColumnsConvertBothWays() {
        let file = SourceFile(path: "/a.ttx", text: "share 🌧预报 with all\n")
        // Column 8 (characters) is 预, after the emoji's two code units: character 8.
        #expect(file.position(line: 1, column: 8) == Position(line: 0, character: 8))
        #expect(file.location(Position(line: 0, character: 8)).column == 8)
        // Inside the surrogate pair: the emoji's column.
        #expect(file.location(Position(line: 0, character: 7)).column == 7)
        #expect(
            file.range(SourceSpan(start: SourceLocation(file: "/a.ttx", line: 1, column: 7), length: 3))
                == Range(start: .init(line: 0, character: 6), end: .init(line: 0, character: 10)))
    }

    @Test func fileURIsRoundTripWithChineseAndSpaces() {
        let uri = DocumentURI.uri(of: "/tmp/演练 草稿/入门.ttx")
        #expect(uri.hasPrefix("file:///tmp/"))
        #expect(DocumentURI.path(of: uri) == "/tmp/演练 草稿/入门.ttx")
        #expect(DocumentURI.path(of: "untitled:Untitled-1").hasPrefix("/untitled/"))
    }

    @Test func theCatalogueIsSound() {
        #expect(Catalog.languageServer.problems == [])
    }
}
