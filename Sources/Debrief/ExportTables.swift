import ExerciseEngine
import ScenarioLanguage
import Transcripts

/// The results of sessions as flat tables, for analysts: one row per session, per role, per measure of a role, per
/// objective, per expected action and responder, per cooperation request, per peer rating, per share and per
/// breach, and the transcripts that could not be exported.
///
/// Every value comes from the same ``SessionReport`` the after-action report is rendered from, so the figures
/// are the debrief's own. Values are language-neutral: ids, numbers, ratings and outcomes as the transcript format
/// spells them (`P`, `hit`, `on_time`), scenario times in minutes from the exercise's start; titles and names are
/// given as the exercise writes them. The column lists are the documented schema (`docs/export.md`): change them
/// only with ``ExportSchema/version``.
public enum ExportSchema {
    /// The schema's version, stored in the SQLite database's `user_version` and in `sessions.schema`.
    public static let version = 1

    /// Every table, in the order they are written.
    public static let tables: [ExportTable] = [
        ExportTable(
            name: "sessions",
            columns: [
                .text("session", "the transcript's file name without .jsonl: the key of every other table"),
                .text("file", "the transcript's path as given"),
                .integer("schema", "the export schema's version"),
                .text("exercise_id", "the exercise's id"),
                .text("exercise_title", "the exercise's title"),
                .text("exercise_version", "the exercise's version string"),
                .text("exercise_sha256", "the fingerprint of the exercise's source files"),
                .text("started", "when the session started, ISO 8601 UTC"),
                .text("ended", "when the last record was written, ISO 8601 UTC, or empty"),
                .integer("wall_seconds", "wall time from start to the last record, or empty"),
                .integer("seed", "the session's seed"),
                .integer("facilitated", "1 when a facilitator ran the session"),
                .text("ui_language", "the language the trainees saw"),
                .text("input", "terminal (people typed the answers), pipe (a script), or empty when not recorded"),
                .text("played_roles", "the ids of the roles people played, comma-separated"),
                .integer("played_count", "how many roles people played"),
                .integer("complete", "1 when the session reached its end"),
                .text("end_reason", "why it ended: ending, time_up, facilitator, error, or empty"),
                .text("ending", "the id of the ending reached, or empty"),
                .integer("final_clock", "scenario minutes at the end"),
                .integer("steps", "steps replayed, with the start"),
                .integer("resumes", "how many times the session was resumed"),
                .real("team_total", "the team's total, 0-100"),
                .integer("expected_hits", "the team's expected actions met on time"),
                .integer("expected_late", "the team's expected actions met late"),
                .integer("expected_missed", "the team's expected actions missed"),
                .integer("expected_not_offered", "expected actions no one could have met in time (not charged)"),
                .integer("breaches", "secret items that reached a role not cleared for them"),
                .integer("signed", "1 when every line carries an HMAC"),
                .integer("hmac_checked", "1 when the HMACs were checked with the key"),
            ]),
        ExportTable(
            name: "roles",
            columns: [
                .text("session", "sessions.session"),
                .text("role", "the role's id"),
                .text("name", "the role's display name"),
                .integer("played", "1 when a person played it, 0 when it was automated"),
                .integer("lead", "1 for the lead unit"),
                .real("total", "the role's total, 0-100"),
                .real("points", "collaboration points"),
                .integer("expected_hits", "its expected actions met on time"),
                .integer("expected_late", "met late"),
                .integer("expected_missed", "missed"),
                .integer("expected_not_offered", "not offered in time (not charged)"),
            ]),
        ExportTable(
            name: "measures",
            columns: [
                .text("session", "sessions.session"),
                .text("role", "roles.role"),
                .text("measure", "the measure's id"),
                .real("raw", "the measure's value at the end"),
                .real("score", "the value normalised to 0-100"),
            ]),
        ExportTable(
            name: "objectives",
            columns: [
                .text("session", "sessions.session"),
                .text("objective", "the objective's id"),
                .text("title", "its title"),
                .text("capability", "the core capability it tests, or empty"),
                .text("rating", "the rating that counts: P, S, M or U"),
                .text("computed", "the rating the rules gave"),
                .integer("overridden", "1 when the facilitator overrode it"),
                .text("override_reason", "the facilitator's reason, or empty"),
                .integer("rule", "the 1-based rule that decided it, or empty for the otherwise rating"),
                .integer("rated_at", "scenario minutes of the last rating"),
            ]),
        ExportTable(
            name: "expected_actions",
            columns: [
                .text("session", "sessions.session"),
                .text("expectation", "the expected action's id"),
                .text("title", "its title"),
                .text("role", "the responder's role id, or empty for the team"),
                .integer("played", "1 when the responder was played, 0 automated, empty for the team"),
                .text("outcome", "hit, late, missed, not_offered, waived or pending"),
                .integer("start", "scenario minutes when its inject fired"),
                .integer("deadline", "scenario minutes of the deadline"),
                .integer("responded", "scenario minutes of the response, or empty"),
            ]),
        ExportTable(
            name: "requests",
            columns: [
                .text("session", "sessions.session"),
                .text("request", "the request's id"),
                .text("title", "its title"),
                .text("from_role", "the sending role's id"),
                .text("to_role", "the receiving role's id"),
                .integer("to_played", "1 when the receiver was played"),
                .text("outcome", "on_time, late, refused, unanswered, overdue or pending"),
                .integer("sent", "scenario minutes when it was sent"),
                .integer("deadline", "scenario minutes of the deadline"),
                .integer("answered", "scenario minutes of the answer, or empty"),
                .integer("accepted", "1 accepted, 0 refused, empty unanswered"),
                .integer("automated", "1 when the automation answered"),
            ]),
        ExportTable(
            name: "peer_ratings",
            columns: [
                .text("session", "sessions.session"),
                .text("mode", "named or anonymous"),
                .text("rater", "the rating role's id (named mode), else empty"),
                .text("target", "the rated role's id"),
                .text("question", "the peer question's id"),
                .real("value", "the rating (named mode) or the mean received (anonymous mode), empty when withheld"),
                .integer("count", "how many ratings the row stands for"),
                .integer("withheld", "1 when the mean is withheld because too few ratings would reveal the raters"),
            ]),
        ExportTable(
            name: "shares",
            columns: [
                .text("session", "sessions.session"),
                .integer("clock", "scenario minutes"),
                .text("item", "the item's id"),
                .text("by_role", "the sharing role's id, or empty when the scenario shared it"),
                .text("with_roles", "the ids of the roles that newly learnt it, comma-separated"),
                .text("cause", "what shared it: choice, option, action, inject, request, … or none"),
                .text("cause_id", "that element's id, or empty"),
            ]),
        ExportTable(
            name: "breaches",
            columns: [
                .text("session", "sessions.session"),
                .integer("clock", "scenario minutes"),
                .text("item", "the secret item's id"),
                .text("role", "the role not cleared for it that received it"),
            ]),
        ExportTable(
            name: "leaks",
            columns: [
                .text("session", "sessions.session"),
                .integer("clock", "scenario minutes"),
                .text("item", "the internal or secret item's id"),
                .text("party", "the party outside the exercise it reached (once per item and party)"),
                .text("by_role", "the sharing role's id, or empty when the scenario shared it"),
            ]),
        ExportTable(
            name: "skipped",
            columns: [
                .text("file", "a transcript given that could not be exported"),
                .text("reason", "why, in the language of the export's messages"),
            ]),
    ]

