import Authoring
import Foundation
import LineEditor
import ScenarioLanguage

/// `sandtable explore FILE`: exhaustive search of the decision space; reachable and unreachable content, the best
/// and worst achievable team totals with the inputs that reach them, and each measure's observed range.
public enum ExploreCommand {
    /// What `explore` was asked to do.
    public struct Arguments: Sendable {
        /// The exercise file.
        public var file: String
        /// The most distinct states to explore.
        public var limit: Int
        /// The first seed.
        public var seed: UInt64
        /// How many seeds (from `seed`) to explore: each resolves chance differently.
        public var seeds: Int
        /// Whether actions and request answers are explored.
        public var actions: Bool
        /// Whether shares by command are explored.
        public var shares: Bool
        /// Seconds before stopping, if any.
        public var timeLimit: Double?
        /// Whether to print JSON instead of text.
        public var json: Bool
        /// Colour mode for diagnostics.
        public var color: ColorMode

        /// Creates arguments.
        public init(
            file: String, limit: Int = 1_000_000, seed: UInt64 = 1, seeds: Int = 1, actions: Bool = true,
            shares: Bool = false, timeLimit: Double? = nil, json: Bool = false, color: ColorMode = .auto
        ) {
            self.file = file
            self.limit = limit
            self.seed = seed
            self.seeds = seeds
            self.actions = actions
            self.shares = shares
            self.timeLimit = timeLimit
            self.json = json
            self.color = color
        }
    }

    /// Explores and returns the exit code: 0 (also when the space was too large: the report says so), 1 on a
    /// compile error or when a runtime error is reachable, 130 when interrupted (after printing what was found).
    public static func run(_ arguments: Arguments) -> Int32 {
        guard let scenario = ExerciseLoading.compile(arguments.file, color: arguments.color, report: .all) else {
            return 1
        }
        let seeds = (0..<UInt64(max(1, arguments.seeds))).map { arguments.seed &+ $0 }
        let options = ExploreOptions(
            limit: arguments.limit, seeds: seeds, actions: arguments.actions,
            shares: arguments.shares, timeLimit: arguments.timeLimit)
        Interrupts.install()
        let bar = ProgressBar.make(total: nil, unit: "states")
        let report = Explorer(scenario: scenario).run(
            options, progress: { bar?.update($0) },
            shouldCancel: { Interrupts.requested })
        bar?.finish()
        let interrupted = Interrupts.requested
        Interrupts.clear()
        if arguments.json {
            print(AuthoringIO.json(report))
        } else {
            print(render(report).joined(separator: "\n"))
        }
        if !report.errors.isEmpty { return 1 }
        return interrupted ? 130 : 0
    }

    /// The report as text lines.
    static func render(_ report: ExplorationReport) -> [String] {
        let width = TerminalSize.columns()
        var out: [String] = []
        let seeds =
            report.seeds.count == 1
            ? "seed \(report.seeds[0])" : "seeds \(report.seeds.map(String.init).joined(separator: ", "))"
        out.append(
            "explore \(report.exercise) \"\(report.title)\": \(seeds); actions and requests "
                + "\(report.actions ? "explored" : "not explored"); shares by command \(report.shares ? "explored" : "not explored")"
        )
        let counts =
            "\(AuthoringIO.grouped(Double(report.states))) distinct states, "
            + "\(AuthoringIO.grouped(Double(report.transitions))) inputs, \(AuthoringIO.grouped(Double(report.endStates))) end states"
        if report.complete {
            out.append("complete: \(counts)")
        } else {
            out.append("INCOMPLETE: \(report.stopReason ?? "stopped") after \(counts).")
            if report.stopReason?.hasPrefix("the engine hung") != true {
                out.append(
                    "  The space may be far larger: at most about \(scientific(report.bound)) input sequences "
                        + "(\(report.boundExplanation)).")
            }
            out.append(
                "  What follows covers only the explored part: content listed as unreachable may be reachable, "
                    + "and the true best and worst scores may lie beyond these. A larger --limit, or --no-actions, "
                    + "may let it finish.")
        }
        out.append(
            "chance is drawn from each seed's generator, so content that only other luck reaches can be listed "
                + "as unreachable; explore more seeds with --seeds N.")
        out.append("")
        if report.errors.isEmpty {
            out.append("runtime errors: none reachable")
        } else {
            out.append("runtime errors: \(report.errors.count)")
            for error in report.errors {
                out.append("  ✗ \(error.location.map { "\($0): " } ?? "")\(error.message)")
                out.append(
                    "    seed \(error.seed), inputs: \(error.path.isEmpty ? "(at the start)" : error.path.joined(separator: ", "))"
                )
            }
        }
        out.append("")
        out += AuthoringIO.coverage(report.coverage, width: width)
        out.append("")
        out.append("score bounds (team total, 0–100): the bounds that normalisation uses")
        for (label, path) in [("best", report.best), ("worst", report.worst)] {
            guard let path else {
                out.append("  \(label): no ending reached")
                continue
            }
            out.append("  \(label) \(AuthoringIO.fixed(path.total, 2)) (ending \(path.ending), seed \(path.seed))")
            out += TextLayout.wrap(path.path.joined(separator: " → "), width: max(20, width - 4), indent: "    ")
                .map { $0.hasPrefix("    ") ? $0 : "    " + $0 }
        }
        out.append("")
        out.append("measures: lowest and highest raw value per role in any reachable state")
        var rows: [[String]] = []
        for measure in report.measures {
            let roles = measure.roles.map { "\($0.role) \(formatNumber($0.min))..\(formatNumber($0.max))" }
            rows.append([
                measure.id, measure.declared.map { "range \($0)" } ?? "(computed)", roles.joined(separator: ", "),
                measure.suggested,
            ])
        }
        out += Table(
            columns: [
                TableColumn("measure"), TableColumn("declared"), TableColumn("per role"),
                TableColumn("suggested"),
            ], rows: rows
        )
        .render(maxWidth: width).map { "  " + $0 }
        return out
    }

    private static func scientific(_ x: Double) -> String {
        guard x.isFinite else { return "∞" }
        return x < 1e6 ? AuthoringIO.grouped(x) : String(format: "%.1e", x)
    }
}
