/// A compiled exercise: every element resolved to an index, ready for the engine. Immutable once built.
///
/// Elements refer to each other by index into these arrays; ids are kept for transcripts and display.
public struct Scenario: Sendable {
    /// The `exercise` header.
    public var header: Header
    /// The departments taking part.
    public var roles: [Role] = []
    /// Information items.
    public var items: [InfoItem] = []
    /// Parties outside the exercise that items can leak to (the public, the press, a parents' chat group).
    public var parties: [Party] = []
    /// Scoring dimensions.
    public var measures: [Measure] = []
    /// State variables.
    public var variables: [Variable] = []
    /// HSEEP objectives.
    public var objectives: [Objective] = []
    /// Ways the exercise can end.
    public var endings: [Ending] = []
    /// The master scenario events list.
    public var injects: [Inject] = []
    /// Expected player actions, across all injects.
    public var expectations: [Expectation] = []
    /// Sandbox actions.
    public var actions: [Action] = []
    /// Cooperation requests.
    public var requests: [Request] = []
    /// Kinds of cooperation request players may send, with their statutory deadlines (`duty`).
    public var duties: [Duty] = []
    /// Scenes (modules).
    public var scenes: [Scene] = []
    /// Questions put to roles.
    public var asks: [Ask] = []
    /// Every choice of every ask.
    public var choices: [Choice] = []
    /// Joint decisions.
    public var decisions: [Decision] = []
    /// Every option of every decision.
    public var options: [DecisionOption] = []
    /// Discussion questions.
    public var discussions: [Discussion] = []
    /// The program: scene bodies and effect blocks, flattened.
    public var code: [Instruction] = []
    /// The source location of each instruction.
    public var codeLocations: [SourceLocation] = []
    /// The questions of the end-of-exercise peer evaluation.
    public var peerQuestions: [PeerQuestion] = []
    /// Every file the exercise was read from, main file first.
    public var sources: [SourceFile] = []

    /// Creates an empty scenario with a header.
    public init(header: Header) { self.header = header }

    /// The index of the role with this id.
    public func role(_ id: String) -> Int? { roles.firstIndex { $0.id == id } }
    /// The index of the choice with this id.
    public func choice(_ id: String) -> Int? { choices.firstIndex { $0.id == id } }
    /// The index of the action with this id.
    public func action(_ id: String) -> Int? { actions.firstIndex { $0.id == id } }
    /// The index of the item with this id.
    public func item(_ id: String) -> ItemIndex? { items.firstIndex { $0.id == id }.map { ItemIndex($0) } }
    /// The index of the duty with this id.
    public func duty(_ id: String) -> Int? { duties.firstIndex { $0.id == id } }
    /// The index of the party with this id.
    public func party(_ id: String) -> Int? { parties.firstIndex { $0.id == id } }
    /// The index of the inject with this id.
    public func inject(_ id: String) -> Int? { injects.firstIndex { $0.id == id } }
    /// The index of the objective with this id.
    public func objective(_ id: String) -> Int? { objectives.firstIndex { $0.id == id } }
    /// The index of the request with this id.
    public func request(_ id: String) -> Int? { requests.firstIndex { $0.id == id } }
    /// The index of the decision with this id.
    public func decision(_ id: String) -> DecisionIndex? {
        decisions.firstIndex { $0.id == id }.map { DecisionIndex($0) }
    }
    /// The index of the scene with this id.
    public func scene(_ id: String) -> Int? { scenes.firstIndex { $0.id == id } }
    /// The lead role, if one is marked.
    public var leadRole: Int? { roles.firstIndex { $0.isLead } }
}

/// What trainees see of the scores during play.
public enum ScoreVisibility: String, Sendable, Codable, CaseIterable {
    /// Nothing until the end.
    case hidden
    /// Weighted totals per role.
    case totals
    /// Every measure and objective.
    case full
}

/// How the end-of-exercise peer evaluation is kept.
public enum PeerMode: String, Sendable, Codable, CaseIterable {
    /// Ratings carry the rater's role.
    case named
    /// Nothing links a rater to a rating.
    case anonymous
    /// No peer evaluation.
    case off
}

