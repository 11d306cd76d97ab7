import Foundation
import ScenarioLanguage
import Testing

@testable import ExerciseEngine

/// The repository's root folder.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Compiles an exercise held in a string, failing the test with the diagnostics when it has errors.
func compile(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Scenario {
    let result = ScenarioCompiler.compile(text: text, path: "test.ttx")
    guard let scenario = result.scenario else {
        let errors = result.diagnostics.filter { $0.severity == .error }
            .map { "\($0.location.line):\($0.location.column): \($0.message) [\($0.code)]" }
        Issue.record(
            "the exercise does not compile:\n\(errors.joined(separator: "\n"))", sourceLocation: sourceLocation)
        throw CompileFailure()
    }
    return scenario
}

/// Thrown when a test's exercise does not compile (the diagnostics are recorded as an issue).
struct CompileFailure: Error {}

/// The bundled exercises' file names.
let bundledExerciseNames = ["benchmark.ttx", "flood-response.ttx", "tutorial.en.ttx", "tutorial.ttx"]

/// Compiles a bundled exercise (once per test process).
func bundled(_ file: String) throws -> Scenario {
    try #require(bundledScenarios[file] ?? nil, "exercises/\(file) does not compile")
}

private let bundledScenarios: [String: Scenario?] = Dictionary(
    uniqueKeysWithValues: bundledExerciseNames.map { name in
        (name, ScenarioCompiler.compile(path: repositoryRoot.appendingPathComponent("exercises/\(name)").path).scenario)
    })

/// A session under test, with every event it produced so far and lookups by id.
struct Play {
    var session: Session
    /// Every event since the start.
    var log: [Event] = []

    var scenario: Scenario { session.scenario }
    var state: SessionState { session.state }

    /// Compiles `text` and starts a session in which the roles `played` (all when nil) are played.
    init(
        _ text: String, played: [String]? = nil, facilitated: Bool = false, seed: UInt64 = 1,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let scenario = try compile(text, sourceLocation: sourceLocation)
        try self.init(scenario: scenario, played: played, facilitated: facilitated, seed: seed)
    }

    init(scenario: Scenario, played: [String]? = nil, facilitated: Bool = false, seed: UInt64 = 1) throws {
        var indices = Set(scenario.roles.indices)
        if let played {
            indices = []
            for id in played { indices.insert(try #require(scenario.role(id), "no role \(id)")) }
        }
        session = Session(scenario: scenario, seed: seed, played: indices, facilitated: facilitated)
        log = session.start()
    }

    /// Applies an input that must be accepted; returns its events.
    @discardableResult
    mutating func apply(_ input: Input) throws -> [Event] {
        let events = try session.apply(input)
        log += events
        return events
    }

    /// Applies an input that must be refused with `error`, and checks that the state did not change.
    mutating func refuse(
        _ input: Input, _ error: SessionError, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let before = session.state
        #expect(throws: error, sourceLocation: sourceLocation) { try session.apply(input) }
        #expect(session.state == before, "the state changed", sourceLocation: sourceLocation)
    }

    // MARK: Lookups

    func role(_ id: String) throws -> Int { try #require(scenario.role(id), "no role \(id)") }
    func item(_ id: String) throws -> ItemIndex { try #require(scenario.item(id), "no item \(id)") }
    func choice(_ id: String) throws -> Int { try #require(scenario.choice(id), "no choice \(id)") }
    func action(_ id: String) throws -> Int { try #require(scenario.action(id), "no action \(id)") }
    func inject(_ id: String) throws -> Int { try #require(scenario.inject(id), "no inject \(id)") }
    func request(_ id: String) throws -> Int { try #require(scenario.request(id), "no request \(id)") }
    func decision(_ id: String) throws -> DecisionIndex { try #require(scenario.decision(id), "no decision \(id)") }
    func objective(_ id: String) throws -> Int { try #require(scenario.objective(id), "no objective \(id)") }
    func scene(_ id: String) throws -> Int { try #require(scenario.scene(id), "no scene \(id)") }
    func ending(_ id: String) throws -> Int {
        try #require(scenario.endings.firstIndex { $0.id == id }, "no ending \(id)")
    }
    func measure(_ id: String) throws -> Int {
        try #require(scenario.measures.firstIndex { $0.id == id }, "no measure \(id)")
    }
    func variable(_ id: String) throws -> Int {
        try #require(scenario.variables.firstIndex { $0.id == id }, "no variable \(id)")
    }
    func expectation(_ id: String) throws -> Int {
        try #require(scenario.expectations.firstIndex { $0.id == id }, "no expectation \(id)")
    }
    func option(_ decision: String, _ id: String) throws -> Int {
        let d = try self.decision(decision)
        return try #require(scenario.options.firstIndex { $0.id == id && $0.decision == d }, "no option \(id)")
    }

    // MARK: Inputs by id

    @discardableResult
    mutating func choose(_ role: String, _ choice: String) throws -> [Event] {
        try apply(.choose(role: self.role(role), choice: self.choice(choice)))
    }

    @discardableResult
    mutating func act(_ role: String, _ action: String) throws -> [Event] {
        try apply(.act(role: self.role(role), action: self.action(action)))
    }

    @discardableResult
    mutating func position(_ role: String, _ decision: String, _ option: String) throws -> [Event] {
        try apply(.position(role: self.role(role), option: self.option(decision, option)))
    }

    @discardableResult
    mutating func advance(_ minutes: Int) throws -> [Event] { try apply(.facilitator(.advance(minutes))) }

    // MARK: Reading the state

    /// A role's raw value of a measure.
    func measure(_ id: String, _ role: String) throws -> Double {
        try state.measures[measure(id) * scenario.roles.count + self.role(role)]
    }

    /// A state variable's value.
    func value(_ id: String) throws -> Value { try state.variables[variable(id)] }

    /// The event kinds of the whole log.
    var kinds: [EventKind] { log.map(\.kind) }

    /// The clock of the first event of this kind in the log.
    func clock(of kind: EventKind) -> Int? { log.first { $0.kind == kind }?.clock }

    /// The position of the first event of this kind in the log.
    func position(of kind: EventKind) -> Int? { log.firstIndex { $0.kind == kind } }
}
