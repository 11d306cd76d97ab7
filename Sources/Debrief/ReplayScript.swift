import ExerciseEngine
import Foundation
import Localization
import ScenarioLanguage
import Transcripts

/// A recorded session as a list of steps for `sandtable replay`: at each step, the input, its events in brief, what
/// each role saw and did, the clock, who was waited for, and the scores. The words are in the chosen language.
public struct ReplayScript: Sendable {
    /// One step: an input (or the start) and what followed.
    public struct Step: Sendable {
        /// The step's number, from 1.
        public var number: Int
        /// The scenario time before the step.
        public var timeBefore: String
        /// The scenario time after it.
        public var time: String
        /// Scenario minutes after it.
        public var clock: Int
        /// When the input was entered (wall clock, UTC).
        public var wall: String
        /// The input in words.
        public var input: String
        /// The events in words, each with its scenario time.
        public var events: [(time: String, text: String)]
        /// Per role: what reached it and what it did in this step.
        public var roles: [RoleView]
        /// What the session waited for after the step.
        public var waiting: String
        /// The scores after the step.
        public var scores: String
        /// What the step holds that a reviewer may jump to (see ``ReplayScript/step(from:toNext:forward:)``).
        public var marks: Marks = []
        /// The roles that chose, took a position, decided, answered, acted or shared in this step (typed or
        /// automated), by index.
        public var actors: Set<Int> = []
    }

    /// What one role saw and did in a step.
    public struct RoleView: Sendable {
        /// The role's name.
        public var name: String
        /// Whether a person played it.
        public var played: Bool
        /// What reached it: injects, questions, shared items, requests.
        public var saw: [String]
        /// What it chose or did.
        public var did: [String]
    }
    /// What a step holds that a reviewer may want to jump to.
    public struct Marks: OptionSet, Sendable, Hashable {
        /// The raw bits.
        public var rawValue: Int
        /// Marks from raw bits.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// A decision: a choice, a position, a lead's call, an arbitration or a joint decision resolved.
        public static let decision = Marks(rawValue: 1)
        /// An inject fired.
        public static let inject = Marks(rawValue: 2)
    }

    /// What ``step(from:toNext:forward:)`` looks for.
    public enum Target: Sendable, Hashable {
        /// A step with these marks.
        case marked(Marks)
        /// A step in which this role (an index) acted.
        case role(Int)
    }

    /// The exercise's title.
    public var title: String
    /// The transcript file.
    public var path: String
    /// The steps, the start first.
    public var steps: [Step]
    /// Warnings about the transcript (torn end, unfinished).
    public var warnings: [String]
    let text: Strings
    let clockStart: Int
    /// Each role's id and name, for ``role(named:)``.
    let roleNames: [(id: String, name: String)]

    /// Reads, checks and replays the transcript at `path`.
    public static func load(path: String, scenario: Scenario, key: TranscriptKey? = nil, language: UILanguage)
        -> Result<ReplayScript, DebriefError>
    {
        let transcript: Transcript
        switch Transcript.read(path: path, key: key) {
        case .success(let t): transcript = t
        case .failure(let error): return .failure(.unreadable(path: path, reason: error.message))
        }
        switch SessionReplay.run(transcript, scenario: scenario) {
        case .success(let replay): return .success(ReplayScript(replay, language: language))
        case .failure(let error): return .failure(error)
        }
    }

    /// The replay's own words (`rp.…` keys of the catalogue), placeholders filled.
    public func label(_ key: String, _ args: String...) -> String { text.format(key, arguments: args) }

    /// The index of the first step after which the scenario clock has reached `clock`; the last step if none has.
    public func stepIndex(reaching clock: Int) -> Int {
        steps.firstIndex { $0.clock >= clock } ?? max(0, steps.count - 1)
    }

    /// The nearest step after (or, with `forward` false, before) `index` that holds the target; nil when none does.
    public func step(from index: Int, toNext target: Target, forward: Bool = true) -> Int? {
        let candidates =
            forward ? Array(steps.indices.filter { $0 > index }) : steps.indices.filter { $0 < index }.reversed()
        return candidates.first { i in
            switch target {
            case .marked(let marks): return !steps[i].marks.isDisjoint(with: marks)
            case .role(let role): return steps[i].actors.contains(role)
            }
        }
    }

    /// The roles as `id (name)`, for a message that lists them.
    public var roleList: String { roleNames.map { "\($0.id) (\($0.name))" }.joined(separator: ", ") }