/// The `exercise` header.
public struct Header: Sendable {
    /// The exercise's id.
    public var id: String
    /// Its title.
    public var title: String
    /// The language of its texts, e.g. `zh-Hans`.
    public var language: String = "zh-Hans"
    /// The author's version string.
    public var version: String = ""
    /// The authors.
    public var authors: [String] = []
    /// A summary.
    public var summary: String = ""
    /// Start of the scenario clock, minutes after midnight.
    public var clockStart: Int = 0
    /// Length of the exercise in minutes, if bounded.
    public var duration: Int?
    /// The first scene.
    public var startScene: Int = 0
    /// What trainees see of scores during play.
    public var scores: ScoreVisibility = .totals
    /// Whether players may share items by command.
    public var openSharing: Bool = true
    /// Peer evaluation mode.
    public var peer: PeerMode = .named

    /// Creates a header.
    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// How a role is played when nobody plays it.
public enum AutomationPolicy: Sendable, Hashable {
    /// Take the default choice.
    case defaultChoice
    /// Take a seeded random choice.
    case random
    /// Take the first listed choice that is offered, else the default.
    case script([Int])
}

/// A department.
public struct Role: Sendable {
    /// Its id.
    public var id: String
    /// Its display name.
    public var name: String
    /// The brief shown to whoever plays it.
    public var brief: String = ""
    /// Whether it is the lead unit.
    public var isLead = false
    /// Items it knows from the start.
    public var knows: [ItemIndex] = []
    /// Voting weight.
    public var weight: Double = 1
    /// Policy when automated.
    public var automation: AutomationPolicy = .defaultChoice
    /// Where it is declared.
    public var location: SourceLocation
}

/// An item's sensitivity.
public enum Sensitivity: String, Sendable, Codable, CaseIterable {
    /// Anyone may hold it.
    case `public`
    /// Meant for government roles.
    case `internal`
    /// Only the owner and cleared roles may hold it.
    case secret
}

/// An information item.
public struct InfoItem: Sendable {
    /// Its id.
    public var id: String
    /// Its title.
    public var title: String
    /// The owning role.
    public var owner: Int?
    /// Its sensitivity.
    public var sensitivity: Sensitivity = .internal
    /// Roles besides the owner allowed to hold it (secret items).
    public var cleared: [Int] = []
    /// What a role that knows it reads.
    public var text: String = ""
    /// Effects when a secret item reaches a role not cleared, or a sensitive item reaches a party: an entry in
    /// ``Scenario/code``, run once per sharing act.
    public var onBreach: Int?
    /// The item this one is derived from (`derived from ITEM`: a de-identified or field-limited version). A role
    /// that knows the source may share the derived item; sharing it is judged by its own sensitivity, never as a
    /// breach of the source.
    public var derivedFrom: ItemIndex?
    /// Where it is declared.
    public var location: SourceLocation

    /// Whether the item may not leave the government: internal or secret.
    public var isSensitive: Bool { sensitivity != .public }
}

/// A kind of cooperation request players may send, with its statutory deadline: `duty public_safety "公共安全"
/// within 48h`.
public struct Duty: Sendable {
    /// Its id.
    public var id: String
    /// Its name.
    public var title: String
    /// The deadline of a request of this kind, in minutes after it is sent.
    public var within: Int
    /// Collaboration points for answering one in time.
    public var points: Double = 0
    /// Where it is declared.
    public var location: SourceLocation
}

/// A party outside the exercise (`party press "媒体"`): nobody plays it, and a sensitive item shared with it leaks.
public struct Party: Sendable {
    /// Its id.
    public var id: String
    /// Its name.
    public var name: String
    /// Where it is declared.
    public var location: SourceLocation
}

/// A scoring dimension, kept per role.
public struct Measure: Sendable {
    /// Its id.
    public var id: String
    /// Its name.
    public var name: String
    /// Its weight in totals.
    public var weight: Double = 1
    /// The bounds of each role's value.
    public var range: ClosedRange<Double>
    /// Whether the range was declared (else computed by the checker).
    public var rangeDeclared: Bool
    /// Where it is declared.
    public var location: SourceLocation
}

/// A state variable.
public struct Variable: Sendable {
    /// Its id.
    public var id: String
    /// Its initial value.
    public var initial: Value
    /// Bounds for a number, if declared.
    public var range: ClosedRange<Double>?
    /// Where it is declared.
    public var location: SourceLocation
}

// swift-format-ignore: AlwaysUseLowerCamelCase
/// A P/S/M/U rating, HSEEP's four levels. The cases keep the letters that exercise files and reports use.
public enum Rating: String, Sendable, Codable, CaseIterable, Comparable {
    /// Performed without challenges.
    case P
    /// Performed with some challenges.
    case S
    /// Performed with major challenges.
    case M
    /// Unable to be performed.
    case U

