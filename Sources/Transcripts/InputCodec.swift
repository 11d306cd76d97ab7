import ExerciseEngine
import ScenarioLanguage

/// Turns inputs into transcript fields and back: a stable snake_case `kind`, the acting `role` (an id, or nil) and
/// a `data` object that names elements by id. Decoding resolves the ids against a scenario, with a clear error for
/// an id the scenario does not have.
public struct InputCodec: Sendable {
    let ids: ScenarioIDs

    /// Creates a codec for a scenario.
    public init(scenario: Scenario) { ids = ScenarioIDs(scenario) }

    package init(ids: ScenarioIDs) { self.ids = ids }

    /// The kind of the step that records the session's start (``Session/start()``): not an input, no data.
    public static let startKind = "start"
    /// The kind of the step that records the end of an anonymous peer evaluation: the ratings themselves are not
    /// recorded; the step's events carry them, with no rater.
    public static let anonymousPeerReviewKind = "peer_review_anonymous"

    /// Every input kind, in the order of ``Input``'s and ``FacilitatorCommand``'s cases.
    public static let allKinds = [
        "choose", "position", "abstain", "lead_call", "discuss", "act", "share", "answer", "request", "reply", "note",
        "peer_rating",
        "facilitator_inject", "facilitator_pause", "facilitator_resume", "facilitator_advance", "facilitator_arbitrate",
        "facilitator_rate", "facilitator_end",
    ]

    /// The kind, role and data of an input. `rater` is the role giving a peer rating (the engine knows it from what
    /// it waits for; the input itself does not carry it).
    public func encode(_ input: Input, rater: Int? = nil) -> (kind: String, role: String?, data: JSONValue) {
        switch input {
        case .choose(let r, let c):
            return ("choose", ids.role(r), .sorted(["choice": .string(ids.choice(c))]))
        case .position(let r, let o):
            return ("position", ids.role(r), option(o))
        case .abstain(let r):
            return ("abstain", ids.role(r), .object([]))
        case .leadCall(let r, let o):
            return ("lead_call", ids.role(r), option(o))
        case .discuss(let r, let text):
            return ("discuss", ids.role(r), .sorted(["text": .string(text)]))
        case .act(let r, let a):
            return ("act", ids.role(r), .sorted(["action": .string(ids.action(a))]))
        case .share(let r, let item, let with, let parties):
            let targets: JSONValue =
                with.isEmpty && parties.isEmpty ? .string("all") : .array(with.map { .string(ids.role($0)) })
            // `parties` is written only when there are some, so that a share among roles reads as it always did.
            if parties.isEmpty {
                return ("share", ids.role(r), .sorted(["item": .string(ids.item(item)), "with": targets]))
            }
            let names = JSONValue.array(parties.map { .string(ids.party($0)) })
            return (
                "share", ids.role(r), .sorted(["item": .string(ids.item(item)), "parties": names, "with": targets])
            )
        case .answer(let r, let q, let accept):
            return ("answer", ids.role(r), .sorted(["request": .string(ids.request(q)), "accept": .bool(accept)]))
        case .request(let r, let to, let item, let text, let duty, let within):
            return (
                "request", ids.role(r),
                .sorted([
                    "to": .array(to.map { .string(ids.role($0)) }), "item": .nullable(item.map(ids.item)),
                    "text": .string(text), "duty": .nullable(duty.map(ids.duty)),
                    "within": within.map { .int($0) } ?? .null,
                ])
            )
        case .reply(let r, let k, let reply):
            return ("reply", ids.role(r), Self.reply(k, reply, ids))
        case .note(let r, let text):
            return ("note", r.map(ids.role), .sorted(["text": .string(text)]))
        case .peerRating(let target, let q, let value):
            return (
                "peer_rating", rater.map(ids.role),
                .sorted([
                    "target": .string(ids.role(target)), "question": .string(ids.question(q)),
                    "value": value.map { .int($0) } ?? .null,
                ])
            )
        case .facilitator(let command):
            switch command {
            case .inject(let i): return ("facilitator_inject", nil, .sorted(["inject": .string(ids.inject(i))]))
            case .pause: return ("facilitator_pause", nil, .object([]))
            case .resume: return ("facilitator_resume", nil, .object([]))
            case .advance(let m): return ("facilitator_advance", nil, .sorted(["minutes": .int(m)]))
            case .arbitrate(let o): return ("facilitator_arbitrate", nil, option(o))
            case .rate(let o, let rating, let reason):
                return (
                    "facilitator_rate", nil,
                    .sorted([
                        "objective": .string(ids.objective(o)), "rating": .string(rating.rawValue),
                        "reason": .string(reason),
                    ])
                )
            case .end: return ("facilitator_end", nil, .object([]))
            }
        }
    }

