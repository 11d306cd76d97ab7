import Foundation
import Testing

@testable import ScenarioLanguage

/// Voting rules, `resolved_by`/`position`, arbitration bodies, and the checker defects of issue 12.
@Suite("Votes: syntax and checks")
struct VoteSyntaxTests {
    /// An exercise with a vote of a, b and c (c the lead) on options x and y; `props` go under the decision.
    static func vote(rule: String = "weighted", _ props: [String] = [], after: String = "end done") -> String {
        """
        exercise v "V"
          language en
          duration 4h
          peer off
        role a "A"
        role b "B"
        role c "C"
          lead
        state sa = 3 range 0..10
        ending done "Done"
        scene s "S"
          decide plan "Plan?" by a, b, c rule \(rule)
        \(props.map { "    " + $0 }.joined(separator: "\n"))
            option x "X"
            option y "Y" default
          \(after)

        """
    }

    func compiled(_ text: String) throws -> Scenario {
        let result = ScenarioCompiler.compile(text: text)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { $0.message.text(in: .en) })")
        return try #require(result.scenario)
    }

    @Test("a threshold, quorum, veto and weight expressions compile into the decision")
    func thresholdCompiles() throws {
        let s = try compiled(
            Self.vote(rule: "weighted at least 2/3 of held", ["weights a sa, b 5, c sa - 1", "quorum 4", "veto b"]))
        let d = s.decisions[0]
        #expect(d.threshold == VoteThreshold(inclusive: true, numerator: 2, denominator: 3, ofHeld: true))
        #expect(d.quorum == 4)
        #expect(d.vetoes == [1])
        #expect(d.weights[1] == 5)
        #expect(d.weightExpressions[0] != nil && d.weightExpressions[1] == nil && d.weightExpressions[2] != nil)
        let majority = try compiled(Self.vote(rule: "majority more than 1/2"))
        #expect(
            majority.decisions[0].threshold
                == VoteThreshold(inclusive: false, numerator: 1, denominator: 2, ofHeld: false))
    }

    @Test("a share above one is reported where it is written")
    func shareOutOfRange() {
        expectDiagnostic(
            .invalidValue,
            in: Self.vote(rule: "weighted at least 1️⃣3/2"),
            message: "a share is a fraction of whole numbers between 0/1 and 1/1, such as 2/3")
    }

    @Test("`more than` without a share")
    func missingShare() {
        expectDiagnostic(.expected, in: Self.vote(rule: "majority more than1️⃣"), others: true)
    }

    @Test("a threshold on a rule that counts no votes")
    func thresholdOnLead() {
        expectDiagnostic(
            .invalidValue, in: Self.vote(rule: "lead 1️⃣at least 2/3"),
            message: "rule lead counts no votes: a threshold, quorum or veto applies to majority and weighted")
    }

    @Test("a veto for a role that takes no part")
    func vetoWithoutPart() {
        let text = Self.vote(["veto 1️⃣d"]).replacingOccurrences(of: "role c \"C\"", with: "role d \"D\"\nrole c \"C\"")
        expectDiagnostic(
            .invalidValue, in: text, message: "'d' holds a veto but does not take part in this decision",
            others: true)
    }

    @Test("resolved_by and position compare with a word and compile to flags")
    func resolvedByCompiles() throws {
        let s = try compiled(
            Self.vote(
                after: "if resolved_by(plan) == arbitration or position(plan, a) != abstain\n    end done\n  end done"))
        #expect(s.decisions.count == 1)
    }

    @Test("resolved_by with an unknown way, with a fix-it")
    func unknownSettlement() {
        expectDiagnostic(
            .undefinedID, in: Self.vote(after: "if resolved_by(plan) == 1️⃣arbitraton\n    end done\n  end done"),
            fixIt: "arbitration")
    }

    @Test("resolved_by without a comparison says what to compare it with")
    func resolvedByAlone() {
        expectDiagnostic(
            .expected, in: Self.vote(after: "if 1️⃣resolved_by(plan)\n    end done\n  end done"),
            message: "compare resolved_by with `==` or `!=` and one of: vote, round, lead, arbitration, default")
    }

    @Test("position compared with an option the decision does not have")
    func positionUnknownOption() {
        expectDiagnostic(
            .undefinedID, in: Self.vote(after: "if position(plan, a) == 1️⃣z\n    end done\n  end done"),
            message: "decision 'plan' has no option 'z' (did you mean 'x'?)")
    }

    @Test("arbitration by a role, by rules with `when COND -> OPTION`, or by the facilitator")
    func arbitrationBodies() throws {
        let role = try compiled(Self.vote(["arbitration c", "fallback arbitrate"]))
        guard case .role(2) = role.decisions[0].arbitration else {
            Issue.record("expected arbitration by c")
            return
        }
        let rules = try compiled(
            Self.vote(["fallback arbitrate", "arbitration rule", "  when sa > 2 -> x", "  when true -> y"]))
        guard case .rules(let lines) = rules.decisions[0].arbitration else {
            Issue.record("expected arbitration rules")
            return
        }
        #expect(lines.map(\.option) == [0, 1])
        let facilitator = try compiled(Self.vote(["arbitration facilitator"]))
        guard case .facilitator = facilitator.decisions[0].arbitration else {
            Issue.record("expected the facilitator")
            return
        }
    }

    @Test("an arbitration rule naming an option the decision does not have")
    func arbitrationRuleUnknownOption() {
        expectDiagnostic(
            .undefinedID, in: Self.vote(["fallback arbitrate", "arbitration rule", "  when sa > 2 -> 1️⃣xx"]),
            others: true)
    }

    // MARK: Checker defects of issue 12

    @Test("`set flag = true` inside `on breach` is accepted (it was E0301: items compiled before variables)")
    func setFlagInBreach() {
        let text = cleanExercise.replacingOccurrences(
            of: "measure sharing",
            with: """
                info plan "Plan"
                  owner a
                  sensitivity secret
                  cleared a
                  on breach
                    set leaked = true
                state leaked = false
                measure sharing
                """
        ).replacingOccurrences(of: "  if water >= 2", with: "  share plan with b\n  if leaked or water >= 2")
        let result = ScenarioCompiler.compile(text: text)
        #expect(!result.diagnostics.contains { $0.code == .typeMismatch }, "\(describe(result.diagnostics))")
        #expect(result.scenario != nil)
    }

    @Test("0 is a duration where a duration is wanted: max(6h - time, 0), advance 0")
    func zeroDuration() {
        let text = cleanExercise.replacingOccurrences(
            of: "  end done", with: "  advance max(6h - time, 0)\n  advance 0\n  end done")
        #expect(text != cleanExercise)
        let result = ScenarioCompiler.compile(text: text)
        #expect(result.diagnostics.isEmpty, "\(describe(result.diagnostics))")
    }

    @Test("an argument of min or max of the wrong type is pointed at, not the whole call")
    func extremeArgumentPointed() {
        expectDiagnostic(
            .typeMismatch,
            in: cleanExercise.replacingOccurrences(
                of: "  end done", with: "  advance max(6h - time, 1️⃣2)\n  end done"),
            message: "this argument is a number, where max expects a duration like its other arguments")
    }

    @Test("a lead role used only by `rule lead` takes part: no W0504")
    func leadOnlyByRule() throws {
        let text = """
            exercise l "L"
              language en
              duration 4h
              peer off
            role a "A"
            role b "B"
            role c "C"
              lead
            ending done "Done"
            scene s "S"
              decide plan "Plan?" by a, b rule lead
                option x "X"
                option y "Y" default
              end done

            """
        let result = ScenarioCompiler.compile(text: text)
        #expect(
            !result.diagnostics.contains { $0.code == .unused || $0.code == .roleNeverAsked },
            "\(describe(result.diagnostics))")
    }

    // MARK: Warnings

    @Test("W0512 a threshold no coalition can reach")
    func unreachableThreshold() {
        expectDiagnostic(
            .thresholdUnreachable, in: Self.vote(rule: "majority at least 2/3", ["quorum 1️⃣4"]), others: true)
    }

    @Test("W0512 more than all of the votes can never be had")
    func moreThanAll() {
        expectDiagnostic(.thresholdUnreachable, in: Self.vote(rule: "majority 1️⃣more than 1/1"), others: true)
    }

    @Test("a veto alone never makes a vote impossible: its holder can vote with the leader")
    func vetoAloneIsReachable() {
        let result = ScenarioCompiler.compile(text: Self.vote(["veto a, b, c"]))
        #expect(!result.diagnostics.contains { $0.code == .thresholdUnreachable }, "\(describe(result.diagnostics))")
    }

    @Test("W0513 a weight that can be negative")
    func negativeWeight() {
        expectDiagnostic(.weightCanBeNegative, in: Self.vote(["weights a 1️⃣sa - 4"]), others: true)
    }
}
