import ExerciseEngine
import ScenarioLanguage

/// The report of a cohort: several sessions of the same exercise compared. Distributions count only the sessions
/// that reached their end; unfinished ones are listed but left out of them.
public struct CohortReport: Sendable {
    /// A transcript left out of the cohort, with why.
    public struct Skipped: Sendable, Hashable {
        /// The file.
        public var path: String
        /// Why it was left out.
        public var reason: String

        /// Creates an entry.
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Every session that could be read, in the order given.
    public var sessions: [SessionReport]
    /// Transcripts that could not be read or do not belong.
    public var skipped: [Skipped]
    /// The sessions counted in the distributions (complete ones).
    var included: [SessionReport] { sessions.filter(\.isComplete) }

    let scenario: Scenario?
    var ratings: [ObjectiveDistribution] = []
    var asks: [AskFrequency] = []
    var joint: [JointFrequency] = []
    var teamTotal = Distribution(values: [])
    var measures: [Distribution] = []
    var roleTotals: [Distribution] = []
    var endings: [(label: EndingKey, count: Int)] = []
    var failingObjectives: [(objective: Int, count: Int)] = []
    var missedExpectations: [(expectation: Int, missed: Int, late: Int, fired: Int)] = []
    var requestProblems: [(request: Int, late: Int, refused: Int, unanswered: Int, sent: Int)] = []

    /// Computes the cohort's distributions.
    init(sessions: [SessionReport], skipped: [Skipped]) {
        self.sessions = sessions
        self.skipped = skipped
        scenario = sessions.first?.scenario
        guard let scenario else { return }
        let included = sessions.filter(\.isComplete)
        // Ratings per objective.
        ratings = scenario.objectives.indices.map { o in
            var counts: [Rating: Int] = [:]
            for s in included where s.objectives.indices.contains(o) { counts[s.objectives[o].rating, default: 0] += 1 }
            return ObjectiveDistribution(objective: o, counts: counts)
        }
        // Choices at each ask, positions and outcomes of each joint decision.
        var askCounts: [Int: AskFrequency] = [:]
        var jointCounts: [DecisionIndex: JointFrequency] = [:]
        for s in included {
            for d in s.decisions {
                switch d.kind {
                case .ask(let a):
                    var f = askCounts[a] ?? AskFrequency(ask: a)
                    f.sessions += 1
                    for m in d.moves {
                        if m.auto == nil {
                            f.typed[m.pick, default: 0] += 1
                        } else {
                            f.automated[m.pick, default: 0] += 1
                        }
                    }
                    askCounts[a] = f
                case .joint(let j):
                    var f = jointCounts[j] ?? JointFrequency(decision: j)
                    f.sessions += 1
                    for m in d.rounds.first?.positions ?? [] { f.firstPositions[m.pick, default: 0] += 1 }
                    f.rounds[d.rounds.count, default: 0] += 1
                    if let r = d.resolution {
                        f.resolved[r.option, default: 0] += 1
                        f.by[r.by.rawValue, default: 0] += 1
                    }
                    jointCounts[j] = f
                case .action:
                    break
                }
            }
        }
        asks = askCounts.values.sorted { $0.ask < $1.ask }
        joint = jointCounts.values.sorted { $0.decision < $1.decision }
        // Scores.
        teamTotal = Distribution(values: included.map(\.scores.teamTotal))
        measures = scenario.measures.indices.map { m in
            Distribution(values: included.compactMap { $0.scores.team.indices.contains(m) ? $0.scores.team[m] : nil })
        }
        roleTotals = scenario.roles.indices.map { r in
            Distribution(
                values: included.compactMap { $0.scores.roleTotals.indices.contains(r) ? $0.scores.roleTotals[r] : nil }
            )
        }
        // Endings.
        var endingCounts: [EndingKey: Int] = [:]
        for s in included {
            endingCounts[EndingKey(ending: s.overview.ending, reason: s.overview.reason), default: 0] += 1
        }
        endings = endingCounts.map { ($0.key, $0.value) }.sorted { ($1.count, $0.label) < ($0.count, $1.label) }
        // Failure points.
        failingObjectives = ratings.map { ($0.objective, ($0.counts[.M] ?? 0) + ($0.counts[.U] ?? 0)) }
            .filter { $0.1 > 0 }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
        var expectationCounts: [Int: (missed: Int, late: Int, fired: Int)] = [:]
        var requestCounts: [Int: (late: Int, refused: Int, unanswered: Int, sent: Int)] = [:]
        for s in included {
            for x in s.expectations {
                var c = expectationCounts[x.expectation] ?? (0, 0, 0)
                c.fired += 1
                if x.outcome == .missed { c.missed += 1 }
                if x.outcome == .late { c.late += 1 }
                expectationCounts[x.expectation] = c
            }
            for r in s.requests {
                var c = requestCounts[r.request] ?? (0, 0, 0, 0)
                c.sent += 1
                switch r.outcome {
                case .late: c.late += 1
                case .refused: c.refused += 1
                case .unanswered, .overdue: c.unanswered += 1
                default: break
                }
                requestCounts[r.request] = c
            }
        }
        missedExpectations = expectationCounts.map { ($0.key, $0.value.missed, $0.value.late, $0.value.fired) }
            .filter { $0.1 + $0.2 > 0 }
            .sorted { ($1.1 + $1.2, $0.0) < ($0.1 + $0.2, $1.0) }
        requestProblems = requestCounts.map {
            ($0.key, $0.value.late, $0.value.refused, $0.value.unanswered, $0.value.sent)
        }
        .filter { $0.1 + $0.2 + $0.3 > 0 }
        .sorted { ($1.1 + $1.2 + $1.3, $0.0) < ($0.1 + $0.2 + $0.3, $1.0) }
    }
}

/// How a session ended, for counting endings.
struct EndingKey: Sendable, Hashable, Comparable {
    /// The ending, if the story reached one.
    var ending: Int?
    /// Why it ended.
    var reason: EndReason?