    /// The table with this name.
    public static func table(_ name: String) -> ExportTable? { tables.first { $0.name == name } }
}

/// One table of the export: its name and its columns, in order.
public struct ExportTable: Sendable, Hashable {
    /// The table's name (also the CSV file's name, with `.csv`).
    public var name: String
    /// Its columns.
    public var columns: [ExportColumn]
}

/// A column of an export table.
public struct ExportColumn: Sendable, Hashable {
    /// The value type, as SQLite declares it.
    public enum Kind: String, Sendable, Hashable {
        /// Text (UTF-8).
        case text = "TEXT"
        /// A whole number.
        case integer = "INTEGER"
        /// A number with a fraction.
        case real = "REAL"
    }

    /// The column's name.
    public var name: String
    /// Its value type.
    public var kind: Kind
    /// What it holds, in English (the schema's documentation).
    public var summary: String

    static func text(_ name: String, _ summary: String) -> ExportColumn {
        .init(name: name, kind: .text, summary: summary)
    }
    static func integer(_ name: String, _ summary: String) -> ExportColumn {
        .init(name: name, kind: .integer, summary: summary)
    }
    static func real(_ name: String, _ summary: String) -> ExportColumn {
        .init(name: name, kind: .real, summary: summary)
    }
}

/// A value in an export row.
public enum ExportValue: Sendable, Hashable {
    /// Text.
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// A number with a fraction.
    case real(Double)
    /// No value.
    case null
}

/// The rows of one session, table by table (each row in the order of ``ExportTable/columns``).
public struct ExportRows: Sendable {
    /// Rows by table name; a table not named has no rows.
    public var tables: [String: [[ExportValue]]]

    /// Rows of the tables named.
    public init(tables: [String: [[ExportValue]]]) {
        self.tables = tables
    }
}

