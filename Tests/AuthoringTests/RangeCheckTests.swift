import ExerciseEngine
import Localization
import ScenarioLanguage
import Testing

@testable import Authoring

/// `check` warns when a measure's declared `range` cannot be reached by play (W0511).
@Suite("Declared ranges play cannot reach")
struct RangeCheckTests {
    /// A two-role exercise whose `sharing` can reach 0..6 for role a (share +6 or wait) and 0..2 for b.
    func exercise(range: String) throws -> Scenario {
        try compile(
            """
            exercise t "Ranges"
              language en
              duration 2h
              peer off
            role a "A"
            role b "B"
            measure sharing "Sharing" weight 1 \(range)
            ending done "Done"
            scene s "S"
              ask a "Share?"
                choice share "Share" expected
                  sharing += 6
                choice wait "Wait" default
              ask b "Join?"
                choice join "Join" expected
                  sharing += 2
                choice skip "Skip" default
              end done
            """)
    }

    @Test("a range wider than play reaches is warned about, with what play reaches and the best score it allows")
    func unreachable() throws {
        let scenario = try exercise(range: "range 0..20")
        let bounds = BoundsFinder(scenario: scenario).find()
        #expect(bounds.method == .explored)
        let warnings = RangeCheck.diagnostics(scenario, bounds: bounds)
        #expect(warnings.map(\.code) == [.unreachableRange])
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.span.start.line == 7)
        #expect(
            warnings.first?.message.text(in: .en)
                == "measure 'sharing' declares range 0..20, but play reaches only 0..6: every role is normalised against 0..20, so even the best play scores at most 30; remove the range to normalise each role between the worst and best it can reach"
        )
        #expect(
            warnings.first?.message.text(in: .zh)
                == "计分维度「sharing」声明了范围 0..20，但任何打法都只能达到 0..6：各部门都按 0..20 折算，最好的打法也最多得 30 分；去掉 range，各部门即按本部门能达到的最差和最好值折算"
        )
    }

    @Test("a low end below anything play reaches is warned about too")
    func lowEnd() throws {
        let scenario = try exercise(range: "range -5..6")
        let warnings = RangeCheck.diagnostics(scenario, bounds: BoundsFinder(scenario: scenario).find())
        #expect(warnings.count == 1)
        #expect(
            warnings.first?.message.text(in: .en)
                == "measure 'sharing' declares range -5..6, but play reaches only 0..6: every role is normalised against -5..6, so even the worst play scores at least 45; remove the range to normalise each role between the worst and best it can reach"
        )
    }

    @Test("a range play reaches at both ends, or no range at all, gives no warning")
    func reachable() throws {
        for range in ["range 0..6", ""] {
            let scenario = try exercise(range: range)
            #expect(RangeCheck.diagnostics(scenario, bounds: BoundsFinder(scenario: scenario).find()).isEmpty)
        }
    }

    @Test("bounds from a search that did not finish give no warning: they may miss what reaches the range")
    func searchedBoundsAreNotEnough() throws {
        let scenario = try exercise(range: "range 0..20")
        var bounds = BoundsFinder(scenario: scenario).find()
        bounds.method = .searched
        #expect(RangeCheck.diagnostics(scenario, bounds: bounds).isEmpty)
    }
}