    private var rank: Int { [Rating.P, .S, .M, .U].firstIndex(of: self) ?? 3 }
    /// Better ratings sort first: P < S < M < U.
    public static func < (a: Rating, b: Rating) -> Bool { a.rank < b.rank }
}

/// An HSEEP objective.
public struct Objective: Sendable {
    /// One rating rule: the rating when the condition holds.
    public struct Rule: Sendable {
        /// The rating it gives.
        public var rating: Rating
        /// The condition.
        public var condition: Expr
        /// The condition as written.
        public var source: String
        /// Where it is written.
        public var location: SourceLocation
    }
    /// Its id.
    public var id: String
    /// Its title.
    public var title: String
    /// The core capability it tests.
    public var capability: String = ""
    /// The organisation the improvement plan names.
    public var owner: Int?
    /// Rules in order.
    public var rules: [Rule] = []
    /// The rating when no rule holds.
    public var otherwise: Rating = .U
    /// The recommendation used when the rating is M or U.
    public var recommendation: String = ""
    /// Where it is declared.
    public var location: SourceLocation
}

/// A way the exercise ends.
public struct Ending: Sendable {
    /// Its id.
    public var id: String
    /// Its title.
    public var title: String
    /// Its epilogue.
    public var text: String = ""
    /// Where it is declared.
    public var location: SourceLocation
}

/// When an inject fires.
public enum InjectTrigger: Sendable {
    /// At this many minutes after the start.
    case at(Int)
    /// When the condition becomes true.
    case when(Expr)
    /// Only when triggered by an effect or the facilitator.
    case manual
}

/// An inject of the master scenario events list.
public struct Inject: Sendable {
    /// Its id.
    public var id: String
    /// Its title.
    public var title: String
    /// When it fires.
    public var trigger: InjectTrigger = .manual
    /// The probability that it fires when due, 0...1.
    public var chance: Double = 1
    /// Intended roles (empty: all).
    public var audience: [Int] = []
    /// Whether it is a contingency inject.
    public var contingency = false
    /// The text delivered.
    public var text: String = ""
    /// Its expected actions.
    public var expectations: [Int] = []
    /// Effects when it fires, an entry in ``Scenario/code``, if any.
    public var effects: Int?
    /// Where it is declared.
    public var location: SourceLocation
}

/// What counts as the response to an expected action.
public enum ExpectedResponse: Sendable {
    /// Taking an action.
    case action(Int)
    /// Making a choice.
    case choice(Int)
    /// Sharing an item with roles (empty: with anyone; nil: with all).
    case share(item: ItemIndex, with: [Int]?)
    /// A condition becoming true (a team response).
    case condition(Expr)
}

/// An expected player action (TARGETs): a response fixed in advance, with a deadline.
public struct Expectation: Sendable {
    /// Its id.
    public var id: String
    /// What is expected, in words.
    public var title: String
    /// The inject it belongs to.
    public var inject: Int
    /// Who must respond (empty: the team).
    public var responders: [Int] = []
    /// Whether every responder must respond (else any one).
    public var requiresAll = true
    /// Minutes after the inject fires.
    public var within: Int
    /// The acceptable response.
    public var response: ExpectedResponse
    /// Where it is declared.
    public var location: SourceLocation
}

/// A sandbox action.
public struct Action: Sendable {
    /// Its id.
    public var id: String
    /// Its label.
    public var title: String
    /// Roles that may take it (empty: all).
    public var roles: [Int] = []
    /// Availability condition.
    public var condition: Expr?
    /// Clock cost in minutes.
    public var cost: Int = 0
    /// Available once per role.
    public var once = false
    /// Effects: an entry in ``Scenario/code``.
    public var effects: Int
    /// Where it is declared.
    public var location: SourceLocation
}

/// A cooperation request with a deadline.
public struct Request: Sendable {
    /// Its id.
    public var id: String
    /// What is asked.
    public var title: String
    /// The requesting role.
    public var from: Int
    /// The receiving role.
    public var to: Int
    /// The deadline in minutes after sending.
    public var within: Int
    /// Collaboration points for answering on time.
    public var points: Double = 0
    /// The label and effects of accepting.
    public var acceptLabel: String = ""
    /// Effects of accepting.
    public var onAccept: Int?
    /// The label of refusing.
    public var refuseLabel: String = ""
    /// Effects of refusing.
    public var onRefuse: Int?
    /// What an automated receiver answers.
    public var autoAccept = true
    /// Where it is declared.
    public var location: SourceLocation
}

/// A scene (a module of the exercise).
public struct Scene: Sendable {
    /// Its id.
    public var id: String
    /// Its title.
    public var title: String
    /// Entry point in ``Scenario/code``.
    public var entry: Int
    /// Where it is declared.
    public var location: SourceLocation
}

/// A question put to one or several roles.
public struct Ask: Sendable {
    /// A stable id derived from the scene and the ask's first choice.
    public var id: String
    /// The scene it is in.
    public var scene: Int
    /// The roles asked.
    public var roles: [Int]
    /// The question.
    public var question: String
    /// Its choices, in order.
    public var choices: [Int]
    /// Minutes after which unanswered roles take the default.
    public var timeout: Int?
    /// Where it is written.
    public var location: SourceLocation
}

/// A choice of an ask.
public struct Choice: Sendable {
    /// Its id.
    public var id: String
    /// Its label.
    public var label: String
    /// The ask it belongs to; nil only in a scenario with errors (a `choice` line outside an ask).
    public var ask: Int?
    /// Availability condition.
    public var condition: Expr?
    /// Taken by automated roles and on time-out.
    public var isDefault = false
    /// The recommended response.
    public var isExpected = false
    /// Offered once per role.
    public var once = false
    /// Clock cost.
    public var cost: Int = 0
    /// Effects: an entry in ``Scenario/code``.
    public var effects: Int
    /// Whether its effect block is empty.
    public var hasEffects: Bool
    /// Where it is written.
    public var location: SourceLocation
}

/// How a joint decision combines positions.
public enum DecisionRule: String, Sendable, Codable, CaseIterable {
    /// All the same.
    case unanimous
    /// More than half the votes.
    case majority
    /// Largest total weight, strictly ahead.
    case weighted
    /// The lead role decides.
    case lead
    /// The facilitator decides.
    case arbitrate
}

/// The share of votes or weight a vote's leading option needs: `more than 1/2`, `at least 2/3 of held`.
public struct VoteThreshold: Sendable, Hashable {
    /// `at least` (reaching the share carries) rather than `more than`.
    public var inclusive: Bool
    /// The share's numerator.
    public var numerator: Int
    /// The share's denominator (positive).
    public var denominator: Int
    /// Of the votes or weight held by every role taking part (`of held`) rather than of those cast (`of cast`).
    public var ofHeld: Bool

