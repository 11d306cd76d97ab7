import ExerciseEngine
import ScenarioLanguage

/// What ``Simulator`` found over many random playthroughs.
///
/// Everything in it depends only on the scenario, the number of runs and the base seed: not on the number of jobs
/// and not on timing (except ``runsCompleted`` and ``cancelled`` when a run is stopped early).
public struct SimulationReport: Sendable, Codable, Hashable {
    /// The exercise's id.
    public var exercise: String
    /// The exercise's title.
    public var title: String
    /// How many playthroughs were asked for.
    public var runsRequested: Int
    /// How many were played (fewer when cancelled).
    public var runsCompleted: Int
    /// Whether the run was stopped early.
    public var cancelled: Bool
    /// The base seed: playthrough `i` uses seed `baseSeed &+ i`.
    public var baseSeed: UInt64
    /// Inputs applied per playthrough.
    public var inputs: Distribution
    /// Distinct runtime errors, in the order of the first playthrough that met each.
    public var errors: [RuntimeErrorReport]
    /// What was reached, and what never was.
    public var coverage: [CoverageSection]
    /// How playthroughs ended.
    public var endings: [EndingCount]
    /// Each measure's team value (normalised 0–100).
    public var measures: [MeasureDistribution]
    /// The team's total score (0–100).
    public var teamTotal: Distribution
    /// Each role's total score (0–100).
    public var roleTotals: [RoleDistribution]
    /// Each objective's ratings.
    public var objectives: [ObjectiveRatings]
    /// How the players played.
    public var policy: SimulationPolicy = .random
    /// Each expected action's outcomes, in declaration order.
    public var expectations: [ExpectationOutcomes] = []
    /// The per-role bounds the scores were normalised against (nil: each measure's `range`).
    public var bounds: BoundsReport?
    /// Expected actions that some playthrough could not have met in time (`not offered`): the scenario asks for a
    /// response it gives no chance to make, a defect for the author to fix.
    public var notOffered: [ExpectationOutcomes] { expectations.filter { $0.notOffered > 0 } }

    /// Whether any playthrough met a runtime error.
    public var hasErrors: Bool { !errors.isEmpty }
}

/// A runtime error met in playthroughs, with the seed that reproduces it.
public struct RuntimeErrorReport: Sendable, Codable, Hashable {
    /// What went wrong.
    public var message: String
    /// Where in the script, if known: `file:line:column`.
    public var location: String?
    /// The seed of the first playthrough that met it (`sandtable simulate FILE -n 1 --seed SEED` reproduces it).
    public var seed: UInt64
    /// The index of that playthrough.
    public var playthrough: Int
    /// How many playthroughs met it.
    public var count: Int
}

/// A scenario element named in a report.
public struct ElementRef: Sendable, Codable, Hashable {
    /// Its id.
    public var id: String
    /// Its title or label.
    public var title: String
    /// Where it is declared, `file:line:column`.
    public var location: String
}

/// Coverage of one kind of element.
public struct CoverageSection: Sendable, Codable, Hashable {
    /// The kind: scenes, choices, options, injects, actions, requests or endings.
    public var kind: String
    /// How many elements of this kind the scenario has.
    public var total: Int
    /// How many were reached at least once.
    public var reached: Int
    /// The elements never reached, in declaration order.
    public var never: [ElementRef]
}

/// How often one ending (or another way to stop) was reached.
public struct EndingCount: Sendable, Codable, Hashable {
    /// The ending's id, or `(time up)`, `(facilitator)`, `(runtime error)`.
    public var id: String
    /// Its title.
    public var title: String
    /// How many playthroughs.
    public var count: Int
    /// Percent of completed playthroughs.
    public var percent: Double
}

/// The distribution of a measure's team value.
public struct MeasureDistribution: Sendable, Codable, Hashable {
    /// The measure's id.
    public var id: String
    /// Its name.
    public var name: String
    /// Team values, normalised 0–100.
    public var team: Distribution
}

/// The distribution of a role's total score.
public struct RoleDistribution: Sendable, Codable, Hashable {
    /// The role's id.
    public var id: String
    /// Its name.
    public var name: String
    /// Totals, 0–100.
    public var total: Distribution
}

/// How often an objective got each rating.
public struct ObjectiveRatings: Sendable, Codable, Hashable {
    /// The objective's id.
    public var id: String
    /// Its title.
    public var title: String
    /// Playthroughs rated P, S, M and U, in that order.
    public var counts: [Int]
}

/// How often an expected action had each outcome (for the team, or its responders together).
public struct ExpectationOutcomes: Sendable, Codable, Hashable {
    /// The expectation's id.
    public var id: String
    /// What it expects, in words.
    public var title: String
    /// Where it is declared, `file:line:column`.
    public var location: String
    /// Playthroughs in which its inject fired.
    public var fired = 0
    /// Met in time.
    public var hit = 0
    /// Met after the deadline.
    public var late = 0
    /// Not met, though it could have been.
    public var missed = 0
    /// Could not have been met in time: asked after the deadline, or no way to act.
    public var notOffered = 0
    /// Already met when its inject was forced, or met by another responder (`any`): owed by nobody.
    public var waived = 0

    /// Counts one playthrough's outcome.
    mutating func add(_ outcome: ExpectationOutcome) {
        fired += 1
        switch outcome {
        case .hit: hit += 1
        case .late: late += 1
        case .missed, .pending: missed += 1
        case .notOffered: notOffered += 1
        case .waived: waived += 1
        }
    }

    mutating func merge(_ other: Self) {
        fired += other.fired
        hit += other.hit
        late += other.late
        missed += other.missed
        notOffered += other.notOffered
        waived += other.waived
    }
}

extension ElementRef {
    init(_ id: String, _ title: String, _ location: SourceLocation) {
        self.init(id: id, title: title, location: location.description)
    }
}
