import ExerciseEngine
import Foundation

/// Where a session's inputs and events go before the REPL shows their consequences.
///
/// `record` must make the lines durable (written and flushed to disk) before it returns: the REPL renders an
/// input's consequences only after it succeeds, so a crash never loses what a trainee has seen.
public protocol SessionRecorder: AnyObject {
    /// The path of the transcript, for messages.
    var path: String { get }
    /// Records an input (nil for the session's start) and the events that followed it.
    func record(input: Input?, events: [Event], wall: Date) throws
    /// Writes the closing record with the final scores.
    func close(session: Session, wall: Date) throws
}

/// A recorder that keeps nothing (for `--no-transcript` and tests).
public final class NullRecorder: SessionRecorder {
    /// Creates a recorder that keeps nothing.
    public init() {}
    /// Always empty.
    public var path: String { "" }
    /// Does nothing.
    public func record(input: Input?, events: [Event], wall: Date) throws {}
    /// Does nothing.
    public func close(session: Session, wall: Date) throws {}
}
