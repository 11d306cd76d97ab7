import ExerciseEngine
import ScenarioLanguage
import Transcripts

/// The after-action report of one session, built by replaying its transcript through the exercise engine: every
/// score in it comes with the events that produced it. Language-neutral: the renderers
/// (``Debrief/render(_:format:options:)``) put it into words.
public struct SessionReport: Sendable {
    /// The transcript file.
    public var path: String
    /// The transcript's header.
    public var header: TranscriptHeader
    /// Whether the session reached its end (its closing record, or at least its `ended` event, is there).
    public var isComplete: Bool
    /// Things the reader must know about the transcript (torn end, unfinished, resumed with another exercise).
    public var warnings: [Warning]

    /// Something the reader must know about the transcript.
    public enum Warning: Sendable, Hashable {
        /// A crash left an incomplete end, which was left out.
        case torn(line: Int, bytes: Int)
        /// The session has no end: the scores are as they stood at the last step.
        case unfinished
        /// The session was resumed with an edited exercise (`--force`) at this line.
        case changedExercise(line: Int)
        /// The transcript is signed but no key was given: its HMACs were not checked.
        case hmacNotChecked
        /// The inputs came through a pipe (a script or a test), not from people at a terminal: wall-clock times
        /// between a question and its answer are not deliberation, and are not reported.
        case pipedInput
    }

    let scenario: Scenario
    /// The roles a person played (the others were automated), from the transcript's header.
    var played: Set<Int> = []
    var overview: Overview
    var timeline: [TimelineEntry] = []
    var decisions: [DecisionRecord] = []
    var objectives: [ObjectiveRecord] = []
    var scores: ScoreSection
    var series: [ScorePoint] = []
    var expectations: [ExpectationRecord] = []
    var shares: [ShareRecord] = []
    var breaches: [BreachRecord] = []
    /// Sensitive items that reached a party outside the exercise: once per item and party.
    var leaks: [LeakRecord] = []
    /// When each role came to know each item (`[item][role]`, scenario minutes), nil for never.
    var knowledge: [[Int?]] = []
    var requests: [RequestRecord] = []
    /// Cooperation requests players sent, in the order sent.
    var playerRequests: [PlayerRequestRecord] = []
    var peer: PeerSection
    var notes: [NoteRecord] = []
    var debriefNotes: [NoteRecord] = []
    var discussions: [DiscussionRecord] = []
    var errors: [NoteRecord] = []
    /// Steps replayed, including the start.
    var stepCount = 0
    /// Per objective, the roles its rating falls to, following the events (``Session/responsibleRoles(objective:leakers:)``).
    var objectiveRoles: [[Int]] = []

    /// The role whose share let a secret reach a role not cleared for it, nil when the scenario passed it on.
    func leaker(_ b: BreachRecord) -> Int? {
        shares.last { $0.item == b.item && $0.clock <= b.clock && $0.with.contains(b.role) }?.by
    }
}

/// The session at a glance.
struct Overview: Sendable {
    /// When the last record was written.
    var ended: String?
    /// Wall time from the header's start to the last record.
    var wallMilliseconds: Int64?
    /// The scenario clock at the end, minutes.
    var finalClock: Int
    /// The ending reached.
    var ending: Int?
    /// Why the exercise ended.
    var reason: EndReason?
    /// How many times the session was resumed.
    var resumes: Int
    /// Whether HMACs were checked with a key.
    var hmacChecked: Bool
}

/// A cause of a score change, as the report names it.
struct CauseRef: Sendable, Hashable {
    /// `choice`, `option`, `action`, `inject`, `request`, `breach`, `scene`, `facilitator` or `none`.
    var kind: String
    /// The element's id (`decision.option` for an option), or empty.
    var id: String
    /// The element's label or title, or empty.
    var label: String
}

/// One line of the timeline.
struct TimelineEntry: Sendable, Hashable {
    /// Scenario minutes.
    var clock: Int
    /// What happened (a catalogue key suffix: `scene`, `inject`, `chose`, …).
    var kind: String
    /// The role concerned, if any.
    var role: Int?
    /// The texts the sentence is made of (labels, titles, names), in the order the catalogue's placeholders want.
    var args: [String]
    /// Whether the move was made by the session (automated role or time-out), not typed.
    var auto: AutoReason?
}

