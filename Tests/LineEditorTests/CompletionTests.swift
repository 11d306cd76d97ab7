import TerminalText
import Testing

@testable import LineEditor

@Suite("Tab completion decisions")
struct CompletionTests {
    @Test func singleCandidateIsInsertedWithASpace() {
        #expect(CompletionLogic.action(word: "sta", candidates: ["start", "help"]) == .insert("rt "))
    }

    @Test func exactWordGetsJustTheSpace() {
        #expect(CompletionLogic.action(word: "help", candidates: ["help"]) == .insert(" "))
    }

    @Test func commonPrefixIsInserted() {
        #expect(CompletionLogic.action(word: "s", candidates: ["status", "start"]) == .insert("ta"))
    }

    @Test func noLongerPrefixListsCandidates() {
        #expect(
            CompletionLogic.action(word: "sta", candidates: ["start", "status", "quit"]) == .list(["start", "status"]))
    }

    @Test func nothingMatchingRingsTheBell() {
        #expect(CompletionLogic.action(word: "x", candidates: ["start"]) == .none)
        #expect(CompletionLogic.action(word: "", candidates: []) == .none)
    }

    @Test func duplicatesCountOnce() {
        #expect(CompletionLogic.action(word: "q", candidates: ["quit", "quit"]) == .insert("uit "))
    }

    @Test func chineseWordCompletes() {
        let line = "as 交"
        let word = CompletionLogic.word(inLineBeforeCursor: line)
        #expect(word == "交")
        #expect(CompletionLogic.action(word: word, candidates: ["交通局", "气象局"]) == .insert("通局 "))
    }

    @Test func chineseCommonPrefixIsWholeCharacters() {
        #expect(CompletionLogic.action(word: "应", candidates: ["应急管理局", "应急办"]) == .insert("急"))
        #expect(CompletionLogic.commonPrefix(["交通局", "交警"]) == "交")
    }

    @Test func wordIsTextAfterLastSpace() {
        #expect(CompletionLogic.word(inLineBeforeCursor: "") == "")
        #expect(CompletionLogic.word(inLineBeforeCursor: "as ") == "")
        #expect(CompletionLogic.word(inLineBeforeCursor: "do share wea") == "wea")
        #expect(CompletionLogic.word(inLineBeforeCursor: "stat") == "stat")
    }

    @Test func emptyWordWithManyCandidatesLists() {
        #expect(CompletionLogic.action(word: "", candidates: ["a", "b"]) == .list(["a", "b"]))
    }

    @Test func columnsFillTopToBottomWithinWidth() {
        let rows = CompletionLogic.columns(["a1", "a2", "a3", "a4", "a5"], width: 9)
        // cell width 4 ("a1" + 2 spaces): (9 + 2) / 4 = 2 columns, 3 rows
        #expect(rows == ["a1  a4", "a2  a5", "a3"])
    }

    @Test func columnsAlignCJKByDisplayWidth() {
        let rows = CompletionLogic.columns(["交通局", "ab", "气象局", "cd"], width: 80)
        #expect(rows == ["交通局  ab      气象局  cd"])
        for row in CompletionLogic.columns(["交通局", "ab", "应急管理局"], width: 12) {
            #expect(DisplayWidth.width(row) <= 12)
        }
    }

    @Test func columnsMeasureLikeTheConsole() {
        // The same display width as every other printer: U+231A WATCH is wide (W), U+4DC0 a narrow (N) hexagram,
        // and a ZWJ emoji sequence one wide grapheme. Cells are 4 columns ("ab" and two spaces).
        #expect(CompletionLogic.columns(["⌚", "ab", "x"], width: 80) == ["⌚  ab  x"])
        #expect(CompletionLogic.columns(["䷀", "ab", "x"], width: 80) == ["䷀   ab  x"])
        #expect(CompletionLogic.columns(["👨‍👩‍👧", "ab", "x"], width: 80) == ["👨‍👩‍👧  ab  x"])
    }

    @Test func columnsNeverBelowOne() {
        #expect(CompletionLogic.columns(["averylongcandidate", "x"], width: 5) == ["averylongcandidate", "x"])
        #expect(CompletionLogic.columns([], width: 80).isEmpty)
    }
}
