import Dispatch
import ExerciseEngine
import Foundation
import ScenarioLanguage
import Synchronization

/// Settings of a simulation.
public struct SimulationOptions: Sendable, Hashable {
    /// How many playthroughs.
    public var runs: Int
    /// The base seed. Playthrough `i` (from 0) uses seed `seed &+ i` for the session, and a player generator
    /// derived from that seed, so each playthrough can be replayed alone from its seed.
    public var seed: UInt64
    /// How many threads play in parallel. The report does not depend on it.
    public var jobs: Int
    /// The probability of a side move (answering a request, taking an action, sharing an item) before each answer.
    public var sideMoveProbability: Double
    /// A playthrough that needs more inputs than this is stopped and reported as a runtime error (a loop).
    public var maxInputs: Int
    /// Seconds after which a playthrough stuck inside the engine is reported as a hang (nil: never).
    public var hangTimeout: Double?
    /// How the players play: at random (the default), as a competent team, or passively.
    public var policy: SimulationPolicy

    /// Creates settings.
    public init(
        runs: Int = 1000, seed: UInt64 = 1, jobs: Int = 1, sideMoveProbability: Double = 0.2,
        maxInputs: Int = 10_000, hangTimeout: Double? = 10, policy: SimulationPolicy = .random
    ) {
        self.policy = policy
        self.runs = runs
        self.seed = seed
        self.jobs = jobs
        self.sideMoveProbability = sideMoveProbability
        self.maxInputs = maxInputs
        self.hangTimeout = hangTimeout
    }
}

/// How many playthroughs of a simulation reached each element, by kind, in the order of the ``Scenario``'s arrays.
public struct ReachCounts: Sendable, Hashable {
    /// The playthroughs completed.
    public var runs: Int
    /// Whether the simulation was cancelled before all were played.
    public var cancelled: Bool
    /// Per scene: the playthroughs that visited it.
    public var scenes: [Int]
    /// Per choice: the playthroughs in which some role chose it.
    public var choices: [Int]
    /// Per option of a decision: the playthroughs that decided it.
    public var options: [Int]
    /// Per inject: the playthroughs in which it fired.
    public var injects: [Int]
    /// Per action: the playthroughs in which some role took it.
    public var actions: [Int]
    /// Per request: the playthroughs in which it was sent.
    public var requests: [Int]
    /// Per ending: the playthroughs that ended there.
    public var endings: [Int]
}

/// One playthrough in full: every input with the events that followed it.
public struct Playthrough: Sendable {
    /// One step: an input (nil for the start) and its events.
    public struct Step: Sendable {
        /// The input applied, or nil for the start of the session.
        public var input: Input?
        /// The events that followed.
        public var events: [Event]
    }
    /// The session seed.
    public var seed: UInt64
    /// Whether the session had a facilitator.
    public var facilitated: Bool
    /// The steps, in order.
    public var steps: [Step]
    /// The session as it ended (or stopped).
    public var session: Session
    /// The runtime error that stopped it, if any.
    public var error: RuntimeErrorReport?
}

/// Plays an exercise many times with a random player for every role, and reports runtime errors (each with the
/// seed that reproduces it), coverage, and the distributions of endings, measures, totals and ratings.
///
/// Every role is played (so choices, positions, lead calls, discussions, requests, actions, shares and peer
/// ratings are all exercised); half of the playthroughs, chosen by the player's generator, have a facilitator, who
/// arbitrates decisions with a random option. A runtime error is an engine `runtimeError` event, an input the
/// player believed valid that the session refused, a session that waits for an answer nobody can give, or a
/// playthrough that needs more than ``SimulationOptions/maxInputs`` inputs.
public struct Simulator: Sendable {
    /// The exercise played.
    public let scenario: Scenario
    /// The bounds each session's scores are normalised against (``Session/scoreBounds``); nil: the measures'
    /// ranges. Find them with ``BoundsFinder``.
    public var bounds: ScoreBounds?