/// Something that followed from a decision.
struct Consequence: Sendable, Hashable {
    /// `measure`, `share`, `points`, `inject`, `scene`, `clock`, `request`, `variable`, `breach`, `expectation`,
    /// `ending`, `note`.
    var kind: String
    /// The role concerned, if any.
    var role: Int?
    /// The texts of the sentence.
    var args: [String]
    /// Scenario minutes.
    var clock: Int
}

/// A move within a decision: a role's answer to an ask, or its position in a round of a joint decision.
struct Move: Sendable, Hashable {
    /// The role.
    var role: Int
    /// The choice or option (an index into the scenario's choices or options).
    var pick: Int
    /// Whether it was typed (nil), automated or a time-out.
    var auto: AutoReason?
    /// Scenario minutes.
    var clock: Int
    /// The wall time from the question being put to the answer, when typed.
    var deliberation: Int64?
    /// What followed.
    var consequences: [Consequence]
}

/// A decision of the session: an ask, a joint decision, or an action taken.
struct DecisionRecord: Sendable {
    /// What kind of decision.
    enum Kind: Sendable {
        /// An ask and the roles' choices.
        case ask(Int)
        /// A joint decision.
        case joint(DecisionIndex)
        /// An action a role took.
        case action(Int)
    }

    /// One round of positions in a joint decision.
    struct Round: Sendable {
        /// The round, from 1.
        var number: Int
        /// Scenario minutes when it opened.
        var clock: Int
        /// The positions.
        var positions: [Move]
        /// The rule or fallback that failed after it, if any.
        var failed: [String]
        /// Roles that abstained in it.
        var abstained: [Int] = []
        /// The vote's count, for `majority` and `weighted` rules.
        var tally: VoteTally?
    }

    var kind: Kind
    /// Scenario minutes when it was put.
    var clock: Int
    /// The scene it was put in.
    var scene: Int?
    /// The answers (ask) or the action itself (one move).
    var moves: [Move] = []
    /// Joint decisions: the rounds of positions.
    var rounds: [Round] = []
    /// Joint decisions: who was waited for after the rounds (`lead` with the role, or `arbitration`).
    var awaited: [(step: String, role: Int?)] = []
    /// Joint decisions: the option, how it was resolved, the deciding role, when, and the deliberation of a call.
    var resolution: (option: Int, by: Resolution, role: Int?, clock: Int, deliberation: Int64?)?
    /// Joint decisions: what followed the resolution.
    var consequences: [Consequence] = []
}

/// An objective's rating with its explanation.
struct ObjectiveRecord: Sendable {
    /// A rating at a checkpoint or at the end.
    struct Rated: Sendable {
        /// Scenario minutes.
        var clock: Int
        /// The rating.
        var rating: Rating
        /// The 1-based rule that decided it, nil for `else`.
        var rule: Int?
        /// That rule's condition as written.
        var condition: String?
        /// What the rules read.
        var facts: [String]
        /// Whether at a checkpoint.
        var checkpoint: Bool
    }

    var objective: Int
    /// Ratings in order (checkpoints, then the end).
    var ratings: [Rated]
    /// The rating the rules gave last.
    var computed: Rating
    /// The facilitator's override and its reason.
    var override: (rating: Rating, reason: String)?
    /// The rating that counts.
    var rating: Rating { override?.rating ?? computed }
}

/// Scores per role and for the team.
struct ScoreSection: Sendable {
    /// A change of a measure.
    struct Change: Sendable {
        var clock: Int
        var measure: Int
        var role: Int
        var delta: Double
        var value: Double
        var cause: CauseRef
    }

    /// Collaboration points awarded.
    struct Award: Sendable {
        var clock: Int
        var role: Int
        var amount: Double
        var reason: String
        var cause: CauseRef
    }

    /// `raw[measure][role]`.
    var raw: [[Double]]
    /// `normalized[measure][role]`, 0–100.
    var normalized: [[Double]]
    /// `team[measure]`, 0–100.
    var team: [Double]
    /// Weighted total per role.
    var roleTotals: [Double]
    /// The team's total.
    var teamTotal: Double
    /// Collaboration points per role.
    var points: [Double]
    /// Expected actions per role.
    var expectationsByRole: [Scorecard.Tally]
    /// Expected actions of the team.
    var expectationsTeam: Scorecard.Tally
    /// Every change in order.
    var changes: [Change]
    /// Every award in order.
    var awards: [Award]
}

