import Authoring
import Foundation
import LineEditor
import Localization
import ScenarioLanguage
import Synchronization
import TerminalText

/// `sandtable simulate FILE`: many seeded random playthroughs; runtime errors with their seeds, coverage, and the
/// distributions of endings, scores and ratings.
public enum SimulateCommand {
    /// What `simulate` was asked to do.
    public struct Arguments: Sendable {
        /// The exercise file.
        public var file: String
        /// How many playthroughs.
        public var runs: Int
        /// The base seed: playthrough `i` uses `seed + i`.
        public var seed: UInt64
        /// Worker threads.
        public var jobs: Int
        /// Whether to print the first playthrough in full.
        public var showText: Bool
        /// Whether to print JSON instead of text.
        public var json: Bool
        /// How the simulated players play.
        public var policy: SimulationPolicy
        /// Colour mode for diagnostics.
        public var color: ColorMode
        /// The report's language; nil for the locale's (under the C locale, the exercise's).
        public var language: UILanguage?

        /// Creates arguments.
        public init(
            file: String, runs: Int, seed: UInt64, jobs: Int, showText: Bool, json: Bool,
            policy: SimulationPolicy = .random, color: ColorMode = .auto, language: UILanguage? = nil
        ) {
            self.policy = policy
            self.language = language
            self.file = file
            self.runs = runs
            self.seed = seed
            self.jobs = jobs
            self.showText = showText
            self.json = json
            self.color = color
        }
    }

