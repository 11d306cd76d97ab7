import Foundation
import Testing

@testable import ScenarioLanguage

/// A small seeded generator (SplitMix64), so that every run mutates the same way.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Mutates exercise texts: deletes, duplicates and swaps lines and characters, and inserts random text.
struct Mutator {
    var random: SeededGenerator

    /// Pieces of text worth inserting: the language's own symbols and words, awkward whitespace, and UTF-8 of every
    /// width.
    static let fragments: [String] = [
        "\t", " ", "  ", "\"", "\"\"\"", "“", "”", "#", "\n", "\r\n", "\r", "\u{FEFF}", "(", ")", ",", "，", "..", "=",
        "==", "+=", "-=", ">=", "<", "%", ":", "-", "*", "/", "0", "7", "99999999999999999999", "1h30m", "25:61",
        "3.5", "45%", "if ", "else", "elif ", "goto ", "end ", "ask ", "choice ", "option ", "decide ", "scene ",
        "role ", "include \"x.ttx\"", "include \"../y.ttx\"", "all", "not ", "and ", "or ", "time", "shared(",
        "knows(", "min(", "交通局", "应急管理局", "预警", "积水", "（", "）", "：", "é", "e\u{301}", "👩‍🚒", "🇨🇳", "\u{200D}",
        "\u{0}", "\u{7}", "\u{1B}[31m", "\u{2028}", "\\", "\\\"", "𠀀", "ｱ", "ﾞ",
    ]

    mutating func int(_ bound: Int) -> Int { bound <= 1 ? 0 : Int.random(in: 0..<bound, using: &random) }

