import ExerciseEngine
import ScenarioLanguage
import Transcripts

/// Builds a ``SessionReport`` from a replayed transcript, walking its events in order so that every decision,
/// score change, share and rating is tied to the step (and so the wall time) that produced it.
struct ReportBuilder {
    private let replay: SessionReplay
    private let scenario: Scenario
    private let ids: ScenarioIDs
    private var report: SessionReport

    // Walk state.
    private enum Target {
        case none
        case move(decision: Int, move: Int)
        case resolution(decision: Int)
    }
    private var target = Target.none
    private var scene: Int?
    private var openAsk: (ask: Int, record: Int, wall: String)?
    private var openJoint: (decision: DecisionIndex, record: Int, wall: String)?
    private var callWall: String?
    private var openDiscussion: (record: Int, wall: String)?
    private var requestWall: [Int: String] = [:]
    private var requestAccepted: [Int: (accepted: Bool, auto: Bool, wall: String)] = [:]
    private var overdue: Set<Int> = []
    /// Hand-offs of requests players sent: by request, then first contact.
    private var forwards: [Int: [Int: [(clock: Int, by: Int, to: Int)]]] = [:]

    init(replay: SessionReplay, hmacChecked: Bool) {
        self.replay = replay
        scenario = replay.scenario
        ids = replay.ids
        let transcript = replay.transcript
        let session = replay.session
        let ended = transcript.close?.wall ?? transcript.records.last?.wall
        let overview = Overview(
            ended: ended, wallMilliseconds: ended.flatMap { WallTime.between(transcript.header.started, $0) },
            finalClock: session.state.clock, ending: session.state.ending, reason: session.state.endReason,
            resumes: transcript.resumes.count, hmacChecked: hmacChecked)
        let card = Scorecard(session: session)
        let scores = ScoreSection(
            raw: card.measures.map(\.raw), normalized: card.measures.map(\.normalized), team: card.measures.map(\.team),
            roleTotals: card.roleTotals, teamTotal: card.teamTotal, points: card.points,
            expectationsByRole: card.expectationsByRole, expectationsTeam: card.expectationsTeam, changes: [],
            awards: [])
        var warnings: [SessionReport.Warning] = []
        if let torn = transcript.torn { warnings.append(.torn(line: torn.line, bytes: torn.bytes)) }
        if !replay.isComplete { warnings.append(.unfinished) }
        if let line = replay.changedAt { warnings.append(.changedExercise(line: line)) }
        if transcript.header.hmac && !hmacChecked { warnings.append(.hmacNotChecked) }
        if transcript.header.input == .pipe { warnings.append(.pipedInput) }
        report = SessionReport(
            path: transcript.path, header: transcript.header, isComplete: replay.isComplete, warnings: warnings,
            scenario: scenario, overview: overview, scores: scores,
            peer: PeerSection(mode: scenario.header.peer, held: false, named: [], received: [], flagged: []))
        let playedIDs = Set(transcript.header.roles.filter(\.played).map(\.id))
        report.played = Set(scenario.roles.indices.filter { playedIDs.contains(scenario.roles[$0].id) })
    }

    /// The wall time a person took from `from` to `to`; nil when the inputs came through a pipe (they were all
    /// there at once, so the gap says nothing about anyone).
    private func deliberation(_ from: String, _ to: String) -> Int64? {
        replay.transcript.header.input == .pipe ? nil : WallTime.between(from, to)
    }

    /// Builds the report.
    static func build(_ replay: SessionReplay, hmacChecked: Bool) -> SessionReport {
        var builder = ReportBuilder(replay: replay, hmacChecked: hmacChecked)
        builder.walk()
        builder.finish()
        return builder.report
    }

    // MARK: Walking the events

    private mutating func walk() {
        report.series.append(
            ScorePoint(step: -1, clock: 0, team: replay.initialTotals.team, roles: replay.initialTotals.roles))
        for (index, step) in replay.steps.enumerated() {
            target = .none
            let wall = step.input.wall
            for event in step.events { visit(event, wall: wall) }
            report.series.append(
                ScorePoint(step: index, clock: step.clock, team: step.teamTotal, roles: step.roleTotals))
        }
        report.stepCount = replay.steps.count
    }