    /// Runs the simulation and returns the exit code: 0 clean, 1 on a compile error or any runtime error, 130 when
    /// interrupted (after printing the partial report).
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
        var simulator = Simulator(scenario: scenario)
        simulator.bounds = ScoreBoundsStore.bounds(for: scenario)
        let options = SimulationOptions(
            runs: arguments.runs, seed: arguments.seed, jobs: arguments.jobs, policy: arguments.policy)
        Interrupts.install()
        let bar = ProgressBar.make(total: arguments.runs, unit: strings["simulate.unit"], strings: strings)
        let clock = ContinuousClock()
        let start = clock.now
        let report = simulator.run(options, progress: { bar?.update($0) }, shouldCancel: { Interrupts.requested })
        let elapsed = clock.now - start
        bar?.finish()
        let interrupted = Interrupts.requested
        Interrupts.clear()
        if arguments.showText {
            // After the run, so that a playthrough that hangs the engine is known and not replayed.
            if report.errors.contains(where: {
                $0.playthrough == 0 && $0.message.hasPrefix("the engine did not return")
            }) {
                print(strings("simulate.hangs", String(options.seed)) + "\n")
            } else {
                print(simulator.playthrough(index: 0, options).text(scenario).joined(separator: "\n"))
                print("")
            }
        }
        if arguments.json {
            print(AuthoringIO.json(report))
        } else {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(
                render(report, file: arguments.file, seconds: seconds, interrupted: interrupted, strings: strings)
                    .joined(separator: "\n")
            )
        }
        if report.hasErrors { return 1 }
        return interrupted ? 130 : 0
    }

    /// The report as text lines.
    static func render(
        _ report: SimulationReport, file: String, seconds: Double, interrupted: Bool, strings: Strings
    ) -> [String] {
        let width = TerminalSize.columns()
        var out: [String] = []
        let rate =
            seconds > 0
            ? strings("simulate.rate", AuthoringIO.grouped(Double(report.runsCompleted) / seconds)) : ""
        out.append(
            strings(
                "simulate.title", report.exercise, report.title,
                strings.plural("simulate.playthroughs", count: report.runsCompleted)) + rate)
        if report.cancelled {
            out.append(
                strings(
                    interrupted ? "simulate.interrupted" : "simulate.hung", String(report.runsCompleted),
                    String(report.runsRequested)))
        }
        let last = report.baseSeed &+ UInt64(max(0, report.runsRequested - 1))
        out.append(
            strings(
                "simulate.seeds", String(report.baseSeed), String(last), String(Int(report.inputs.min)),
                AuthoringIO.fixed(report.inputs.mean, 1), String(Int(report.inputs.max))))
        out.append("")
        if report.errors.isEmpty {
            out.append(strings["simulate.errors.none"])
        } else {
            out.append(strings("simulate.errors", String(report.errors.count)))
            for error in report.errors {
                out.append("  ✗ \(error.location.map { "\($0): " } ?? "")\(error.message)")
                let command = "sandtable simulate \(file) -n 1 --seed \(error.seed) --show-text"
                out.append(
                    "    "
                        + strings.plural("simulate.errorSeen", count: error.count, String(error.seed), command))
            }
        }
        out.append("")
        out += AuthoringIO.coverage(report.coverage, width: width, strings: strings)
        out.append("")
        out.append(strings["simulate.endings"])
        var endingRows: [[String]] = []
        for ending in report.endings {
            endingRows.append([
                ending.id, ending.title, String(ending.count), AuthoringIO.fixed(ending.percent, 1) + "%",
                AuthoringIO.bar(ending.percent, width: 20),
            ])
        }
        out += Table(
            columns: [
                TableColumn(strings["simulate.column.ending"]), TableColumn(strings["simulate.column.title"]),
                TableColumn(strings["simulate.column.runs"], alignment: .right),
                TableColumn("%", alignment: .right), TableColumn(""),
            ], rows: endingRows
        )
        .render(maxWidth: width).map { "  " + $0 }
        out.append("")
        out.append(strings["simulate.scores"])
        var scoreRows: [[String]] = []
        func row(_ label: String, _ title: String, _ d: Distribution) -> [String] {
            [
                label, title, AuthoringIO.fixed(d.min, 1), AuthoringIO.fixed(d.mean, 1), AuthoringIO.fixed(d.max, 1),
                AuthoringIO.sparkline(d.bins),
            ]
        }
        if let bounds = report.bounds {
            out.append("  " + strings["simulate.bounds.\(bounds.method.rawValue)"])
        }
        scoreRows.append(row(strings["simulate.teamTotal"], "", report.teamTotal))
        for role in report.roleTotals {
            scoreRows.append(row(strings("simulate.role", role.id), role.name, role.total))
        }
        for measure in report.measures {
            scoreRows.append(row(strings("simulate.measure", measure.id), measure.name, measure.team))
        }
        out += Table(
            columns: [
                TableColumn(""), TableColumn(""), TableColumn(strings["simulate.column.min"], alignment: .right),
                TableColumn(strings["simulate.column.mean"], alignment: .right),
                TableColumn(strings["simulate.column.max"], alignment: .right),
                TableColumn("0…100"),
            ], rows: scoreRows
        )
        .render(maxWidth: width).map { "  " + $0 }
        out += expectations(report, width: width, strings: strings)
        if !report.objectives.isEmpty {
            out.append("")
            out.append(strings["simulate.objectives"])
            let n = max(1, report.runsCompleted - report.errors.reduce(0) { $0 + $1.count })
            let rows = report.objectives.map { o in
                [o.id, o.title] + o.counts.map { AuthoringIO.fixed(Double($0) / Double(n) * 100, 1) + "%" }
            }
            out += Table(
                columns: [
                    TableColumn(strings["simulate.column.objective"]), TableColumn(strings["simulate.column.title"]),
                    TableColumn("P", alignment: .right),
                    TableColumn("S", alignment: .right), TableColumn("M", alignment: .right),
                    TableColumn("U", alignment: .right),
                ], rows: rows
            )
            .render(maxWidth: width).map { "  " + $0 }
        }
        return out
    }
}

extension SimulateCommand {
    /// Expected actions: how often each was met, late, missed; those never offered in time flagged as defects of
    /// the scenario, with where they are declared.
    static func expectations(_ report: SimulationReport, width: Int, strings: Strings) -> [String] {
        let fired = report.expectations.filter { $0.fired > 0 }
        guard !fired.isEmpty else { return [] }
        var out = ["", strings["simulate.expectations"]]
        let rows = fired.map { x in
            [
                x.id, x.title, String(x.hit), String(x.late), String(x.missed), String(x.notOffered),
                String(x.fired),
            ]
        }
        out += Table(
            columns: [
                TableColumn(strings["simulate.column.expectation"]), TableColumn(strings["simulate.column.title"]),
                TableColumn(strings["simulate.column.hit"], alignment: .right),
                TableColumn(strings["simulate.column.late"], alignment: .right),
                TableColumn(strings["simulate.column.missed"], alignment: .right),
                TableColumn(strings["simulate.column.notOffered"], alignment: .right),
                TableColumn(strings["simulate.column.fired"], alignment: .right),
            ], rows: rows
        )
        .render(maxWidth: width).map { "  " + $0 }
        for x in report.notOffered {
            out.append("  ⚠ " + strings("simulate.notOffered", x.location, x.id, String(x.notOffered), String(x.fired)))
        }
        return out
    }
}

