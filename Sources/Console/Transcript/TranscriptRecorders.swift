import ExerciseEngine
import Foundation
import Localization
import ScenarioLanguage
import Transcripts

extension TranscriptWriter: SessionRecorder {
    /// Writes an input and its events, flushed to disk, before the REPL shows them.
    public func record(input: Input?, events: [Event], wall: Date) throws {
        try append(input: input, events: events, wall: wall)
    }
}

/// Makes the recorder that writes a session's transcript.
public enum TranscriptRecorders {
    /// Opens a new transcript for a session in the arguments' folder (checked before play starts).
    /// - Parameter interactive: Whether a person types at a terminal (the header records it: deliberation times
    ///   mean something only then).
    public static func make(
        _ scenario: Scenario, _ session: Session, _ arguments: PlayCommand.Arguments, _ ui: UILanguage,
        interactive: Bool
    ) throws
        -> SessionRecorder
    {
        let key = try TranscriptKey.load(keyFile: arguments.keyFile).get()
        try TranscriptWriter.checkDirectory(arguments.outDirectory)
        let played = Set(scenario.roles.indices.filter { session.isPlayed($0) })
        return try TranscriptWriter.create(
            directory: arguments.outDirectory, scenario: scenario, seed: session.seed, played: played,
            facilitated: session.facilitated, uiLanguage: ui.rawValue, tool: SandtableVersion.string, key: key,
            source: arguments.file, input: interactive ? .terminal : .pipe, scoreBounds: session.scoreBounds)
    }
}
