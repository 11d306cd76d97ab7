import ExerciseEngine
import Foundation
import Localization
import ScenarioLanguage
import Testing
import Transcripts
import TranscriptsTestSupport

@testable import Debrief

/// Issue 15's transcript mutation fuzzer: mutated transcripts (bytes flipped, inserted or deleted, lines doubled,
/// dropped or swapped, cut mid-line) never crash or hang verify, resume, replay or debrief, and no mutation that was
/// not resealed verifies.
@Suite struct TranscriptFuzzTests {
    /// How many mutations each base transcript gets; `SANDTABLE_FUZZ_MUTATIONS` raises it for a longer campaign.
    static let mutations = ProcessInfo.processInfo.environment["SANDTABLE_FUZZ_MUTATIONS"].flatMap(Int.init) ?? 30

    enum Mutation: CaseIterable { case flip, insert, delete, doubleLine, dropLine, swapLines, cutMidLine }

    /// One mutation of `bytes`, chosen by `rng`; nil when it would leave the bytes as they were.
    static func mutate(_ bytes: [UInt8], _ rng: inout TestRandom) -> (Mutation, [UInt8])? {
        var out = bytes
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let mutation = rng.pick(Mutation.allCases) else { return nil }
        switch mutation {
        case .flip:
            let i = rng.below(out.count)
            out[i] ^= UInt8(1 << rng.below(8))
        case .insert:
            out.insert(UInt8(truncatingIfNeeded: rng.next()), at: rng.below(out.count + 1))
        case .delete:
            out.remove(at: rng.below(out.count))
        case .doubleLine:
            let i = rng.below(lines.count)
            lines.insert(lines[i], at: i)
            out = Array(lines.joined(separator: [0x0A])) + [0x0A]
        case .dropLine:
            // Dropping the last lines leaves a valid but unfinished transcript (documented): drop one before them.
            guard lines.count > 2 else { return nil }
            lines.remove(at: rng.below(lines.count - 2))
            out = Array(lines.joined(separator: [0x0A])) + [0x0A]
        case .swapLines:
            guard lines.count > 2 else { return nil }
            let i = rng.below(lines.count - 1)
            lines.swapAt(i, i + 1)
            out = Array(lines.joined(separator: [0x0A])) + [0x0A]
        case .cutMidLine:
            let cut = rng.below(out.count - 1) + 1
            guard out[cut - 1] != 0x0A else { return nil }
            out = Array(out[..<cut])
        }
        return out == bytes ? nil : (mutation, out)
    }

    @Test(arguments: [false, true])
    func mutatedTranscriptsNeverVerifyOrCrash(signed: Bool) throws {
        let scenario = try compile(miniExercise)
        let key = signed ? testKey : nil
        var rng = TestRandom(state: signed ? 1515 : 15)
        var counts: [VerifyReport.Status: Int] = [:]
        for seed in UInt64(1)...3 {
            let writer = try makeWriter(scenario, seed: seed, key: key)
            try playScripted(scenario: scenario, seed: seed, writer: writer, maxSteps: seed == 3 ? 6 : 500)
            writer.detach()
            let original = try fileBytes(writer.path)
            #expect(Verifier.verify(path: writer.path, scenario: scenario, key: key).status == .valid)
            let path = writer.path + ".mutant.jsonl"
            for _ in 0..<Self.mutations {
                guard let (mutation, bytes) = Self.mutate(original, &rng) else { continue }
                try writeBytes(bytes, to: path)
                let report = Verifier.verify(path: path, scenario: scenario, key: key)
                counts[report.status, default: 0] += 1
                #expect(report.status != .valid, "\(mutation) verified: \(String(decoding: bytes, as: UTF8.self))")
                // The other readers: they may refuse, but must come back.
                _ = Debrief.session(path: path, scenario: scenario, key: key).map {
                    Debrief.render($0, format: .markdown, options: DebriefOptions(language: .en))
                }
                _ = ReplayScript.load(path: path, scenario: scenario, key: key, language: .zh)
                if case .success(let resumed) = Resumer.load(path: path, scenario: scenario, key: key) {
                    resumed.writer.detach()
                    #expect(report.status == .torn, "\(mutation): resumed a transcript verify called \(report.status)")
                }
            }
        }
        let summary = counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key) \($0.value)" }
        print("transcript fuzz (signed: \(signed)): \(summary.joined(separator: ", "))")
        #expect((counts[.tampered] ?? 0) > 0)
    }
}