    /// The data of a reply: the request's number (from 1, in the order sent), the answer and its argument.
    static func reply(_ k: Int, _ reply: RequestReply, _ ids: ScenarioIDs) -> JSONValue {
        switch reply {
        case .accept: .sorted(["request": .int(k + 1), "answer": .string("accept")])
        case .acceptDerived: .sorted(["request": .int(k + 1), "answer": .string("accept_derived")])
        case .refuse(let reason):
            .sorted(["request": .int(k + 1), "answer": .string("refuse"), "reason": .string(reason)])
        case .forward(let to):
            .sorted(["request": .int(k + 1), "answer": .string("forward"), "to": .string(ids.role(to))])
        }
    }

    private func option(_ o: Int) -> JSONValue {
        .sorted(["decision": .string(ids.decisionOf(option: o)), "option": .string(ids.option(o))])
    }

    /// Resolves an input from its kind, role and data. `line` is used in error messages.
    public func decode(kind: String, role: String?, data: JSONValue, line: Int) -> Result<Input, TranscriptError> {
        var reader = DataReader(ids: ids, data: data, line: line)
        do {
            let input = try reader.input(kind: kind, role: role)
            return .success(input)
        } catch {
            return .failure(error)
        }
    }
}

/// Reads the fields of an input's data, with errors that name the line.
private struct DataReader {
    let ids: ScenarioIDs
    let data: JSONValue
    let line: Int

    func string(_ key: String) throws(TranscriptError) -> String {
        guard let s = data[key]?.stringValue else {
            throw .malformed(line: line, reason: .init("field.missing", key))
        }
        return s
    }

    func int(_ key: String) throws(TranscriptError) -> Int {
        guard let n = data[key]?.intValue else {
            throw .malformed(line: line, reason: .init("field.int", key))
        }
        return n
    }

    func bool(_ key: String) throws(TranscriptError) -> Bool {
        guard let b = data[key]?.boolValue else {
            throw .malformed(line: line, reason: .init("field.bool", key))
        }
        return b
    }

    func resolve<Index>(_ kind: String, _ id: String, _ lookup: (String) -> Index?) throws(TranscriptError) -> Index {
        guard let i = lookup(id) else { throw .unknownID(line: line, kind: kind, id: id) }
        return i
    }

    func role(_ id: String?) throws(TranscriptError) -> Int {
        guard let id else { throw .malformed(line: line, reason: .init("noRole")) }
        return try resolve("role", id, ids.role(id:))
    }

    func option() throws(TranscriptError) -> Int {
        let d = try resolve("decision", try string("decision"), ids.decision(id:))
        let o = try string("option")
        return try resolve("option", "\(ids.decision(d)).\(o)") { _ in ids.option(id: o, decision: d) }
    }