    /// A random piece of text: a fragment, or a few random scalars.
    mutating func randomText() -> String {
        if int(3) > 0 { return Self.fragments[int(Self.fragments.count)] }
        var text = ""
        for _ in 0...int(4) {
            let ranges: [ClosedRange<UInt32>] = [
                0x20...0x7E, 0x4E00...0x9FFF, 0x00A0...0x02FF, 0x0300...0x036F, 0x1F300...0x1FAFF, 0x01...0x1F,
            ]
            let range = ranges[int(ranges.count)]
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// Applies one to three mutations to a text.
    mutating func mutate(_ text: String) -> String {
        mutate(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// Applies one to three mutations to a text given as lines.
    mutating func mutate(lines original: [String]) -> String {
        var lines = original
        for _ in 0...int(3) {
            guard !lines.isEmpty else { break }
            let i = int(lines.count)
            switch int(8) {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: i)
            case 2: lines.swapAt(i, int(lines.count))
            case 3: lines[i] = mutateCharacters(lines[i])
            case 4: lines[i] = mutateCharacters(lines[i])
            case 5:
                var chars = Array(lines[i])
                chars.insert(contentsOf: randomText(), at: int(chars.count + 1))
                lines[i] = String(chars)
            case 6: lines.insert(randomText(), at: i)
            default:
                var chars = Array(lines[i])
                let indent = chars.prefix { $0 == " " || $0 == "\t" }.count
                chars.insert(contentsOf: int(2) == 0 ? "\t" : " ", at: int(indent + 1))
                lines[i] = String(chars)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Deletes, duplicates or swaps characters in a line.
    private mutating func mutateCharacters(_ line: String) -> String {
        var chars = Array(line)
        guard !chars.isEmpty else { return randomText() }
        let i = int(chars.count)
        switch int(3) {
        case 0: chars.remove(at: i)
        case 1: chars.insert(chars[i], at: i)
        default: chars.swapAt(i, int(chars.count))
        }
        return String(chars)
    }
}

/// Checks a compile result against a text: invalid input gets an error, and every position lies inside the file.
func checkInvariants(_ result: CompileResult, text: String, path: String) -> [String] {
    var problems: [String] = []
    if result.scenario == nil && !result.diagnostics.hasErrors {
        problems.append("no scenario, yet no error reported")
    }
    if result.scenario != nil && result.diagnostics.hasErrors {
        problems.append("a scenario despite errors")
    }
    let file = SourceFile(path: path, text: text)
    func check(_ location: ScenarioLanguage.SourceLocation, _ what: String) {
        guard location.file == path else {
            problems.append("\(what) in another file: \(location)")
            return
        }
        guard location.line >= 1, location.line <= file.lines.count else {
            problems.append("\(what) on line \(location.line) of \(file.lines.count): \(location)")
            return
        }
        let length = file.line(location.line).count
        if location.column < 1 || location.column > length + 1 {
            problems.append("\(what) at column \(location.column) of a line of \(length) characters: \(location)")
        }
    }
    for d in result.diagnostics {
        check(d.location, "[\(d.code.rawValue)] \(d.message)")
        if d.span.length < 1 { problems.append("[\(d.code.rawValue)] an empty span at \(d.location)") }
        for note in d.notes { if let span = note.span { check(span.start, "a note of [\(d.code.rawValue)]") } }
        if d.message.description.first?.isUppercase == true { problems.append("a message in uppercase: \(d.message)") }
    }
    return problems
}

/// Runs work on a thread with a large stack, and gives up waiting after a time limit (a hang).
func runWithTimeLimit(seconds: Double, _ work: @escaping @Sendable () -> Void) -> Bool {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        work()
        done.signal()
    }
    thread.stackSize = 16 << 20
    thread.start()
    return done.wait(timeout: .now() + seconds) == .success
}

/// A lock-protected box for results handed between threads.
final class Box<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}

@Suite("Property tests: mutated exercises")
struct PropertyTests {
    /// How many mutants to compile: 10,000 unless `SANDTABLE_MUTATIONS` says otherwise.
    static var mutationCount: Int {
        ProcessInfo.processInfo.environment["SANDTABLE_MUTATIONS"].flatMap(Int.init) ?? 10_000
    }

    @Test("the checker never crashes or hangs, reports an error whenever it rejects input, and points inside the file")
    func mutatedExercises() {
        let exercises = bundledExercises()
        #expect(exercises.count >= 4)
        guard !exercises.isEmpty else { return }
        let count = Self.mutationCount
        let split = exercises.map { $0.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let workers = 2
        let failures = Box<[String]>([])
        let progress = Box<[Int: String]>([:])
        let slowest = Box<Double>(0)
        let rejected = Box<Int>(0)
        // Each mutant has its own seed, so the run is the same however the work is shared between threads.
        let finished = runWithTimeLimit(seconds: 600) {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: count, by: workers) {
                    let name = exercises[index % exercises.count].name
                    var mutator = Mutator(random: SeededGenerator(seed: 0x5A4D_7AB1E &+ UInt64(index) &* 0x9E37_79B9))
                    let text = mutator.mutate(lines: split[index % exercises.count])
                    progress.update { $0[worker] = text }
                    let path = "\(testFolder)/\(name)"
                    let start = DispatchTime.now()
                    let result = ScenarioCompiler.compile(path: path, sources: MemorySources([path: text]))
                    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
                    slowest.update { $0 = max($0, seconds) }
                    if result.scenario == nil { rejected.update { $0 += 1 } }
                    let problems = checkInvariants(result, text: text, path: path)
                    if seconds > 2 { failures.update { $0.append("mutant \(index) of \(name) took \(seconds) s") } }
                    if !problems.isEmpty {
                        failures.update { $0.append("mutant \(index) of \(name): \(problems.joined(separator: "; "))") }
                        if failures.value.count > 20 { return }
                    }
                }
            }
        }
        if !finished {
            var dumped: [String] = []
            for (worker, text) in progress.value {
                let dump = FileManager.default.temporaryDirectory.appendingPathComponent("hung-mutant-\(worker).ttx")
                try? Data(text.utf8).write(to: dump)
                dumped.append(dump.path)
            }
            Issue.record("the checker hung; the mutants being checked are in \(dumped.joined(separator: ", "))")
            return
        }
        #expect(failures.value.isEmpty, "\(failures.value.prefix(20).joined(separator: "\n"))")
        // Most mutants are broken in some way: the test really exercises the error paths.
        #expect(rejected.value > count / 3, "only \(rejected.value) of \(count) mutants were rejected")
        #expect(slowest.value < 2)
    }

    @Test("compiling is deterministic")
    func deterministic() {
        var mutator = Mutator(random: SeededGenerator(seed: 42))
        for (name, original) in bundledExercises() {
            for _ in 0..<20 {
                let text = mutator.mutate(original)
                let a = ScenarioCompiler.compile(text: text, path: name).diagnostics
                let b = ScenarioCompiler.compile(text: text, path: name).diagnostics
                #expect(a == b)
            }
        }
    }
}
