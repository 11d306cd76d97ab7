import Authoring
import Foundation
import Localization
import ScenarioLanguage
import Synchronization

/// One lens before its count is known: where it goes, what it counts, and its text's key.
struct LensTemplate: Sendable {
    var range: Range
    var kind: ElementKind
    var element: Int
}

/// Coverage lenses: how often each scene, choice, option, inject, action, request and ending was reached in
/// simulated playthroughs, computed on a thread of its own so that the server keeps answering while it runs.
///
/// A `codeLens` request is answered at once when the counts of the exercise's current text are known; otherwise it
/// waits for the simulation, which starts if none runs for this text. `$/cancelRequest` answers a waiting request
/// with `RequestCancelled` and stops the simulation when nobody waits for it any more; an edit answers every
/// waiting request with `ContentModified` and stops it too.
final class CoverageLenses: Sendable {
    private struct Waiter {
        var id: RequestID
        var key: String
        var lenses: [LensTemplate]
        var language: UILanguage
    }

    private final class Job: Sendable {
        let key: String
        let cancelled = Atomic(false)
        init(key: String) { self.key = key }
    }

    private struct State {
        var results: [String: ReachCounts] = [:]
        var order: [String] = []
        var running: Job?
        var waiting: [Waiter] = []
    }

    private let state = Mutex(State())
    private let send: @Sendable ([UInt8]) -> Void
    private let runs: Int

    init(runs: Int, send: @escaping @Sendable ([UInt8]) -> Void) {
        self.runs = runs
        self.send = send
    }

    /// Answers a `codeLens` request for `lenses` of the exercise `scenario`, whose text is identified by `key`:
    /// now when its counts are known, else once the simulation has run.
    func request(
        id: RequestID, key: String, scenario: Scenario, lenses: [LensTemplate], language: UILanguage
    ) {
        let known: ReachCounts? = state.withLock { s in
            if let counts = s.results[key] { return counts }
            s.waiting.append(Waiter(id: id, key: key, lenses: lenses, language: language))
            if s.running?.key != key {
                s.running?.cancelled.store(true, ordering: .relaxed)
                let job = Job(key: key)
                s.running = job
                start(job, scenario: scenario)
            }
            return nil
        }
        if let known { send(Outgoing.response(id: id, result: Self.lenses(lenses, known, language))) }
    }

    /// Cancels a waiting request; false when no such request waits.
    func cancel(_ id: RequestID) -> Bool {
        let found: Bool = state.withLock { s in
            guard let i = s.waiting.firstIndex(where: { $0.id == id }) else { return false }
            let key = s.waiting.remove(at: i).key
            if let job = s.running, job.key == key, !s.waiting.contains(where: { $0.key == key }) {
                job.cancelled.store(true, ordering: .relaxed)
                s.running = nil
            }
            return true
        }
        if found { send(Outgoing.response(id: id, error: .requestCancelled)) }
        return found
    }

    /// The text changed: stops the simulation and answers every waiting request with `ContentModified`.
    func contentChanged() {
        let waiting: [Waiter] = state.withLock { s in
            s.running?.cancelled.store(true, ordering: .relaxed)
            s.running = nil
            defer { s.waiting = [] }
            return s.waiting
        }
        for waiter in waiting { send(Outgoing.response(id: waiter.id, error: .contentModified)) }
    }

    /// Whether a simulation is running (for tests).
    var isRunning: Bool { state.withLock { $0.running != nil } }

    private func start(_ job: Job, scenario: Scenario) {
        let runs = self.runs
        let thread = Thread { [self] in
            let counts = Simulator(scenario: scenario).reach(
                SimulationOptions(runs: runs, seed: 1, jobs: 1),
                shouldCancel: { job.cancelled.load(ordering: .relaxed) })
            let ready: [Waiter] = state.withLock { s in
                guard !counts.cancelled, !job.cancelled.load(ordering: .relaxed) else { return [] }
                s.results[job.key] = counts
                s.order.append(job.key)
                if s.order.count > 8 { s.results[s.order.removeFirst()] = nil }
                if s.running === job { s.running = nil }
                let ready = s.waiting.filter { $0.key == job.key }
                s.waiting.removeAll { $0.key == job.key }
                return ready
            }
            for waiter in ready {
                send(Outgoing.response(id: waiter.id, result: Self.lenses(waiter.lenses, counts, waiter.language)))
            }
        }
        thread.name = "sandtable-lsp-coverage"
        thread.start()
    }

    /// The lenses with their counts.
    static func lenses(_ templates: [LensTemplate], _ counts: ReachCounts, _ language: UILanguage) -> [CodeLens] {
        let s = Strings(.languageServer, language: language)
        let total = grouped(counts.runs)
        return templates.compactMap { t in
            let (row, key): ([Int], String) =
                switch t.kind {
                case .scene: (counts.scenes, "lens.reached")
                case .ending: (counts.endings, "lens.reached")
                case .choice: (counts.choices, "lens.chosen")
                case .option: (counts.options, "lens.chosen")
                case .action: (counts.actions, "lens.taken")
                case .inject: (counts.injects, "lens.fired")
                case .request: (counts.requests, "lens.sent")
                default: ([], "")
                }
            guard row.indices.contains(t.element) else { return nil }
            return CodeLens(
                range: t.range, command: Command(title: s(key, grouped(row[t.element]), total), command: ""))
        }
    }

    /// A count with thousands separated: `1,000`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}

extension LanguageServer {
    /// The kinds that get a coverage lens.
    static let lensKinds: Set<ElementKind> = [.scene, .choice, .option, .inject, .action, .request, .ending]

    /// Answers `textDocument/codeLens` with coverage lenses, now or once the simulation has run; no lenses while
    /// the exercise has errors (it cannot be simulated).
    func codeLenses(_ params: TextDocumentParams, id: RequestID) {
        let analysis = workspace.analysis(of: params.textDocument.uri)
        guard let scenario = analysis.result.scenario else { return reply(id, [CodeLens]()) }
        let path = path(of: params.textDocument.uri)
        let lenses = analysis.index.definitions(inFile: path).filter { Self.lensKinds.contains($0.kind) }.map {
            LensTemplate(range: analysis.range($0.span), kind: $0.kind, element: $0.element)
        }
        var hasher = Hasher()
        for source in analysis.result.sources {
            hasher.combine(source.path)
            hasher.combine(source.text)
        }
        coverage.request(
            id: id, key: "\(analysis.main)#\(hasher.finalize())", scenario: scenario, lenses: lenses,
            language: analysis.language)
    }
}
