import ExerciseEngine
import Foundation
import ScenarioLanguage
import Transcripts

/// A small exercise that exercises most event kinds: a request, an ask with costs, a joint decision with a lead
/// fallback, an inject with an expected action, a discussion, named peer review, and a clock that passes midnight.
package let miniExercise = """
    exercise mini "Mini drill"
      language en
      version "0.1"
      clock 23:30
      duration 6h
      start s1
      sharing open
      peer named

    role a "Alpha"
      knows intel
    role b "Bravo"
      lead

    info intel "Intel" owner a sensitivity internal
    measure sharing "Sharing" weight 1 range 0..20
    state level = 0 range 0..5

    objective obj "Share intel"
      P when shared(intel, all)
      else U
      recommend "Share earlier"

    ending done "Done"

    inject alarm "Alarm"
      at +30m
      to all
      \"\"\"
      The alarm goes off.
      \"\"\"
      expect react "React" by b within 30m
        do check

    action check "Check the site" by b cost 10m once
      level += 1
      sharing += 1

    request help "Please help" from a to b within 30m points 2
      accept "Yes"
        sharing += 2
      refuse "No"

    scene s1 "Start"
      \"\"\"
      Night shift.
      \"\"\"
      send help
      ask a "Share the intel?"
        choice push "Share now" expected cost 10m
          share intel with all
          sharing += 5
        choice hold "Hold" default cost 40m
      decide plan "Plan?" by a, b rule unanimous
        fallback lead
        option go "Go" expected
          sharing += 1
        option stop "Stop" default
      discuss lessons "Lessons?" to all
      end done

    """

/// A test exercise that did not compile.
package struct SupportError: Error, CustomStringConvertible {
    package let message: String
    package var description: String { message }
}

/// Compiles an exercise from text, failing the test on errors.
package func compile(_ text: String, path: String = "mini.ttx") throws -> Scenario {
    let result = ScenarioCompiler.compile(text: text, path: path)
    guard let scenario = result.scenario else {
        throw SupportError(message: "\(result.diagnostics.map { "\($0.location): \($0.message)" })")
    }
    return scenario
}

/// The repository's root.
package let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Compiles a bundled exercise.
package func bundled(_ file: String) throws -> Scenario {
    let path = repositoryRoot.appendingPathComponent("exercises/\(file)").path
    let result = ScenarioCompiler.compile(path: path)
    guard let scenario = result.scenario else { throw SupportError(message: "\(result.diagnostics.map(\.message))") }
    return scenario
}

/// Where the tests' folders go; folders left by runs more than an hour ago are removed on first use.
package let scratchRoot: String = {
    let root = NSTemporaryDirectory() + "sandtable-transcripts-tests"
    let fm = FileManager.default
    for name in (try? fm.contentsOfDirectory(atPath: root)) ?? [] {
        let path = root + "/" + name
        if let date = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
            date.timeIntervalSinceNow < -3600
        {
            try? fm.removeItem(atPath: path)
        }
    }
    return root
}()

/// A fresh temporary folder.
package func temporaryDirectory() throws -> String {
    let path = scratchRoot + "/" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A fixed start time, so that output is byte-stable.
package let fixedStart = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

/// SplitMix64: a tiny deterministic generator for scripted play.
package struct TestRandom {
    package var state: UInt64
    package init(state: UInt64) { self.state = state }
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    package mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    package mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[below(items.count)] }
}

