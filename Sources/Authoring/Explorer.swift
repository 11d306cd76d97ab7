import Dispatch
import ExerciseEngine
import Foundation
import ScenarioLanguage
import Synchronization

/// Settings of an exhaustive exploration.
public struct ExploreOptions: Sendable, Hashable {
    /// Stop after this many distinct states (all seeds together).
    public var limit: Int
    /// The session seeds explored. Chance (`chance N%` branches and inject chances) is drawn from the session's
    /// seeded generator, which is part of the state: for one seed, exploring covers every input but only the luck
    /// that seed brings. Several seeds explore several draws of luck; reachable content is the union over seeds,
    /// and the best and worst scores are over every seed.
    public var seeds: [UInt64]
    /// Whether roles take actions and answer cooperation requests, as branches at every decision point (each action
    /// available to each role then, and accepting or refusing each request waiting for an answer). Off: actions are
    /// never taken and requests stay unanswered.
    public var actions: Bool
    /// Whether roles share items by command (each item a role knows, with every role), as branches at every
    /// decision point, in exercises with open sharing. Off by default: it multiplies the state space.
    public var shares: Bool
    /// Stop after this many seconds, if set.
    public var timeLimit: Double?
    /// Seconds after which an input from which the engine does not return is reported as a hang (nil: never).
    public var hangTimeout: Double?

    /// Creates settings.
    public init(
        limit: Int = 1_000_000, seeds: [UInt64] = [1], actions: Bool = true, shares: Bool = false,
        timeLimit: Double? = nil, hangTimeout: Double? = 10
    ) {
        self.limit = limit
        self.seeds = seeds
        self.actions = actions
        self.shares = shares
        self.timeLimit = timeLimit
        self.hangTimeout = hangTimeout
    }
}

/// What ``Explorer`` found.
public struct ExplorationReport: Sendable, Codable, Hashable {
    /// The exercise's id.
    public var exercise: String
    /// The exercise's title.
    public var title: String
    /// The seeds explored.
    public var seeds: [UInt64]
    /// Whether actions and request answers were explored.
    public var actions: Bool
    /// Whether shares by command were explored.
    public var shares: Bool
    /// Whether every reachable state was explored; when false, reachable content and scores are lower bounds of
    /// the truth and ``stopReason`` says why.
    public var complete: Bool
    /// Why the exploration stopped early.
    public var stopReason: String?
    /// Distinct states explored.
    public var states: Int
    /// Inputs applied.
    public var transitions: Int
    /// Distinct states where the story had ended.
    public var endStates: Int
    /// An upper bound on the number of distinct input sequences when every question is asked once and no action is
    /// taken: the product, over questions, of the ways to answer them (see ``boundExplanation``).
    public var bound: Double
    /// How ``bound`` was computed.
    public var boundExplanation: String
    /// Runtime errors, each with the seed and inputs that reach it.
    public var errors: [ExplorationError]
    /// Reachable and unreachable content.
    public var coverage: [CoverageSection]
    /// The best achievable team total, with the inputs that reach it.
    public var best: ScorePath?
    /// The worst achievable team total, with the inputs that reach it.
    public var worst: ScorePath?
    /// Per measure, each role's lowest and highest raw value in any reachable state.
    public var measures: [MeasureBounds]
}

/// A runtime error reached by exploring.
public struct ExplorationError: Sendable, Codable, Hashable {
    /// What went wrong.
    public var message: String
    /// Where, `file:line:column`, if known.
    public var location: String?
    /// The session seed.
    public var seed: UInt64
    /// The inputs from the start that reach it.
    public var path: [String]
}

/// A final score and the inputs that reach it.
public struct ScorePath: Sendable, Codable, Hashable {
    /// The team total, 0–100.
    public var total: Double
    /// The ending reached: an ending id, or `(time up)`.
    public var ending: String
    /// The session seed.
    public var seed: UInt64
    /// The inputs from the start, e.g. `eco: sample_now`.
    public var path: [String]
}

/// A measure's observed raw bounds.
public struct MeasureBounds: Sendable, Codable, Hashable {
    /// The measure's id.
    public var id: String
    /// Its name.
    public var name: String
    /// The range it declares, `LO..HI`, if any.
    public var declared: String?
    /// Per role: lowest and highest.
    public var roles: [RoleRange]
    /// The `range` line covering every role.
    public var suggested: String
}

