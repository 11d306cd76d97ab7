import ExerciseEngine
import Foundation
import Localization
import ScenarioLanguage
import Testing
import Transcripts
import TranscriptsTestSupport

@testable import Debrief

/// Blame follows the events: findings and improvement-plan rows name the roles whose choice, share or missed
/// response caused them, say whether those roles were played, and leave what automated roles did to the scenario.
@Suite struct AttributionTests {
    /// Alpha owns the objective, but only Bravo can meet the expected action it is rated on; Bravo also leaks a
    /// secret that Charlie may not hold, and Alpha's request to Charlie goes unanswered.
    static let text = """
        exercise blame "Blame"
          language en
          clock 08:00
          duration 4h
          start s1
          sharing open

        role a "Alpha"
        role b "Bravo"
          knows plan
        role c "Charlie"

        info plan "Evacuation plan" owner b sensitivity secret

        objective react "React in time"
          owner a
          P when hit(check_site)
          else M
          recommend "Agree who checks the site"

        ending done "Done"

        inject alarm "Alarm"
          at +10m
          to all
          \"\"\"
          The alarm goes off.
          \"\"\"
          expect check_site "Check the site" by b within 30m
            do check

        action check "Check the site" by b cost 10m once

        request help "Send a crew" from a to c within 30m

        scene s1 "Start"
          \"\"\"
          Morning.
          \"\"\"
          send help
          ask b "Pass the plan on?"
            choice leak "Send it to Charlie" cost 5m
              share plan with c
            choice keep "Keep it" default cost 5m
          ask a "Wait?"
            choice wait "Wait an hour" default cost 1h
          end done

        """

    /// Plays the exercise with the given roles played: Bravo leaks the plan (typed or automated) and nobody checks
    /// the site or answers the request.
    func report(played: Set<Int>) throws -> (Scenario, SessionReport) {
        let scenario = try compile(Self.text, path: "blame.ttx")
        let writer = try makeWriter(scenario, seed: 1, played: played)
        var session = Session(scenario: scenario, seed: 1, played: played)
        try writer.append(input: nil, events: session.start(), wall: fixedStart)
        let a = try #require(scenario.role("a"))
        let b = try #require(scenario.role("b"))
        var inputs: [Input] = []
        if played.contains(b) { inputs.append(.choose(role: b, choice: try #require(scenario.choice("leak")))) }
        if played.contains(a) { inputs.append(.choose(role: a, choice: try #require(scenario.choice("wait")))) }
        for (i, input) in inputs.enumerated() {
            let events = try session.apply(input)
            try writer.append(input: input, events: events, wall: fixedStart.addingTimeInterval(Double(i + 1)))
        }
        writer.detach()
        return (scenario, try Debrief.session(path: writer.path, scenario: scenario).get())
    }

    @Test func blameFollowsTheEventsNotTheOwner() throws {
        let (scenario, report) = try report(played: [0, 1, 2])
        let c = Conclusions(report)
        let b = try #require(scenario.role("b"))
        let objective = try #require(c.plan.first { if case .objective = $0.item { true } else { false } })
        // Alpha owns the objective, but Bravo missed the expected action it is rated on.
        #expect(objective.roles == [b])
        let x = ReportText(.en, scenario: scenario)
        #expect(c.responsible(objective.roles, x) == "Bravo (played)")
        // Missed expected actions, unanswered requests and leaks reach the plan with their own recommendation.
        let kinds = c.plan.map { row -> String in
            switch row.item {
            case .objective: "objective"
            case .expectation: "expectation"
            case .request: "request"
            case .breach: "breach"
            case .leak: "leak"
            case .error: "error"
            }
        }
        #expect(kinds.sorted() == ["breach", "expectation", "objective", "request"])
        for row in c.plan { #expect(c.columns(row, x).advice != "—") }
        let breach = try #require(c.plan.first { if case .breach = $0.item { true } else { false } })
        #expect(breach.roles == [b])
        let request = try #require(c.plan.first { if case .request = $0.item { true } else { false } })
        #expect(request.roles == [try #require(scenario.role("c"))])
        #expect(c.scenarioPoints.isEmpty)
    }

    @Test func automatedRolesAreTheScenariosNotATraineesFailing() throws {
        // Only Alpha is played: Bravo's missed check, and the objective rated on it, are the scenario's (the
        // automated Bravo keeps the plan by default, and the automated Charlie answers the request).
        let (scenario, report) = try report(played: [0])
        let c = Conclusions(report)
        #expect(c.plan.isEmpty)
        #expect(c.improvements.isEmpty)
        let kinds = c.scenarioPoints.map { point -> String in
            switch point {
            case .objective: "objective"
            case .expectation: "expectation"
            default: "other"
            }
        }
        #expect(kinds.sorted() == ["expectation", "objective"])
        #expect(report.requests.map(\.auto) == [true])
        for language in UILanguage.allCases {
            let x = ReportText(language, scenario: scenario)
            for point in c.scenarioPoints {
                let text = c.text(point, x)
                #expect(!text.contains(x.t("concl.played", x.role(1))), "\(text)")
            }
            let markdown = Debrief.render(report, format: .markdown, options: DebriefOptions(language: language))
            let plan = try #require(markdown.components(separatedBy: "## " + x.t("section.plan")).last)
            #expect(plan.contains(x.t("empty.plan")))
            for name in ["Bravo", "Charlie"] { #expect(!plan.contains(name)) }
            #expect(markdown.contains(x.t("section.scenarioPoints")))
        }
        let json = Debrief.render(report, format: .json, options: DebriefOptions(language: .en))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["improvement_plan"] as? [Any])?.isEmpty == true)
        let points = try #require(object["scenario_points"] as? [[String: Any]])
        let roles = points.flatMap { $0["roles"] as? [[String: Any]] ?? [] }
        #expect(!roles.isEmpty && roles.allSatisfy { $0["played"] as? Bool == false })
    }
}