/// Picks a valid next input: usually the answer the session waits for, sometimes a side move (an action, a request
/// answer, a note, a share).
package func nextInput(_ session: Session, _ rng: inout TestRandom, sideMoves: inout Int) -> Input? {
    let scenario = session.scenario
    guard !session.isEnded else { return nil }
    let played = scenario.roles.indices.filter { session.isPlayed($0) }
    if sideMoves > 0, rng.below(3) == 0 {
        var side: [Input] = []
        for r in played {
            for q in session.pendingRequests(for: r) {
                side.append(.answer(role: r, request: q, accept: rng.below(3) != 0))
            }
            for a in session.availableActions(for: r) { side.append(.act(role: r, action: a)) }
            if scenario.header.openSharing {
                for i in scenario.items.elementIndices where session.knows(r, i) {
                    side.append(
                        .share(
                            role: r, item: i, with: rng.below(2) == 0 ? [] : [(r + 1) % scenario.roles.count],
                            parties: []))
                }
            }
        }
        if let r = rng.pick(played) { side.append(.note(role: r, text: "note \(rng.below(1000)) \"quoted\"\n新行")) }
        side.append(.note(role: nil, text: "facilitator note"))
        side = side.filter { (try? session.validate($0)) != nil }
        if let move = rng.pick(side) {
            sideMoves -= 1
            return move
        }
    }
    var main: [Input] = []
    switch session.waiting {
    case .ask(let a, let pending):
        for r in pending { for c in session.offeredChoices(a, to: r) { main.append(.choose(role: r, choice: c)) } }
    case .positions(let d, let pending):
        for r in pending { for o in scenario.decisions[d].options { main.append(.position(role: r, option: o)) } }
        if scenario.decisions[d].isVote { main += pending.map { .abstain(role: $0) } }
    case .leadCall(let d, let r), .arbiterCall(let d, let r):
        main = scenario.decisions[d].options.map { .leadCall(role: r, option: $0) }
    case .arbitration(let d):
        main = scenario.decisions[d].options.map { .facilitator(.arbitrate(option: $0)) }
    case .discussion(_, let pending):
        main = pending.map { .discuss(role: $0, text: "answer from \(scenario.roles[$0].id): 协作 \\ \"ok\"") }
    case .peerReview(_, let remaining):
        main = remaining.map { slot in
            let q = scenario.peerQuestions[slot.question]
            let value = rng.below(5) == 0 ? nil : q.low + rng.below(q.high - q.low + 1)
            return .peerRating(target: slot.target, question: slot.question, value: value)
        }
    case .running, .ended:
        return nil
    }
    main = main.filter { (try? session.validate($0)) != nil }
    return rng.pick(main)
}

/// One recorded step of a scripted session.
package struct Step {
    package var input: Input?
    package var events: [Event]
    package var state: SessionState
}

/// Plays a whole scripted session, writing it through a writer; returns the steps.
@discardableResult
package func playScripted(
    scenario: Scenario, seed: UInt64, played: Set<Int>? = nil, facilitated: Bool = false, writer: TranscriptWriter?,
    maxSteps: Int = 500, sideMoves: Int = 12
) throws -> (session: Session, steps: [Step]) {
    var session = Session(
        scenario: scenario, seed: seed, played: played ?? Set(scenario.roles.indices), facilitated: facilitated)
    var rng = TestRandom(state: seed)
    var side = sideMoves
    var steps: [Step] = []
    let start = session.start()
    try writer?.append(input: nil, events: start, wall: fixedStart)
    steps.append(Step(input: nil, events: start, state: session.state))
    while steps.count < maxSteps, let input = nextInput(session, &rng, sideMoves: &side) {
        let events = try session.apply(input)
        try writer?.append(input: input, events: events, wall: fixedStart.addingTimeInterval(Double(steps.count) * 1.5))
        steps.append(Step(input: input, events: events, state: session.state))
    }
    if session.isEnded { try writer?.close(session: session, wall: fixedStart.addingTimeInterval(3600)) }
    return (session, steps)
}

/// Creates a writer in a fresh folder.
package func makeWriter(
    _ scenario: Scenario, seed: UInt64, played: Set<Int>? = nil, facilitated: Bool = false, key: TranscriptKey? = nil,
    directory: String? = nil
) throws -> TranscriptWriter {
    try TranscriptWriter.create(
        directory: directory ?? temporaryDirectory(), scenario: scenario, seed: seed,
        played: played ?? Set(scenario.roles.indices), facilitated: facilitated, uiLanguage: "en", tool: "test",
        key: key, now: fixedStart)
}

/// The file's lines as JSON objects.
package func jsonLines(_ path: String) throws -> [JSONValue] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try text.split(separator: "\n").map { line in try JSONValue.parse(Array(line.utf8)).get() }
}

/// The bytes of a file.
package func fileBytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

/// Writes bytes to a file.
package func writeBytes(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

package let testKey = TranscriptKey(bytes: Array("facilitator secret".utf8))