    static func < (a: Self, b: Self) -> Bool {
        (a.ending ?? Int.max, a.reason?.rawValue ?? "") < (b.ending ?? Int.max, b.reason?.rawValue ?? "")
    }
}

/// How often each rating was given to an objective.
struct ObjectiveDistribution: Sendable {
    var objective: Int
    var counts: [Rating: Int]
}

/// How often each choice of an ask was taken.
struct AskFrequency: Sendable {
    var ask: Int
    /// Sessions in which the ask was put.
    var sessions = 0
    /// Typed answers per choice.
    var typed: [Int: Int] = [:]
    /// Automated or timed-out answers per choice.
    var automated: [Int: Int] = [:]
}

/// How a joint decision went across sessions.
struct JointFrequency: Sendable {
    var decision: DecisionIndex
    var sessions = 0
    /// Positions taken in the first round, per option.
    var firstPositions: [Int: Int] = [:]
    /// Sessions per number of rounds.
    var rounds: [Int: Int] = [:]
    /// Resolutions per option.
    var resolved: [Int: Int] = [:]
    /// Resolutions per way (`weighted`, `lead`, …).
    var by: [String: Int] = [:]
}

/// A distribution of scores (0–100): summary figures and a histogram of ten bins.
struct Distribution: Sendable {
    /// The values, sorted.
    var values: [Double]

    init(values: [Double]) { self.values = values.filter(\.isFinite).sorted() }

    var count: Int { values.count }
    var min: Double? { values.first }
    var max: Double? { values.last }
    var mean: Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
    var median: Double? {
        guard !values.isEmpty else { return nil }
        let mid = values.count / 2
        return values.count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2
    }

    /// Counts in bins of 10 from 0 to 100 (the last bin includes 100; values outside are clamped).
    var histogram: [Int] {
        var bins = Array(repeating: 0, count: 10)
        for v in values { bins[Swift.min(9, Swift.max(0, Int(v / 10)))] += 1 }
        return bins
    }
}
