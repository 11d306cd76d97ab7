import ExerciseEngine
import Foundation
import ScenarioLanguage
import Testing
import Transcripts
import TranscriptsTestSupport

@testable import Debrief

/// Replay for reviewers: jumps to the next or previous decision, inject or role's turn, and relative time jumps.
@Suite struct ReplayNavigationTests {
    func script(seed: UInt64) throws -> (ReplayScript, Scenario) {
        let flood = try bundled("flood-response.ttx")
        let writer = try makeWriter(flood, seed: seed, played: [0, 3])
        try playScripted(scenario: flood, seed: seed, played: [0, 3], writer: writer)
        writer.detach()
        return (try ReplayScript.load(path: writer.path, scenario: flood, language: .en).get(), flood)
    }

    @Test(arguments: [UInt64(2), 5])
    func decisionInjectAndRoleJumpsLandOnStepsThatHoldThem(seed: UInt64) throws {
        let (script, flood) = try script(seed: seed)
        // Walk forward by decision: every landing holds one, and no step in between does.
        var index = 0
        var visited = 0
        while let next = script.step(from: index, toNext: .marked(.decision)) {
            #expect(script.steps[next].marks.contains(.decision))
            for between in (index + 1)..<next { #expect(!script.steps[between].marks.contains(.decision)) }
            index = next
            visited += 1
        }
        #expect(visited > 0)
        #expect(script.step(from: index, toNext: .marked(.decision)) == nil)
        // Backward by inject from the end finds the last inject.
        let last = script.steps.count - 1
        let inject = try #require(script.step(from: last + 1, toNext: .marked(.inject), forward: false))
        #expect(script.steps[inject].marks.contains(.inject))
        for after in (inject + 1)..<(last + 1) { #expect(!script.steps[after].marks.contains(.inject)) }
        // A role's turns are the steps in which it acted.
        let ema = try #require(script.role(named: "ema"))
        #expect(script.role(named: flood.roles[ema].name) == ema)
        #expect(script.role(named: "nobody") == nil)
        let turn = try #require(script.step(from: 0, toNext: .role(ema)), "the played ema acts in the session")
        #expect(script.steps[turn].actors.contains(ema))
        #expect(!script.steps[turn].roles[ema].did.isEmpty, "the role view says what it did")
    }

    @Test func timeJumpsAreFromTheCurrentStep() throws {
        let (script, _) = try script(seed: 3)
        let current = script.steps.count / 2
        let here = script.steps[current].clock
        #expect(script.minutes(forJump: "+90m", from: current) == here + 90)
        #expect(script.minutes(forJump: "-30m", from: current) == max(0, here - 30))
        #expect(script.minutes(forJump: "+1h30m", from: current) == here + 90)
        #expect(script.minutes(forJump: "-99h", from: current) == 0)
        // A time of day does not depend on where one is.
        #expect(script.minutes(forJump: "05:30", from: current) == script.minutes(forJump: "05:30", from: 0))
    }
}