/// One role's lowest and highest value of a measure.
public struct RoleRange: Sendable, Codable, Hashable {
    /// The role's id.
    public var role: String
    /// Lowest value.
    public var min: Double
    /// Highest value.
    public var max: Double
}

/// Exhaustive search of an exercise's decision space, merging identical states.
///
/// Every role is played and a facilitator is present. At each state the explorer tries: each offered choice of
/// each role still to answer the current question (in any order, since a choice's effects apply as it is made);
/// each option for the first role still to take a position in a decision (positions are private until all are in,
/// so their order does not matter); each option of a lead call or an arbitration; one answer to a discussion; and,
/// with ``ExploreOptions/actions``, each action available to each role and each answer to each waiting request.
/// The story's end (an ending, the clock running out, or a runtime error) is a leaf; the peer evaluation that
/// follows changes no score. States are merged by their full value (``SessionState`` is `Hashable`; keys are two
/// independent 64-bit hashes of it). A state met again on its own path (a loop) is cut. Of several paths to the same
/// best (or worst) score, the shortest is reported, then the first in the order above.
public struct Explorer: Sendable {
    /// The exercise explored.
    public let scenario: Scenario

    /// Creates an explorer for an exercise.
    public init(scenario: Scenario) { self.scenario = scenario }

    /// Among the inputs the explorer would try in `session`, the one a report names `text` (as in
    /// ``ScorePath/path``), if any: to replay a reported path.
    public func input(named text: String, in session: Session) -> Input? {
        let search = Search(scenario: scenario, options: ExploreOptions(seeds: [], actions: true, shares: true))
        return search.moves(session).first { search.describe($0) == text }
    }

    /// Explores. `progress` receives the number of distinct states so far, now and then; `shouldCancel` is polled
    /// as often, and when it returns true the report covers what was explored.
    public func run(
        _ options: ExploreOptions, progress: ((Int) -> Void)? = nil,
        shouldCancel: () -> Bool = { false }
    ) -> ExplorationReport {
        // The search runs on its own thread while this one reports progress, polls for cancellation and the time
        // limit, and watches for an input from which the engine never returns.
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = options.timeLimit.map { start + .seconds($0) }
        let watch = Watch(deadline: deadline)
        let thread = Thread { [self] in
            let report = self.search(options, watch: watch, stopAt: nil)
            watch.result.withLock { $0 = report }
            watch.finished.store(true, ordering: .releasing)
            watch.wake.signal()
        }
        thread.name = "sandtable-explore"
        thread.start()
        var seen = (transitions: Int?.none, since: start)
        var reported: Int?
        while !watch.finished.load(ordering: .acquiring) {
            _ = watch.wake.wait(timeout: .now() + .milliseconds(50))
            let states = watch.states.load(ordering: .relaxed)
            if states != reported {
                progress?(states)
                reported = states
            }
            if shouldCancel() { watch.stop.store(Watch.cancelled, ordering: .relaxed) }
            let now = clock.now
            if let limit = options.timeLimit, now - start > .seconds(limit) {
                watch.stop.store(Watch.timeUp, ordering: .relaxed)
            }
            let transitions = watch.transitions.load(ordering: .relaxed)
            if transitions != seen.transitions || !watch.applying.load(ordering: .acquiring) {
                // Time spent outside the engine (growing the table of states, say) is no hang.
                seen = (transitions, now)
            } else if let hang = options.hangTimeout, now - seen.since > .seconds(hang),
                !watch.finished.load(ordering: .acquiring)
            {
                // Explore again up to the input that hangs, without applying it: same order, same results, and the
                // same time limit.
                return search(options, watch: Watch(deadline: deadline), stopAt: transitions)
            }
        }
        return watch.result.withLock { $0 } ?? search(options, watch: Watch(deadline: deadline), stopAt: nil)
    }

