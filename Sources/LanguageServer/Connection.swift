import Foundation
import Synchronization
import SystemPackage

/// `sandtable lsp`'s transport: messages framed with `Content-Length` over standard input and output.
public enum LanguageServerConnection {
    /// Serves one client on standard input and output until it sends `exit` or closes its end; returns the exit
    /// status (0 after `shutdown` and `exit`, 1 otherwise).
    public static func run(options: LanguageServer.Options) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let output = Output(FileDescriptor.standardOutput)
        let server = LanguageServer(
            options: options, send: { output.write(MessageFraming.frame($0)) },
            log: { line in
                _ = try? FileDescriptor.standardError.writeAll(Array("sandtable lsp: \(line)\n".utf8))
            })
        var framing = MessageFraming()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while server.exitStatus == nil {
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBytes { try FileDescriptor.standardInput.read(into: $0) }
            } catch Errno.interrupted {
                continue
            } catch {
                server.log(server.logStrings("log.readFailed", "\(error)"))
                break
            }
            if count == 0 { break }
            framing.append(chunk[0..<count])
            while server.exitStatus == nil, let frame = framing.next() {
                switch frame {
                case .message(let body): server.handle(body)
                case .malformed(let reason): server.log(server.logStrings("log.malformed", reason))
                }
            }
            server.flush()
        }
        return server.exitStatus ?? 1
    }

    /// Standard output, written by one thread at a time (coverage lenses are answered from another thread).
    private final class Output: Sendable {
        private let descriptor: Mutex<FileDescriptor>

        init(_ descriptor: FileDescriptor) { self.descriptor = Mutex(descriptor) }

        func write(_ bytes: [UInt8]) {
            descriptor.withLock { d in _ = try? d.writeAll(bytes) }
        }
    }
}