    /// The role a reviewer names: its id or its name exactly, else the one role whose id starts with the word or
    /// whose name holds it; nil when none or several do.
    public func role(named word: String) -> Int? {
        let word = word.trimmingCharacters(in: .whitespaces)
        guard !word.isEmpty else { return nil }
        if let exact = roleNames.firstIndex(where: { $0.id == word || $0.name == word }) { return exact }
        let fitting = roleNames.indices.filter {
            roleNames[$0].id.lowercased().hasPrefix(word.lowercased()) || roleNames[$0].name.contains(word)
        }
        return fitting.count == 1 ? fitting[0] : nil
    }

    /// Scenario minutes for a jump target: `HH:MM` (a time of day on the scenario clock, the next such time after
    /// the start) or `+90m`, `+2h`, `+1h30m`, `-30m` (that long after, or before, the clock of step `from`). Nil
    /// when the text is neither.
    public func minutes(forJump text: String, from current: Int = 0) -> Int? {
        let s = text.trimmingCharacters(in: .whitespaces)
        if let sign = s.first, sign == "+" || sign == "-" {
            var total = 0
            var number = ""
            var sawUnit = false
            for c in s.dropFirst() {
                if c.isNumber, let d = c.wholeNumberValue {
                    number.append(Character(String(d)))
                } else if c == "h" || c == "m", let n = Int(number) {
                    total += c == "h" ? n * 60 : n
                    number = ""
                    sawUnit = true
                } else if c == " " {
                    continue
                } else {
                    return nil
                }
            }
            if !number.isEmpty {
                guard !sawUnit, let n = Int(number) else { return nil }
                total += n
            }
            let base = steps.indices.contains(current) ? steps[current].clock : 0
            return max(0, base + (sign == "+" ? total : -total))
        }
        let parts = s.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        var minutes = h * 60 + m - clockStart % 1440
        if minutes < 0 { minutes += 1440 }
        return minutes
    }

    init(_ replay: SessionReplay, language: UILanguage) {
        let scenario = replay.scenario
        let x = ReportText(language, scenario: scenario)
        text = x.t
        clockStart = scenario.header.clockStart
        roleNames = scenario.roles.map { ($0.id, $0.name) }
        title = scenario.header.title
        path = replay.transcript.path
        var warnings: [String] = []
        if let torn = replay.transcript.torn { warnings.append(x.warning(.torn(line: torn.line, bytes: torn.bytes))) }
        if !replay.isComplete { warnings.append(x.warning(.unfinished)) }
        self.warnings = warnings
        let describer = ReplayDescriber(x: x, replay: replay)
        steps = replay.steps.enumerated().map { describer.step($0.offset, $0.element) }
    }
}

/// Puts replayed steps into words.
private struct ReplayDescriber {
    let x: ReportText
    let replay: SessionReplay
    var scenario: Scenario { x.scenario }
    var t: Strings { x.t }

