// sandtable-bench: performance figures, printed (never asserted). Build in release:
//
//     swift build -c release --product sandtable-bench && .build/release/sandtable-bench [SECTION…]
//
// Each section is a named entry of `sections` below; with no argument every section runs, else only those named.
// Add a section by appending a `BenchSection` to the list.
import Authoring
import ExerciseEngine
import Foundation
import ScenarioLanguage

/// One named group of measurements.
struct BenchSection {
    var name: String
    var summary: String
    var run: () -> Void
}

/// The folder of bundled exercises: `SANDTABLE_EXERCISES`, else `exercises/` beside the current directory.
func exercisePath(_ file: String) -> String {
    let folder = ProcessInfo.processInfo.environment["SANDTABLE_EXERCISES"] ?? "exercises"
    return (folder as NSString).appendingPathComponent(file)
}

/// Compiles an exercise or stops the benchmark with its diagnostics.
func load(_ file: String) -> Scenario {
    let result = ScenarioCompiler.compile(path: exercisePath(file))
    guard let scenario = result.scenario else {
        FileHandle.standardError.write(Data("cannot compile \(file): \(result.diagnostics.map(\.message))\n".utf8))
        exit(2)
    }
    return scenario
}

/// Seconds taken by `body`.
func time(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Prints one figure, aligned.
func figure(_ label: String, _ value: String) {
    print("  " + label.padding(toLength: 44, withPad: " ", startingAt: 0) + value)
}

func formatRate(_ perSecond: Double) -> String {
    let whole = Int(perSecond.rounded())
    var digits = String(whole)
    var groups: [String] = []
    while digits.count > 3 {
        groups.insert(String(digits.suffix(3)), at: 0)
        digits.removeLast(3)
    }
    groups.insert(digits, at: 0)
    return groups.joined(separator: ",")
}

// MARK: - Sections

let cores = ProcessInfo.processInfo.activeProcessorCount

let simulateSection = BenchSection(
    name: "simulate",
    summary: "random playthroughs per second (Simulator) on bundled exercises, 1 job and all cores"
) {
    for (file, runs) in [("benchmark.ttx", 400_000), ("tutorial.ttx", 100_000), ("flood-response.ttx", 20_000)] {
        let scenario = load(file)
        let simulator = Simulator(scenario: scenario)
        print(
            "\(file): \(scenario.scenes.count) scenes, \(scenario.choices.count) choices, "
                + "\(scenario.options.count) options, \(scenario.roles.count) roles")
        _ = simulator.run(SimulationOptions(runs: runs / 20, seed: 1, jobs: 1))  // warm up
        var jobCounts = [1, 2]
        if cores > 2 { jobCounts.append(cores) }
        for jobs in jobCounts {
            // Best and median of three runs: the machine may be shared, and the best is the least disturbed.
            var times: [Double] = []
            var errors = 0
            for _ in 0..<3 {
                var report: SimulationReport?
                times.append(time { report = simulator.run(SimulationOptions(runs: runs, seed: 1, jobs: jobs)) })
                errors = report?.errors.count ?? 0
            }
            times.sort()
            figure(
                "simulate --jobs \(jobs) (\(runs) runs)",
                "\(formatRate(Double(runs) / times[0])) playthroughs/s best of 3, "
                    + "\(formatRate(Double(runs) / times[1])) median  (\(errors) runtime errors)")
        }
    }
}

let exploreSection = BenchSection(
    name: "explore",
    summary: "exhaustive exploration (Explorer) of benchmark.ttx, one seed: distinct states per second"
) {
    let scenario = load("benchmark.ttx")
    for actions in [false, true] {
        var report: ExplorationReport?
        let seconds = time { report = Explorer(scenario: scenario).run(ExploreOptions(seeds: [1], actions: actions)) }
        let states = report?.states ?? 0
        figure(
            "explore benchmark.ttx\(actions ? "" : " --no-actions")",
            "\(formatRate(Double(states) / seconds)) states/s  (\(states) states, "
                + "\(String(format: "%.2f", seconds)) s, \(report?.complete == true ? "complete" : "incomplete"))")
    }
}

let languageServerSection = BenchSection(
    name: "lsp",
    summary: "sandtable lsp: diagnostics after each keystroke, completion and hover, on the flagship and 5,000 lines",
    run: benchLanguageServerSection)

let explainSection = BenchSection(name: "list", summary: "list the sections") {
    for s in sections { print("  \(s.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(s.summary)") }
}

/// Every section, in the order they run.
let sections: [BenchSection] = [simulateSection, exploreSection, languageServerSection, explainSection]

// MARK: - Main

let wanted = Array(CommandLine.arguments.dropFirst())
let unknown = wanted.filter { name in !sections.contains { $0.name == name } }
if !unknown.isEmpty {
    FileHandle.standardError.write(Data("unknown section(s): \(unknown.joined(separator: ", "))\n".utf8))
    exit(2)
}
#if DEBUG
    print("warning: debug build; figures are only meaningful with -c release")
#endif
let loadAverage = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first
print("sandtable-bench on \(cores) core(s)\(loadAverage.map { ", load average \($0) at start" } ?? "")")
for section in sections where wanted.isEmpty ? section.name != "list" : wanted.contains(section.name) {
    print("bench \(section.name): \(section.summary)")
    section.run()
}