    /// The whole search, on the calling thread.
    private func search(_ options: ExploreOptions, watch: Watch, stopAt: Int?) -> ExplorationReport {
        var search = Search(scenario: scenario, options: options)
        var stop: String?
        var roots: [(seed: UInt64, session: Session)] = []
        for seed in options.seeds {
            var session = Session(
                scenario: scenario, seed: seed, played: Set(scenario.roles.indices), facilitated: true)
            session.recordsEvents = false
            _ = session.start()
            roots.append((seed, session))
            stop = search.explore(root: session, seed: seed, watch: watch, stopAt: stopAt)
            if stop != nil { break }
        }
        return search.report(roots: roots, stopReason: stop)
    }
}

/// What the search thread and the watching thread share.
private final class Watch: Sendable {
    static let cancelled = 1
    static let timeUp = 2

    /// Inputs applied so far (the search's heartbeat).
    let transitions = Atomic<Int>(0)
    /// Distinct states so far.
    let states = Atomic<Int>(0)
    /// Why to stop: 0 (go on), ``cancelled`` or ``timeUp``.
    let stop = Atomic<Int>(0)
    let finished = Atomic<Bool>(false)
    /// Whether the search is inside the engine (`Session.apply`): only there can it hang.
    let applying = Atomic<Bool>(false)
    /// When the time limit runs out, checked by the search itself too.
    let deadline: ContinuousClock.Instant?
    let wake = DispatchSemaphore(value: 0)
    let result = Mutex<ExplorationReport?>(nil)

    init(deadline: ContinuousClock.Instant? = nil) { self.deadline = deadline }
}

/// The values known for an explored state.
private struct Node {
    // (In this order the optionals pack into the padding: 40 bytes a node, as many as with -1 for "no move".)
    var best = -Double.infinity
    var worst = Double.infinity
    /// Inputs from here to the leaf of the best (worst) score; the shortest way wins ties.
    var bestLength: Int32 = 0
    var worstLength: Int32 = 0
    /// The index of the move towards the best (worst) score among the state's moves; nil at a leaf.
    var bestMove: Int32?
    var done = false
    var worstMove: Int32?
}

/// A state's key: two independent 64-bit hashes.
private struct Key: Hashable {
    var a: Int
    var b: Int

    init(_ state: SessionState) {
        a = state.hashValue
        var h = Hasher()
        h.combine(0x5BD1_E995 as UInt32)
        h.combine(state)
        b = h.finalize()
    }
}

/// One state on the search stack.
private struct Frame {
    var session: Session
    var key: Key
    var moves: [Input]
    var next = 0
    var node = Node()
}

/// The search itself, with everything it has learnt.
private struct Search {
    let scenario: Scenario
    let options: ExploreOptions
    var memo: [Key: Node] = [:]
    var coverage: Coverage
    var measureMin: [Double]
    var measureMax: [Double]
    var transitions = 0
    var endStates = 0
    var errors: [ExplorationError] = []
    var errorKeys: Set<String> = []
    var errorStates = 0

    init(scenario: Scenario, options: ExploreOptions) {
        self.scenario = scenario
        self.options = options
        coverage = Coverage(scenario: scenario)
        let n = scenario.measures.count * scenario.roles.count
        measureMin = Array(repeating: .infinity, count: n)
        measureMax = Array(repeating: -.infinity, count: n)
    }

