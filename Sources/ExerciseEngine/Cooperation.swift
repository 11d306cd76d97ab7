import ScenarioLanguage

/// How a receiver answers a cooperation request a player sent.
public enum RequestReply: Sendable, Hashable {
    /// Gives what was asked: the item itself (shared with the requester), or agrees to the text.
    case accept
    /// Gives a derived version of the item asked for (the de-identified counts instead of the list).
    case acceptDerived
    /// Refuses, with a reason.
    case refuse(String)
    /// Passes the request on to another role; the first receiver stays responsible for it (首接责任制).
    case forward(Int)
}

/// A cooperation request a player typed (`request education contact_list`): the duty to cooperate.
public struct PlayerRequest: Sendable, Hashable {
    /// The role that sent it.
    public var from: Int
    /// The roles it was sent to, each the first contact (and the responsible role) of its copy.
    public var to: [Int]
    /// The item asked for, if any.
    public var item: ItemIndex?
    /// What is asked, in words (may be empty when an item is asked for).
    public var text: String
    /// Its kind (`duty`), if any.
    public var duty: Int?
    /// When it was sent (scenario minutes).
    public var sentAt: Int
    /// Its deadline (scenario minutes).
    public var deadline: Int
    /// Per receiver (in the order of ``to``): who holds it now (the first contact, or whom it was forwarded to).
    public var holders: [Int]
    /// Per receiver: its outcome.
    public var outcomes: [RequestOutcome]
    /// Per receiver: the answer, once given.
    public var replies: [RequestReply?]
    /// Per receiver: when it was answered.
    public var answeredAt: [Int?]

    /// The copy that `role` holds and has not answered, if any.
    public func openCopy(heldBy role: Int) -> Int? {
        to.indices.first { holders[$0] == role && (outcomes[$0] == .pending || outcomes[$0] == .overdue) }
    }
}
