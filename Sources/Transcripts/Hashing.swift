import Crypto
import Foundation
import ScenarioLanguage

/// A facilitator's secret key: when given, every transcript line carries an HMAC-SHA256 made with it.
public struct TranscriptKey: Sendable {
    /// The name of the environment variable that may hold the key.
    public static let environmentVariable = "SANDTABLE_HMAC_KEY"

    let key: SymmetricKey

    /// Creates a key from bytes; nil when there are none.
    public init?(bytes: some Collection<UInt8>) {
        guard !bytes.isEmpty else { return nil }
        key = SymmetricKey(data: Array(bytes))
    }

    /// Loads the key from a file (`--key-file`), else from ``environmentVariable``, else none.
    ///
    /// A key file's trailing spaces and line breaks are ignored, so that `echo secret > key` works. An empty key, or
    /// a key file that cannot be read, is an error: a facilitator who meant to sign transcripts must not get
    /// unsigned ones silently.
    public static func load(keyFile: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Result<TranscriptKey?, TranscriptError>
    {
        if let keyFile {
            guard let data = FileManager.default.contents(atPath: keyFile) else {
                return .failure(.keyFileUnreadable(path: keyFile))
            }
            var bytes = Array(data)
            while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 {
                bytes.removeLast()
            }
            guard let key = TranscriptKey(bytes: bytes) else { return .failure(.keyEmpty(source: keyFile)) }
            return .success(key)
        }
        if let value = environment[environmentVariable] {
            guard let key = TranscriptKey(bytes: Array(value.utf8)) else {
                return .failure(.keyEmpty(source: "$" + environmentVariable))
            }
            return .success(key)
        }
        return .success(nil)
    }

    /// The HMAC-SHA256 of the bytes, as 64 lowercase hex digits.
    func mac(_ bytes: [UInt8]) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(for: bytes, using: key))
    }
}

/// SHA-256 helpers.
package enum Digest {
    /// The SHA-256 of the bytes, as 64 lowercase hex digits.
    static func sha256(_ bytes: [UInt8]) -> String { Hex.encode(SHA256.hash(data: bytes)) }

    /// The fingerprint of an exercise: SHA-256 over its source files in order (main file first).
    ///
    /// Each file contributes `<byte count>\n<text>`, its text with line endings normalised to `\n` (and a byte-order
    /// mark already removed), so the fingerprint depends on neither where the files are nor how a checkout wrote
    /// line endings; the length prefix keeps file boundaries unambiguous.
    package static func scenario(_ scenario: Scenario) -> String {
        var hasher = SHA256()
        for source in scenario.sources {
            let text = source.lines.joined(separator: "\n")
            let bytes = Array(text.utf8)
            hasher.update(data: Array("\(bytes.count)\n".utf8))
            hasher.update(data: bytes)
        }
        return Hex.encode(hasher.finalize())
    }
}

/// Lowercase hex.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the bytes are exactly `count` lowercase hex digits.
    static func isLowercaseHex(_ bytes: some Collection<UInt8>, count: Int) -> Bool {
        bytes.count == count
            && bytes.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

extension Scenario {
    /// The SHA-256 of the exercise's source files, as written in transcript headers.
    public var transcriptFingerprint: String { Digest.scenario(self) }
}