    private func cause(_ c: Cause?) -> CauseRef {
        guard let c else { return CauseRef(kind: "none", id: "", label: "") }
        switch c {
        case .choice(let i): return CauseRef(kind: "choice", id: ids.choice(i), label: scenario.choices[i].label)
        case .option(let i):
            return CauseRef(
                kind: "option", id: ids.decisionOf(option: i) + "." + ids.option(i),
                label: scenario.options[i].label)
        case .action(let i): return CauseRef(kind: "action", id: ids.action(i), label: scenario.actions[i].title)
        case .inject(let i): return CauseRef(kind: "inject", id: ids.inject(i), label: scenario.injects[i].title)
        case .request(let i): return CauseRef(kind: "request", id: ids.request(i), label: scenario.requests[i].title)
        case .playerRequest(let k): return CauseRef(kind: "player_request", id: "r\(k + 1)", label: "r\(k + 1)")
        case .breach(let i): return CauseRef(kind: "breach", id: ids.item(i), label: scenario.items[i].title)
        case .scene(let i): return CauseRef(kind: "scene", id: ids.scene(i), label: scenario.scenes[i].title)
        case .facilitator: return CauseRef(kind: "facilitator", id: "", label: "")
        }
    }

    private mutating func timeline(
        _ clock: Int, _ kind: String, role: Int? = nil, _ args: [String],
        auto: AutoReason? = nil
    ) {
        report.timeline.append(TimelineEntry(clock: clock, kind: kind, role: role, args: args, auto: auto))
    }

    private mutating func follow(_ clock: Int, _ kind: String, role: Int? = nil, _ args: [String]) {
        let consequence = Consequence(kind: kind, role: role, args: args, clock: clock)
        switch target {
        case .none: break
        case .move(let d, let m): report.decisions[d].moves[m].consequences.append(consequence)
        case .resolution(let d): report.decisions[d].consequences.append(consequence)
        }
    }

    private func roleNames(_ roles: [Int]) -> String {
        roles.map { scenario.roles[$0].name }.joined(separator: ", ")
    }