    /// Playthroughs per unit of parallel work. Fixed, so that results merge in the same order for any job count.
    static let chunkSize = 256

    /// Creates a simulator for an exercise.
    public init(scenario: Scenario) { self.scenario = scenario }

    /// The session seed of playthrough `index`.
    public static func seed(of index: Int, base: UInt64) -> UInt64 { base &+ UInt64(index) }

    /// Runs the playthroughs on ``SimulationOptions/jobs`` worker threads while the calling thread watches them:
    /// it calls `progress` with the number of playthroughs done so far (about twenty times a second) and
    /// polls `shouldCancel` as often; when that returns true, the workers stop after their current batch and the
    /// report covers the playthroughs completed (``SimulationReport/cancelled``). A playthrough in which the engine
    /// does not return from an input within ``SimulationOptions/hangTimeout`` is reported as a runtime error with
    /// its seed and the run stops early; the thread stuck in the engine is left behind (a command-line tool exits
    /// right after).
    public func run(
        _ options: SimulationOptions, progress: ((Int) -> Void)? = nil, shouldCancel: () -> Bool = { false }
    ) -> SimulationReport {
        let (total, cancelled) = tally(options, progress: progress, shouldCancel: shouldCancel)
        return total.report(scenario, options: options, cancelled: cancelled)
    }

    /// How many playthroughs reached each scene, choice, option, inject, action, request and ending: what an
    /// editor shows beside each (`reached in 412 of 1,000 runs`). Runs like ``run(_:progress:shouldCancel:)``, and
    /// like it stops early when `shouldCancel` returns true, counting the playthroughs completed.
    public func reach(_ options: SimulationOptions, shouldCancel: () -> Bool = { false }) -> ReachCounts {
        let (total, cancelled) = tally(options, progress: nil, shouldCancel: shouldCancel)
        let c = total.coverage.counts
        return ReachCounts(
            runs: total.runs, cancelled: cancelled, scenes: c[Coverage.Kind.scenes.rawValue],
            choices: c[Coverage.Kind.choices.rawValue], options: c[Coverage.Kind.options.rawValue],
            injects: c[Coverage.Kind.injects.rawValue], actions: c[Coverage.Kind.actions.rawValue],
            requests: c[Coverage.Kind.requests.rawValue], endings: c[Coverage.Kind.endings.rawValue])
    }

    /// Plays the playthroughs and adds up their outcomes; also whether the run was cancelled.
    private func tally(
        _ options: SimulationOptions, progress: ((Int) -> Void)?, shouldCancel: () -> Bool
    ) -> (Tally, Bool) {
        let runs = max(0, options.runs)
        let chunks = (runs + Self.chunkSize - 1) / Self.chunkSize
        let jobs = max(1, min(options.jobs, max(1, chunks)))
        let shared = SharedWork(chunks: chunks, workers: jobs)
        for worker in 0..<jobs {
            let thread = Thread { [self] in
                self.work(worker: worker, shared: shared, chunks: chunks, runs: runs, options)
                shared.finished.add(1, ordering: .releasing)
                shared.wake.signal()
            }
            thread.name = "sandtable-simulate-\(worker)"
            thread.start()
        }
        let clock = ContinuousClock()
        var seen = Array(repeating: (index: Int?.none, since: clock.now), count: jobs)
        var hung: [Int: Int] = [:]  // worker → the playthrough it is stuck in
        while shared.finished.load(ordering: .acquiring) + hung.count < jobs {
            _ = shared.wake.wait(timeout: .now() + .milliseconds(50))
            if shouldCancel() { shared.cancelled.store(true, ordering: .relaxed) }
            progress?(shared.done.load(ordering: .relaxed))
            guard let limit = options.hangTimeout else { continue }
            let now = clock.now
            for w in 0..<jobs where hung[w] == nil {
                let index = shared.heartbeats[w].playing
                if index != seen[w].index {
                    seen[w] = (index, now)
                } else if let index, now - seen[w].since > .seconds(limit) {
                    hung[w] = index
                    shared.cancelled.store(true, ordering: .relaxed)
                }
            }
        }
        progress?(shared.done.load(ordering: .relaxed))
        var total = Tally(scenario: scenario)
        total.bounds = bounds
        let results = shared.results.withLock { $0 }
        for case let tally? in results { total.merge(tally) }
        if let first = hung.values.min() {
            let limit = formatNumber(options.hangTimeout ?? 0)
            total.errors[Tally.ErrorKey(message: "hang", location: nil)] = RuntimeErrorReport(
                message: "the engine did not return from an input within \(limit) s: an endless loop in the engine",
                location: nil, seed: Self.seed(of: first, base: options.seed), playthrough: first, count: hung.count)
        }
        return (total, shared.cancelled.load(ordering: .relaxed))
    }

