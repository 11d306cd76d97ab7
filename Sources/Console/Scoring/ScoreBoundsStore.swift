import Authoring
import ExerciseEngine
import Foundation
import ScenarioLanguage
import Transcripts

/// The per-role score bounds of an exercise (``BoundsFinder``), cached per scenario SHA-256 under
/// `$XDG_CACHE_HOME/sandtable/bounds` (or `~/.cache/sandtable/bounds`).
///
/// The cache is never trusted blindly: a file is used only when its format version, the scenario's SHA-256, the
/// scoring rules' version and the exercise's shape (measures × roles) all match and every bound is a finite
/// number with low ≤ high; anything else (a corrupt, truncated or foreign file) is recomputed and rewritten. A
/// cache that cannot be written is no error: the bounds are just computed again next time.
enum ScoreBoundsStore {
    /// The version of the cache file's format (and of the search that fills it): a change to either makes old
    /// files be recomputed.
    static let formatVersion = 1

    /// The bounds for an exercise: from the cache when it holds a valid entry, else found and cached; nil when
    /// every measure declares its `range` (the author's override: no bounds are needed to score), unless
    /// `evenWhenDeclared` (`check` compares the declared ranges with them).
    static func bounds(
        for scenario: Scenario, environment: [String: String] = ProcessInfo.processInfo.environment,
        evenWhenDeclared: Bool = false
    ) -> ScoreBounds? {
        guard evenWhenDeclared || scenario.measures.contains(where: { !$0.rangeDeclared }) else { return nil }
        let sha = scenario.transcriptFingerprint
        let file = cacheFile(sha: sha, environment: environment)
        if let file, let cached = read(file, sha: sha, scenario: scenario) { return cached }
        let bounds = BoundsFinder(scenario: scenario).find()
        if let file { write(bounds, to: file, sha: sha) }
        return bounds
    }

    /// `$XDG_CACHE_HOME/sandtable/bounds/SHA.json`, or under `$HOME/.cache` when `XDG_CACHE_HOME` is unset or not
    /// absolute; nil when neither gives an absolute folder.
    static func cacheFile(sha: String, environment: [String: String]) -> URL? {
        let base: String
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = cache
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home + "/.cache"
        } else {
            return nil
        }
        return URL(fileURLWithPath: base).appendingPathComponent("sandtable/bounds/\(sha).json")
    }

    private struct Entry: Codable {
        var format: Int
        var scoring: Int
        var scenarioSHA256: String
        var bounds: ScoreBounds
    }

    /// The cached bounds in `file`, if it is a valid entry for this scenario.
    static func read(_ file: URL, sha: String, scenario: Scenario) -> ScoreBounds? {
        guard let data = try? Data(contentsOf: file), data.count < 16 << 20,
            let entry = try? JSONDecoder().decode(Entry.self, from: data),
            entry.format == formatVersion, entry.scoring == Session.scoringVersion, entry.scenarioSHA256 == sha,
            entry.bounds.fits(measures: scenario.measures.count, roles: scenario.roles.count)
        else { return nil }
        return entry.bounds
    }

    /// Writes an entry (atomically: a reader never sees half a file); failures are ignored.
    static func write(_ bounds: ScoreBounds, to file: URL, sha: String) {
        let entry = Entry(format: formatVersion, scoring: Session.scoringVersion, scenarioSHA256: sha, bounds: bounds)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(entry) else { return }
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: file, options: .atomic)
    }
}
