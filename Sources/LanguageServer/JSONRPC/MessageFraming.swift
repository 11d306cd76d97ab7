import Foundation

/// Cuts the byte stream of a JSON-RPC connection into messages, framed the way the Language Server Protocol frames
/// them: headers (`Content-Length: N`, optionally `Content-Type`) ended by an empty line, then N bytes of JSON.
///
/// Bytes arrive in pieces of any size (``append(_:)``); ``next()`` returns each complete frame once. A frame whose
/// headers are malformed (no `Content-Length`, a length that is not a number or is too large, header lines that
/// run on without end) is reported as ``Frame/malformed(_:)`` and the reader resynchronises: it skips to the next
/// `Content-Length` header in the stream, so that one bad message never ends the connection.
///
/// Written by hand: no package mirrored here speaks LSP's framing (swift-nio-extras frames by length field or
/// line, not by HTTP-style headers), and the framing is small.
public struct MessageFraming: Sendable {
    /// What ``next()`` found in the stream.
    public enum Frame: Sendable, Equatable {
        /// The body of one message (JSON, not yet decoded).
        case message([UInt8])
        /// Bytes that were not a valid frame and were skipped, with the reason (for the log).
        case malformed(String)
    }

    /// The largest body accepted; a bigger announced length is treated as malformed.
    public static let maximumBodySize = 64 * 1024 * 1024
    /// The longest header block accepted before its empty line.
    static let maximumHeaderSize = 8 * 1024

    private var buffer: [UInt8] = []
    private var start = 0

    /// A reader with nothing buffered.
    public init() {}

    /// Adds bytes read from the connection.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0 && start * 2 >= buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// How many bytes are buffered and not yet returned.
    public var buffered: Int { buffer.count - start }

    /// The next complete frame, or nil when more bytes are needed.
    public mutating func next() -> Frame? {
        guard start < buffer.count else { return nil }
        guard let headerEnd = find([13, 10, 13, 10], from: start, limit: Self.maximumHeaderSize) else {
            if buffer.count - start > Self.maximumHeaderSize {
                return skipToNextHeader(reason: "header block too long")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        var length: Int?
        var bad: String?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else {
                bad = "header line without a colon"
                break
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" {
                guard let n = Int(value), n >= 0, n <= Self.maximumBodySize else {
                    bad = "bad Content-Length"
                    break
                }
                length = n
            }
        }
        if bad == nil && length == nil { bad = "no Content-Length" }
        if let bad { return skipToNextHeader(reason: bad, after: start + 1) }
        guard let length else { return nil }
        let bodyStart = headerEnd + 4
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        return .message(body)
    }

    /// Skips to the next `Content-Length` header (case-insensitive) at or after `from`, or to the end of what is
    /// buffered but for a tail that might be the start of one.
    private mutating func skipToNextHeader(reason: String, after from: Int? = nil) -> Frame {
        let needle = Array("content-length:".utf8)
        var i = max(start + 1, from ?? start + 1)
        while i + needle.count <= buffer.count {
            if matchesIgnoringCase(needle, at: i) {
                start = i
                return .malformed(reason)
            }
            i += 1
        }
        start = max(i, start + 1)
        return .malformed(reason)
    }

    private func matchesIgnoringCase(_ needle: [UInt8], at i: Int) -> Bool {
        for (k, byte) in needle.enumerated() {
            var b = buffer[i + k]
            if b >= 65 && b <= 90 { b += 32 }
            if b != byte { return false }
        }
        return true
    }

    private func find(_ needle: [UInt8], from: Int, limit: Int) -> Int? {
        let end = min(buffer.count, from + limit + needle.count)
        var i = from
        while i + needle.count <= end {
            if buffer[i] == needle[0] && buffer[i + 1] == needle[1] && buffer[i + 2] == needle[2]
                && buffer[i + 3] == needle[3]
            {
                return i
            }
            i += 1
        }
        return nil
    }

    /// A message body framed for sending.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