    /// One worker's loop: takes batches until none is left or the run is cancelled.
    private func work(worker: Int, shared: SharedWork, chunks: Int, runs: Int, _ options: SimulationOptions) {
        // With several threads, each plays its own copy of the scenario, so that the threads never touch the same
        // reference counts (shared counts cost more than the copy).
        let simulator = options.jobs > 1 ? Simulator(scenario: Self.privateCopy(of: scenario)) : self
        let heartbeat = shared.heartbeats[worker]
        while !shared.cancelled.load(ordering: .relaxed) {
            let c = shared.next.add(1, ordering: .relaxed).oldValue
            if c >= chunks { break }
            var tally = Tally(scenario: scenario)
            tally.bounds = bounds
            let start = c * Self.chunkSize
            for i in start..<min(runs, start + Self.chunkSize) {
                heartbeat.playing = i
                simulator.play(index: i, options, into: &tally)
                shared.done.add(1, ordering: .relaxed)
            }
            shared.results.withLock { $0[c] = tally }
        }
        heartbeat.playing = nil
    }

    /// Plays one playthrough with every event kept (for `--show-text`, and to read the message of an error).
    public func playthrough(index: Int, _ options: SimulationOptions) -> Playthrough {
        let seed = Self.seed(of: index, base: options.seed)
        var (player, facilitated) = Self.player(seed: seed, options)
        var session = Session(
            scenario: scenario, seed: seed, played: Set(scenario.roles.indices),
            facilitated: facilitated)
        session.scoreBounds = bounds
        var steps = [Playthrough.Step(input: nil, events: session.start())]
        var error = Self.error(in: steps[0].events, index: index, seed: seed)
        var count = 0
        while error == nil {
            switch player.next(session, scenario) {
            case .ended:
                return Playthrough(seed: seed, facilitated: facilitated, steps: steps, session: session, error: nil)
            case .stuck(let message, let location):
                error = RuntimeErrorReport(
                    message: message, location: location?.description, seed: seed,
                    playthrough: index, count: 1)
            case .input(let input):
                count += 1
                if count > options.maxInputs {
                    error = Self.loopError(options, index: index, seed: seed)
                    break
                }
                do {
                    let events = try session.apply(input)
                    steps.append(Playthrough.Step(input: input, events: events))
                    error = Self.error(in: events, index: index, seed: seed)
                } catch {
                    return Playthrough(
                        seed: seed, facilitated: facilitated, steps: steps, session: session,
                        error: Self.refusal(input, error, index: index, seed: seed))
                }
            }
        }
        return Playthrough(seed: seed, facilitated: facilitated, steps: steps, session: session, error: error)
    }

