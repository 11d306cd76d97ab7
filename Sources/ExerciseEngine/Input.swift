import ScenarioLanguage

/// Something a player or the facilitator does. Indices refer to the ``Scenario``'s arrays.
public enum Input: Sendable, Hashable {
    /// A role picks a choice of the current ask.
    case choose(role: Int, choice: Int)
    /// A role takes a position in the current decision.
    case position(role: Int, option: Int)
    /// A role abstains in the current vote (`majority` or `weighted`).
    case abstain(role: Int)
    /// The lead role settles the current decision after seeing the positions.
    case leadCall(role: Int, option: Int)
    /// A role answers the current discussion question.
    case discuss(role: Int, text: String)
    /// A role takes an action.
    case act(role: Int, action: Int)
    /// A role shares an item it knows (or can derive from an item it knows) with roles and parties outside the
    /// exercise (both empty: with all roles).
    case share(role: Int, item: ItemIndex, with: [Int], parties: [Int])
    /// A role answers a cooperation request.
    case answer(role: Int, request: Int, accept: Bool)
    /// A role sends a cooperation request of its own to roles: for an item, or in words (`text`), of a kind
    /// (`duty`) whose deadline applies unless `within` gives one.
    case request(role: Int, to: [Int], item: ItemIndex?, text: String, duty: Int?, within: Int?)
    /// A receiver answers a request a player sent (an index into ``SessionState/playerRequests``).
    case reply(role: Int, request: Int, reply: RequestReply)
    /// A note from a role (or the facilitator when nil).
    case note(role: Int?, text: String)
    /// The current rater rates another role on a peer-evaluation question (nil: skipped).
    case peerRating(target: Int, question: Int, value: Int?)
    /// A facilitator command.
    case facilitator(FacilitatorCommand)
}

/// What the facilitator can do.
public enum FacilitatorCommand: Sendable, Hashable {
    /// Release an inject now.
    case inject(Int)
    /// Stop accepting trainee input.
    case pause
    /// Accept trainee input again.
    case resume
    /// Advance the scenario clock.
    case advance(Int)
    /// Settle the current decision.
    case arbitrate(option: Int)
    /// Override an objective's rating, with a reason.
    case rate(objective: Int, rating: Rating, reason: String)
    /// End the exercise now.
    case end
}

/// Why an input was refused. The session is unchanged when one is thrown.
public enum SessionError: Error, Sendable, Hashable {
    /// The exercise has ended.
    case ended
    /// The facilitator paused the exercise.
    case paused
    /// This role is not being asked anything now.
    case notYourTurn(role: Int)
    /// Nothing is being asked of anyone now.
    case nothingAsked
    /// The choice is not one of the current ask's, or not offered now.
    case choiceNotOffered(choice: Int)
    /// The role already answered.
    case alreadyAnswered(role: Int)
    /// The option is not one of the current decision's.
    case optionNotOffered(option: Int)
    /// Abstaining is a position only in a vote (`majority` or `weighted`).
    case cannotAbstain
    /// The action is not available to the role now.
    case actionUnavailable(action: Int, reason: ActionRefusal)
    /// The role does not know the item (nor the item it is derived from).
    case doesNotKnow(item: ItemIndex)
    /// Sharing by command is off in this exercise.
    case sharingScripted
    /// The request is not waiting for this role's answer.
    case noSuchRequest(request: Int)
    /// A facilitator command in a trainee session.
    case facilitatorOnly
    /// The rating is outside the question's scale.
    case ratingOutOfRange(low: Int, high: Int)
    /// The input does not fit what the session is waiting for.
    case unexpected
    /// The text is empty.
    case emptyText
    /// An advance must be positive.
    case invalidDuration
    /// A request players send needs a deadline: `within`, or a duty (the exercise declares more than one, or none).
    case noDeadline
    /// No item derived from the one asked for can be shared by this role (nil: the request asks for no item).
    case noDerivedItem(item: ItemIndex?)
    /// The request a player sent does not wait for this role's answer.
    case noOpenRequest(request: Int)
}

/// Why an action is not available.
public enum ActionRefusal: Sendable, Hashable {
    /// The role may not take it.
    case notForRole
    /// Its condition does not hold now.
    case conditionFails
    /// It can be taken once and was taken.
    case alreadyTaken
}
