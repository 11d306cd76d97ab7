import Testing

@testable import LanguageServer

@Suite struct FramingTests {
    func frames(_ chunks: [[UInt8]]) -> [MessageFraming.Frame] {
        var framing = MessageFraming()
        var found: [MessageFraming.Frame] = []
        for chunk in chunks {
            framing.append(chunk)
            while let frame = framing.next() { found.append(frame) }
        }
        return found
    }

    @Test func framesArriveWholeOrByteByByte() {
        let stream = MessageFraming.frame(Array(#"{"a":1}"#.utf8)) + MessageFraming.frame(Array("{\"b\":\"雨\"}".utf8))
        let whole = frames([stream])
        let bytes = frames(stream.map { [$0] })
        #expect(whole == [.message(Array(#"{"a":1}"#.utf8)), .message(Array("{\"b\":\"雨\"}".utf8))])
        #expect(bytes == whole)
    }

    @Test func headersAreCaseInsensitiveAndMayCarryAContentType() {
        let stream = Array(
            "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8)
        #expect(frames([stream]) == [.message(Array("{}".utf8))])
    }

    @Test func badFramesAreSkippedUpToTheNextHeader() {
        let good = MessageFraming.frame(Array("{}".utf8))
        for bad in [
            "Content-Type: x\r\n\r\n{}", "Content-Length: -3\r\n\r\n", "Content-Length: many\r\n\r\n", "junk\r\n\r\n",
        ] {
            let found = frames([Array(bad.utf8) + good])
            #expect(found.last == .message(Array("{}".utf8)), "\(bad)")
            #expect(found.dropLast().allSatisfy { if case .malformed = $0 { true } else { false } }, "\(bad)")
        }
    }

    @Test func anEndlessHeaderIsDroppedButALaterFrameIsRead() {
        let noise = [UInt8](repeating: 65, count: MessageFraming.maximumHeaderSize + 10)
        let found = frames([noise, MessageFraming.frame(Array("{}".utf8))])
        #expect(found.last == .message(Array("{}".utf8)))
    }

    @Test func randomBytesNeverTrapAndAFrameAfterThemIsRead() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var framing = MessageFraming()
            let noise = (0..<Int.random(in: 0...400, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            framing.append(noise)
            while framing.next() != nil {}
            framing.append(Array("\r\n\r\n".utf8) + MessageFraming.frame(Array("{}".utf8)))
            var last: MessageFraming.Frame?
            while let frame = framing.next() { last = frame }
            #expect(last == .message(Array("{}".utf8)))
        }
    }
}
