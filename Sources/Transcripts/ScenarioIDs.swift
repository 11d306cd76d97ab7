import ScenarioLanguage

/// Id lookups over a scenario, built once: transcripts name elements by id, the engine by index.
struct ScenarioIDs: Sendable {
    let scenario: Scenario
    private let roles: [String: Int]
    private let choices: [String: Int]
    private let actions: [String: Int]
    private let items: [String: Int]
    private let injects: [String: Int]
    private let objectives: [String: Int]
    private let requests: [String: Int]
    private let decisions: [String: Int]
    private let questions: [String: Int]
    /// Options by `decision index`, then option id.
    private let options: [Int: [String: Int]]

    init(_ scenario: Scenario) {
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
        injects = table(scenario.injects, \.id)
        objectives = table(scenario.objectives, \.id)
        requests = table(scenario.requests, \.id)
        decisions = table(scenario.decisions, \.id)
        questions = table(scenario.peerQuestions, \.id)
        var options: [Int: [String: Int]] = [:]
        for (i, o) in scenario.options.enumerated() where options[o.decision]?[o.id] == nil {
            options[o.decision, default: [:]][o.id] = i
        }
        self.options = options
    }

    // MARK: Index to id (never traps: an index out of range shows as `#N`)

    private func name<T>(_ elements: [T], _ index: Int, _ id: (T) -> String) -> String {
        elements.indices.contains(index) ? id(elements[index]) : "#\(index)"
    }

    func role(_ i: Int) -> String { name(scenario.roles, i, \.id) }
    func choice(_ i: Int) -> String { name(scenario.choices, i, \.id) }
    func action(_ i: Int) -> String { name(scenario.actions, i, \.id) }
    func item(_ i: Int) -> String { name(scenario.items, i, \.id) }
    func inject(_ i: Int) -> String { name(scenario.injects, i, \.id) }
    func objective(_ i: Int) -> String { name(scenario.objectives, i, \.id) }
    func request(_ i: Int) -> String { name(scenario.requests, i, \.id) }
    func decision(_ i: Int) -> String { name(scenario.decisions, i, \.id) }
    func option(_ i: Int) -> String { name(scenario.options, i, \.id) }
    func scene(_ i: Int) -> String { name(scenario.scenes, i, \.id) }
    func ask(_ i: Int) -> String { name(scenario.asks, i, \.id) }
    func discussion(_ i: Int) -> String { name(scenario.discussions, i, \.id) }
    func expectation(_ i: Int) -> String { name(scenario.expectations, i, \.id) }
    func variable(_ i: Int) -> String { name(scenario.variables, i, \.id) }
    func measure(_ i: Int) -> String { name(scenario.measures, i, \.id) }
    func ending(_ i: Int) -> String { name(scenario.endings, i, \.id) }
    func question(_ i: Int) -> String { name(scenario.peerQuestions, i, \.id) }
    /// The decision an option belongs to, as an id.
    func decisionOf(option i: Int) -> String {
        scenario.options.indices.contains(i) ? decision(scenario.options[i].decision) : "#?"
    }

    // MARK: Id to index

    func role(id: String) -> Int? { roles[id] }
    func choice(id: String) -> Int? { choices[id] }
    func action(id: String) -> Int? { actions[id] }
    func item(id: String) -> Int? { items[id] }
    func inject(id: String) -> Int? { injects[id] }
    func objective(id: String) -> Int? { objectives[id] }
    func request(id: String) -> Int? { requests[id] }
    func decision(id: String) -> Int? { decisions[id] }
    func question(id: String) -> Int? { questions[id] }
    func option(id: String, decision: Int) -> Int? { options[decision]?[id] }
}