    /// Plays playthrough `index` and adds its outcome to the tally.
    private func play(index: Int, _ options: SimulationOptions, into tally: inout Tally) {
        let seed = Self.seed(of: index, base: options.seed)
        var (player, facilitated) = Self.player(seed: seed, options)
        var session = Session(scenario: scenario, seed: seed, played: tally.allRoles, facilitated: facilitated)
        session.recordsEvents = false
        session.scoreBounds = bounds
        _ = session.start()
        var failed: RuntimeErrorReport?
        var inputs = 0
        loop: while failed == nil {
            switch player.next(session, scenario) {
            case .ended:
                break loop
            case .stuck(let message, let location):
                failed = RuntimeErrorReport(
                    message: message, location: location?.description, seed: seed,
                    playthrough: index, count: 1)
            case .input(let input):
                inputs += 1
                if inputs > options.maxInputs {
                    failed = Self.loopError(options, index: index, seed: seed)
                    break loop
                }
                do {
                    _ = try session.apply(input)
                } catch {
                    failed = Self.refusal(input, error, index: index, seed: seed)
                }
            }
            if failed == nil, session.state.endReason == .error {
                // Events are off for speed: play the same seed again with events to read the engine's message.
                failed =
                    playthrough(index: index, options).error
                    ?? RuntimeErrorReport(
                        message: "runtime error", location: nil, seed: seed, playthrough: index,
                        count: 1)
            }
        }
        tally.add(session.state, scenario, inputs: inputs, error: failed)
    }

    /// A copy of the scenario that shares no storage with it: compiled again from the source texts it keeps.
    /// Compiling is deterministic, so the copy is equal; when it cannot be made (no sources, or the copy differs in
    /// shape), the scenario itself is returned.
    static func privateCopy(of scenario: Scenario) -> Scenario {
        guard let main = scenario.sources.first else { return scenario }
        var files: [String: String] = [:]
        for f in scenario.sources { files[f.path] = String(decoding: Array(f.text.utf8), as: UTF8.self) }
        let result = ScenarioCompiler.compile(path: main.path, sources: MemorySources(files))
        guard let copy = result.scenario, copy.code.count == scenario.code.count,
            copy.scenes.map(\.id) == scenario.scenes.map(\.id), copy.choices.map(\.id) == scenario.choices.map(\.id),
            copy.roles.map(\.id) == scenario.roles.map(\.id), copy.injects.map(\.id) == scenario.injects.map(\.id),
            copy.actions.map(\.id) == scenario.actions.map(\.id), copy.options.map(\.id) == scenario.options.map(\.id)
        else { return scenario }
        return copy
    }

    /// The players of a playthrough, and whether it has a facilitator: with the random policy, half of them have
    /// one (chosen by the player's generator); with a fixed policy, the facilitator arbitrates by the policy too.
    static func player(seed: UInt64, _ options: SimulationOptions) -> (Player, Bool) {
        guard options.policy == .random else { return (.policy(PolicyPlayer(policy: options.policy)), true) }
        var player = RandomPlayer(seed: Self.playerSeed(seed), sideMoveProbability: options.sideMoveProbability)
        let facilitated = player.rng.next() & 1 == 1
        return (.random(player), facilitated)
    }

    /// The player's seed for a session seed: a fixed scramble, so the two generators differ.
    static func playerSeed(_ seed: UInt64) -> UInt64 {
        var g = SeededRandom(seed: seed ^ 0xA076_1D64_78BD_642F)
        return g.next()
    }

    private static func error(in events: [Event], index: Int, seed: UInt64) -> RuntimeErrorReport? {
        for event in events {
            if case .runtimeError(let message, let location) = event.kind {
                return RuntimeErrorReport(
                    message: message, location: location?.description, seed: seed,
                    playthrough: index, count: 1)
            }
        }
        return nil
    }

    private static func loopError(_ options: SimulationOptions, index: Int, seed: UInt64) -> RuntimeErrorReport {
        RuntimeErrorReport(
            message: "the playthrough did not end after \(options.maxInputs) inputs: a loop the players cannot leave?",
            location: nil, seed: seed, playthrough: index, count: 1)
    }

    private static func refusal(_ input: Input, _ error: SessionError, index: Int, seed: UInt64)
        -> RuntimeErrorReport
    {
        RuntimeErrorReport(
            message: "the session refused an input it offered: \(input) → \(error)", location: nil,
            seed: seed, playthrough: index, count: 1)
    }
}

/// The players of a playthrough.
enum Player {
    case random(RandomPlayer)
    case policy(PolicyPlayer)

