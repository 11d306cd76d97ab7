import ExerciseEngine
import Foundation
import ScenarioLanguage
import Testing

@testable import Console

/// The score-bounds cache: used when valid, recomputed when not, never trusted blindly.
@Suite struct ScoreBoundsStoreTests {
    static let exercise = """
        exercise t "Cache"
          language en
          duration 1h
          peer off
        role a "A"
        role b "B"
        measure reach "Reach"
        ending done "Done"
        scene s "S"
          ask a "Go?"
            choice yes "Yes"
              reach += 3
            choice no "No"
          end done
        """

    func scenario() throws -> Scenario {
        try #require(ScenarioCompiler.compile(text: Self.exercise, path: "cache.ttx").scenario)
    }

    func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("bounds-cache-\(UUID().uuidString)")
    }

    @Test("bounds are found, cached under XDG_CACHE_HOME, and read back")
    func cached() throws {
        let scenario = try scenario()
        let cache = folder()
        let environment = ["XDG_CACHE_HOME": cache.path]
        let bounds = try #require(ScoreBoundsStore.bounds(for: scenario, environment: environment))
        #expect(bounds.method == .explored)
        #expect(bounds.low == [0, 0] && bounds.high == [3, 0], "a reaches 0..3; b cannot move it")
        let file = try #require(
            ScoreBoundsStore.cacheFile(sha: scenario.transcriptFingerprint, environment: environment))
        #expect(file.path.hasPrefix(cache.path + "/sandtable/bounds/"))
        #expect(ScoreBoundsStore.read(file, sha: scenario.transcriptFingerprint, scenario: scenario) == bounds)
        // A cached value is what is used (here a doctored but valid one).
        let doctored = ScoreBounds(method: .searched, low: [0, 0], high: [5, 1])
        ScoreBoundsStore.write(doctored, to: file, sha: scenario.transcriptFingerprint)
        #expect(ScoreBoundsStore.bounds(for: scenario, environment: environment) == doctored)
    }

    @Test("a corrupt, foreign or misfit cache file is recomputed and rewritten")
    func corrupt() throws {
        let scenario = try scenario()
        let environment = ["XDG_CACHE_HOME": folder().path]
        let sha = scenario.transcriptFingerprint
        let file = try #require(ScoreBoundsStore.cacheFile(sha: sha, environment: environment))
        let exact = ScoreBounds(method: .explored, low: [0, 0], high: [3, 0])
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        for text in [
            "not json", #"{"format":1}"#,
            #"{"format":99,"scoring":3,"scenarioSHA256":"\#(sha)","bounds":{"method":"explored","low":[0,0],"high":[9,9]}}"#,
            #"{"format":1,"scoring":3,"scenarioSHA256":"other","bounds":{"method":"explored","low":[0,0],"high":[9,9]}}"#,
            #"{"format":1,"scoring":3,"scenarioSHA256":"\#(sha)","bounds":{"method":"explored","low":[0],"high":[9]}}"#,
            #"{"format":1,"scoring":3,"scenarioSHA256":"\#(sha)","bounds":{"method":"explored","low":[5,0],"high":[1,0]}}"#,
        ] {
            try Data(text.utf8).write(to: file)
            #expect(ScoreBoundsStore.bounds(for: scenario, environment: environment) == exact, "\(text)")
            #expect(ScoreBoundsStore.read(file, sha: sha, scenario: scenario) == exact, "rewritten after \(text)")
        }
    }

    @Test("without XDG_CACHE_HOME the cache is under HOME/.cache; a relative one is ignored")
    func location() {
        #expect(
            ScoreBoundsStore.cacheFile(sha: "x", environment: ["HOME": "/h", "XDG_CACHE_HOME": "rel"])?.path
                == "/h/.cache/sandtable/bounds/x.json")
        #expect(ScoreBoundsStore.cacheFile(sha: "x", environment: [:]) == nil)
    }

    @Test("an exercise whose measures all declare a range needs no bounds")
    func declared() throws {
        let text = Self.exercise.replacingOccurrences(
            of: #"measure reach "Reach""#, with: #"measure reach "Reach" range 0..10"#)
        let scenario = try #require(ScenarioCompiler.compile(text: text, path: "cache.ttx").scenario)
        #expect(ScoreBoundsStore.bounds(for: scenario, environment: ["XDG_CACHE_HOME": folder().path]) == nil)
    }
}