/// Scores after one step, for the chart of scores over time.
struct ScorePoint: Sendable, Hashable {
    /// The step (0 is the start; -1 the scores before it).
    var step: Int
    /// Scenario minutes after the step.
    var clock: Int
    /// The team's total.
    var team: Double
    /// Each role's total.
    var roles: [Double]
}

/// An expected action and how each responder did.
struct ExpectationRecord: Sendable {
    /// One responder (a role, or nil for the team).
    struct Response: Sendable {
        var role: Int?
        var outcome: ExpectationOutcome
        /// When they responded, scenario minutes.
        var at: Int?
    }

    var expectation: Int
    /// When its inject fired.
    var start: Int
    /// The deadline, scenario minutes.
    var deadline: Int
    /// The overall outcome.
    var outcome: ExpectationOutcome
    /// Per responder (the team slot for a team expectation).
    var responses: [Response]
}

/// An item passed on to roles.
struct ShareRecord: Sendable {
    var clock: Int
    var item: ItemIndex
    /// The sharing role, if one.
    var by: Int?
    /// The roles that newly learnt it.
    var with: [Int]
    var cause: CauseRef
}

/// A secret item that reached a role not cleared for it.
struct BreachRecord: Sendable {
    var clock: Int
    var item: ItemIndex
    var role: Int
}

/// A sensitive item that reached a party outside the exercise (the first time; a repeat is not a new leak).
struct LeakRecord: Sendable {
    var clock: Int
    var item: ItemIndex
    var party: Int
    /// The role whose share leaked it, nil when the scenario did.
    var by: Int?
}

/// A cooperation request sent during the session.
struct RequestRecord: Sendable {
    var request: Int
    /// Scenario minutes.
    var sent: Int
    var deadline: Int
    var answered: Int?
    var accepted: Bool?
    /// Answered by the automation (the receiver was not played).
    var auto: Bool
    /// Whether the deadline passed before an answer.
    var overdue: Bool
    /// The final outcome: `on_time`, `late`, `refused`, `unanswered`, `overdue` or `pending`.
    var outcome: RequestOutcome
    /// Wall time from the request to the answer, when typed.
    var wallResponse: Int64?
}

/// A cooperation request a player sent: one copy per receiver, each the first contact's responsibility.
struct PlayerRequestRecord: Sendable {
    /// Its number from 0 in the order sent (shown as `r1`, `r2`, …).
    var number: Int
    var from: Int
    var item: ItemIndex?
    var text: String
    var duty: Int?
    /// Scenario minutes.
    var sent: Int
    var deadline: Int
    var copies: [Copy]

    /// One receiver's copy.
    struct Copy: Sendable {
        /// The first contact: the role it was sent to, responsible for it to the end.
        var receiver: Int
        /// Hand-offs in order: when, by whom, to whom.
        var forwards: [(clock: Int, by: Int, to: Int)]
        /// Who answered it, if anyone.
        var by: Int?
        var reply: RequestReply?
        var answered: Int?
        var outcome: RequestOutcome
    }
}

/// The end-of-exercise peer evaluation.
struct PeerSection: Sendable {
    /// A rating with its rater (named mode).
    struct Named: Sendable, Hashable {
        var rater: Int
        var target: Int
        var question: Int
        var value: Int?
    }

    /// Ratings a role received on a question, without raters (anonymous mode).
    struct Aggregate: Sendable, Hashable {
        var target: Int
        var question: Int
        var count: Int
        var mean: Double?
        /// Whether the mean is withheld because too few ratings would reveal who gave them.
        var withheld = false
    }

    /// `named`, `anonymous` or `off`.
    var mode: PeerMode
    /// Whether the evaluation took place.
    var held: Bool
    /// Named mode: every rating.
    var named: [Named]
    /// Anonymous mode (or named, as a summary): the mean each role received per question.
    var received: [Aggregate]
    /// Pairs whose ratings of each other differ by 2 or more.
    var flagged: [PeerPair]
}

/// A note, a debrief note or a runtime error.
struct NoteRecord: Sendable, Hashable {
    var clock: Int
    /// The role, or nil for the facilitator or the exercise.
    var role: Int?
    var text: String
}

/// A discussion question and its answers.
struct DiscussionRecord: Sendable {
    /// An answer.
    struct Answer: Sendable {
        var role: Int
        var clock: Int
        var text: String
        var deliberation: Int64?
    }

    var discussion: Int
    var clock: Int
    var answers: [Answer]
}
