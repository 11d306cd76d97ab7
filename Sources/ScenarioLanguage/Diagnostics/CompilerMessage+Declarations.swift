/// The messages of declarations: the header, roles, information items, measures, variables, endings, objectives,
/// injects, expected actions, actions and requests, and the properties they share.
extension CompilerMessage {
    /// An action with no `by` line.
    static func actionNeedsRoles(_ action: String) -> Self { Self(.expected, "actionNeedsRoles", .text(action)) }
    /// `on breach` with nothing under it.
    static var breachNeedsEffects: Self { Self(.expected, "breachNeedsEffects") }
    /// `derived from` leading back to the item itself.
    static func derivedCycle(_ item: String) -> Self { Self(.invalidValue, "derivedCycle", .text(item)) }
    /// An item more sensitive than the item it is derived from.
    static func derivedMoreSensitive(_ item: String, source: String) -> Self {
        Self(.derivedMoreSensitive, "derivedMoreSensitive", .text(item), .text(source))
    }
    /// A `duty` without `within`.
    static func dutyNeedsDeadline(_ duty: String) -> Self { Self(.expected, "dutyNeedsDeadline", .text(duty)) }
    /// `chance` outside 0–100%.
    static var chanceOutOfRange: Self { Self(.invalidValue, "chanceOutOfRange") }
    /// A header `duration` of zero.
    static var durationNotPositive: Self { Self(.invalidValue, "durationNotPositive") }
    /// `by`/`to` of an action without roles.
    static var expectedActionRoles: Self { Self(.expected, "expectedActionRoles") }
    /// `to` of an inject without roles.
    static var expectedAudience: Self { Self(.expected, "expectedAudience") }
    /// `authors` without texts.
    static var expectedAuthors: Self { Self(.expected, "expectedAuthors") }
    /// `brief` without a text.
    static var expectedBrief: Self { Self(.expected, "expectedBrief") }
    /// `capability` without a text.
    static var expectedCapability: Self { Self(.expected, "expectedCapability") }
    /// `clock` without a time.
    static var expectedClockTime: Self { Self(.expected, "expectedClockTime") }
    /// `within` without a duration.
    static var expectedDeadline: Self { Self(.expected, "expectedDeadline") }
    /// A duration property without a duration, with an example.
    static func expectedDuration(example: String) -> Self { Self(.expected, "expectedDuration", .text(example)) }
    /// `else` of an objective without its rating.
    static var expectedElseRating: Self { Self(.expected, "expectedElseRating") }
    /// An ending's `text` without a text.
    static var expectedEndingText: Self { Self(.expected, "expectedEndingText") }
    /// `state ID` without `=` and a value.
    static var expectedEqualsAndValue: Self { Self(.expected, "expectedEqualsAndValue") }
    /// `exercise` without its id.
    static var expectedExerciseID: Self { Self(.expected, "expectedExerciseID") }
    /// `expect` without its id.
    static var expectedExpectationID: Self { Self(.expected, "expectedExpectationID") }
    /// `start` without a scene.
    static var expectedFirstScene: Self { Self(.expected, "expectedFirstScene") }
    /// An inject's `at` without a time.
    static var expectedInjectTime: Self { Self(.expected, "expectedInjectTime") }
    /// An inject's `text` without a text.
    static var expectedInjectText: Self { Self(.expected, "expectedInjectText") }
    /// An item's `text` without a text.
    static var expectedItemText: Self { Self(.expected, "expectedItemText") }
    /// `knows` without items.
    static var expectedKnownItems: Self { Self(.expected, "expectedKnownItems") }
    /// `language` without a tag.
    static var expectedLanguageTag: Self { Self(.expected, "expectedLanguageTag") }
    /// A number property without a number.
    static var expectedNumber: Self { Self(.expected, "expectedNumber") }
    /// An objective's `owner` without a role.
    static var expectedObjectiveOwner: Self { Self(.expected, "expectedObjectiveOwner") }
    /// `on` not followed by `breach`.
    static var expectedOnBreach: Self { Self(.expected, "expectedOnBreach") }
    /// `derived` not followed by `from ITEM`.
    static var expectedDerivedFrom: Self { Self(.expected, "expectedDerivedFrom") }
    /// A property word without one of its values.
    static func expectedOneOf(_ values: [String]) -> Self { Self(.expected, "expectedOneOf", .alternatives(values)) }
    /// An item's `owner` without a role.
    static var expectedOwner: Self { Self(.expected, "expectedOwner") }
    /// A malformed peer-evaluation question.
    static var expectedPeerQuestion: Self { Self(.expected, "expectedPeerQuestion") }
    /// `chance` without a percentage, with an example.
    static func expectedPercentage(example: String) -> Self { Self(.expected, "expectedPercentage", .text(example)) }
    /// A request's `points` without a number.
    static var expectedPoints: Self { Self(.expected, "expectedPoints") }
    /// A missing range.
    static var expectedRange: Self { Self(.expected, "expectedRange") }
    /// A rating rule with another letter than P, S, M or U.
    static var expectedRating: Self { Self(.expected, "expectedRating") }
    /// `recommend` without a text.
    static var expectedRecommendation: Self { Self(.expected, "expectedRecommendation") }
    /// A request's `to` without a role.
    static var expectedRequestReceiver: Self { Self(.expected, "expectedRequestReceiver") }
    /// A request's `from` without a role.
    static var expectedRequestSender: Self { Self(.expected, "expectedRequestSender") }
    /// An expected action's `by` without roles.
    static var expectedResponders: Self { Self(.expected, "expectedResponders") }
    /// `do` without an action, in an expected action.
    static var expectedResponseAction: Self { Self(.expected, "expectedResponseAction") }
    /// `choose` without a choice, in an expected action.
    static var expectedResponseChoice: Self { Self(.expected, "expectedResponseChoice") }
    /// `share` without an item, in an expected action.
    static var expectedResponseItem: Self { Self(.expected, "expectedResponseItem") }
    /// `state ID =` without a value.
    static var expectedStartingValue: Self { Self(.expected, "expectedStartingValue") }
    /// `summary` without a text.
    static var expectedSummary: Self { Self(.expected, "expectedSummary") }
    /// `version` without a text.
    static var expectedVersion: Self { Self(.expected, "expectedVersion") }
    /// A rating letter without `when`.
    static func expectedWhen(rating: String) -> Self { Self(.expected, "expectedWhen", .text(rating)) }
    /// An expected action without `within`.
    static var expectationNeedsDeadline: Self { Self(.expected, "expectationNeedsDeadline") }
    /// An expected action without the line saying what counts as the response.
    static var expectationNeedsResponse: Self { Self(.expected, "expectationNeedsResponse") }
    /// Text left at the end of a line.
    static var extraText: Self { Self(.extraTokens, "extraText") }
    /// A property given twice in one place.
    static func givenTwice(_ word: String, in place: MessageArgument) -> Self {
        Self(.duplicateProperty, "givenTwice", .text(word), place)
    }
    /// A starting value that is no literal.
    static var invalidStartingValue: Self { Self(.expected, "invalidStartingValue") }
    /// A peer question's scale outside 2–11 whole points.
    static var invalidRatingScale: Self { Self(.invalidValue, "invalidRatingScale") }
    /// An item without `owner`.
    static func itemNeedsOwner(_ item: String) -> Self { Self(.expected, "itemNeedsOwner", .text(item)) }
    /// An indented block under a line that takes none, named by its keyword.
    static func takesNoBlock(keyword: String) -> Self { Self(.unexpectedBlock, "takesNoBlock", .text(keyword)) }
    /// An indented block under a line that takes none and starts with no keyword.
    static var lineTakesNoBlock: Self { Self(.unexpectedBlock, "lineTakesNoBlock") }
    /// A second role marked `lead`.
    static var multipleLeads: Self { Self(.multipleLeads, "multipleLeads") }
    /// A negative weight.
    static var negativeWeight: Self { Self(.invalidValue, "negativeWeight") }
    /// An expected action with two response lines.
    static var oneResponse: Self { Self(.extraTokens, "oneResponse") }
    /// An inject with `at` and `when`, or either twice.
    static var oneTrigger: Self { Self(.duplicateProperty, "oneTrigger") }
    /// A property whose word is not one of its values.
    static func propertyIs(_ property: String, oneOf values: [String]) -> Self {
        Self(.expected, "propertyIs", .text(property), .alternatives(values))
    }
    /// A range on a variable that does not start as a number.
    static func rangeOnlyForNumbers(startsAs type: ValueType) -> Self {
        Self(.invalidValue, "rangeOnlyForNumbers", type.articleTerm)
    }
    /// `LO..HI` with equal bounds.
    static var rangeNeedsTwoBounds: Self { Self(.invalidValue, "rangeNeedsTwoBounds") }
    /// `HI..LO`, with the range the right way round.
    static func rangeUpsideDown(_ swapped: String) -> Self { Self(.invalidValue, "rangeUpsideDown", .text(swapped)) }
    /// A request without `from`, `to` or `within`; `missing` lists what it lacks.
    static func requestIncomplete(missing: [String]) -> Self {
        Self(.expected, "requestIncomplete", .list(missing))
    }
    /// A request from a role to itself.
    static var requestToItself: Self { Self(.invalidValue, "requestToItself") }
    /// An expected action's response of no known kind.
    static var responseKinds: Self { Self(.expected, "responseKinds") }
    /// A starting value outside the variable's range.
    static func startOutsideRange(_ value: String) -> Self { Self(.invalidValue, "startOutsideRange", .text(value)) }
    /// A word that is no property of the place, with the closest property.
    static func unknownProperty(_ word: String, of place: MessageArgument, guess: String) -> Self {
        Self(.unknownStatement, "unknownProperty", .text(word), place, .text(guess))
    }
    /// A word (or, when nil, a symbol) that is no property of the place, with the properties it takes.
    static func unexpectedWord(_ word: String?, in place: MessageArgument, allowed: [String]) -> Self {
        guard let word else { return Self(.unknownStatement, "unexpectedSymbol", place, .list(allowed)) }
        return Self(.unknownStatement, "unexpectedWord", .text(word), place, .list(allowed))
    }
}