    /// Explores from a root; returns why it stopped early, or nil when it explored everything. With `stopAt`, stops
    /// before applying that input (counting from the start of the whole search), reporting it as a hang.
    mutating func explore(root: Session, seed: UInt64, watch: Watch, stopAt: Int?) -> String? {
        let rootKey = Key(root.state)
        if memo[rootKey] != nil { return nil }
        if let leaf = leaf(root, key: rootKey, path: [], seed: seed) {
            memo[rootKey] = leaf
            return nil
        }
        var stack = [Frame(session: root, key: rootKey, moves: moves(root))]
        memo[rootKey] = Node()
        var stop: String?
        while !stack.isEmpty {
            let top = stack.count - 1
            if stop != nil || stack[top].next >= stack[top].moves.count {
                var node = stack[top].node
                node.done = stop == nil
                memo[stack[top].key] = node
                stack.removeLast()
                if let parent = stack.indices.last { Self.combine(&stack[parent], node, move: stack[parent].next - 1) }
                continue
            }
            let k = stack[top].next
            stack[top].next += 1
            var child = stack[top].session
            transitions += 1
            if transitions == stopAt {
                let limit = formatNumber(options.hangTimeout ?? 0)
                recordError(
                    "the engine did not return from an input within \(limit) s: an endless loop in the engine",
                    location: nil, seed: seed, path: path(stack))
                stop = "the engine hung (see the runtime errors)"
                continue
            }
            watch.transitions.store(transitions, ordering: .relaxed)
            if transitions & 1023 == 0 {
                var reason = watch.stop.load(ordering: .relaxed)
                if reason == 0, let deadline = watch.deadline, ContinuousClock.now > deadline { reason = Watch.timeUp }
                switch reason {
                case Watch.cancelled: stop = "cancelled"
                case Watch.timeUp: stop = "time limit of \(formatNumber(options.timeLimit ?? 0)) s reached"
                default: break
                }
                if stop != nil { continue }
            }
            // Only time inside the engine can be a hang; growing the memo table, say, is not.
            watch.applying.store(true, ordering: .releasing)
            var refusal: Error?
            do {
                _ = try child.apply(stack[top].moves[k])
            } catch {
                refusal = error
            }
            watch.applying.store(false, ordering: .releasing)
            if let refusal {
                recordError(
                    "the session refused an input it offered: \(stack[top].moves[k]) → \(refusal)",
                    location: nil, seed: seed, path: path(stack))
                continue
            }
            let key = Key(child.state)
            if let known = memo[key] {
                if known.done { Self.combine(&stack[top], known, move: k) }
                continue  // else a loop: the state is on the current path
            }
            if memo.count >= options.limit {
                stop = "state limit of \(options.limit) reached"
                continue
            }
            if memo.count & 1023 == 0 { watch.states.store(memo.count, ordering: .relaxed) }
            if let node = leaf(child, key: key, path: path(stack), seed: seed) {
                memo[key] = node
                Self.combine(&stack[top], node, move: k)
                continue
            }
            memo[key] = Node()
            stack.append(Frame(session: child, key: key, moves: moves(child)))
        }
        return stop
    }

    /// The inputs applied from the root to the newest frame's pending child.
    private func path(_ stack: [Frame]) -> [Input] { stack.map { $0.moves[$0.next - 1] } }

    private static func combine(_ frame: inout Frame, _ child: Node, move: Int) {
        let node = frame.node
        if child.best > node.best
            || (child.best == node.best && child.best > -.infinity
                && child.bestLength + 1 < node.bestLength)
        {
            frame.node.best = child.best
            frame.node.bestMove = Int32(move)
            frame.node.bestLength = child.bestLength + 1
        }
        if child.worst < node.worst
            || (child.worst == node.worst && child.worst < .infinity
                && child.worstLength + 1 < node.worstLength)
        {
            frame.node.worst = child.worst
            frame.node.worstMove = Int32(move)
            frame.node.worstLength = child.worstLength + 1
        }
    }

    /// Records a new state; returns its node when it is a leaf (the story ended, or it cannot go on).
    private mutating func leaf(_ session: Session, key: Key, path: [Input], seed: UInt64) -> Node? {
        let state = session.state
        coverage.record(state, roleCount: scenario.roles.count)
        for i in measureMin.indices {
            measureMin[i] = min(measureMin[i], state.measures[i])
            measureMax[i] = max(measureMax[i], state.measures[i])
        }
        if state.endReason == .error {
            errorStates += 1
            recordEngineError(seed: seed, path: path)
            return Node(done: true)
        }
        if state.endReason != nil {
            endStates += 1
            let total = Scorecard(session: session).teamTotal
            return Node(best: total, worst: total, done: true)
        }
        if case .ask(let a, let pending) = state.waiting {
            for role in pending where session.offeredChoices(a, to: role).isEmpty {
                errorStates += 1
                let ask = scenario.asks[a]
                recordError(
                    "no choice of the question \"\(ask.question)\" is offered to '\(scenario.roles[role].id)'",
                    location: ask.location.description, seed: seed, path: path)
                return Node(done: true)
            }
        }
        return nil
    }

