import ExerciseEngine
import Foundation
import ScenarioLanguage

/// Benchmarks of the transcript layer, for `Benchmarks/` (they print figures; they assert nothing).
public enum TranscriptBenchmarks {
    /// What one benchmark run measured.
    public struct Figures: Sendable, CustomStringConvertible {
        /// Events in the transcript.
        public var events: Int
        /// Lines in the transcript.
        public var lines: Int
        /// Bytes in the transcript.
        public var bytes: Int
        /// Seconds to write the whole session (one fsync per step).
        public var write: Double
        /// Best seconds to resume it (read, check, replay and compare, open for append), over the repetitions.
        public var resume: Double
        /// Best seconds to verify it with replay.
        public var verify: Double

        /// One line per figure.
        public var description: String {
            let format = { (s: Double) in String(format: "%.3f s", s) }
            return """
                transcript: \(events) events, \(lines) lines, \(bytes / 1024) KiB
                write (fsync per step): \(format(write))
                resume: \(format(resume))
                verify with replay: \(format(verify))
                """
        }
    }

    /// A two-role exercise that loops one question, so a session can be as long as wanted.
    static let loopExercise = """
        exercise resume_bench "Resume benchmark"
          language en
          clock 08:00
          duration 300d
          peer off
        role a "A"
        role b "B"
        measure m "M" range 0..1000000
        state n = 0
        ending done "Done"
        scene loop "Loop"
          ask a, b "Next?"
            choice step "Step" default cost 1m
              m += 1
              n += 1
              award 1 "step"
            choice stop "Stop"
              end done
          goto loop

        """

    /// Writes a session of about `events` events into `directory` (which must exist), then times resuming and
    /// verifying it, best of `repetitions`.
    public static func resume(events target: Int = 10_000, repetitions: Int = 5, directory: String) -> Result<
        Figures, TranscriptError
    > {
        guard let scenario = ScenarioCompiler.compile(text: loopExercise, path: "resume-bench.ttx").scenario,
            let step = scenario.choice("step")
        else {
            return .failure(
                .notATranscript(path: "resume-bench.ttx", reason: "the benchmark exercise does not compile"))
        }
        let clock = ContinuousClock()
        let writeStart = clock.now
        let writer: TranscriptWriter
        var events = 0
        do {
            writer = try TranscriptWriter.create(
                directory: directory, scenario: scenario, seed: 1, played: [0, 1], facilitated: false, uiLanguage: "en",
                tool: "bench", key: nil)
            var session = Session(scenario: scenario, seed: 1, played: [0, 1])
            let opening = session.start()
            events += opening.count
            try writer.append(input: nil, events: opening)
            var role = 0
            while events < target {
                let input = Input.choose(role: role, choice: step)
                guard let produced = try? session.apply(input) else { break }
                events += produced.count
                try writer.append(input: input, events: produced)
                role = 1 - role
            }
        } catch {
            return .failure(error)
        }
        let write = seconds(clock.now - writeStart)
        let original: Data
        do {
            original = try Data(contentsOf: URL(fileURLWithPath: writer.path))
        } catch {
            return .failure(.cannotRead(path: writer.path, reason: "\(error)"))
        }
        let copy = writer.path + ".resume.jsonl"
        var resume = Double.infinity
        var verify = Double.infinity
        for _ in 0..<max(1, repetitions) {
            do {
                try original.write(to: URL(fileURLWithPath: copy))
            } catch {
                return .failure(.cannotCreate(path: copy, reason: "\(error)"))
            }
            let start = clock.now
            let result = Resumer.load(path: copy, scenario: scenario, tool: "bench")
            resume = min(resume, seconds(clock.now - start))
            if case .failure(let error) = result { return .failure(error) }
            let verifyStart = clock.now
            let report = Verifier.verify(path: writer.path, scenario: scenario, key: nil)
            verify = min(verify, seconds(clock.now - verifyStart))
            guard report.status == .valid else {
                return .failure(
                    .corrupt(path: writer.path, line: 0, reason: "the benchmark transcript does not verify"))
            }
        }
        try? FileManager.default.removeItem(atPath: copy)
        let lines = original.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return .success(
            Figures(events: events, lines: lines, bytes: original.count, write: write, resume: resume, verify: verify))
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