extension SessionReport {
    /// This session's rows of every export table.
    /// - Parameter session: The session's key in the tables (the transcript's file name without `.jsonl`).
    public func exportRows(session: String) -> ExportRows {
        let s = scenario
        let key = ExportValue.text(session)
        func text(_ value: String?) -> ExportValue { value.map { .text($0) } ?? .null }
        func int(_ value: Int?) -> ExportValue { value.map { .integer(Int64($0)) } ?? .null }
        func bool(_ value: Bool?) -> ExportValue { value.map { .integer($0 ? 1 : 0) } ?? .null }
        func role(_ r: Int?) -> ExportValue { r.map { .text(s.roles[$0].id) } ?? .null }
        let played = s.roles.indices.map { r in header.roles.indices.contains(r) ? header.roles[r].played : false }
        var tables: [String: [[ExportValue]]] = [:]

        let team = scores.expectationsTeam
        tables["sessions"] = [
            [
                key, .text(path), .integer(Int64(ExportSchema.version)), .text(header.exerciseID),
                .text(header.exerciseTitle), .text(header.exerciseVersion), .text(header.scenarioSHA256),
                .text(header.started), text(overview.ended), int(overview.wallMilliseconds.map { Int($0 / 1000) }),
                .integer(Int64(bitPattern: header.seed)), bool(header.facilitated), .text(header.uiLanguage),
                text(header.input?.rawValue),
                .text(s.roles.indices.filter { played[$0] }.map { s.roles[$0].id }.joined(separator: ",")),
                int(played.filter { $0 }.count), bool(isComplete), text(overview.reason?.rawValue),
                text(overview.ending.map { s.endings[$0].id }), int(overview.finalClock), int(stepCount),
                int(overview.resumes), .real(scores.teamTotal), int(team.hits), int(team.late), int(team.missed),
                int(team.notOffered), int(breaches.count), bool(header.hmac), bool(overview.hmacChecked),
            ]
        ]

        tables["roles"] = s.roles.indices.map { r in
            let tally = scores.expectationsByRole.indices.contains(r) ? scores.expectationsByRole[r] : nil
            return [
                key, .text(s.roles[r].id), .text(s.roles[r].name), bool(played[r]), bool(s.roles[r].isLead),
                .real(scores.roleTotals[r]), .real(scores.points[r]), int(tally?.hits ?? 0), int(tally?.late ?? 0),
                int(tally?.missed ?? 0), int(tally?.notOffered ?? 0),
            ]
        }

        tables["measures"] = s.roles.indices.flatMap { r in
            s.measures.indices.map { m in
                [
                    key, .text(s.roles[r].id), .text(s.measures[m].id), .real(scores.raw[m][r]),
                    .real(scores.normalized[m][r]),
                ]
            }
        }

        tables["objectives"] = objectives.map { record in
            let objective = s.objectives[record.objective]
            let last = record.ratings.last
            return [
                key, .text(objective.id), .text(objective.title), .text(objective.capability),
                .text(record.rating.rawValue), .text(record.computed.rawValue), bool(record.override != nil),
                text(record.override?.reason), int(last?.rule), int(last?.clock),
            ]
        }

        tables["expected_actions"] = expectations.flatMap { record in
            let expectation = s.expectations[record.expectation]
            return record.responses.map { response in
                [
                    key, .text(expectation.id), .text(expectation.title), role(response.role),
                    bool(response.role.map { played[$0] }), .text(response.outcome.rawValue), int(record.start),
                    int(record.deadline), int(response.at),
                ]
            }
        }

        tables["requests"] = requests.map { record in
            let request = s.requests[record.request]
            return [
                key, .text(request.id), .text(request.title), role(request.from), role(request.to),
                bool(played[request.to]), .text(record.outcome.rawValue), int(record.sent), int(record.deadline),
                int(record.answered), bool(record.accepted), bool(record.auto),
            ]
        }

        var peerRows: [[ExportValue]] = []
        if peer.held {
            if peer.mode == .named {
                for rating in peer.named {
                    peerRows.append([
                        key, .text("named"), role(rating.rater), role(rating.target),
                        .text(s.peerQuestions[rating.question].id), rating.value.map { .real(Double($0)) } ?? .null,
                        .integer(rating.value == nil ? 0 : 1), .integer(0),
                    ])
                }
            } else {
                for aggregate in peer.received {
                    peerRows.append([
                        key, .text("anonymous"), .null, role(aggregate.target),
                        .text(s.peerQuestions[aggregate.question].id),
                        aggregate.withheld ? .null : aggregate.mean.map { .real($0) } ?? .null,
                        int(aggregate.count), bool(aggregate.withheld),
                    ])
                }
            }
        }
        tables["peer_ratings"] = peerRows

        tables["shares"] = shares.map { share in
            [
                key, int(share.clock), .text(s.items[share.item].id), role(share.by),
                .text(share.with.map { s.roles[$0].id }.joined(separator: ",")), .text(share.cause.kind),
                share.cause.id.isEmpty ? .null : .text(share.cause.id),
            ]
        }

        tables["breaches"] = breaches.map { breach in
            [key, int(breach.clock), .text(s.items[breach.item].id), role(breach.role)]
        }
        tables["leaks"] = leaks.map { leak in
            [key, int(leak.clock), .text(s.items[leak.item].id), .text(s.parties[leak.party].id), role(leak.by)]
        }
        return ExportRows(tables: tables)
    }
}
