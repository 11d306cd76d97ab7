import Foundation

/// A minimal LSP client for the tests: starts `sandtable lsp` as a separate process, writes framed JSON-RPC
/// messages to its standard input and reads its standard output on a thread of its own, so that a test can wait for
/// a response or a notification with a time limit.
final class LanguageServerClient: @unchecked Sendable {
    // @unchecked: `process` and the pipes are used by the test's own thread only; what the reader thread shares
    // (`state`) is behind `lock`.
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var shared = State()
    private let arrived = DispatchSemaphore(value: 0)
    private var nextID = 1
    /// The server's standard error, for failure messages.
    let stderrURL: URL

    private struct State {
        var received: [[String: Any]] = []
        var buffer: [UInt8] = []
        var closed = false
    }

    /// Starts the server in `directory` with `arguments` after `lsp`.
    init(arguments: [String] = [], environment extra: [String: String] = [:], directory: URL? = nil) throws {
        let folder = Harness.scratch()
        stderrURL = folder.appendingPathComponent("lsp.stderr")
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        var environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": folder.path]
        environment.merge(extra) { $1 }
        process.executableURL = Harness.binary
        process.arguments = ["lsp"] + arguments
        process.environment = environment
        process.currentDirectoryURL = directory ?? Harness.root
        process.standardInput = input
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
        let reader = output.fileHandleForReading
        let thread = Thread { [self] in
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                withState { $0.buffer += data }
                parseFrames()
            }
            withState { $0.closed = true }
            arrived.signal()
        }
        thread.start()
    }

    private func withState<T>(_ body: (inout State) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&shared)
    }

    /// What the server wrote to standard error so far.
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// Cuts complete frames off the buffer and keeps their JSON.
    private func parseFrames() {
        while true {
            let body: [UInt8]? = withState { s in
                let bytes = s.buffer
                guard let end = Self.find([13, 10, 13, 10], in: bytes) else { return nil }
                let header = String(decoding: bytes[0..<end], as: UTF8.self)
                guard
                    let line = header.split(separator: "\r\n").first(where: {
                        $0.lowercased().hasPrefix("content-length:")
                    }),
                    let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)),
                    bytes.count >= end + 4 + length
                else { return nil }
                let body = Array(bytes[(end + 4)..<(end + 4 + length)])
                s.buffer.removeFirst(end + 4 + length)
                return body
            }
            guard let body else { return }
            if let json = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] {
                withState { $0.received.append(json) }
                arrived.signal()
            }
        }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for i in 0...(bytes.count - needle.count) where bytes[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }

    /// Writes raw bytes to the server's standard input.
    func write(raw bytes: [UInt8]) {
        input.fileHandleForWriting.write(Data(bytes))
    }

    /// Writes one message, framed.
    func write(_ message: [String: Any]) throws {
        let body = try JSONSerialization.data(withJSONObject: message, options: [.sortedKeys])
        write(raw: Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body))
    }

    /// Sends a request and returns its id.
    @discardableResult
    func send(_ method: String, _ params: Any? = nil) throws -> Int {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["jsonrpc": "2.0", "id": id, "method": method]
        if let params { message["params"] = params }
        try write(message)
        return id
    }

    /// Sends a notification.
    func notify(_ method: String, _ params: Any? = nil) throws {
        var message: [String: Any] = ["jsonrpc": "2.0", "method": method]
        if let params { message["params"] = params }
        try write(message)
    }

    /// Sends a request and waits for its response.
    func request(_ method: String, _ params: Any? = nil, timeout: Double = 20) throws -> [String: Any] {
        let id = try send(method, params)
        return try response(to: id, timeout: timeout)
    }

    /// Waits for the response to request `id`.
    func response(to id: Int, timeout: Double = 20) throws -> [String: Any] {
        try wait(timeout: timeout, "the response to request \(id)") { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    /// Waits for the first message not yet taken that matches, takes it and returns it.
    func wait(
        timeout: Double = 20, _ what: String, where matches: ([String: Any]) -> Bool
    ) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let found: [String: Any]? = withState { s in
                guard let i = s.received.firstIndex(where: matches) else { return nil }
                return s.received.remove(at: i)
            }
            if let found { return found }
            if withState({ $0.closed }) { throw ClientError.closed(what, stderr) }
            if Date() > deadline { throw ClientError.timedOut(what, stderr) }
            _ = arrived.wait(timeout: .now() + .milliseconds(100))
        }
    }

    /// Waits for the next `publishDiagnostics` of `uri`.
    func diagnostics(of uri: String, timeout: Double = 20) throws -> [[String: Any]] {
        let message = try wait(timeout: timeout, "diagnostics of \(uri)") {
            ($0["method"] as? String) == "textDocument/publishDiagnostics"
                && (($0["params"] as? [String: Any])?["uri"] as? String) == uri
        }
        return ((message["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]]) ?? []
    }

    /// Messages received and not taken yet.
    var pending: [[String: Any]] { withState { $0.received } }

    /// Waits for the server to exit (at most `timeout` seconds) and returns its status, or nil if it did not.
    func waitForExit(timeout: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Closes the server's standard input.
    func closeInput() { try? input.fileHandleForWriting.close() }

    /// Ends the server if it still runs.
    func stop() {
        if process.isRunning { process.terminate() }
        closeInput()
    }

    enum ClientError: Error, CustomStringConvertible {
        case timedOut(String, String)
        case closed(String, String)

        var description: String {
            switch self {
            case .timedOut(let what, let stderr): "timed out waiting for \(what); server stderr: \(stderr)"
            case .closed(let what, let stderr): "server closed its output before \(what); server stderr: \(stderr)"
            }
        }
    }
}
