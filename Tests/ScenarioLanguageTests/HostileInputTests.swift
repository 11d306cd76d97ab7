import Foundation
import Testing

@testable import ScenarioLanguage

/// Issue 15: what a hostile or mutated exercise may hold must give diagnostics, never a crash, and never carry
/// terminal control sequences to the players.
@Suite struct HostileInputTests {
    @Test(arguments: [
        ("  ask a, b \"怎么办?\"", "  ask a, b \"怎么\u{1B}[2J办?\"", "U+001B"),
        ("    say \"水位上涨。\"", "    say \"水位\u{1B}]0;OWNED\u{07}上涨。\"", "U+001B"),
        ("role a \"甲\"", "role a \"甲\u{9B}2J\"", "U+009B"),
        ("choice go \"出发\"", "choice go \"出\u{08}发\"", "U+0008"),
    ])
    func controlCharactersInTextsAreErrors(original: String, hostile: String, shown: String) {
        let text = cleanExercise.replacingOccurrences(of: original, with: hostile)
        #expect(text != cleanExercise)
        let result = ScenarioCompiler.compile(text: text)
        #expect(result.scenario == nil)
        let messages = result.diagnostics.map { $0.message.text(in: .en) }
        #expect(messages.contains { $0.contains("the control character \(shown) in a text") }, "\(messages)")
        #expect(result.diagnostics.contains { $0.code == .unexpectedCharacter })
        #expect(result.diagnostics.map { $0.message.text(in: .zh) }.contains { $0.contains("控制字符") })
    }

    @Test func controlCharactersInNarrativesAreErrors() {
        let narrative = "scene start \"开始\"\n  \"\"\"\n  第一行\n  强对流\u{1B}[2J\u{1B}]0;OWNED\u{07}云团\n  \"\"\"\n"
        let text = cleanExercise.replacingOccurrences(of: "scene start \"开始\"\n", with: narrative)
        let result = ScenarioCompiler.compile(text: text)
        #expect(result.scenario == nil)
        let control = result.diagnostics.first { $0.message.text(in: .en).contains("control character U+001B") }
        #expect(control?.location.line == 16)
        #expect(control?.location.column == 6)
        // A one-line narrative too.
        let oneLine = cleanExercise.replacingOccurrences(
            of: "scene start \"开始\"\n", with: "scene start \"开始\"\n  \"\"\" 警报\u{07}响起 \"\"\"\n")
        #expect(ScenarioCompiler.compile(text: oneLine).scenario == nil)
    }

    @Test func tabsStayAllowedInTexts() {
        let text = cleanExercise.replacingOccurrences(of: "\"水位上涨。\"", with: "\"水位\t上涨。\"")
        #expect(ScenarioCompiler.compile(text: text).scenario != nil)
    }

    /// Defect 6: about 90,000 terms freed the expression tree recursively and overflowed the stack.
    @Test(arguments: ["and", "+"])
    func longChainsAreRefusedWithoutCrashing(op: String) {
        let term = op == "and" || op == "or" ? "water >= 1" : "water"
        let chain = Array(repeating: term, count: 90_000).joined(separator: " \(op) ")
        let condition = op == "and" || op == "or" ? chain : "\(chain) >= 2"
        let text = cleanExercise.replacingOccurrences(of: "  if water >= 2", with: "  if \(condition)")
        let result = ScenarioCompiler.compile(text: text)
        #expect(result.scenario == nil)
        #expect(result.diagnostics.map(\.code).contains(.nestingTooDeep))
        #expect(
            result.diagnostics.map { $0.message.text(in: .en) }.contains { $0.contains("more than 1000 operators") })
    }

    @Test func chainsUpToTheLimitCompile() {
        // 500 comparisons joined by 499 `and`s: 999 operators.
        let chain = Array(repeating: "water >= 1", count: 500).joined(separator: " and ")
        let text = cleanExercise.replacingOccurrences(of: "  if water >= 2", with: "  if \(chain)")
        let result = ScenarioCompiler.compile(text: text)
        #expect(result.scenario != nil, "\(result.diagnostics.map { $0.message.text(in: .en) })")
    }
}

/// The `check` fuzzer's long chains: bundled exercises with a very long `and`/`or`/`+` chain, or deep parentheses,
/// grafted onto a random condition or effect. The ordinary mutations are in ``PropertyTests``.
@Suite struct LongChainFuzzTests {
    @Test func graftedChainsNeverCrash() {
        var random = SeededGenerator(seed: 1515)
        let exercises = bundledExercises()
        #expect(exercises.count >= 4)
        for (name, text) in exercises {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let targets = lines.indices.filter { i in
                let line = lines[i]
                return line.contains(" when ") || line.contains("  if ") || line.contains(" += ")
            }
            for _ in 0..<2 {
                guard let target = targets.randomElement(using: &random) else { break }
                var mutated = lines
                let count = Int.random(in: 500...20_000, using: &random)
                let graft: String
                switch Int.random(in: 0..<4, using: &random) {
                case 0: graft = String(repeating: " and time >= 0", count: count)
                case 1: graft = String(repeating: " or time >= 0", count: count)
                case 2: graft = String(repeating: " + 1", count: count)
                default: graft = " and " + String(repeating: "(", count: count % 5_000) + "time >= 0"
                }
                mutated[target] += graft
                let source = mutated.joined(separator: "\n")
                let result = ScenarioCompiler.compile(text: source, path: name)
                #expect(checkInvariants(result, text: source, path: name).isEmpty, "\(name) line \(target + 1)")
            }
        }
    }
}
