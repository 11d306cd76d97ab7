import ExerciseEngine
import ScenarioLanguage
import Transcripts

extension JSONReport {
    /// A cohort's report (`kind: "cohort"`). With no session that could be read, only `exercise` (null),
    /// `sessions` (empty) and `skipped` are given.
    struct Cohort: Codable, Equatable {
        var format = JSONReport.formatName
        var version = JSONReport.formatVersion
        var kind = "cohort"
        var language: String
        @Nullable var exercise: Exercise?
        var sessions: [CohortSession]
        var skipped: [Skipped]
        var included: Int?
        var endings: [EndingCount]?
        var objectives: [ObjectiveCounts]?
        var asks: [AskCounts]?
        var decisions: [DecisionCounts]?
        var scores: CohortScores?
        var failurePoints: FailurePoints?

        enum CodingKeys: String, CodingKey {
            case format, version, kind, language, exercise, sessions, skipped, included, endings, objectives, asks
            case decisions, scores
            case failurePoints = "failure_points"
        }
    }

    /// One session of a cohort, in brief.
    struct CohortSession: Codable, Equatable {
        var file: String
        var seed: UInt64
        var started: String
        var played: [String]
        var complete: Bool
        @Nullable var ending: String?
        @Nullable var reason: String?
        var teamTotal: Double
        var ratings: [String: String]

        enum CodingKeys: String, CodingKey {
            case file, seed, started, played, complete, ending, reason, ratings
            case teamTotal = "team_total"
        }
    }

    /// A transcript left out of the cohort, and why.
    struct Skipped: Codable, Equatable {
        var file: String
        var reason: String
    }

    /// How many sessions ended one way.
    struct EndingCount: Codable, Equatable {
        @Nullable var ending: String?
        var title: String
        @Nullable var reason: String?
        var count: Int
    }

    /// How many sessions rated an objective P, S, M and U.
    struct ObjectiveCounts: Codable, Equatable {
        var id: String
        var title: String
        var counts: [String: Int]
    }

    /// How often each choice of an ask was taken.
    struct AskCounts: Codable, Equatable {
        var id: String
        var question: String
        var scene: String
        var sessions: Int
        var choices: [ChoiceCount]
    }

    /// How often a choice was taken, typed and automated.
    struct ChoiceCount: Codable, Equatable {
        var id: String
        var label: String
        var expected: Bool
        var typed: Int
        var automated: Int
        var total: Int
    }

    /// How a joint decision went across sessions.
    struct DecisionCounts: Codable, Equatable {
        var id: String
        var question: String
        var sessions: Int
        var firstRoundPositions: [String: Int]
        var resolved: [String: Int]
        var by: [String: Int]
        var rounds: [String: Int]

        enum CodingKeys: String, CodingKey {
            case id, question, sessions, resolved, by, rounds
            case firstRoundPositions = "first_round_positions"
        }
    }

    /// The spread of a score over the sessions: the team total, a measure (`id`, `name`) or a role's total
    /// (`role`).
    struct Spread: Codable, Equatable {
        var id: String?
        var name: String?
        var role: String?
        var count: Int
        @Nullable var min: Double?
        @Nullable var median: Double?
        @Nullable var mean: Double?
        @Nullable var max: Double?
        /// Ten counts, of the sessions scoring 0–10, 10–20, … 90–100.
        var histogram: [Int]
    }

    /// The scores' spreads.
    struct CohortScores: Codable, Equatable {
        var teamTotal: Spread
        var measures: [Spread]
        var roles: [Spread]

        enum CodingKeys: String, CodingKey {
            case measures, roles
            case teamTotal = "team_total"
        }
    }

    /// Where sessions most often failed.
    struct FailurePoints: Codable, Equatable {
        var objectives: [FailingObjective]
        var expectations: [MissedExpectation]
        var requests: [RequestProblem]
    }

    /// An objective rated M or U.
    struct FailingObjective: Codable, Equatable {
        var id: String
        var title: String
        var mOrU: Int
        var sessions: Int

        enum CodingKeys: String, CodingKey {
            case id, title, sessions
            case mOrU = "m_or_u"
        }
    }

    /// An expected action missed or late.
    struct MissedExpectation: Codable, Equatable {
        var id: String
        var title: String
        var missed: Int
        var late: Int
        var fired: Int
    }

    /// A cooperation request answered late, refused or not at all.
    struct RequestProblem: Codable, Equatable {
        var id: String
        var title: String
        var late: Int
        var refused: Int
        var unanswered: Int
        var sent: Int
    }
}

