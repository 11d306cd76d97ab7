/// The messages of statements: scenes' bodies, asks and choices, joint decisions, discussions and effects.
extension CompilerMessage {
    /// An ask without choices.
    static var askWithoutChoices: Self { Self(.noChoices, "askWithoutChoices") }
    /// `x = 1` where `set x = 1` is meant.
    static func assignmentWithoutSet(_ variable: String) -> Self {
        Self(.expected, "assignmentWithoutSet", .text(variable))
    }
    /// `award` where no role is acting and no `to` says who.
    static var awardNeedsRole: Self { Self(.needsRole, "awardNeedsRole") }
    /// `+=`/`-=` on a variable that is neither a number nor a duration.
    static func cannotAddTo(_ variable: String, holding type: ValueType) -> Self {
        Self(.typeMismatch, "cannotAddTo", .text(variable), type.term)
    }
    /// A measure change where no role is acting and no `for` says whose.
    static func changeNeedsRole(_ measure: String, operator symbol: String) -> Self {
        Self(.needsRole, "changeNeedsRole", .text(measure), .text(symbol))
    }
    /// `choice` outside an ask.
    static var choiceOutsideAsk: Self { Self(.notAllowedHere, "choiceOutsideAsk") }
    /// A decision with fewer than two options.
    static var decisionNeedsOptions: Self { Self(.noChoices, "decisionNeedsOptions") }
    /// A decision without `by`.
    static var decisionNeedsRoles: Self { Self(.expected, "decisionNeedsRoles") }
    /// `elif` without an `if` before it.
    static var elifWithoutIf: Self { Self(.danglingElse, "elifWithoutIf") }
    /// `else` without an `if` or a `chance` before it.
    static var elseWithoutIf: Self { Self(.danglingElse, "elseWithoutIf") }
    /// `clear` or `revoke` without roles.
    static func expectedClearanceRoles(_ keyword: String) -> Self {
        Self(.expected, "expectedClearanceRoles", .text(keyword))
    }
    /// `clear ROLE` or `revoke ROLE` without `for ITEM`.
    static func expectedClearanceItem(_ keyword: String) -> Self {
        Self(.expected, "expectedClearanceItem", .text(keyword))
    }
    /// `ask` without roles.
    static var expectedAskedRoles: Self { Self(.expected, "expectedAskedRoles") }
    /// `ask ROLE` without the question.
    static var expectedAskQuestion: Self { Self(.expected, "expectedAskQuestion") }
    /// A conditional line with nothing below it.
    static func expectedBlock(below keyword: String) -> Self { Self(.expected, "expectedBlock", .text(keyword)) }
    /// A measure or variable name without `+=` or `-=`.
    static func expectedChange(of name: String) -> Self { Self(.expected, "expectedChange", .text(name)) }
    /// `choice` without its id.
    static var expectedChoiceID: Self { Self(.expected, "expectedChoiceID") }
    /// A choice's `cost` without a duration.
    static var expectedCost: Self { Self(.expected, "expectedCost") }
    /// `decide` without its id.
    static var expectedDecisionID: Self { Self(.expected, "expectedDecisionID") }
    /// A decision's `by` without roles.
    static var expectedDecidingRoles: Self { Self(.expected, "expectedDecidingRoles") }
    /// `discuss` without its id.
    static var expectedDiscussionID: Self { Self(.expected, "expectedDiscussionID") }
    /// A discussion's `to` without roles.
    static var expectedDiscussionRoles: Self { Self(.expected, "expectedDiscussionRoles") }
    /// `end` without an ending.
    static var expectedEnding: Self { Self(.expected, "expectedEnding") }
    /// `set NAME` without `=`.
    static func expectedEquals(variable: String) -> Self { Self(.expected, "expectedEquals", .text(variable)) }
    /// `fallback` without steps.
    static var expectedFallback: Self { Self(.expected, "expectedFallback") }
    /// `trigger` without an inject.
    static var expectedInject: Self { Self(.expected, "expectedInject") }
    /// `negotiate` without a duration.
    static var expectedNegotiationTime: Self { Self(.expected, "expectedNegotiationTime") }
    /// `checkpoint` without objectives.
    static var expectedObjectives: Self { Self(.expected, "expectedObjectives") }
    /// A decision or discussion without its question; `usage` shows the line's form.
    static func expectedQuestion(usage: String) -> Self { Self(.expected, "expectedQuestion", .text(usage)) }
    /// `send` without a request.
    static var expectedRequest: Self { Self(.expected, "expectedRequest") }
    /// A list of roles that is empty.
    static var expectedRoles: Self { Self(.expected, "expectedRoles") }
    /// `rule` without a rule.
    static var expectedRule: Self { Self(.expected, "expectedRule") }
    /// `goto` without a scene.
    static var expectedScene: Self { Self(.expected, "expectedScene") }
    /// `share` without an item.
    static var expectedSharedItem: Self { Self(.expected, "expectedSharedItem") }
    /// `say`, `facilitator` or `debrief` without a text.
    static func expectedText(after keyword: String) -> Self { Self(.expected, "expectedText", .text(keyword)) }
    /// `set` without a variable.
    static var expectedVariable: Self { Self(.expected, "expectedVariable") }
    /// A role in `weights` without its weight.
    static func expectedWeight(after role: String) -> Self { Self(.expected, "expectedWeight", .text(role)) }
    /// `weights` without roles.
    static var expectedWeights: Self { Self(.expected, "expectedWeights") }
    /// `share ITEM` without `with`.
    static func expectedWith(item: String) -> Self { Self(.expected, "expectedWith", .text(item)) }
    /// A fallback step of no known kind.
    static var fallbackStep: Self { Self(.expected, "fallbackStep") }
    /// `for` after a variable change.
    static var forOnVariable: Self { Self(.expected, "forOnVariable") }
    /// `include` inside a block.
    static var includeInBlock: Self { Self(.notAllowedHere, "includeInBlock") }
    /// A decision that falls to the lead when no role is lead.
    static var noLeadForDecision: Self { Self(.noLead, "noLeadForDecision") }
    /// Something other than `choice` under an ask.
    static var onlyChoicesUnderAsk: Self { Self(.unknownStatement, "onlyChoicesUnderAsk") }
    /// `ask`, `decide` or `discuss` inside a choice, an action or an inject.
    static func onlyInSceneBody(_ keyword: String) -> Self { Self(.notAllowedHere, "onlyInSceneBody", .text(keyword)) }
    /// Something other than properties and options under a decision.
    static var onlyOptionsUnderDecision: Self { Self(.unknownStatement, "onlyOptionsUnderDecision") }
    /// `option` outside a decision.
    static var optionOutsideDecision: Self { Self(.notAllowedHere, "optionOutsideDecision") }
    /// A second default choice in an ask; `alreadyDefault` is the first.
    static func secondDefaultChoice(alreadyDefault: String) -> Self {
        Self(.multipleDefaults, "secondDefaultChoice", .text(alreadyDefault))
    }
    /// A second default option in a decision.
    static var secondDefaultOption: Self { Self(.multipleDefaults, "secondDefaultOption") }
    /// A statement line that starts with no word.
    static var statementNeedsKeyword: Self { Self(.unknownStatement, "statementNeedsKeyword") }
    /// An indented block under a statement that takes none.
    static func statementTakesNoBlock(_ keyword: String) -> Self {
        Self(.unexpectedBlock, "statementTakesNoBlock", .text(keyword))
    }
    /// A word that starts no statement, with the closest keyword when there is one.
    static func unknownStatement(_ word: String, guess: String?) -> Self {
        guard let guess else { return Self(.unknownStatement, "unknownStatement", .text(word)) }
        return Self(.unknownStatement, "unknownStatementGuess", .text(word), .text(guess))
    }
    /// `arbitration` without a body.
    static var expectedArbitration: Self { Self(.expected, "expectedArbitration") }
    /// `arbitration rule` without `when COND -> OPTION` lines.
    static var expectedArbitrationRules: Self { Self(.expected, "expectedArbitrationRules") }
    /// An arbitration rule without `-> OPTION`.
    static var expectedArbitrationOption: Self { Self(.expected, "expectedArbitrationOption") }
    /// `quorum` without a number.
    static var expectedQuorum: Self { Self(.expected, "expectedQuorum") }
    /// `more than` or `at least` without a share.
    static var expectedShare: Self { Self(.expected, "expectedShare") }
    /// `veto` without roles.
    static var expectedVetoRoles: Self { Self(.expected, "expectedVetoRoles") }
    /// A quorum below zero.
    static var negativeQuorum: Self { Self(.invalidValue, "negativeQuorum") }
    /// A share that is not between 0/1 and 1/1.
    static var shareOutOfRange: Self { Self(.invalidValue, "shareOutOfRange") }
    /// A threshold, quorum or veto on a rule that does not count votes.
    static func thresholdOnlyForVotes(_ rule: String) -> Self {
        Self(.invalidValue, "thresholdOnlyForVotes", .text(rule))
    }
    /// A veto for a role that does not take part in the decision.
    static func vetoWithoutPart(_ role: String) -> Self { Self(.invalidValue, "vetoWithoutPart", .text(role)) }
    /// A weight for a role that does not take part in the decision.
    static func weightWithoutPart(_ role: String) -> Self { Self(.invalidValue, "weightWithoutPart", .text(role)) }
}

extension MessageArgument {
    /// What a condition is expected to be by default: `a condition`.
    static var aCondition: Self { .term(Term("term.what.condition")) }
    /// `a value for 'NAME'`, in `set NAME = …`.
    static func valueFor(_ name: String) -> Self { .term(Term("term.what.valueFor", .text(name))) }
    /// `a change to 'NAME'`, in `NAME += …`.
    static func changeOf(_ name: String) -> Self { .term(Term("term.what.changeOf", .text(name))) }
    /// `a weight for 'ROLE'`, in `weights`.
    static func weightOf(_ role: String) -> Self { .term(Term("term.what.weightOf", .text(role))) }
    /// `a number of points`, in `award`.
    static var points: Self { .term(Term("term.what.points")) }
}
