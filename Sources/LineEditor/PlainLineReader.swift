#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from a file descriptor without any editing: for pipes, files,
/// and terminals whose output is redirected.
///
/// It reads raw bytes itself (buffered `read(2)`), so it can refuse invalid
/// UTF-8, control characters and over-long lines (see ``LineRejection``) and
/// always resume at the next line. A trailing `\r` is removed (CRLF input). At
/// end of file a last line without a newline is still returned, then
/// ``LineInput/endOfInput``.
///
/// By default nothing is printed for the prompt, so scripted play and golden
/// tests see only the program's own output; pass `echoPrompt: true` to write
/// the prompt text (uncoloured) to standard output.
public final class PlainLineReader: LineReader {
    private let fileDescriptor: Int32
    private let echoPrompt: Bool
    private var buffer: [UInt8] = []
    /// Start of the unconsumed bytes in `buffer`.
    private var start = 0
    /// Bytes searched for a newline already, counted from `start`.
    private var scanned = 0
    /// The current line already exceeded the limit; its bytes are being dropped.
    private var discarding = false
    private var atEnd = false

    private static let chunkSize = 64 * 1024

    /// Creates a reader.
    /// - Parameters:
    ///   - fileDescriptor: where to read; standard input by default. Not closed by the reader.
    ///   - echoPrompt: whether to print the prompt text before each read.
    public init(fileDescriptor: Int32 = STDIN_FILENO, echoPrompt: Bool = false) {
        self.fileDescriptor = fileDescriptor
        self.echoPrompt = echoPrompt
    }

    /// Reads the next line. A pending ``Interrupts`` request is cleared first;
    /// a Ctrl-C during the read (with ``Interrupts`` installed) returns
    /// ``LineInput/interrupted``.
    public func readLine(prompt: Prompt) -> LineInput {
        _ = Interrupts.take()
        if echoPrompt {
            writeAll(prompt.visibleText, to: STDOUT_FILENO)
        }
        while true {
            if let newline = buffer[(start + scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[start..<newline]
                start = newline + 1
                scanned = 0
                return finish(line)
            }
            scanned = buffer.count - start
            // Allow one byte over the limit for a '\r' before the newline.
            if scanned > LineLimits.maximumLineBytes + 1 {
                discarding = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
            }
            if atEnd {
                guard start < buffer.count || discarding else { return .endOfInput }
                let line = buffer[start...]
                start = buffer.count
                scanned = 0
                return finish(line)
            }
            switch fill() {
            case .data: continue
            case .end: atEnd = true
            case .interrupted: return .interrupted
            }
        }
    }

    /// Does nothing: lines read without editing have no history.
    public func addToHistory(_ line: String) {}

    private func finish(_ line: ArraySlice<UInt8>) -> LineInput {
        if discarding {
            discarding = false
            return .rejected(.tooLong(limit: LineLimits.maximumLineBytes))
        }
        let body = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        return validatedLine(body)
    }

    private enum FillResult { case data, end, interrupted }

    /// Appends one `read(2)` worth of bytes to the buffer.
    private func fill() -> FillResult {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in
                read(fileDescriptor, raw.baseAddress.map { $0 + oldCount }, Self.chunkSize)
            }
            if count > 0 {
                buffer.removeLast(Self.chunkSize - count)
                return .data
            }
            if count < 0 && errno == EINTR {
                if Interrupts.take() {
                    buffer.removeLast(Self.chunkSize)
                    return .interrupted
                }
                continue
            }
            // End of file, or an error that reading again will not cure.
            buffer.removeLast(Self.chunkSize)
            return .end
        }
    }
}

/// Writes all of `text` to `fd`, retrying after short writes and `EINTR`.
func writeAll(_ text: String, to fd: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written > 0 {
            bytes = bytes.dropFirst(written)
        } else if written < 0 && errno == EINTR {
            continue
        } else {
            return
        }
    }
}