extension JSONReport {
    /// The JSON form of a cohort report.
    func cohort(_ c: CohortReport) -> Cohort {
        let skipped = c.skipped.map { Skipped(file: $0.path, reason: $0.reason) }
        guard let scenario = c.scenario else {
            return Cohort(language: options.language.rawValue, exercise: nil, sessions: [], skipped: skipped)
        }
        let ids = ScenarioIDs(scenario)
        let x = ReportText(options.language, scenario: scenario)
        let num = Self.number
        let sessions = c.sessions.map { s in
            CohortSession(
                file: SessionReport.fileName(s.path), seed: s.header.seed, started: s.header.started,
                played: s.header.roles.filter(\.played).map(\.id), complete: s.isComplete,
                ending: s.overview.ending.map(ids.ending), reason: s.overview.reason?.rawValue,
                teamTotal: num(s.scores.teamTotal),
                ratings: Dictionary(
                    s.objectives.map { (ids.objective($0.objective), $0.rating.rawValue) },
                    uniquingKeysWith: { first, _ in first }))
        }
        let endings = c.endings.map { e in
            let overview = Overview(
                ended: nil, wallMilliseconds: nil, finalClock: 0, ending: e.label.ending, reason: e.label.reason,
                resumes: 0, hmacChecked: false)
            return EndingCount(
                ending: e.label.ending.map(ids.ending), title: x.ending(overview), reason: e.label.reason?.rawValue,
                count: e.count)
        }
        let objectives = c.ratings.map { r in
            ObjectiveCounts(
                id: ids.objective(r.objective), title: scenario.objectives[r.objective].title,
                counts: Dictionary(uniqueKeysWithValues: Rating.allCases.map { ($0.rawValue, r.counts[$0] ?? 0) }))
        }
        let asks = c.asks.map { f in
            let ask = scenario.asks[f.ask]
            return AskCounts(
                id: ask.id, question: ask.question, scene: ids.scene(ask.scene), sessions: f.sessions,
                choices: ask.choices.map { ch in
                    let choice = scenario.choices[ch]
                    let typed = f.typed[ch] ?? 0
                    let automated = f.automated[ch] ?? 0
                    return ChoiceCount(
                        id: choice.id, label: choice.label, expected: choice.isExpected, typed: typed,
                        automated: automated, total: typed + automated)
                })
        }
        let decisions = c.joint.map { f in
            let decision = scenario.decisions[f.decision]
            func counts(_ d: [Int: Int]) -> [String: Int] {
                Dictionary(
                    decision.options.map { (scenario.options[$0].id, d[$0] ?? 0) }, uniquingKeysWith: { a, _ in a })
            }
            return DecisionCounts(
                id: decision.id, question: decision.question, sessions: f.sessions,
                firstRoundPositions: counts(f.firstPositions), resolved: counts(f.resolved), by: f.by,
                rounds: Dictionary(uniqueKeysWithValues: f.rounds.map { (String($0.key), $0.value) }))
        }
        func spread(_ d: Distribution, id: String? = nil, name: String? = nil, role: String? = nil) -> Spread {
            Spread(
                id: id, name: name, role: role, count: d.count, min: d.min.map(num), median: d.median.map(num),
                mean: d.mean.map(num), max: d.max.map(num), histogram: d.histogram)
        }
        let scores = CohortScores(
            teamTotal: spread(c.teamTotal),
            measures: scenario.measures.indices.map { m in
                spread(c.measures[m], id: scenario.measures[m].id, name: scenario.measures[m].name)
            },
            roles: scenario.roles.indices.map { r in spread(c.roleTotals[r], role: ids.role(r)) })
        let failures = FailurePoints(
            objectives: c.failingObjectives.map { f in
                FailingObjective(
                    id: ids.objective(f.objective), title: scenario.objectives[f.objective].title, mOrU: f.count,
                    sessions: c.included.count)
            },
            expectations: c.missedExpectations.map { f in
                MissedExpectation(
                    id: ids.expectation(f.expectation), title: scenario.expectations[f.expectation].title,
                    missed: f.missed, late: f.late, fired: f.fired)
            },
            requests: c.requestProblems.map { f in
                RequestProblem(
                    id: ids.request(f.request), title: scenario.requests[f.request].title, late: f.late,
                    refused: f.refused, unanswered: f.unanswered, sent: f.sent)
            })
        return Cohort(
            language: options.language.rawValue,
            exercise: exercise(scenario, sha: c.sessions.first?.header.scenarioSHA256 ?? ""), sessions: sessions,
            skipped: skipped, included: c.included.count, endings: endings, objectives: objectives, asks: asks,
            decisions: decisions, scores: scores, failurePoints: failures)
    }
}