    func step(_ index: Int, _ step: ReplayedStep) -> ReplayScript.Step {
        let roleCount = scenario.roles.count
        var saw = Array(repeating: [String](), count: roleCount)
        var did = Array(repeating: [String](), count: roleCount)
        var lines: [(String, String)] = []
        var marks: ReplayScript.Marks = []
        var actors: Set<Int> = []
        for event in step.events {
            switch event.kind {
            case .chose(let r, _, _), .positionTaken(let r, _, _, _):
                marks.insert(.decision)
                actors.insert(r)
            case .decisionResolved(_, _, _, let r):
                marks.insert(.decision)
                if let r { actors.insert(r) }
            case .actionTaken(let r, _), .discussionAnswered(let r, _, _): actors.insert(r)
            case .itemShared(_, let by?, _, _): actors.insert(by)
            case .injectFired: marks.insert(.inject)
            default: break
            }
        }
        if case .answer(let r, _, _)? = step.decoded { actors.insert(r) }
        func reach(_ roles: [Int], _ text: String) { for r in roles where r < roleCount { saw[r].append(text) } }
        let all = Array(scenario.roles.indices)
        if step.input.kind == InputCodec.anonymousPeerReviewKind {
            let n = replay.anonymousRatings.count
            lines.append((x.time(step.clock), t("rp.anonymous", String(n), String(replay.anonymousFlagged.count))))
        }
        for event in step.events {
            let time = x.time(event.clock)
            var line: String?
            switch event.kind {
            case .sceneEntered(let s):
                line = t("tl.scene", scenario.scenes[s].title)
            case .narrative(let text):
                line = t("rp.narrative", TextCut.cut(text.replacingOccurrences(of: "\n", with: " "), 60))
            case .facilitatorNote(let text):
                line = t("rp.facilitatorNote", TextCut.cut(text, 80))
            case .asked(let a, let roles):
                line = t("rp.asked", x.roles(roles), scenario.asks[a].question)
                reach(roles, t("rp.sawQuestion", scenario.asks[a].question))
            case .chose(let r, let c, let auto):
                line = t("tl.chose", x.role(r), scenario.choices[c].label) + x.auto(auto)
                did[r].append(t("rp.didChoose", scenario.choices[c].label) + x.auto(auto))
            case .decisionOpened(let d, let round):
                line = t("rp.decisionOpened", scenario.decisions[d].question, String(round))
                reach(scenario.decisions[d].roles, t("rp.sawQuestion", scenario.decisions[d].question))
            case .positionTaken(let r, _, let o, let auto):
                line = t("rp.position", x.role(r), scenario.options[o].label) + x.auto(auto)
                did[r].append(t("rp.didPosition", scenario.options[o].label) + x.auto(auto))
            case .abstained(let r, _, let auto):
                line = t("rp.abstained", x.role(r)) + x.auto(auto)
                did[r].append(t("rp.didAbstain") + x.auto(auto))
            case .positionsRevealed(let d, _):
                line = t("rp.revealed", scenario.decisions[d].question)
            case .votesCounted(let d, let tally):
                line = x.tally(d, tally)
            case .arbiterCallAwaited(_, let r):
                line = t("rp.arbiterCall", x.role(r))
            case .decisionFailed(let d, let rule):
                line = t("tl.decisionFailed", scenario.decisions[d].question, x.rule(rule))
            case .negotiationRound(let d, let round, let cost):
                line = t("tl.negotiation", scenario.decisions[d].question, String(round), x.duration(cost))
            case .leadCallAwaited(_, let r):
                line = t("rp.leadCall", x.role(r))
            case .arbitrationAwaited:
                line = t("rp.arbitration")
            case .decisionResolved(let d, let o, let by, let r):
                line = t("tl.resolved", scenario.decisions[d].question, scenario.options[o].label, x.rule(by.rawValue))
                reach(scenario.decisions[d].roles, t("rp.sawDecided", scenario.options[o].label))
                if let r, by == .lead { did[r].append(t("rp.didDecide", scenario.options[o].label)) }
            case .discussionOpened(let d, let roles):
                line = t("rp.discussion", scenario.discussions[d].question)
                reach(roles, t("rp.sawQuestion", scenario.discussions[d].question))
            case .discussionAnswered(let r, _, let text):
                // A reviewer reads the whole answer: it is what the discussion produced.
                line = t("rp.answered", x.role(r), text)
                did[r].append(t("rp.didAnswer", text))
            case .actionTaken(let r, let a):
                line = t("tl.action", x.role(r), scenario.actions[a].title)
                did[r].append(t("rp.didAct", scenario.actions[a].title))
            case .itemShared(let item, let by, let with, _):
                let names =
                    with.count > 1 && Set(with) == Set(all.filter { $0 != by }) ? t("word.everyoneElse") : x.roles(with)
                line =
                    by == nil
                    ? t("tl.sharedBy0", scenario.items[item].title, names)
                    : t("tl.shared", x.role(by), scenario.items[item].title, names)
                reach(with, t("rp.sawItem", scenario.items[item].title))
                if let by { did[by].append(t("rp.didShare", scenario.items[item].title, names)) }
            case .breach(let item, let roles, _):
                // Parties reached have their own `leaked` lines.
                if !roles.isEmpty { line = t("tl.breach", scenario.items[item].title, x.roles(roles)) }
            case .leaked(let item, let party, let by):
                let (title, name) = (scenario.items[item].title, scenario.parties[party].name)
                line = by.map { t("tl.leaked", x.role($0), title, name) } ?? t("tl.leakedBy0", title, name)
            case .released(let item, let party, let by):
                let (title, name) = (scenario.items[item].title, scenario.parties[party].name)
                line = by.map { t("tl.released", x.role($0), title, name) } ?? t("tl.releasedBy0", title, name)
            case .clearanceChanged(let item, let roles, let granted, _):
                line = t(granted ? "tl.cleared" : "tl.revoked", x.roles(roles), scenario.items[item].title)
            case .injectFired(let i, let manual):
                let inject = scenario.injects[i]
                line = t(manual ? "tl.injectManual" : "tl.inject", inject.title)
                reach(inject.audience.isEmpty ? all : inject.audience, t("rp.sawInject", inject.title))
            case .expectationScored(let xp, let r, let outcome):
                line =
                    r.map {
                        t(
                            "rp.expectationRole", x.role($0), scenario.expectations[xp].title,
                            x.outcome(outcome.rawValue))
                    }
                    ?? t("tl.expectation", scenario.expectations[xp].title, x.outcome(outcome.rawValue))
            case .playerRequestSent(let k, let from, let to, let item, let text, _, _):
                let subject = item.map { scenario.items[$0].title } ?? text
                line = t("tl.playerRequestSent", x.role(from), "r\(k + 1)", subject, x.roles(to))
                reach(to, t("rp.sawRequest", "r\(k + 1) " + subject))
                did[from].append(t("rp.didRequest", "r\(k + 1) " + subject))
            case .playerRequestAnswered(let k, _, let by, let reply, let outcome, let auto):
                let answer = x.reply(ReportBuilder.reply(reply))
                line =
                    t("tl.playerRequestAnswered", x.role(by), "r\(k + 1)", answer, x.outcome(outcome.rawValue))
                    + (auto ? t("auto.automated") : "")
                did[by].append(t("rp.didAnswerRequest", answer) + (auto ? t("auto.automated") : ""))
            case .playerRequestForwarded(let k, let receiver, let by, let to, _):
                line = t("tl.playerRequestForwarded", x.role(by), "r\(k + 1)", x.role(to), x.role(receiver))
                reach([to], t("rp.sawRequest", "r\(k + 1)"))
            case .playerRequestOverdue(let k, let receiver):
                line = t("tl.requestOverdue", "r\(k + 1)", x.role(receiver))
            case .requestSent(let q, _):
                let request = scenario.requests[q]
                line = t("tl.requestSent", x.role(request.from), request.title, x.role(request.to))
                reach([request.to], t("rp.sawRequest", request.title))
                did[request.from].append(t("rp.didRequest", request.title))
            case .requestAnswered(let q, let accepted, let outcome, let auto):
                let request = scenario.requests[q]
                let label = accepted ? request.acceptLabel : request.refuseLabel
                line =
                    t("tl.requestAnswered", x.role(request.to), request.title, label, x.outcome(outcome.rawValue))
                    + (auto ? t("auto.automated") : "")
                reach([request.from], t("rp.sawAnswer", request.title, label))
                did[request.to].append(t("rp.didAnswerRequest", label) + (auto ? t("auto.automated") : ""))
            case .requestOverdue(let q):
                line = t("tl.requestOverdue", scenario.requests[q].title, x.role(scenario.requests[q].to))
            case .variableChanged(let v, let value):
                line = t("cq.variable", scenario.variables[v].id, x.expand(ReportBuilder.text(value)))
            case .measureChanged(let m, let r, let delta, _, _):
                if delta != 0 { line = t("cq.measure", scenario.measures[m].name, NumberText.signed(delta), x.role(r)) }
            case .pointsAwarded(let r, let amount, _, _):
                line = t("cq.points", NumberText.signed(amount), x.role(r))
            case .clockAdvanced(let from, let to):
                line = t("cq.clock", x.time(from), x.time(to))
            case .debriefNote(let text):
                line = t("cq.note", text)
            case .note(let r, let text):
                line = r == nil ? t("tl.facilitatorNote", text) : t("tl.note", x.role(r), text)
                if let r { did[r].append(t("rp.didNote", TextCut.cut(text, 60))) }
            case .paused:
                line = t("tl.paused")
            case .resumed:
                line = t("tl.resumed")
            case .objectiveRated(let o, let rating, _, _, _):
                line = t("rp.rated", scenario.objectives[o].title, rating.rawValue)
            case .ratingOverridden(let o, let rating, let reason):
                line = t("tl.override", scenario.objectives[o].title, rating.rawValue, reason)
            case .peerReviewOpened(let raters):
                line = t("tl.peer")
                reach(raters, t("tl.peer"))
            case .peerRated(let rater, let target, let q, let value):
                let v = value.map(String.init) ?? "—"
                line = t("rp.peerRated", x.role(rater), x.role(target), scenario.peerQuestions[q].text, v)
                did[rater].append(t("rp.didRate", x.role(target), v))
            case .peerRatingsAnonymous:
                line = nil
            case .endingReached(let e, let reason):
                line =
                    e.map { t("tl.ending", scenario.endings[$0].title) }
                    ?? t("tl.endingReason", t("reason." + reason.rawValue))
            case .ended:
                line = t("rp.ended")
            case .runtimeError(let message, _):
                line = t("tl.error", message)
            }
            if let line { lines.append((time, line)) }
        }
        let played = Set(replay.transcript.header.roles.filter(\.played).map(\.id))
        let roles = scenario.roles.enumerated().map { r, role in
            ReplayScript.RoleView(name: role.name, played: played.contains(role.id), saw: saw[r], did: did[r])
        }
        var scores = t("rp.scoreTeam", NumberText.format(step.teamTotal))
        for r in scenario.roles.indices { scores += " · " + x.role(r) + " " + NumberText.format(step.roleTotals[r]) }
        return ReplayScript.Step(
            number: index + 1, timeBefore: x.time(step.clockBefore), time: x.time(step.clock), clock: step.clock,
            wall: WallTime.displaySeconds(step.input.wall), input: input(step), events: lines, roles: roles,
            waiting: waiting(step.waiting), scores: scores, marks: marks, actors: actors)
    }