    mutating func input(kind: String, role r: String?) throws(TranscriptError) -> Input {
        switch kind {
        case "choose":
            return .choose(role: try role(r), choice: try resolve("choice", try string("choice"), ids.choice(id:)))
        case "position":
            return .position(role: try role(r), option: try option())
        case "abstain":
            return .abstain(role: try role(r))
        case "lead_call":
            return .leadCall(role: try role(r), option: try option())
        case "discuss":
            return .discuss(role: try role(r), text: try string("text"))
        case "act":
            return .act(role: try role(r), action: try resolve("action", try string("action"), ids.action(id:)))
        case "share":
            let item = try resolve("item", try string("item"), ids.item(id:))
            var targets: [Int] = []
            if let list = data["with"]?.arrayValue {
                for element in list {
                    guard let id = element.stringValue else {
                        throw .malformed(line: line, reason: .init("withList"))
                    }
                    targets.append(try resolve("role", id, ids.role(id:)))
                }
            } else if data["with"]?.stringValue != "all" {
                throw .malformed(line: line, reason: .init("withAll"))
            }
            var parties: [Int] = []
            if let list = data["parties"] {
                guard let list = list.arrayValue else { throw .malformed(line: line, reason: .init("withList")) }
                for element in list {
                    guard let id = element.stringValue else {
                        throw .malformed(line: line, reason: .init("withList"))
                    }
                    parties.append(try resolve("party", id, ids.party(id:)))
                }
            }
            return .share(role: try role(r), item: item, with: targets, parties: parties)
        case "answer":
            return .answer(
                role: try role(r), request: try resolve("request", try string("request"), ids.request(id:)),
                accept: try bool("accept"))
        case "request":
            guard let list = data["to"]?.arrayValue else { throw .malformed(line: line, reason: .init("withList")) }
            var to: [Int] = []
            for element in list {
                guard let id = element.stringValue else { throw .malformed(line: line, reason: .init("withList")) }
                to.append(try resolve("role", id, ids.role(id:)))
            }
            let item = try data["item"]?.stringValue.map { (id: String) throws(TranscriptError) -> ItemIndex in
                try resolve("item", id, ids.item(id:))
            }
            let duty = try data["duty"]?.stringValue.map { (id: String) throws(TranscriptError) -> Int in
                try resolve("duty", id, ids.duty(id:))
            }
            return .request(
                role: try role(r), to: to, item: item, text: try string("text"), duty: duty,
                within: data["within"]?.intValue)
        case "reply":
            let k = try int("request") - 1
            let reply: RequestReply
            switch try string("answer") {
            case "accept": reply = .accept
            case "accept_derived": reply = .acceptDerived
            case "refuse": reply = .refuse(try string("reason"))
            case "forward": reply = .forward(try resolve("role", try string("to"), ids.role(id:)))
            default: throw .malformed(line: line, reason: .init("field.missing", "answer"))
            }
            return .reply(role: try role(r), request: k, reply: reply)
        case "note":
            let who = try r.map { (id: String) throws(TranscriptError) -> Int in try role(id) }
            return .note(role: who, text: try string("text"))
        case "peer_rating":
            let target = try resolve("role", try string("target"), ids.role(id:))
            let question = try resolve("peer question", try string("question"), ids.question(id:))
            let value: Int?
            if data["value"]?.isNull == true {
                value = nil
            } else {
                value = try int("value")
            }
            return .peerRating(target: target, question: question, value: value)
        case "facilitator_inject":
            return .facilitator(.inject(try resolve("inject", try string("inject"), ids.inject(id:))))
        case "facilitator_pause": return .facilitator(.pause)
        case "facilitator_resume": return .facilitator(.resume)
        case "facilitator_advance": return .facilitator(.advance(try int("minutes")))
        case "facilitator_arbitrate": return .facilitator(.arbitrate(option: try option()))
        case "facilitator_rate":
            let o = try resolve("objective", try string("objective"), ids.objective(id:))
            guard let rating = Rating(rawValue: try string("rating")) else {
                throw .malformed(line: line, reason: .init("rating"))
            }
            return .facilitator(.rate(objective: o, rating: rating, reason: try string("reason")))
        case "facilitator_end": return .facilitator(.end)
        default:
            throw .malformed(line: line, reason: .init("kind", kind))
        }
    }
}