    /// Creates a threshold.
    public init(inclusive: Bool, numerator: Int, denominator: Int, ofHeld: Bool) {
        self.inclusive = inclusive
        self.numerator = numerator
        self.denominator = denominator
        self.ofHeld = ofHeld
    }

    /// Whether `total` reaches the threshold of `base`.
    public func isMet(total: Double, base: Double) -> Bool {
        let (lhs, rhs) = (total * Double(denominator), base * Double(numerator))
        // Weights are sums of small numbers: compare with a tolerance so that 10 of 15 is exactly 2/3.
        let epsilon = 1e-9 * max(1, abs(rhs))
        return inclusive ? lhs >= rhs - epsilon : lhs > rhs + epsilon
    }

    /// The threshold as written: `at least 2/3 of held`.
    public var text: String {
        "\(inclusive ? "at least" : "more than") \(numerator)/\(denominator) of \(ofHeld ? "held" : "cast")"
    }
}

/// Who settles a decision that goes to arbitration.
public enum Arbitration: Sendable {
    /// The facilitator (or, without one, the default option).
    case facilitator
    /// A role: played, it chooses; automated, it takes its expected option (else the default).
    case role(Int)
    /// Rules tried in order: the first whose condition holds names the option; none holding, the default.
    case rules([ArbitrationRule])
}

/// One line of an `arbitration rule` block: `when COND -> OPTION`.
public struct ArbitrationRule: Sendable {
    /// The condition.
    public var condition: Expr
    /// The option it chooses.
    public var option: Int