    func input(_ step: ReplayedStep) -> String {
        let record = step.input
        switch record.kind {
        case InputCodec.startKind: return t("rp.in.start")
        case InputCodec.anonymousPeerReviewKind: return t("rp.in.anonymous")
        default: break
        }
        guard let input = step.decoded else { return t("rp.in.skipped", record.kind) }
        switch input {
        case .choose(let r, let c):
            return t("rp.in.choose", x.role(r), scenario.choices[c].label, scenario.choices[c].id)
        case .position(let r, let o): return t("rp.in.position", x.role(r), scenario.options[o].label)
        case .abstain(let r): return t("rp.in.abstain", x.role(r))
        case .leadCall(let r, let o):
            let arbitrated = step.events.contains {
                if case .decisionResolved(_, _, .arbitrationRole, _) = $0.kind { true } else { false }
            }
            if arbitrated { return t("rp.in.arbiter", x.role(r), scenario.options[o].label) }
            return t("rp.in.lead", x.role(r), scenario.options[o].label)
        case .discuss(let r, let text): return t("rp.in.discuss", x.role(r), text)
        case .act(let r, let a): return t("rp.in.act", x.role(r), scenario.actions[a].title)
        case .share(let r, let item, let with, let parties):
            let names = with.map { x.role($0) } + parties.map { scenario.parties[$0].name }
            let to = with.isEmpty && parties.isEmpty ? t("word.everyone") : names.joined(separator: x.comma)
            return t("rp.in.share", x.role(r), scenario.items[item].title, to)
        case .answer(let r, let q, let accept):
            return t(accept ? "rp.in.accept" : "rp.in.refuse", x.role(r), scenario.requests[q].title)
        case .request(let r, let to, let item, let text, _, _):
            return t("rp.in.request", x.role(r), x.roles(to), item.map { scenario.items[$0].title } ?? text)
        case .reply(let r, let k, let reply):
            if case .forward(let to) = reply { return t("rp.in.forward", x.role(r), "r\(k + 1)", x.role(to)) }
            return t("rp.in.reply", x.role(r), "r\(k + 1)", x.reply(ReportBuilder.reply(reply)))
        case .note(let r, let text): return t("rp.in.note", x.role(r), TextCut.cut(text, 80))
        case .peerRating(let target, let q, let value):
            return t(
                "rp.in.rate", x.role(record.role.flatMap { scenario.role($0) }), x.role(target),
                scenario.peerQuestions[q].text, value.map(String.init) ?? "—")
        case .facilitator(let command):
            switch command {
            case .inject(let i): return t("rp.in.inject", scenario.injects[i].title)
            case .pause: return t("rp.in.pause")
            case .resume: return t("rp.in.resume")
            case .advance(let m): return t("rp.in.advance", x.duration(m))
            case .arbitrate(let o): return t("rp.in.arbitrate", scenario.options[o].label)
            case .rate(let o, let rating, let reason):
                return t("rp.in.rateObjective", scenario.objectives[o].title, rating.rawValue, reason)
            case .end: return t("rp.in.end")
            }
        }
    }

    func waiting(_ w: Waiting) -> String {
        switch w {
        case .ask(let a, let pending): return t("rp.wait.ask", x.roles(pending), scenario.asks[a].question)
        case .running: return t("rp.wait.nothing")
        case .positions(let d, let pending):
            return t("rp.wait.positions", x.roles(pending), scenario.decisions[d].question)
        case .leadCall(let d, let r): return t("rp.wait.lead", x.role(r), scenario.decisions[d].question)
        case .arbitration(let d): return t("rp.wait.arbitration", scenario.decisions[d].question)
        case .arbiterCall(let d, let r): return t("rp.wait.arbiter", x.role(r), scenario.decisions[d].question)
        case .discussion(let d, let pending):
            return t("rp.wait.discussion", x.roles(pending), scenario.discussions[d].question)
        case .peerReview(let rater, _): return t("rp.wait.peer", x.role(rater))
        case .ended: return t("rp.wait.ended")
        }
    }
}