    private mutating func visit(_ event: Event, wall: String) {
        let clock = event.clock
        switch event.kind {
        case .sceneEntered(let s):
            scene = s
            timeline(clock, "scene", [scenario.scenes[s].title])
            follow(clock, "scene", [scenario.scenes[s].title])
        case .narrative, .facilitatorNote, .ended, .peerRatingsAnonymous:
            break
        case .asked(let a, _):
            report.decisions.append(DecisionRecord(kind: .ask(a), clock: clock, scene: scene))
            openAsk = (a, report.decisions.count - 1, wall)
            target = .none
        case .chose(let role, let choice, let auto):
            guard let ask = scenario.choices[choice].ask else { break }  // every choice of a playable scenario has one
            let record: Int
            let askedWall: String
            if let open = openAsk, open.ask == ask {
                record = open.record
                askedWall = open.wall
            } else {
                report.decisions.append(DecisionRecord(kind: .ask(ask), clock: clock, scene: scene))
                record = report.decisions.count - 1
                askedWall = wall
                openAsk = (ask, record, wall)
            }
            let move = Move(
                role: role, pick: choice, auto: auto, clock: clock,
                deliberation: auto == nil ? deliberation(askedWall, wall) : nil, consequences: [])
            report.decisions[record].moves.append(move)
            target = .move(decision: record, move: report.decisions[record].moves.count - 1)
            timeline(clock, "chose", role: role, [scenario.choices[choice].label], auto: auto)
        case .decisionOpened(let d, let round):
            if round == 1 || openJoint?.decision != d {
                report.decisions.append(DecisionRecord(kind: .joint(d), clock: clock, scene: scene))
                openJoint = (d, report.decisions.count - 1, wall)
                timeline(clock, "decisionOpened", [scenario.decisions[d].question])
            } else if let open = openJoint {
                openJoint = (d, open.record, wall)
            }
            if let open = openJoint {
                report.decisions[open.record].rounds.append(
                    DecisionRecord.Round(number: round, clock: clock, positions: [], failed: []))
            }
            target = .none
        case .positionTaken(let role, _, let option, let auto):
            guard let open = openJoint, !report.decisions[open.record].rounds.isEmpty else { break }
            let move = Move(
                role: role, pick: option, auto: auto, clock: clock,
                deliberation: auto == nil ? deliberation(open.wall, wall) : nil, consequences: [])
            let last = report.decisions[open.record].rounds.count - 1
            report.decisions[open.record].rounds[last].positions.append(move)
            target = .none
        case .abstained(let role, _, _):
            guard let open = openJoint, !report.decisions[open.record].rounds.isEmpty else { break }
            let last = report.decisions[open.record].rounds.count - 1
            report.decisions[open.record].rounds[last].abstained.append(role)
            target = .none
        case .positionsRevealed:
            break
        case .votesCounted(let d, let tally):
            if let open = openJoint, open.decision == d, !report.decisions[open.record].rounds.isEmpty {
                let last = report.decisions[open.record].rounds.count - 1
                report.decisions[open.record].rounds[last].tally = tally
            }
        case .arbiterCallAwaited(let d, let role):
            if let open = openJoint, open.decision == d {
                report.decisions[open.record].awaited.append(("arbitration", role))
            }
            callWall = wall
        case .decisionFailed(let d, let step):
            if let open = openJoint, open.decision == d, !report.decisions[open.record].rounds.isEmpty {
                let last = report.decisions[open.record].rounds.count - 1
                report.decisions[open.record].rounds[last].failed.append(step)
            }
            timeline(clock, "decisionFailed", [scenario.decisions[d].question, step])
        case .negotiationRound(let d, let round, let cost):
            timeline(
                clock, "negotiation", [scenario.decisions[d].question, String(round), Self.duration(cost)])
        case .leadCallAwaited(let d, let role):
            if let open = openJoint, open.decision == d { report.decisions[open.record].awaited.append(("lead", role)) }
            callWall = wall
        case .arbitrationAwaited(let d):
            if let open = openJoint, open.decision == d {
                report.decisions[open.record].awaited.append(("arbitration", nil))
            }
            callWall = wall
        case .decisionResolved(let d, let option, let by, let role):
            let record: Int
            if let open = openJoint, open.decision == d {
                record = open.record
            } else {
                report.decisions.append(DecisionRecord(kind: .joint(d), clock: clock, scene: scene))
                record = report.decisions.count - 1
            }
            let awaited =
                !report.decisions[record].awaited.isEmpty
                && (by == .lead || by == .arbitration || by == .arbitrationRole)
            let deliberation = awaited ? callWall.flatMap { self.deliberation($0, wall) } : nil
            report.decisions[record].resolution = (option, by, role, clock, deliberation)
            openJoint = nil
            callWall = nil
            target = .resolution(decision: record)
            timeline(
                clock, "resolved", role: role,
                [scenario.decisions[d].question, scenario.options[option].label, by.rawValue])
        case .discussionOpened(let d, let roles):
            target = .none
            guard !roles.isEmpty else { break }
            report.discussions.append(DiscussionRecord(discussion: d, clock: clock, answers: []))
            openDiscussion = (report.discussions.count - 1, wall)
        case .discussionAnswered(let role, let d, let text):
            target = .none
            let record: Int
            if let open = openDiscussion, report.discussions[open.record].discussion == d {
                record = open.record
            } else {
                report.discussions.append(DiscussionRecord(discussion: d, clock: clock, answers: []))
                record = report.discussions.count - 1
                openDiscussion = (record, wall)
            }
            let since = openDiscussion.flatMap { deliberation($0.wall, wall) }
            report.discussions[record].answers.append(
                DiscussionRecord.Answer(role: role, clock: clock, text: text, deliberation: since))
        case .actionTaken(let role, let action):
            var record = DecisionRecord(kind: .action(action), clock: clock, scene: scene)
            record.moves = [
                Move(role: role, pick: action, auto: nil, clock: clock, deliberation: nil, consequences: [])
            ]
            report.decisions.append(record)
            target = .move(decision: report.decisions.count - 1, move: 0)
            timeline(clock, "action", role: role, [scenario.actions[action].title])
        case .itemShared(let item, let by, let with, let c):
            report.shares.append(ShareRecord(clock: clock, item: item, by: by, with: with, cause: cause(c)))
            let others = scenario.roles.indices.filter { $0 != by }
            let names = with.count > 1 && Set(with) == Set(others) ? Self.everyone : roleNames(with)
            timeline(clock, "shared", role: by, [scenario.items[item].title, names])
            follow(clock, "share", role: by, [scenario.items[item].title, names])
        case .breach(let item, let roles, _):
            // The parties it reached are recorded by their `leaked` events, once each.
            for role in roles {
                report.breaches.append(BreachRecord(clock: clock, item: item, role: role))
                timeline(clock, "breach", role: role, [scenario.items[item].title])
                follow(clock, "breach", role: role, [scenario.items[item].title])
            }
        case .leaked(let item, let party, let by):
            report.leaks.append(LeakRecord(clock: clock, item: item, party: party, by: by))
            timeline(clock, "leaked", role: by, [scenario.items[item].title, scenario.parties[party].name])
            follow(clock, "leaked", role: by, [scenario.items[item].title, scenario.parties[party].name])
        case .released(let item, let party, let by):
            timeline(clock, "released", role: by, [scenario.items[item].title, scenario.parties[party].name])
            follow(clock, "released", role: by, [scenario.items[item].title, scenario.parties[party].name])
        case .clearanceChanged(let item, let roles, let granted, _):
            let kind = granted ? "cleared" : "revoked"
            timeline(clock, kind, [roleNames(roles), scenario.items[item].title])
            follow(clock, kind, [roleNames(roles), scenario.items[item].title])
        case .injectFired(let i, let manual):
            timeline(clock, manual ? "injectManual" : "inject", [scenario.injects[i].title])
            follow(clock, "inject", [scenario.injects[i].title])
        case .expectationScored(let x, let role, let outcome):
            guard role == nil else { break }
            timeline(clock, "expectation", [scenario.expectations[x].title, outcome.rawValue])
            follow(clock, "expectation", [scenario.expectations[x].title, outcome.rawValue])
        case .requestSent(let q, _):
            requestWall[q] = wall
            let request = scenario.requests[q]
            timeline(clock, "requestSent", role: request.from, [request.title, scenario.roles[request.to].name])
            follow(clock, "request", role: request.from, [request.title, scenario.roles[request.to].name])
        case .requestAnswered(let q, let accepted, let outcome, let auto):
            requestAccepted[q] = (accepted, auto, wall)
            if !auto { target = .none }
            let request = scenario.requests[q]
            let label = accepted ? request.acceptLabel : request.refuseLabel
            timeline(
                clock, "requestAnswered", role: request.to, [request.title, label, outcome.rawValue],
                auto: auto ? .automated : nil)
            follow(clock, "answered", role: request.to, [request.title, outcome.rawValue])
        case .requestOverdue(let q):
            overdue.insert(q)
            let request = scenario.requests[q]
            timeline(clock, "requestOverdue", role: request.to, [request.title])
            follow(clock, "overdue", role: request.to, [request.title])
        case .playerRequestSent(let k, let from, let to, let item, let text, _, _):
            let subject = item.map { scenario.items[$0].title } ?? text
            timeline(clock, "playerRequestSent", role: from, ["r\(k + 1)", subject, roleNames(to)])
            follow(clock, "playerRequest", role: from, ["r\(k + 1)", roleNames(to)])
        case .playerRequestAnswered(let k, _, let by, let reply, let outcome, let auto):
            if !auto { target = .none }
            timeline(
                clock, "playerRequestAnswered", role: by, ["r\(k + 1)", Self.reply(reply), outcome.rawValue],
                auto: auto ? .automated : nil)
            follow(clock, "answered", role: by, ["r\(k + 1)", outcome.rawValue])
        case .playerRequestForwarded(let k, let receiver, let by, let to, _):
            forwards[k, default: [:]][receiver, default: []].append((clock, by, to))
            timeline(
                clock, "playerRequestForwarded", role: by,
                ["r\(k + 1)", scenario.roles[to].name, scenario.roles[receiver].name])
        case .playerRequestOverdue(let k, let receiver):
            timeline(clock, "requestOverdue", role: receiver, ["r\(k + 1)"])
            follow(clock, "overdue", role: receiver, ["r\(k + 1)"])
        case .variableChanged(let v, let value):
            follow(clock, "variable", [scenario.variables[v].id, Self.text(value)])
        case .measureChanged(let m, let role, let delta, let value, let c):
            report.scores.changes.append(
                ScoreSection.Change(clock: clock, measure: m, role: role, delta: delta, value: value, cause: cause(c)))
            if delta != 0 {
                follow(clock, "measure", role: role, [scenario.measures[m].name, NumberText.signed(delta)])
            }
        case .pointsAwarded(let role, let amount, let reason, let c):
            report.scores.awards.append(
                ScoreSection.Award(clock: clock, role: role, amount: amount, reason: reason, cause: cause(c)))
            follow(clock, "points", role: role, [NumberText.signed(amount)])
        case .clockAdvanced(let from, let to):
            follow(clock, "clock", [Self.time(from), Self.time(to)])
        case .debriefNote(let text):
            report.debriefNotes.append(NoteRecord(clock: clock, role: nil, text: text))
            follow(clock, "note", [text])
        case .note(let role, let text):
            target = .none
            report.notes.append(NoteRecord(clock: clock, role: role, text: text))
            timeline(clock, role == nil ? "facilitatorNote" : "note", role: role, [text])
        case .paused:
            timeline(clock, "paused", [])
        case .resumed:
            timeline(clock, "resumed", [])
        case .objectiveRated(let o, let rating, let rule, let facts, let checkpoint):
            let rules = scenario.objectives[o].rules
            let condition = rule.flatMap { rules.indices.contains($0) ? rules[$0].source : nil }
            let rated = ObjectiveRecord.Rated(
                clock: clock, rating: rating, rule: rule.map { $0 + 1 }, condition: condition, facts: facts,
                checkpoint: checkpoint)
            objectiveRatings[o, default: []].append(rated)
            if checkpoint { timeline(clock, "checkpoint", [scenario.objectives[o].title, rating.rawValue]) }
        case .ratingOverridden(let o, let rating, let reason):
            timeline(clock, "override", [scenario.objectives[o].title, rating.rawValue, reason])
        case .peerReviewOpened:
            target = .none
            report.peer.held = true
            timeline(clock, "peer", [])
        case .peerRated(let rater, let ratee, let question, let value):
            report.peer.named.append(PeerSection.Named(rater: rater, target: ratee, question: question, value: value))
        case .endingReached(let ending, let reason):
            let title = ending.map { scenario.endings[$0].title } ?? ""
            timeline(clock, "ending", [title, reason.rawValue])
            follow(clock, "ending", [title, reason.rawValue])
        case .runtimeError(let message, _):
            report.errors.append(NoteRecord(clock: clock, role: nil, text: message))
            timeline(clock, "error", [message])
        }
    }