    mutating func next(_ session: Session, _ scenario: Scenario) -> RandomPlayer.Move {
        switch self {
        case .random(var player):
            let move = player.next(session, scenario)
            self = .random(player)
            return move
        case .policy(let player):
            return player.next(session, scenario)
        }
    }
}

/// State shared by the worker threads of one run and the thread that watches them.
private final class SharedWork: Sendable {
    /// What one worker is doing: the index of the playthrough it plays, nil when none.
    final class Heartbeat: Sendable {
        /// The index, or -1 for none: an atomic holds a plain `Int`, so the sentinel stays inside this class.
        private let current = Atomic<Int>(-1)

        var playing: Int? {
            get {
                let index = current.load(ordering: .relaxed)
                return index < 0 ? nil : index
            }
            set { current.store(newValue ?? -1, ordering: .relaxed) }
        }
    }

    let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    let finished = Atomic<Int>(0)
    let cancelled = Atomic<Bool>(false)
    let wake = DispatchSemaphore(value: 0)
    let heartbeats: [Heartbeat]
    let results: Mutex<[Tally?]>

    init(chunks: Int, workers: Int) {
        results = Mutex(Array(repeating: nil, count: chunks))
        heartbeats = (0..<workers).map { _ in Heartbeat() }
    }
}

/// Partial results over some playthroughs; tallies merge exactly (merge in chunk order for identical sums).
struct Tally: Sendable {
    let allRoles: Set<Int>
    /// The bounds the scores are normalised against.
    var bounds: ScoreBounds?
    let roleCount: Int
    let endingCount: Int
    var runs = 0
    var inputs = Distribution()
    var coverage: Coverage
    /// Per ending, then time up, facilitator, runtime error.
    var endings: [Int]
    var measures: [Distribution]
    var teamTotal = Distribution()
    var roleTotals: [Distribution]
    /// Per objective: P, S, M, U.
    var ratings: [[Int]]
    /// Per expectation.
    var expectations: [ExpectationOutcomes]
    var errors: [ErrorKey: RuntimeErrorReport] = [:]

    struct ErrorKey: Hashable, Sendable {
        var message: String
        var location: String?
    }

    init(scenario: Scenario) {
        allRoles = Set(scenario.roles.indices)
        roleCount = scenario.roles.count
        endingCount = scenario.endings.count
        coverage = Coverage(scenario: scenario)
        endings = Array(repeating: 0, count: scenario.endings.count + 3)
        measures = Array(repeating: Distribution(), count: scenario.measures.count)
        roleTotals = Array(repeating: Distribution(), count: scenario.roles.count)
        ratings = Array(repeating: [0, 0, 0, 0], count: scenario.objectives.count)
        expectations = scenario.expectations.map {
            ExpectationOutcomes(id: $0.id, title: $0.title, location: $0.location.description)
        }
    }

    mutating func add(_ state: SessionState, _ scenario: Scenario, inputs: Int, error: RuntimeErrorReport?) {
        runs += 1
        self.inputs.add(Double(inputs))
        coverage.record(state, roleCount: roleCount)
        if let error {
            endings[endingCount + 2] += 1
            let key = ErrorKey(message: error.message, location: error.location)
            if var known = errors[key] {
                known.count += 1
                if error.playthrough < known.playthrough {
                    known.seed = error.seed
                    known.playthrough = error.playthrough
                }
                errors[key] = known
            } else {
                errors[key] = error
            }
            return
        }
        switch state.endReason {
        case .ending?: if let e = state.ending { endings[e] += 1 }
        case .timeUp?: endings[endingCount] += 1
        case .facilitator?: endings[endingCount + 1] += 1
        case .error?, nil: endings[endingCount + 2] += 1
        }
        QuickScores.add(state, scenario, bounds: bounds, measures: &measures, team: &teamTotal, roles: &roleTotals)
        for x in expectations.indices where state.expectationStart[x] != nil {
            expectations[x].add(state.expectationOutcome[x])
        }
        for o in ratings.indices {
            let rating = state.overrides[o] ?? state.ratings[o] ?? scenario.objectives[o].otherwise
            switch rating {
            case .P: ratings[o][0] += 1
            case .S: ratings[o][1] += 1
            case .M: ratings[o][2] += 1
            case .U: ratings[o][3] += 1
            }
        }
    }

