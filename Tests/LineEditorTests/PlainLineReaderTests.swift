import Testing

@testable import LineEditor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes written into a pipe by a separate thread, so that inputs larger than
/// the pipe's buffer do not block the test.
private final class PipeFeeder {
    let bytes: [UInt8]
    let writeEnd: Int32

    init(bytes: [UInt8], writeEnd: Int32) {
        self.bytes = bytes
        self.writeEnd = writeEnd
    }

    func run() {
        var rest = bytes[...]
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
            guard written > 0 else { break }
            rest = rest.dropFirst(written)
        }
        close(writeEnd)
    }
}

/// Reads everything `input` yields through a ``PlainLineReader`` on a pipe.
private func readAll(_ input: [UInt8]) throws -> [LineInput] {
    var fds: [Int32] = [0, 0]
    try #require(pipe(&fds) == 0)
    let feeder = PipeFeeder(bytes: input, writeEnd: fds[1])
    let context = Unmanaged.passRetained(feeder).toOpaque()
    #if canImport(Glibc)
        var thread = pthread_t()
    #else
        var thread: pthread_t?
    #endif
    let started = pthread_create(
        &thread, nil,
        { raw in
            guard let raw else { return nil }
            Unmanaged<PipeFeeder>.fromOpaque(raw).takeRetainedValue().run()
            return nil
        }, context)
    try #require(started == 0)
    defer {
        #if canImport(Glibc)
            pthread_join(thread, nil)
        #else
            if let thread { pthread_join(thread, nil) }
        #endif
        close(fds[0])
    }

    let reader = PlainLineReader(fileDescriptor: fds[0])
    var results: [LineInput] = []
    while results.count < 1000 {
        let input = reader.readLine(prompt: "> ")
        results.append(input)
        if input == .endOfInput { break }
    }
    return results
}

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite("Plain line reading")
struct PlainLineReaderTests {
    private let tooLong = LineInput.rejected(.tooLong(limit: LineLimits.maximumLineBytes))

    @Test func readsLinesAndEndOfInput() throws {
        #expect(try readAll(bytes("status\nas 交通局\n")) == [.line("status"), .line("as 交通局"), .endOfInput])
    }

    @Test func emptyInputIsEndOfInput() throws {
        #expect(try readAll([]) == [.endOfInput])
    }

    @Test func stripsCarriageReturns() throws {
        #expect(try readAll(bytes("one\r\ntwo\r\n\r\n")) == [.line("one"), .line("two"), .line(""), .endOfInput])
    }

    @Test func lastLineWithoutNewline() throws {
        #expect(try readAll(bytes("one\nlast")) == [.line("one"), .line("last"), .endOfInput])
    }

    @Test func invalidUTF8IsRejectedAndReadingGoesOn() throws {
        let input = bytes("ok\n") + [0x61, 0xFF, 0xFE, 0x0A] + bytes("next\n")
        #expect(try readAll(input) == [.line("ok"), .rejected(.invalidUTF8), .line("next"), .endOfInput])
    }

    @Test func truncatedMultibyteIsInvalid() throws {
        let input = Array(bytes("交").dropLast()) + bytes("\nafter\n")
        #expect(try readAll(input) == [.rejected(.invalidUTF8), .line("after"), .endOfInput])
    }

    @Test func controlCharactersAreRejected() throws {
        let input = bytes("a\u{1B}[A\nb\u{7F}\nc\u{0}d\ntab\there\n")
        #expect(
            try readAll(input) == [
                .rejected(.controlCharacters), .rejected(.controlCharacters), .rejected(.controlCharacters),
                .line("tab\there"), .endOfInput,
            ])
    }

    @Test func megabyteLineIsRejectedAndTheNextLineRead() throws {
        let huge = [UInt8](repeating: UInt8(ascii: "x"), count: 1_000_000)
        #expect(
            try readAll(bytes("before\n") + huge + bytes("\nafter\n")) == [
                .line("before"), tooLong, .line("after"), .endOfInput,
            ])
    }

    @Test func megabyteLineAtEndOfFile() throws {
        let huge = [UInt8](repeating: UInt8(ascii: "x"), count: 1_000_000)
        #expect(try readAll(huge) == [tooLong, .endOfInput])
    }

    @Test func lineExactlyAtTheLimitIsAccepted() throws {
        let limit = LineLimits.maximumLineBytes
        let exact = String(repeating: "y", count: limit)
        let input = bytes(exact + "\r\n" + exact + "z\n" + "end\n")
        #expect(try readAll(input) == [.line(exact), tooLong, .line("end"), .endOfInput])
    }

    @Test func historyIsIgnored() throws {
        let reader = PlainLineReader(fileDescriptor: -1)
        reader.addToHistory("anything")
        #expect(reader.readLine(prompt: "> ") == .endOfInput)
    }
}