/// Report helpers shared by `simulate` and `explore`.
enum AuthoringIO {
    /// Pretty, key-sorted JSON.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A number with a fixed count of decimals.
    static func fixed(_ x: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", x) }

    /// A whole number with thousands separators: `123,456`.
    static func grouped(_ x: Double) -> String {
        let digits = String(Int(x.rounded()))
        var out = ""
        for (i, ch) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return String(out.reversed())
    }

    /// A horizontal bar for a percentage.
    static func bar(_ percent: Double, width: Int) -> String {
        let eighths = Int((max(0, min(100, percent)) / 100 * Double(width * 8)).rounded())
        let partial: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var s = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { s.append(partial[eighths % 8 - 1]) }
        return s
    }

    /// One character per bin, its height by the bin's count (a space for an empty bin).
    static func sparkline(_ bins: [Int]) -> String {
        let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let top = bins.max() ?? 0
        guard top > 0 else { return String(repeating: " ", count: bins.count) }
        return String(
            bins.map { n in
                n == 0 ? " " : levels[min(levels.count - 1, (n * levels.count - 1) / top)]
            })
    }

    /// Coverage lines: a count per kind, then what was never reached.
    static func coverage(_ sections: [CoverageSection], width: Int, strings: Strings) -> [String] {
        var out = [strings["coverage.title"]]
        let rows = sections.filter { $0.total > 0 }.map { section in
            [
                strings["coverage." + section.kind], "\(section.reached)/\(section.total)",
                section.never.isEmpty ? strings["coverage.all"] : strings("coverage.some", String(section.never.count)),
            ]
        }
        out += Table(columns: [TableColumn(""), TableColumn("", alignment: .right), TableColumn("")], rows: rows)
            .render(maxWidth: width).dropFirst(2).map { "  " + $0 }
        // `coverage.scene` for the section `scenes`: the kind in the singular.
        let never = sections.flatMap { section in
            section.never.map { (strings["coverage." + section.kind.dropLast()], $0) }
        }
        if !never.isEmpty {
            out.append("  " + strings["coverage.never"])
            let kindWidth = never.map(\.0.displayWidth).max() ?? 0
            let idWidth = min(24, never.map(\.1.id.displayWidth).max() ?? 0)
            for (kind, element) in never {
                let head =
                    TextLayout.pad(kind, toWidth: kindWidth) + "  " + TextLayout.pad(element.id, toWidth: idWidth)
                out.append("    \(head)  \(element.title)  (\(element.location))")
            }
        }
        return out
    }
}

/// A progress bar on standard error, drawn only when standard error is a terminal, at most ten times a second.
/// Safe to update from several threads.
final class ProgressBar: Sendable {
    private struct State {
        var last: ContinuousClock.Instant?
        var drawn = false
    }

    private let total: Int?
    private let unit: String
    private let hint: String
    private let start = ContinuousClock.now
    private let state = Mutex(State())

    /// A bar when standard error is a terminal, else nil. `total` nil: a counter without a bar.
    static func make(total: Int?, unit: String, strings: Strings) -> ProgressBar? {
        isatty(2) == 1 ? ProgressBar(total: total, unit: unit, strings: strings) : nil
    }

    private let strings: Strings

    private init(total: Int?, unit: String, strings: Strings) {
        self.total = total
        self.unit = unit
        self.hint = "  " + strings["command.progressHint"]
        self.strings = strings
    }

    /// Shows that `done` units are complete (drawn only if a tenth of a second passed since the last drawing).
    func update(_ done: Int) {
        let now = ContinuousClock.now
        let line: String? = state.withLock { state in
            if let last = state.last, now - last < .milliseconds(100) { return nil }
            state.last = now
            state.drawn = true
            return render(done, elapsed: now - start)
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Clears the bar.
    func finish() {
        let drawn = state.withLock { $0.drawn }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private func render(_ done: Int, elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let time = strings("command.seconds", String(format: "%.1f", seconds))
        guard let total, total > 0 else {
            return "\r\u{1B}[K\(AuthoringIO.grouped(Double(done))) \(unit)  \(time)\(hint)"
        }
        let fraction = min(1, Double(done) / Double(total))
        let width = 24
        let filled = AuthoringIO.bar(fraction * 100, width: width)
        let padded = filled + String(repeating: " ", count: max(0, width - filled.count))
        return "\r\u{1B}[K[\(padded)] \(Int(fraction * 100))% \(AuthoringIO.grouped(Double(done)))/"
            + "\(AuthoringIO.grouped(Double(total))) \(unit)  \(time)\(hint)"
    }
}