    /// Reads the message of an engine error by replaying the path with events on.
    private mutating func recordEngineError(seed: UInt64, path: [Input]) {
        guard errorStates <= 256 || errors.isEmpty else { return }
        var session = Session(scenario: scenario, seed: seed, played: Set(scenario.roles.indices), facilitated: true)
        var events = session.start()
        for input in path { events = (try? session.apply(input)) ?? [] }
        for event in events {
            if case .runtimeError(let message, let location) = event.kind {
                recordError(message, location: location?.description, seed: seed, path: path)
                return
            }
        }
        recordError("runtime error", location: nil, seed: seed, path: path)
    }

    private mutating func recordError(_ message: String, location: String?, seed: UInt64, path: [Input]) {
        let key = message + "\u{1}" + (location ?? "")
        guard errorKeys.insert(key).inserted else { return }
        errors.append(
            ExplorationError(
                message: message, location: location, seed: seed,
                path: path.map { describe($0) }))
    }

    /// The inputs tried at a state, in a fixed order.
    func moves(_ session: Session) -> [Input] {
        var moves: [Input] = []
        switch session.waiting {
        case .ask(let a, let pending):
            for role in pending {
                for c in session.offeredChoices(a, to: role) { moves.append(.choose(role: role, choice: c)) }
            }
        case .positions(let d, let pending):
            if let role = pending.first {
                for o in scenario.decisions[d].options { moves.append(.position(role: role, option: o)) }
                // Abstaining is explored where the vote has a threshold, a quorum or a veto: with a plain majority
                // or plurality it only thins the votes, and exploring it would triple the states of every vote.
                let decision = scenario.decisions[d]
                if decision.isVote && (decision.threshold != nil || decision.quorum != nil || !decision.vetoes.isEmpty)
                {
                    moves.append(.abstain(role: role))
                }
            }
        case .leadCall(let d, let role), .arbiterCall(let d, let role):
            for o in scenario.decisions[d].options { moves.append(.leadCall(role: role, option: o)) }
        case .arbitration(let d):
            for o in scenario.decisions[d].options { moves.append(.facilitator(.arbitrate(option: o))) }
        case .discussion(_, let pending):
            if let role = pending.first { moves.append(.discuss(role: role, text: "(explored)")) }
        case .running, .peerReview, .ended:
            return []
        }
        if options.actions {
            for role in scenario.roles.indices {
                for action in session.availableActions(for: role) { moves.append(.act(role: role, action: action)) }
                for q in session.pendingRequests(for: role) {
                    moves.append(.answer(role: role, request: q, accept: true))
                    moves.append(.answer(role: role, request: q, accept: false))
                }
            }
        }
        if options.shares, scenario.header.openSharing {
            for role in scenario.roles.indices {
                // Among roles only: a leak to a party outside is never a move an explorer tries.
                for item in scenario.items.elementIndices where session.canShare(role, item) {
                    if scenario.roles.indices.contains(where: { !session.knows($0, item) }) {
                        moves.append(.share(role: role, item: item, with: [], parties: []))
                    }
                }
            }
        }
        return moves
    }

    /// An input in words, with ids: `eco: sample_now`.
    func describe(_ input: Input) -> String {
        let s = scenario
        switch input {
        case .choose(let r, let c): return "\(s.roles[r].id): \(s.choices[c].id)"
        case .position(let r, let o): return "\(s.roles[r].id): position \(s.options[o].id)"
        case .leadCall(let r, let o): return "\(s.roles[r].id): lead call \(s.options[o].id)"
        case .facilitator(.arbitrate(let o)): return "facilitator: arbitrate \(s.options[o].id)"
        case .discuss(let r, _): return "\(s.roles[r].id): discuss"
        case .act(let r, let a): return "\(s.roles[r].id): do \(s.actions[a].id)"
        case .answer(let r, let q, let accept):
            return "\(s.roles[r].id): \(accept ? "accept" : "refuse") \(s.requests[q].id)"
        case .share(let r, let item, _, _): return "\(s.roles[r].id): share \(s.items[item].id) with all"
        default: return "\(input)"
        }
    }

