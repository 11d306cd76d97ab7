import ExerciseEngine
import ScenarioLanguage

/// How often each scene, choice, option, inject, action, request and ending was reached. Counts merge by
/// addition, so partial counts from parallel work combine exactly.
struct Coverage: Sendable, Hashable {
    /// The kinds of content counted, in report order.
    enum Kind: Int, CaseIterable {
        case scenes, choices, options, injects, actions, requests, endings

        var name: String {
            switch self {
            case .scenes: "scenes"
            case .choices: "choices"
            case .options: "options"
            case .injects: "injects"
            case .actions: "actions"
            case .requests: "requests"
            case .endings: "endings"
            }
        }
    }

    /// Counts per kind, then per element.
    var counts: [[Int]]

    init(scenario: Scenario) {
        counts = Kind.allCases.map { Array(repeating: 0, count: Self.size(of: $0, in: scenario)) }
    }

    private static func size(of kind: Kind, in scenario: Scenario) -> Int {
        switch kind {
        case .scenes: scenario.scenes.count
        case .choices: scenario.choices.count
        case .options: scenario.options.count
        case .injects: scenario.injects.count
        case .actions: scenario.actions.count
        case .requests: scenario.requests.count
        case .endings: scenario.endings.count
        }
    }

    /// Counts what a session reached by now (each element at most once).
    mutating func record(_ state: SessionState, roleCount r: Int) {
        for (i, v) in state.visited.enumerated() where v { counts[Kind.scenes.rawValue][i] += 1 }
        if r > 0 {
            for c in counts[Kind.choices.rawValue].indices {
                var chosen = false
                for role in 0..<r where state.chosen[c * r + role] {
                    chosen = true
                    break
                }
                if chosen { counts[Kind.choices.rawValue][c] += 1 }
            }
            for a in counts[Kind.actions.rawValue].indices {
                var did = false
                for role in 0..<r where state.did[a * r + role] {
                    did = true
                    break
                }
                if did { counts[Kind.actions.rawValue][a] += 1 }
            }
        }
        for case let option? in state.decided { counts[Kind.options.rawValue][option] += 1 }
        for (i, v) in state.fired.enumerated() where v { counts[Kind.injects.rawValue][i] += 1 }
        for (q, at) in state.requestSentAt.enumerated() where at != nil { counts[Kind.requests.rawValue][q] += 1 }
        if let ending = state.ending { counts[Kind.endings.rawValue][ending] += 1 }
    }

    /// Adds another coverage's counts.
    mutating func merge(_ other: Coverage) {
        for k in counts.indices {
            for i in counts[k].indices { counts[k][i] += other.counts[k][i] }
        }
    }

    /// Whether an element was reached.
    func reached(_ kind: Kind, _ index: Int) -> Bool { counts[kind.rawValue][index] > 0 }

    /// One section per kind, naming what was never reached.
    func sections(_ scenario: Scenario) -> [CoverageSection] {
        Kind.allCases.map { kind in
            let row = counts[kind.rawValue]
            let never = row.indices.filter { row[$0] == 0 }.map { Self.element(kind, $0, scenario) }
            return CoverageSection(kind: kind.name, total: row.count, reached: row.count - never.count, never: never)
        }
    }

    /// The reference of an element for reports.
    static func element(_ kind: Kind, _ i: Int, _ s: Scenario) -> ElementRef {
        switch kind {
        case .scenes: ElementRef(s.scenes[i].id, s.scenes[i].title, s.scenes[i].location)
        case .choices: ElementRef(s.choices[i].id, s.choices[i].label, s.choices[i].location)
        case .options: ElementRef(s.options[i].id, s.options[i].label, s.options[i].location)
        case .injects: ElementRef(s.injects[i].id, s.injects[i].title, s.injects[i].location)
        case .actions: ElementRef(s.actions[i].id, s.actions[i].title, s.actions[i].location)
        case .requests: ElementRef(s.requests[i].id, s.requests[i].title, s.requests[i].location)
        case .endings: ElementRef(s.endings[i].id, s.endings[i].title, s.endings[i].location)
        }
    }
}
