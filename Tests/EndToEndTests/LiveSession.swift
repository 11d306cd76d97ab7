import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The binary run with its standard input a FIFO the test writes lines into one at a time, as a trainee types them,
/// so that a test can act between two lines: delete the transcript's folder, send a signal, kill it.
///
/// Output goes to files (never pipes, as ``Harness/spawn(_:_:input:environment:directory:)`` explains), and the FIFO's
/// descriptors in this process are close-on-exec, so no other test's child inherits a writer that would keep the
/// binary from seeing the end of its input.
final class LiveSession {
    let process = Process()
    let folder = Harness.scratch()
    private var writer: Int32 = -1
    private var reader: Int32 = -1
    private let outURL: URL
    private let errURL: URL

    /// Starts `sandtable arguments…` in the repository's root with the harness's clean environment.
    init(_ arguments: [String], environment extra: [String: String] = [:]) throws {
        let fifo = folder.appendingPathComponent("stdin").path
        guard mkfifo(fifo, 0o600) == 0 else { throw POSIXError(.EIO) }
        // Read-write, so that opening does not wait for the other end; this process never reads it.
        writer = open(fifo, O_RDWR | O_CLOEXEC)
        reader = open(fifo, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard writer >= 0, reader >= 0 else { throw POSIXError(.EIO) }
        // The child must block on an empty FIFO, not see EAGAIN.
        _ = fcntl(reader, F_SETFL, fcntl(reader, F_GETFL) & ~O_NONBLOCK)
        outURL = folder.appendingPathComponent("stdout")
        errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        var environment = [
            "PATH": "/usr/bin:/bin", "COLUMNS": "80", "LANG": "C.UTF-8", "NO_COLOR": "1",
            "HOME": FileManager.default.temporaryDirectory.path, "XDG_STATE_HOME": folder.path,
            "XDG_CACHE_HOME": Harness.sharedCache.path,
        ]
        environment.merge(extra) { $1 }
        process.executableURL = Harness.binary
        process.arguments = arguments
        process.currentDirectoryURL = Harness.root
        process.environment = environment
        process.standardInput = FileHandle(fileDescriptor: reader, closeOnDealloc: false)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        close(reader)
        reader = -1
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        if writer >= 0 { close(writer) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Types one line.
    func type(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
    }

    /// Ends the input (Ctrl-D).
    func endInput() {
        if writer >= 0 { close(writer) }
        writer = -1
    }

    /// What the binary printed so far.
    var stdout: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }
    /// What it printed on standard error so far.
    var stderr: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

    /// Waits until standard output contains `text`; false after `timeout` seconds.
    @discardableResult
    func wait(for text: String, timeout: TimeInterval = 20) -> Bool {
        wait(timeout: timeout) { self.stdout.contains(text) }
    }

    /// Waits until `condition` holds, polling; false after `timeout` seconds.
    func wait(timeout: TimeInterval = 20, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }

    /// Waits for the process to exit and returns its status; nil if it is still running after `timeout` (it is then
    /// killed, so that no test leaves a process behind).
    func exitStatus(timeout: TimeInterval = 20) -> Int32? {
        guard wait(timeout: timeout, until: { !process.isRunning }) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
