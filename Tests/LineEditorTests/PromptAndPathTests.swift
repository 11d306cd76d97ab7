import Testing

@testable import LineEditor

@Suite("Prompt rendering and history path")
struct PromptAndPathTests {
    @Test func plainPromptHasNoEscapes() {
        #expect(Prompt("交通局> ").rendered(zeroWidthMarker: "\u{1}") == "交通局> ")
    }

    @Test func colouredPromptWrapsEscapesInMarkers() {
        let rendered = Prompt("交通局> ", color: .green).rendered(zeroWidthMarker: "\u{1}")
        #expect(rendered == "\u{1}\u{1B}[1;32m\u{1}交通局>\u{1}\u{1B}[0m\u{1} ")
    }

    @Test func colourResetIsNeverLastBecauseLibeditWouldDropIt() {
        let marker: Character = "\u{1}"
        #expect(
            Prompt("ab", color: .red).rendered(zeroWidthMarker: marker) == "\u{1}\u{1B}[1;31m\u{1}a\u{1}\u{1B}[0m\u{1}b"
        )
        #expect(Prompt(">", color: .red).rendered(zeroWidthMarker: marker) == ">")
        #expect(Prompt("  ", color: .red).rendered(zeroWidthMarker: marker) == "  ")
    }

    @Test func promptTextLosesControlCharacters() {
        #expect(Prompt("a\u{1}b\u{1B}c\n").visibleText == "abc")
    }

    @Test func historyPathPrefersXDGStateHome() {
        let path = LineReaders.defaultHistoryPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
        #expect(path == "/s/sandtable/history")
    }

    @Test func historyPathFallsBackToHome() {
        #expect(LineReaders.defaultHistoryPath(environment: ["HOME": "/h/"]) == "/h/.local/state/sandtable/history")
        #expect(
            LineReaders.defaultHistoryPath(environment: ["XDG_STATE_HOME": "", "HOME": "/h"])
                == "/h/.local/state/sandtable/history")
        #expect(
            LineReaders.defaultHistoryPath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"])
                == "/h/.local/state/sandtable/history")
    }

    @Test func historyPathNeedsSomeAbsoluteFolder() {
        #expect(LineReaders.defaultHistoryPath(environment: [:]) == nil)
        #expect(LineReaders.defaultHistoryPath(environment: ["HOME": ""]) == nil)
    }

    @Test func validationOrder() {
        #expect(validatedLine(Array("ok\tfine".utf8)) == .line("ok\tfine"))
        #expect(validatedLine([0x61, 0x1B]) == .rejected(.controlCharacters))
        #expect(validatedLine([0x61, 0x7F]) == .rejected(.controlCharacters))
        #expect(validatedLine([0xC3]) == .rejected(.invalidUTF8))
        #expect(
            validatedLine([UInt8](repeating: 0x61, count: LineLimits.maximumLineBytes))
                == .line(String(repeating: "a", count: LineLimits.maximumLineBytes)))
        #expect(
            validatedLine([UInt8](repeating: 0x61, count: LineLimits.maximumLineBytes + 1))
                == .rejected(.tooLong(limit: 65536)))
    }
}