    /// Follows the best (or worst) moves from a root to a leaf.
    private func follow(_ root: Session, seed: UInt64, best: Bool) -> ScorePath? {
        var session = root
        var path: [String] = []
        var key = Key(session.state)
        guard let first = memo[key], best ? first.best > -.infinity : first.worst < .infinity else { return nil }
        let total = best ? first.best : first.worst
        while let node = memo[key] {
            let moves = moves(session)
            guard let move = best ? node.bestMove : node.worstMove, Int(move) < moves.count else { break }
            let k = Int(move)
            path.append(describe(moves[k]))
            guard (try? session.apply(moves[k])) != nil else { break }
            key = Key(session.state)
            if session.state.endReason != nil { break }
        }
        let ending: String
        switch session.state.endReason {
        case .timeUp?: ending = "(time up)"
        case .facilitator?: ending = "(facilitator)"
        case .error?: ending = "(runtime error)"
        default: ending = session.state.ending.map { scenario.endings[$0].id } ?? "?"
        }
        return ScorePath(total: total, ending: ending, seed: seed, path: path)
    }

    func report(roots: [(seed: UInt64, session: Session)], stopReason: String?) -> ExplorationReport {
        var best: ScorePath?
        var worst: ScorePath?
        for (seed, root) in roots {
            if let p = follow(root, seed: seed, best: true), p.total > best?.total ?? -.infinity { best = p }
            if let p = follow(root, seed: seed, best: false), p.total < worst?.total ?? .infinity { worst = p }
        }
        let r = scenario.roles.count
        let measures = scenario.measures.enumerated().map { m, measure in
            let roles = scenario.roles.enumerated().map { ri, role in
                RoleRange(
                    role: role.id, min: measureMin[m * r + ri].isFinite ? measureMin[m * r + ri] : 0,
                    max: measureMax[m * r + ri].isFinite ? measureMax[m * r + ri] : 0)
            }
            let lo = roles.map(\.min).min() ?? 0
            let hi = roles.map(\.max).max() ?? 0
            return MeasureBounds(
                id: measure.id, name: measure.name,
                declared: measure.rangeDeclared
                    ? "\(formatNumber(measure.range.lowerBound))..\(formatNumber(measure.range.upperBound))" : nil,
                roles: roles, suggested: "range \(formatNumber(lo))..\(formatNumber(hi))")
        }
        let (bound, explanation) = staticBound()
        return ExplorationReport(
            exercise: scenario.header.id, title: scenario.header.title, seeds: options.seeds,
            actions: options.actions, shares: options.shares, complete: stopReason == nil, stopReason: stopReason,
            states: memo.count, transitions: transitions, endStates: endStates, bound: bound,
            boundExplanation: explanation, errors: errors, coverage: coverage.sections(scenario), best: best,
            worst: worst, measures: measures)
    }

    /// The product of the ways to answer each question once: an ask of `r` roles with `c` choices, `c^r · r!`
    /// (choices and answer orders); a decision of `r` roles with `o` options and `n` negotiation rounds,
    /// `o^(r·(n+1)) · o` (positions in every round, then a lead call or arbitration); each `chance`, 2.
    func staticBound() -> (Double, String) {
        var log = 0.0
        func factorial(_ n: Int) -> Double { n <= 1 ? 1 : Double(n) * factorial(n - 1) }
        for ask in scenario.asks {
            let c = Double(ask.choices.count)
            log += Double(ask.roles.count) * log10(max(1, c)) + log10(factorial(ask.roles.count))
        }
        for d in scenario.decisions {
            let o = Double(max(1, d.options.count))
            let rounds = 1 + d.fallback.filter { if case .negotiate = $0 { true } else { false } }.count
            log += Double(d.roles.count * rounds + 1) * log10(o)
        }
        let chances = scenario.code.filter { if case .chance = $0 { true } else { false } }.count
        log += Double(chances) * log10(2)
        var text =
            "questions asked once, no actions: product over \(scenario.asks.count) asks of c^r·r!, over "
            + "\(scenario.decisions.count) decisions of o^(r·rounds)·o, and 2 per each of \(chances) chance branches"
        if options.actions, !scenario.actions.isEmpty || !scenario.requests.isEmpty {
            text += "; actions and request answers multiply it further (each may come at any decision point)"
        }
        return (pow(10, log), text)
    }
}
