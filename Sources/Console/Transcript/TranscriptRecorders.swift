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
    public static func make(
        _ scenario: Scenario, _ session: Session, _ arguments: PlayCommand.Arguments, _ ui: UILanguage
    ) throws
        -> SessionRecorder
    {
        let key = try TranscriptKey.load(keyFile: arguments.keyFile).get()
        try TranscriptWriter.checkDirectory(arguments.outDirectory)
        let played = Set(scenario.roles.indices.filter { session.isPlayed($0) })
        return try TranscriptWriter.create(
            directory: arguments.outDirectory, scenario: scenario, seed: session.seed, played: played,
            facilitated: session.facilitated, uiLanguage: ui.rawValue, tool: SandtableVersion.string, key: key,
            source: arguments.file)
    }
}
