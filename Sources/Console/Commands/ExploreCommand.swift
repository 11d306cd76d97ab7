import Authoring
import Foundation
import LineEditor
import Localization
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
        /// The report's language; nil for the locale's (under the C locale, the exercise's).
        public var language: UILanguage?

        /// Creates arguments.
        public init(
            file: String, limit: Int = 1_000_000, seed: UInt64 = 1, seeds: Int = 1, actions: Bool = true,
            shares: Bool = false, timeLimit: Double? = nil, json: Bool = false, color: ColorMode = .auto,
            language: UILanguage? = nil
        ) {
            self.language = language
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
        guard
            let scenario = ExerciseLoading.compile(
                arguments.file, color: arguments.color, report: .all, language: arguments.language)
        else { return 1 }
        let strings = Strings(
            .commands,
            language: UILanguage.detect(
                explicit: arguments.language?.rawValue, environment: ProcessInfo.processInfo.environment,
                contentLanguage: scenario.header.language))
        let seeds = (0..<UInt64(max(1, arguments.seeds))).map { arguments.seed &+ $0 }
        let options = ExploreOptions(
            limit: arguments.limit, seeds: seeds, actions: arguments.actions,
            shares: arguments.shares, timeLimit: arguments.timeLimit)
        Interrupts.install()
        let bar = ProgressBar.make(total: nil, unit: strings["explore.unit"], strings: strings)
        let report = Explorer(scenario: scenario).run(
            options, progress: { bar?.update($0) },
            shouldCancel: { Interrupts.requested })
        bar?.finish()
        let interrupted = Interrupts.requested
        Interrupts.clear()
        if arguments.json {
            print(AuthoringIO.json(report))
        } else {
            print(render(report, strings: strings).joined(separator: "\n"))
        }
        if !report.errors.isEmpty { return 1 }
        return interrupted ? 130 : 0
    }

    /// The report as text lines.
    static func render(_ report: ExplorationReport, strings: Strings) -> [String] {
        let width = TerminalSize.columns()
        var out: [String] = []
        let seeds =
            report.seeds.count == 1
            ? strings("explore.seed", String(report.seeds[0]))
            : strings("explore.seeds", report.seeds.map(String.init).joined(separator: ", "))
        func explored(_ yes: Bool) -> String { strings[yes ? "explore.explored" : "explore.notExplored"] }
        out.append(
            strings(
                "explore.title", report.exercise, report.title, seeds, explored(report.actions),
                explored(report.shares)))
        let counts = strings(
            "explore.counts", AuthoringIO.grouped(Double(report.states)),
            AuthoringIO.grouped(Double(report.transitions)), AuthoringIO.grouped(Double(report.endStates)))
        if report.complete {
            out.append(strings("explore.complete", counts))
        } else {
            out.append(strings("explore.incomplete", report.stopReason ?? strings["explore.stopped"], counts))
            if report.stopReason?.hasPrefix("the engine hung") != true {
                out.append("  " + strings("explore.bound", scientific(report.bound), report.boundExplanation))
            }
            out.append("  " + strings["explore.partial"])
        }
        out.append(strings["explore.chance"])
        out.append("")
        if report.errors.isEmpty {
            out.append(strings["explore.errors.none"])
        } else {
            out.append(strings("simulate.errors", String(report.errors.count)))
            for error in report.errors {
                out.append("  ✗ \(error.location.map { "\($0): " } ?? "")\(error.message)")
                let inputs = error.path.isEmpty ? strings["explore.atStart"] : error.path.joined(separator: ", ")
                out.append("    " + strings("explore.errorPath", String(error.seed), inputs))
            }
        }
        out.append("")
        out += AuthoringIO.coverage(report.coverage, width: width, strings: strings)
        out.append("")
        out.append(strings["explore.bounds"])
        for (label, path) in [(strings["explore.best"], report.best), (strings["explore.worst"], report.worst)] {
            guard let path else {
                out.append("  " + strings("explore.noEnding", label))
                continue
            }
            out.append(
                "  "
                    + strings(
                        "explore.path", label, AuthoringIO.fixed(path.total, 2), path.ending, String(path.seed)))
            out += TextLayout.wrap(path.path.joined(separator: " → "), width: max(20, width - 4), indent: "    ")
                .map { $0.hasPrefix("    ") ? $0 : "    " + $0 }
        }
        out.append("")
        out.append(strings["explore.measures"])
        var rows: [[String]] = []
        for measure in report.measures {
            let roles = measure.roles.map { "\($0.role) \(formatNumber($0.min))..\(formatNumber($0.max))" }
            rows.append([
                measure.id, measure.declared.map { strings("explore.range", $0) } ?? strings["explore.computed"],
                roles.joined(separator: ", "), measure.suggested,
            ])
        }
        out += Table(
            columns: [
                TableColumn(strings["explore.column.measure"]), TableColumn(strings["explore.column.declared"]),
                TableColumn(strings["explore.column.perRole"]), TableColumn(strings["explore.column.suggested"]),
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