    private var objectiveRatings: [Int: [ObjectiveRecord.Rated]] = [:]

    /// Starts the stand-ins in the arguments of timeline entries and consequences, which the renderers put into the
    /// report's language (``ReportText/names(_:)``, ``ReportText/expand(_:)``): the report itself is built once,
    /// in no language.
    static let marker = "\u{1}"

    /// Stands for "every other role" in the arguments of a share; the renderers put it into words.
    static let everyone = marker + "everyone"

    /// A reply as the report's arguments carry it: `accept`, `accept_derived`, `refuse` followed by a tab and the
    /// reason.
    static func reply(_ r: RequestReply) -> String {
        switch r {
        case .accept: "accept"
        case .acceptDerived: "accept_derived"
        case .refuse(let reason): "refuse\t" + reason
        case .forward: "forward"
        }
    }

    /// Stands for a scenario time (minutes on the clock) in the arguments.
    static func time(_ clock: Int) -> String { marker + "time:\(clock)" }

    /// Stands for a scenario duration in the arguments.
    static func duration(_ minutes: Int) -> String { marker + "duration:\(minutes)" }

    /// A variable's value as the report's arguments carry it (a duration as a stand-in).
    static func text(_ value: Value) -> String {
        switch value {
        case .number(let n): NumberText.format(n, digits: 2)
        case .duration(let m): duration(m)
        case .bool(let b): b ? "true" : "false"
        case .text(let t): t
        }
    }

