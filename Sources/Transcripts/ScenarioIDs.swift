import ScenarioLanguage

/// Id lookups over a scenario, built once: transcripts name elements by id, the engine by index.
package struct ScenarioIDs: Sendable {
    let scenario: Scenario
    private let roles: [String: Int]
    private let choices: [String: Int]
    private let actions: [String: Int]
    private let items: [String: Int]
    private let parties: [String: Int]
    private let duties: [String: Int]
    private let injects: [String: Int]
    private let objectives: [String: Int]
    private let requests: [String: Int]
    private let decisions: [String: Int]
    private let questions: [String: Int]
    /// Options by decision, then option id.
    private let options: [DecisionIndex: [String: Int]]

    package init(_ scenario: Scenario) {
        self.scenario = scenario
        func table<T>(_ elements: [T], _ id: (T) -> String) -> [String: Int] {
            var t: [String: Int] = [:]
            for (i, e) in elements.enumerated() where t[id(e)] == nil { t[id(e)] = i }
            return t
        }
        roles = table(scenario.roles, \.id)
        choices = table(scenario.choices, \.id)
        actions = table(scenario.actions, \.id)
        items = table(scenario.items, \.id)
        parties = table(scenario.parties, \.id)
        duties = table(scenario.duties, \.id)
        injects = table(scenario.injects, \.id)
        objectives = table(scenario.objectives, \.id)
        requests = table(scenario.requests, \.id)
        decisions = table(scenario.decisions, \.id)
        questions = table(scenario.peerQuestions, \.id)
        var options: [DecisionIndex: [String: Int]] = [:]
        for (i, o) in scenario.options.enumerated() where options[o.decision]?[o.id] == nil {
            options[o.decision, default: [:]][o.id] = i
        }
        self.options = options
    }

    // MARK: Index to id (never traps: an index out of range shows as `#N`)

    private func name<T>(_ elements: [T], _ index: Int, _ id: (T) -> String) -> String {
        elements.indices.contains(index) ? id(elements[index]) : "#\(index)"
    }

    package func role(_ i: Int) -> String { name(scenario.roles, i, \.id) }
    package func choice(_ i: Int) -> String { name(scenario.choices, i, \.id) }
    package func action(_ i: Int) -> String { name(scenario.actions, i, \.id) }
    package func item(_ i: ItemIndex) -> String { name(scenario.items, i.rawValue, \.id) }
    package func party(_ i: Int) -> String { name(scenario.parties, i, \.id) }
    package func duty(_ i: Int) -> String { name(scenario.duties, i, \.id) }
    package func inject(_ i: Int) -> String { name(scenario.injects, i, \.id) }
    package func objective(_ i: Int) -> String { name(scenario.objectives, i, \.id) }
    package func request(_ i: Int) -> String { name(scenario.requests, i, \.id) }
    package func decision(_ i: DecisionIndex) -> String { name(scenario.decisions, i.rawValue, \.id) }
    package func option(_ i: Int) -> String { name(scenario.options, i, \.id) }
    package func scene(_ i: Int) -> String { name(scenario.scenes, i, \.id) }
    package func ask(_ i: Int) -> String { name(scenario.asks, i, \.id) }
    package func discussion(_ i: Int) -> String { name(scenario.discussions, i, \.id) }
    package func expectation(_ i: Int) -> String { name(scenario.expectations, i, \.id) }
    package func variable(_ i: Int) -> String { name(scenario.variables, i, \.id) }
    package func measure(_ i: Int) -> String { name(scenario.measures, i, \.id) }
    package func ending(_ i: Int) -> String { name(scenario.endings, i, \.id) }
    package func question(_ i: Int) -> String { name(scenario.peerQuestions, i, \.id) }
    /// The decision an option belongs to, as an id.
    package func decisionOf(option i: Int) -> String {
        scenario.options.indices.contains(i) ? decision(scenario.options[i].decision) : "#?"
    }

    // MARK: Id to index

    package func role(id: String) -> Int? { roles[id] }
    package func choice(id: String) -> Int? { choices[id] }
    package func action(id: String) -> Int? { actions[id] }
    package func item(id: String) -> ItemIndex? { items[id].map { ItemIndex($0) } }
    package func party(id: String) -> Int? { parties[id] }
    package func duty(id: String) -> Int? { duties[id] }
    package func inject(id: String) -> Int? { injects[id] }
    package func objective(id: String) -> Int? { objectives[id] }
    package func request(id: String) -> Int? { requests[id] }
    package func decision(id: String) -> DecisionIndex? { decisions[id].map { DecisionIndex($0) } }
    package func question(id: String) -> Int? { questions[id] }
    package func option(id: String, decision: DecisionIndex) -> Int? { options[decision]?[id] }
}