    mutating func merge(_ other: Tally) {
        runs += other.runs
        inputs.merge(other.inputs)
        coverage.merge(other.coverage)
        for i in endings.indices { endings[i] += other.endings[i] }
        for m in measures.indices { measures[m].merge(other.measures[m]) }
        teamTotal.merge(other.teamTotal)
        for r in roleTotals.indices { roleTotals[r].merge(other.roleTotals[r]) }
        for o in ratings.indices {
            for k in 0..<4 { ratings[o][k] += other.ratings[o][k] }
        }
        for x in expectations.indices { expectations[x].merge(other.expectations[x]) }
        for (key, error) in other.errors {
            if var known = errors[key] {
                known.count += error.count
                if error.playthrough < known.playthrough {
                    known.seed = error.seed
                    known.playthrough = error.playthrough
                }
                errors[key] = known
            } else {
                errors[key] = error
            }
        }
    }

    func report(_ scenario: Scenario, options: SimulationOptions, cancelled: Bool) -> SimulationReport {
        let percent: (Int) -> Double = { runs == 0 ? 0 : Double($0) / Double(runs) * 100 }
        var endingRows = scenario.endings.enumerated().map { e, ending in
            EndingCount(id: ending.id, title: ending.title, count: endings[e], percent: percent(endings[e]))
        }
        let extra = [
            ("(time up)", "the clock reached the exercise's duration"),
            ("(facilitator)", "ended by the facilitator"), ("(runtime error)", "stopped by a runtime error"),
        ]
        for (k, (id, title)) in extra.enumerated() where endings[scenario.endings.count + k] > 0 {
            let n = endings[scenario.endings.count + k]
            endingRows.append(EndingCount(id: id, title: title, count: n, percent: percent(n)))
        }
        var report = SimulationReport(
            exercise: scenario.header.id, title: scenario.header.title, runsRequested: options.runs,
            runsCompleted: runs, cancelled: cancelled, baseSeed: options.seed, inputs: inputs,
            errors: errors.values.sorted { $0.playthrough < $1.playthrough },
            coverage: coverage.sections(scenario), endings: endingRows,
            measures: scenario.measures.enumerated().map {
                MeasureDistribution(id: $1.id, name: $1.name, team: measures[$0])
            },
            teamTotal: teamTotal,
            roleTotals: scenario.roles.enumerated().map {
                RoleDistribution(id: $1.id, name: $1.name, total: roleTotals[$0])
            },
            objectives: scenario.objectives.enumerated().map {
                ObjectiveRatings(id: $1.id, title: $1.title, counts: ratings[$0])
            })
        report.policy = options.policy
        report.expectations = expectations
        report.bounds = bounds.map { BoundsReport($0, scenario: scenario) }
        return report
    }
}

/// The scores of ``Scorecard`` that the simulator tallies (each measure's team value, each role's total, the team
/// total), computed straight from the state without building a scorecard. `AuthoringTests.QuickScoresTests` checks
/// that they equal ``Scorecard``'s on every bundled exercise.
enum QuickScores {
    /// Adds a finished session's scores to the distributions.
    static func add(
        _ state: SessionState, _ scenario: Scenario, bounds: ScoreBounds?, measures: inout [Distribution],
        team: inout Distribution, roles: inout [Distribution]
    ) {
        let totals = Scorecard.totals(scenario, measures: state.measures, bounds: bounds)
        for role in totals.roleTotals.indices { roles[role].add(totals.roleTotals[role]) }
        team.add(totals.teamTotal)
        for m in totals.measures.indices { measures[m].add(totals.measures[m].team) }
    }
}