    // MARK: Sections from the final state

    private mutating func finish() {
        let session = replay.session
        let state = session.state
        let roleCount = scenario.roles.count
        // Objectives.
        for o in scenario.objectives.indices {
            let override = state.overrides[o].map { ($0, state.overrideReasons[o]) }
            let computed = state.ratings[o] ?? scenario.objectives[o].otherwise
            report.objectives.append(
                ObjectiveRecord(
                    objective: o, ratings: objectiveRatings[o] ?? [], computed: computed, override: override))
        }
        let shown = report
        let leakers: (ItemIndex) -> [Int] = { item in
            shown.breaches.filter { $0.item == item }.compactMap { shown.leaker($0) }
        }
        report.objectiveRoles = scenario.objectives.indices.map {
            session.responsibleRoles(objective: $0, leakers: leakers)
        }
        // Expected actions whose inject fired.
        for (x, expectation) in scenario.expectations.enumerated() {
            guard let start = state.expectationStart[x] else { continue }
            let slots = expectation.responders.isEmpty ? [roleCount] : expectation.responders
            let responses = slots.map { slot -> ExpectationRecord.Response in
                let index = x * (roleCount + 1) + slot
                let at = state.responseAt[index]
                return ExpectationRecord.Response(
                    role: slot < roleCount ? slot : nil, outcome: state.responderOutcome[index],
                    at: at == neverMinutes ? nil : at)
            }
            report.expectations.append(
                ExpectationRecord(
                    expectation: x, start: start, deadline: start + expectation.within,
                    outcome: state.expectationOutcome[x],
                    responses: responses))
        }
        report.expectations.sort { ($0.start, $0.expectation) < ($1.start, $1.expectation) }
        // Requests sent.
        let card = Scorecard(session: session)
        for (q, request) in scenario.requests.enumerated() {
            guard let sent = state.requestSentAt[q] else { continue }
            let answered = state.requestAnsweredAt[q]
            let answer = requestAccepted[q]
            let wallResponse: Int64? =
                answer.flatMap { a in a.auto ? nil : requestWall[q].flatMap { deliberation($0, a.wall) } }
            report.requests.append(
                RequestRecord(
                    request: q, sent: sent, deadline: sent + request.within,
                    answered: answered, accepted: answer?.accepted, auto: answer?.auto ?? false,
                    overdue: overdue.contains(q), outcome: card.requests[q], wallResponse: wallResponse))
        }
        report.requests.sort { ($0.sent, $0.request) < ($1.sent, $1.request) }
        // Requests players sent: each copy with its hand-offs and its final outcome.
        report.playerRequests = state.playerRequests.enumerated().map { k, r in
            PlayerRequestRecord(
                number: k, from: r.from, item: r.item, text: r.text, duty: r.duty, sent: r.sentAt, deadline: r.deadline,
                copies: r.to.indices.map { c in
                    PlayerRequestRecord.Copy(
                        receiver: r.to[c], forwards: forwards[k]?[r.to[c]] ?? [],
                        by: r.answeredAt[c] == nil ? nil : r.holders[c], reply: r.replies[c], answered: r.answeredAt[c],
                        outcome: r.outcomes[c])
                })
        }
        // Who knew what.
        report.knowledge = scenario.items.indices.map { item in
            (0..<roleCount).map { role in
                let at = state.knownAt[item * roleCount + role]
                return at == neverMinutes ? nil : at
            }
        }
        // Peer evaluation.
        if replay.anonymousDone {
            report.peer.held = true
            report.peer.received = Self.aggregate(
                replay.anonymousRatings.map { ($0.target, $0.question, $0.value) },
                scenario: scenario, withholdBelow: 2)
            report.peer.flagged = replay.anonymousFlagged
        } else if !report.peer.named.isEmpty {
            report.peer.received = Self.aggregate(
                report.peer.named.compactMap { r in r.value.map { (r.target, r.question, $0) } }, scenario: scenario)
            report.peer.flagged = session.flaggedPairs()
        }
    }

    /// The count and mean of the ratings each role received on each question, in role and question order. A mean of
    /// fewer than `withholdBelow` ratings is withheld (anonymous mode: one rating is no aggregate).
    static func aggregate(
        _ ratings: [(target: Int, question: Int, value: Int)], scenario: Scenario, withholdBelow: Int = 1
    )
        -> [PeerSection.Aggregate]
    {
        var result: [PeerSection.Aggregate] = []
        for target in scenario.roles.indices {
            for question in scenario.peerQuestions.indices {
                let values = ratings.filter { $0.target == target && $0.question == question }.map(\.value)
                let withheld = !values.isEmpty && values.count < withholdBelow
                let mean = values.isEmpty || withheld ? nil : Double(values.reduce(0, +)) / Double(values.count)
                result.append(
                    PeerSection.Aggregate(
                        target: target, question: question, count: values.count, mean: mean, withheld: withheld))
            }
        }
        return result
    }
}