    /// Creates a rule.
    public init(condition: Expr, option: Int) {
        self.condition = condition
        self.option = option
    }
}

/// How a decision was settled, as `resolved_by(D) == HOW` tests it.
public enum SettledBy: String, Sendable, Hashable, CaseIterable {
    /// The decision's rule carried in the first round.
    case vote
    /// The rule carried in a later negotiation round.
    case round
    /// The lead role decided.
    case lead
    /// An arbitration body decided (the facilitator, a role, rules, or arbitration without a facilitator).
    case arbitration
    /// Nothing settled it: the default option applies.
    case `default`
}

/// A step tried when a decision's rule fails.
public enum FallbackStep: Sendable, Hashable {
    /// Another round of positions, costing minutes.
    case negotiate(Int)
    /// The lead role decides.
    case lead
    /// The facilitator decides.
    case arbitrate
}

/// A joint decision.
public struct Decision: Sendable {
    /// Its id.
    public var id: String
    /// The question.
    public var question: String
    /// The scene it is in.
    public var scene: Int
    /// Roles taking positions.
    public var roles: [Int]
    /// The rule.
    public var rule: DecisionRule
    /// Vote weights per participating role (same order as ``roles``): the value when the weight is a constant.
    public var weights: [Double]
    /// Weights written as expressions over state (same order as ``roles``; nil where the weight is a constant),
    /// evaluated when the vote is counted.
    public var weightExpressions: [Expr?] = []
    /// The share of the votes (or weight) the leading option needs; nil: `majority` needs more than half of the
    /// votes cast, `weighted` the largest weight strictly ahead.
    public var threshold: VoteThreshold?
    /// The least number of votes (`majority`) or weight (`weighted`) that must be cast, abstentions not counted.
    public var quorum: Double?
    /// Roles whose vote blocks every option they did not vote for (abstaining blocks nothing).
    public var vetoes: [Int] = []
    /// Arbitration bodies: who settles the decision when it goes to arbitration.
    public var arbitration: Arbitration = .facilitator

    /// Whether the rule counts votes (`majority`, `weighted`): only then may a role abstain.
    public var isVote: Bool { rule == .majority || rule == .weighted }
    /// Fallback steps.
    public var fallback: [FallbackStep] = []
    /// Its options.
    public var options: [Int] = []
    /// Where it is written.
    public var location: SourceLocation
}

/// An option of a decision.
public struct DecisionOption: Sendable {
    /// Its id.
    public var id: String
    /// Its label.
    public var label: String
    /// The decision.
    public var decision: DecisionIndex
    /// Default position of automated roles, and arbitration without a facilitator.
    public var isDefault = false
    /// The recommended outcome.
    public var isExpected = false
    /// Effects: an entry in ``Scenario/code``.
    public var effects: Int
    /// Whether its effect block is empty.
    public var hasEffects: Bool
    /// Where it is written.
    public var location: SourceLocation
}

/// A discussion question with free-text answers.
public struct Discussion: Sendable {
    /// Its id.
    public var id: String
    /// The question.
    public var question: String
    /// The scene.
    public var scene: Int
    /// Roles asked (empty: all).
    public var roles: [Int]
    /// Where it is written.
    public var location: SourceLocation
}

/// A question of the peer evaluation.
public struct PeerQuestion: Sendable, Hashable {
    /// Its id.
    public var id: String
    /// Its text.
    public var text: String
    /// Lowest rating.
    public var low: Int
    /// Highest rating.
    public var high: Int
}

/// Who a measure change or share applies to.
public enum RoleTarget: Sendable, Hashable {
    /// The acting role(s).
    case acting
    /// Every role.
    case all
    /// These roles.
    case roles([Int])
}

/// One step of the compiled program.
public enum Instruction: Sendable {
    /// Narrative for everyone.
    case say(String)
    /// A note for the facilitator only.
    case facilitatorNote(String)
    /// Put an ask; the session waits.
    case ask(Int)
    /// Start a joint decision; the session waits.
    case decide(DecisionIndex)
    /// Put a discussion question; the session waits.
    case discuss(Int)
    /// Rate objectives now.
    case checkpoint([Int])
    /// Set a variable.
    case set(Int, Expr)
    /// Add to a variable.
    case add(Int, Expr)
    /// Add to a measure.
    case addMeasure(Int, Expr, RoleTarget)
    /// Share an item with roles and with parties outside the exercise.
    case share(ItemIndex, RoleTarget, parties: [Int])
    /// Grant (`clear`) or withdraw (`revoke`) roles' clearance for an item.
    case clearance(ItemIndex, roles: [Int], granted: Bool)
    /// Award collaboration points.
    case award(Expr, RoleTarget, String)
    /// Advance the clock.
    case advance(Expr)
    /// Fire an inject.
    case trigger(Int)
    /// Send a request.
    case send(Int)
    /// A note for the after-action report.
    case debriefNote(String)
    /// Jump to a scene.
    case goto(Int)
    /// End the exercise.
    case end(Int)
    /// Continue at the target unless the condition holds.
    case jumpUnless(Expr, Int)
    /// Continue at the target.
    case jump(Int)
    /// Continue at the target unless a draw with this probability succeeds.
    case chance(Double, Int)
    /// The end of an effect block.
    case done
    /// The end of a scene body with no way on.
    case fallOff(Int)
}
