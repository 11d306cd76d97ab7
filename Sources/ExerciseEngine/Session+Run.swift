import ScenarioLanguage

extension Session {
    static let stepLimit = 100_000

    // MARK: Scenes

    mutating func enter(scene: Int) {
        state.scene = scene
        state.pc = scenario.scenes[scene].entry
        state.visited[scene] = true
        state.waiting = .running  // until a question is put
        emit(.sceneEntered(scene: scene))
    }

    var isRunning: Bool { if case .running = state.waiting { true } else { false } }

    /// Runs the current scene's body until a question waits, or the story ends.
    mutating func run() {
        guard !running else { return }  // the loop further up the stack goes on from the new state
        running = true
        defer { running = false }
        while isRunning {
            steps += 1
            if steps > Self.stepLimit {
                fail(
                    "the exercise ran \(Self.stepLimit) steps without asking anything: a loop never stops", at: state.pc
                )
                return
            }
            let pc = state.pc
            state.pc += 1
            switch scenario.code[pc] {
            case .ask(let a): putAsk(a)
            case .decide(let d): openDecision(d, round: 1)
            case .discuss(let d): openDiscussion(d)
            case .jump(let t): state.pc = t
            case .jumpUnless(let cond, let t): if !evaluate(cond).asBool { state.pc = t }
            case .chance(let p, let t): if !(state.rng.unit() < p) { state.pc = t }
            case .fallOff(let s):
                fail("scene '\(scenario.scenes[s].id)' ended without a goto or an end", at: pc)
            case .done:
                return
            default:
                if let flow = execute(pc, acting: [], cause: .scene(state.scene)) { take(flow) }
            }
        }
    }

    mutating func take(_ flow: Flow) {
        switch flow {
        case .goto(let s):
            enter(scene: s)
        case .end(let e):
            finishStory(ending: e, reason: .ending)
        }
    }

    mutating func fail(_ message: String, at pc: Int?) {
        let location = pc.flatMap { scenario.codeLocations.indices.contains($0) ? scenario.codeLocations[$0] : nil }
        emit(.runtimeError(message: message, location: location))
        finishStory(ending: nil, reason: .error)
    }

    /// Runs an effect block; returns a jump or an ending if the block made one.
    mutating func runBlock(_ entry: Int, acting: [Int], cause: Cause) -> Flow? {
        var pc = entry
        while pc < scenario.code.count, !storyOver {
            steps += 1
            if steps > Self.stepLimit { return nil }
            switch scenario.code[pc] {
            case .done, .fallOff: return nil
            case .jump(let t): pc = t
            case .jumpUnless(let cond, let t): pc = evaluate(cond).asBool ? pc + 1 : t
            case .chance(let p, let t): pc = state.rng.unit() < p ? pc + 1 : t
            default:
                if let flow = execute(pc, acting: acting, cause: cause) { return flow }
                pc += 1
            }
            if storyOver { return nil }
        }
        return nil
    }

    /// Executes one effect instruction.
    mutating func execute(_ pc: Int, acting: [Int], cause: Cause) -> Flow? {
        switch scenario.code[pc] {
        case .say(let text): emit(.narrative(text))
        case .facilitatorNote(let text): emit(.facilitatorNote(text))
        case .debriefNote(let text): if !quietNotes { emit(.debriefNote(text)) }
        case .checkpoint(let objectives):
            for o in objectives { rate(objective: o, checkpoint: true) }
        case .set(let v, let e): setVariable(v, evaluate(e))
        case .add(let v, let e):
            let old = state.variables[v]
            let delta = evaluate(e)
            if case .duration(let a) = old {
                setVariable(v, .duration(a + delta.asMinutes))
            } else {
                setVariable(v, .number(old.asNumber + delta.asNumber))
            }
        case .addMeasure(let m, let e, let target):
            let delta = evaluate(e).asNumber
            for role in roles(target, acting: acting) { changeMeasure(m, role: role, by: delta, cause: cause) }
        case .share(let item, let target, let parties):
            let to = roles(target, acting: acting)
            let flow = share(
                item: item, with: to, parties: parties, by: acting.count == 1 ? acting[0] : nil, acting: acting,
                cause: cause)
            for r in acting { noteShare(role: r, item: item) }
            if let flow { return flow }
        case .clearance(let item, let list, let granted):
            let r = roleCount
            let owner = scenario.items[item].owner
            // The owner's clearance is never withdrawn: it is the one that holds the item.
            let changed = list.filter {
                state.clearance[item.rawValue * r + $0] != granted && !(!granted && $0 == owner)
            }
            guard !changed.isEmpty else { break }
            for role in changed { state.clearance[item.rawValue * r + role] = granted }
            emit(.clearanceChanged(item: item, roles: changed, granted: granted, cause: cause))
        case .award(let e, let target, let reason):
            let amount = evaluate(e).asNumber
            for role in roles(target, acting: acting) {
                state.points[role] += amount
                emit(.pointsAwarded(role: role, amount: amount, reason: reason, cause: cause))
            }
        case .advance(let e): advanceClock(by: evaluate(e).asMinutes)
        case .trigger(let i): if !state.fired[i] { fire(inject: i, manual: false) }
        case .send(let q): send(request: q)
        case .goto(let s): return .goto(s)
        case .end(let e): return .end(e)
        default: break
        }
        return nil
    }

    func roles(_ target: RoleTarget, acting: [Int]) -> [Int] {
        switch target {
        case .acting: acting
        case .all: Array(scenario.roles.indices)
        case .roles(let list): list
        }
    }

    mutating func setVariable(_ v: Int, _ value: Value) {
        var value = value
        if case .number(let n) = value, let range = scenario.variables[v].range {
            value = .number(min(max(n, range.lowerBound), range.upperBound))
        }
        guard state.variables[v] != value else { return }
        state.variables[v] = value
        emit(.variableChanged(variable: v, value: value))
    }

    mutating func changeMeasure(_ m: Int, role: Int, by delta: Double, cause: Cause?) {
        let index = m * roleCount + role
        let range = scenario.measures[m].range
        let old = state.measures[index]
        let new = min(max(old + delta, range.lowerBound), range.upperBound)
        state.measures[index] = new
        emit(.measureChanged(measure: m, role: role, delta: new - old, value: new, cause: cause))
    }

    // MARK: Sharing

    /// Shares an item with roles and parties outside the exercise. A secret item reaching a role not cleared, or a
    /// sensitive item reaching a party, is a breach: one `breach` event for the act, listing them, then the item's
    /// `on breach` block once, with the roles that shared it as acting roles (every participant of a decision). A
    /// jump or an ending made there is returned for the caller to take. A party is told an item once: sharing it
    /// again leaks nothing new.
    mutating func share(
        item: ItemIndex, with targets: [Int], parties: [Int] = [], by: Int?, acting: [Int], cause: Cause?
    ) -> Flow? {
        let info = scenario.items[item]
        let newcomers = targets.filter { !knows($0, item) }
        var newParties: [Int] = []
        for p in parties where !partyKnows(p, item) && !newParties.contains(p) { newParties.append(p) }
        guard !newcomers.isEmpty || !newParties.isEmpty else { return nil }
        if !newcomers.isEmpty {
            for r in newcomers { state.knownAt[item.rawValue * roleCount + r] = state.clock }
            emit(.itemShared(item: item, by: by, with: newcomers, cause: cause))
        }
        for p in newParties {
            state.partyKnownAt[item.rawValue * scenario.parties.count + p] = state.clock
            emit(info.isSensitive ? .leaked(item: item, party: p, by: by) : .released(item: item, party: p, by: by))
        }
        let uncleared = info.sensitivity == .secret ? newcomers.filter { !cleared($0, item) } : []
        let leakedTo = info.isSensitive ? newParties : []
        guard !uncleared.isEmpty || !leakedTo.isEmpty else { return nil }
        state.breached[item.rawValue] = true
        if rulesVersion < 4 {
            // The rule transcripts before scoring version 4 were recorded under: the block once per role.
            var result: Flow?
            for r in uncleared {
                emit(.breach(item: item, roles: [r], parties: []))
                if let block = info.onBreach,
                    let flow = runBlock(block, acting: acting, cause: .breach(item)), result == nil
                {
                    result = flow
                }
            }
            return result
        }
        emit(.breach(item: item, roles: uncleared, parties: leakedTo))
        guard let block = info.onBreach else { return nil }
        return runBlock(block, acting: acting, cause: .breach(item))
    }

    // MARK: Asks

    mutating func putAsk(_ a: Int) {
        let ask = scenario.asks[a]
        state.askedAt = state.clock
        state.pendingJump = nil
        state.waiting = .ask(ask: a, pending: ask.roles)
        emit(.asked(ask: a, roles: ask.roles))
        noteOffered(ask: a)
        for role in ask.roles where !played[role] {
            guard case .ask(a, let pending) = state.waiting, pending.contains(role) else { break }
            guard let choice = automatedChoice(a, role: role) else {
                fail("no choice of this ask is offered to '\(scenario.roles[role].id)'", at: state.pc - 1)
                return
            }
            answerAsk(role: role, choice: choice, auto: .automated)
        }
        if case .ask(a, let pending) = state.waiting {
            for role in pending where offeredChoices(a, to: role).isEmpty {
                fail("no choice of this ask is offered to '\(scenario.roles[role].id)'", at: state.pc - 1)
                return
            }
        }
    }

    /// The choice a role's automation policy takes.
    mutating func automatedChoice(_ a: Int, role: Int) -> Int? {
        let offered = offeredChoices(a, to: role)
        guard !offered.isEmpty else { return nil }
        switch scenario.roles[role].automation {
        case .random:
            return offered[state.rng.index(offered.count)]
        case .script(let picks):
            if let pick = picks.first(where: { offered.contains($0) }) { return pick }
        case .defaultChoice:
            break
        }
        return defaultChoice(a, role: role)
    }

    /// The default choice of an ask for a role: the one marked default if offered, else the first offered.
    public func defaultChoice(_ a: Int, role: Int) -> Int? {
        let offered = offeredChoices(a, to: role)
        return offered.first { scenario.choices[$0].isDefault } ?? offered.first
    }

    mutating func answerAsk(role: Int, choice: Int, auto: AutoReason?) {
        guard case .ask(let a, var pending) = state.waiting else { return }
        pending.removeAll { $0 == role }
        state.waiting = .ask(ask: a, pending: pending)
        state.chosen[choice * roleCount + role] = true
        emit(.chose(role: role, choice: choice, auto: auto))
        let cost = scenario.choices[choice].cost
        if cost > 0 {
            // The other roles' time-outs that fall due while this cost passes are taken after this answer's
            // effects: taken during it, they could complete the question before this choice's jump is known.
            state.waiting = .ask(ask: a, pending: [])
            advanceClock(by: cost)
            if storyOver { return }
            if state.waiting == .ask(ask: a, pending: []) { state.waiting = .ask(ask: a, pending: pending) }
        }
        let current: Bool
        if case .ask(a, _) = state.waiting { current = true } else { current = false }
        if let flow = runBlock(scenario.choices[choice].effects, acting: [role], cause: .choice(choice)),
            state.pendingJump == nil, current
        {
            // (When an inject moved the story on during the cost, the question is gone, and so is its jump.)
            state.pendingJump = flow
        }
        noteChoice(role: role, choice: choice)
        if storyOver { return }
        if case .ask(a, let left) = state.waiting, left.isEmpty { completeQuestion() }
    }

    /// Continues the scene after a question is settled.
    mutating func completeQuestion() {
        guard !storyOver else { return }
        state.waiting = .running
        if let jump = state.pendingJump {
            state.pendingJump = nil
            take(jump)
        }
        run()
    }

    // MARK: Decisions

    mutating func openDecision(_ d: DecisionIndex, round: Int) {
        let decision = scenario.decisions[d]
        state.round = round
        if round == 1 { state.fallbackStep = 0 }
        state.askedAt = state.clock
        for r in state.positions.indices { state.positions[r] = nil }
        state.waiting = .positions(decision: d, pending: decision.roles)
        emit(.decisionOpened(decision: d, round: round))
        for role in decision.roles where !played[role] {
            let option: Int
            if case .random = scenario.roles[role].automation {
                option = decision.options[state.rng.index(decision.options.count)]
            } else {
                option = defaultOption(d)
            }
            takePosition(role: role, stance: .option(option), auto: .automated)
            if storyOver { return }
        }
    }

    /// The default option of a decision.
    public func defaultOption(_ d: DecisionIndex) -> Int {
        let options = scenario.decisions[d].options
        return options.first { scenario.options[$0].isDefault } ?? options[0]
    }

    mutating func takePosition(role: Int, stance: Stance, auto: AutoReason?) {
        guard case .positions(let d, var pending) = state.waiting else { return }
        pending.removeAll { $0 == role }
        state.positions[role] = stance
        state.lastPositions[d.rawValue * roleCount + role] = stance
        state.waiting = .positions(decision: d, pending: pending)
        switch stance {
        case .option(let option): emit(.positionTaken(role: role, decision: d, option: option, auto: auto))
        case .abstain: emit(.abstained(role: role, decision: d, auto: auto))
        }
        if pending.isEmpty { settleDecision(d) }
    }

    mutating func settleDecision(_ d: DecisionIndex) {
        let decision = scenario.decisions[d]
        // In the decision's role order. Every role has taken a position: a decision settles once none is pending.
        let positions = decision.roles.map { (state.positions[$0] ?? .option(defaultOption(d))).option }
        emit(.positionsRevealed(decision: d, positions: positions))
        if decision.isVote {
            let tally = count(d, positions)
            emit(.votesCounted(decision: d, tally: tally))
            if tally.outcome == .carried, let option = tally.leader {
                resolve(decision: d, option: option, by: decision.rule == .majority ? .majority : .weighted, role: nil)
                return
            }
        } else if let (option, how) = applyRule(decision.rule, d, positions) {
            if let option {
                resolve(decision: d, option: option, by: how, role: nil)
            } else {
                awaitCall(decision.rule == .lead ? .lead : .arbitrate, d, positions)
            }
            return
        }
        emit(.decisionFailed(decision: d, step: decision.rule.rawValue))
        nextFallback(d, positions)
    }

    /// Each role's weight as counted now: 1 in a `majority` vote; in a `weighted` one its constant, or its
    /// expression evaluated on the state (a negative value counts as 0).
    func voteWeights(_ d: DecisionIndex) -> [Double] {
        let decision = scenario.decisions[d]
        guard decision.rule != .majority else { return decision.roles.map { _ in 1 } }
        return decision.roles.indices.map { i in
            guard i < decision.weightExpressions.count, let e = decision.weightExpressions[i] else {
                return decision.weights[i]
            }
            return max(0, evaluate(e).asNumber)
        }
    }

    /// Counts a vote: the option with the most votes (weight) leads, strictly ahead of the others; it carries when
    /// the quorum was cast, the threshold is met, and no role with a veto voted for another option.
    func count(_ d: DecisionIndex, _ positions: [Int?]) -> VoteTally {
        let decision = scenario.decisions[d]
        let weights = voteWeights(d)
        var rows = decision.options.map { VoteTally.Row(option: $0, roles: [], total: 0) }
        var abstained: [Int] = []
        for (i, position) in positions.enumerated() {
            guard let option = position, let row = decision.options.firstIndex(of: option) else {
                abstained.append(decision.roles[i])
                continue
            }
            rows[row].roles.append(decision.roles[i])
            rows[row].total += weights[i]
        }
        let held = weights.reduce(0, +)
        let cast = rows.reduce(0) { $0 + $1.total }
        let best = rows.map(\.total).max() ?? 0
        let leaders = rows.filter { $0.total == best && !$0.roles.isEmpty }
        let leader = leaders.count == 1 ? leaders[0].option : nil
        let threshold =
            decision.threshold
            ?? (decision.rule == .majority
                ? VoteThreshold(inclusive: false, numerator: 1, denominator: 2, ofHeld: false) : nil)
        let base = threshold?.ofHeld == true ? held : cast
        let needed = threshold.map { base * Double($0.numerator) / Double($0.denominator) }
        var vetoedBy: [Int] = []
        if let leader {
            for (i, role) in decision.roles.enumerated() where decision.vetoes.contains(role) {
                if let option = positions[i], option != leader { vetoedBy.append(role) }
            }
        }
        let outcome: VoteTally.Outcome
        if let quorum = decision.quorum, cast < quorum {
            outcome = .noQuorum
        } else if cast == 0 && rows.allSatisfy({ $0.roles.isEmpty }) {
            outcome = .noVotes
        } else if leader == nil {
            outcome = .tie
        } else if let threshold, let leader, let row = rows.first(where: { $0.option == leader }),
            !threshold.isMet(total: row.total, base: base)
        {
            outcome = .short
        } else if !vetoedBy.isEmpty {
            outcome = .vetoed
        } else {
            outcome = .carried
        }
        return VoteTally(
            rows: rows, weights: weights, abstained: abstained, cast: cast, held: held, needed: needed,
            leader: leader, outcome: outcome, vetoedBy: vetoedBy)
    }

    /// Applies a rule that counts no votes to the positions (in the decision's role order); nil when it fails.
    /// Lead and arbitration only say who decides: their option is nil.
    func applyRule(_ rule: DecisionRule, _ d: DecisionIndex, _ votes: [Int?]) -> (option: Int?, by: Resolution)? {
        switch rule {
        case .unanimous:
            guard let first = votes.first, let option = first, votes.allSatisfy({ $0 == option }) else { return nil }
            return (option, .unanimous)
        case .majority, .weighted:
            let tally = count(d, votes)
            guard tally.outcome == .carried, let option = tally.leader else { return nil }
            return (option, rule == .majority ? .majority : .weighted)
        case .lead: return (nil, .lead)
        case .arbitrate: return (nil, .arbitration)
        }
    }

    mutating func nextFallback(_ d: DecisionIndex, _ positions: [Int?]) {
        let decision = scenario.decisions[d]
        guard state.fallbackStep < decision.fallback.count else {
            resolve(decision: d, option: defaultOption(d), by: .defaultOption, role: nil)
            return
        }
        let step = decision.fallback[state.fallbackStep]
        state.fallbackStep += 1
        switch step {
        case .negotiate(let cost):
            emit(.negotiationRound(decision: d, round: state.round + 1, cost: cost))
            if cost > 0 { advanceClock(by: cost) }
            if storyOver { return }
            // A later round keeps the fallback steps used so far. (The round may settle at once, when no role that
            // takes part is played, and the story move on to another decision: its steps are its own.)
            openDecision(d, round: state.round + 1)
        case .lead, .arbitrate:
            awaitCall(step, d, positions)
        }
    }

    mutating func awaitCall(_ step: FallbackStep, _ d: DecisionIndex, _ positions: [Int?]) {
        if step == .lead {
            guard let lead = scenario.leadRole else {
                nextFallback(d, positions)
                return
            }
            if played[lead] {
                state.waiting = .leadCall(decision: d, role: lead)
                emit(.leadCallAwaited(decision: d, role: lead))
            } else {
                resolve(decision: d, option: plurality(d, positions), by: .lead, role: lead)
            }
            return
        }
        switch scenario.decisions[d].arbitration {
        case .facilitator:
            if facilitated {
                state.waiting = .arbitration(decision: d)
                emit(.arbitrationAwaited(decision: d))
            } else {
                resolve(decision: d, option: defaultOption(d), by: .automaticArbitration, role: nil)
            }
        case .role(let arbiter):
            if played[arbiter] {
                state.waiting = .arbiterCall(decision: d, role: arbiter)
                emit(.arbiterCallAwaited(decision: d, role: arbiter))
            } else {
                let options = scenario.decisions[d].options
                let option = options.first { scenario.options[$0].isExpected } ?? defaultOption(d)
                resolve(decision: d, option: option, by: .arbitrationRole, role: arbiter)
            }
        case .rules(let rules):
            let option = rules.first { evaluate($0.condition).asBool }?.option ?? defaultOption(d)
            resolve(decision: d, option: option, by: .arbitrationRule, role: nil)
        }
    }

    /// The option with the most weight among positions (ties: the default, else the first).
    func plurality(_ d: DecisionIndex, _ positions: [Int?]) -> Int {
        let decision = scenario.decisions[d]
        let weights = decision.rule == .weighted ? voteWeights(d) : decision.weights
        var totals: [Int: Double] = [:]
        for (i, o) in positions.enumerated() {
            if let o { totals[o, default: 0] += weights[i] }
        }
        let best = totals.values.max() ?? 0
        let leaders = decision.options.filter { totals[$0] == best }
        let fallback = defaultOption(d)
        return leaders.count == 1 ? leaders[0] : (leaders.contains(fallback) ? fallback : leaders.first ?? fallback)
    }

    mutating func resolve(decision d: DecisionIndex, option: Int, by: Resolution, role: Int?) {
        state.decided[d.rawValue] = option
        state.settledBy[d.rawValue] = by.settledBy(round: state.round)
        emit(.decisionResolved(decision: d, option: option, by: by, role: role))
        let participants = scenario.decisions[d].roles
        state.pendingJump = nil
        if let flow = runBlock(scenario.options[option].effects, acting: participants, cause: .option(option)) {
            state.pendingJump = flow
        }
        if storyOver { return }
        completeQuestion()
    }

    // MARK: Discussions

    mutating func openDiscussion(_ d: Int) {
        let discussion = scenario.discussions[d]
        let asked = discussion.roles.isEmpty ? Array(scenario.roles.indices) : discussion.roles
        let pending = asked.filter { played[$0] }
        state.askedAt = state.clock
        emit(.discussionOpened(discussion: d, roles: pending))
        if pending.isEmpty {
            state.waiting = .running
            return
        }
        state.waiting = .discussion(discussion: d, pending: pending)
    }

    mutating func answerDiscussion(role: Int, text: String) {
        guard case .discussion(let d, var pending) = state.waiting else { return }
        pending.removeAll { $0 == role }
        emit(.discussionAnswered(role: role, discussion: d, text: text))
        state.waiting = .discussion(discussion: d, pending: pending)
        if pending.isEmpty { completeQuestion() }
    }

    // MARK: Actions and requests

    mutating func takeAction(role: Int, action: Int) {
        let a = scenario.actions[action]
        state.did[action * roleCount + role] = true
        emit(.actionTaken(role: role, action: action))
        if a.cost > 0 { advanceClock(by: a.cost) }
        if storyOver { return }
        let flow = runBlock(a.effects, acting: [role], cause: .action(action))
        noteAction(role: role, action: action)
        if let flow { interrupt(with: flow) }
    }

    /// A jump made outside the current question (an action, a request, an inject) takes effect at once.
    mutating func interrupt(with flow: Flow) {
        guard !storyOver else { return }
        state.pendingJump = nil
        take(flow)
        run()
    }

    mutating func send(request q: Int) {
        guard state.requestSentAt[q] == nil else { return }
        let request = scenario.requests[q]
        state.requestSentAt[q] = state.clock
        emit(.requestSent(request: q, deadline: state.clock + request.within))
        if !played[request.to] {
            answer(request: q, accept: request.autoAccept, role: request.to, auto: true)
        }
    }

    mutating func answer(request q: Int, accept: Bool, role: Int, auto: Bool) {
        guard let sent = state.requestSentAt[q] else { return }  // validated: never answered before it is sent
        let request = scenario.requests[q]
        let deadline = sent + request.within
        let outcome: RequestOutcome = !accept ? .refused : state.clock <= deadline ? .onTime : .late
        state.requestOutcome[q] = outcome
        state.requestAnsweredAt[q] = state.clock
        emit(.requestAnswered(request: q, accepted: accept, outcome: outcome, auto: auto))
        if outcome == .onTime && request.points != 0 {
            state.points[role] += request.points
            emit(.pointsAwarded(role: role, amount: request.points, reason: request.title, cause: .request(q)))
        }
        if let block = accept ? request.onAccept : request.onRefuse,
            let flow = runBlock(block, acting: [role], cause: .request(q))
        {
            interrupt(with: flow)
        }
    }

    // MARK: Injects

    /// Fires an inject. Its expected actions start; choices, actions and shares made before count at once, and
    /// conditions are checked after the inject's own effects (which may undo them). Forced by the facilitator
    /// (`manual`), conditions that already hold earn no credit, and when its own `when` condition does not hold,
    /// its debrief notes (which say it does) are left out.
    mutating func fire(inject i: Int, manual: Bool) {
        state.fired[i] = true
        emit(.injectFired(inject: i, manual: manual))
        let inject = scenario.injects[i]
        for x in inject.expectations {
            state.expectationStart[x] = state.clock
            if manual { state.expectationForced[x] = true }
        }
        for x in inject.expectations where !isConditionResponse(x) { checkProactive(x) }
        var flow: Flow?
        if let block = inject.effects {
            let quiet = quietNotes
            if manual, case .when(let condition) = inject.trigger, !evaluate(condition).asBool { quietNotes = true }
            flow = runBlock(block, acting: [], cause: .inject(i))
            quietNotes = quiet
        }
        if storyOver { return }
        if manual { waiveHeldConditions(of: i) }
        if inject.expectations.contains(where: isConditionResponse) { checkConditionResponses() }
        if let flow { interrupt(with: flow) }
    }

    // MARK: Clock

    /// Advances the clock, firing what falls due in order: injects, deadlines, time-outs, the end of the exercise.
    mutating func advanceClock(by minutes: Int) {
        guard minutes > 0, !storyOver else { return }
        let target = state.clock + minutes
        // The clock is shown moving before what falls due on the way happens.
        var shown = state.clock
        while let next = nextDue(upTo: target) {
            state.clock = max(state.clock, next)
            if state.clock > shown {
                emit(.clockAdvanced(from: shown, to: state.clock))
                shown = state.clock
            }
            if let duration = scenario.header.duration, state.clock >= duration {
                finishStory(ending: nil, reason: .timeUp)
                return
            }
            processDue()
            if storyOver { return }
            shown = max(shown, state.clock)  // an inject's own `advance` showed the clock moving
        }
        state.clock = max(state.clock, target)
        if state.clock > shown { emit(.clockAdvanced(from: shown, to: state.clock)) }
    }

    /// The earliest time at or before `limit` when something falls due.
    func nextDue(upTo limit: Int) -> Int? {
        var best: Int?
        func consider(_ t: Int) { if t <= limit, best.map({ t < $0 }) ?? true { best = t } }
        for i in scenario.injects.indices where !state.fired[i] && !state.injectSkipped[i] {
            if case .at(let t) = scenario.injects[i].trigger { consider(max(t, state.clock)) }
        }
        for x in scenario.expectations.indices where state.expectationOutcome[x] == .pending {
            if let start = state.expectationStart[x] { consider(start + scenario.expectations[x].within + 1) }
        }
        for q in scenario.requests.indices where state.requestOutcome[q] == .pending {
            if let sent = state.requestSentAt[q] { consider(sent + scenario.requests[q].within + 1) }
        }
        if let t = nextPlayerRequestDue() { consider(t) }
        if case .ask(let a, let pending) = state.waiting, !pending.isEmpty,
            let timeout = scenario.asks[a].timeout
        {
            consider(state.askedAt + timeout)
        }
        if let duration = scenario.header.duration { consider(duration) }
        return best
    }

    /// Handles everything due at the current clock.
    mutating func processDue() {
        if let duration = scenario.header.duration, state.clock >= duration {
            finishStory(ending: nil, reason: .timeUp)
            return
        }
        for i in scenario.injects.indices where !state.fired[i] && !state.injectSkipped[i] {
            guard case .at(let t) = scenario.injects[i].trigger, t <= state.clock else { continue }
            let chance = scenario.injects[i].chance
            if chance < 1 && !(state.rng.unit() < chance) {
                state.injectSkipped[i] = true
                continue
            }
            fire(inject: i, manual: false)
            if storyOver { return }
        }
        for x in scenario.expectations.indices where state.expectationOutcome[x] == .pending {
            if let start = state.expectationStart[x], state.clock > start + scenario.expectations[x].within {
                markMissed(x)
            }
        }
        for q in scenario.requests.indices where state.requestOutcome[q] == .pending {
            if let sent = state.requestSentAt[q], state.clock > sent + scenario.requests[q].within {
                state.requestOutcome[q] = .overdue
                emit(.requestOverdue(request: q))
            }
        }
        markOverduePlayerRequests()
        if case .ask(let a, let pending) = state.waiting, !pending.isEmpty,
            let timeout = scenario.asks[a].timeout,
            state.clock >= state.askedAt + timeout
        {
            for role in pending {
                guard case .ask(a, let left) = state.waiting, left.contains(role) else { continue }
                guard let choice = defaultChoice(a, role: role) else {
                    // Left pending, the time-out would fall due again and again.
                    let location = scenario.asks[a].location
                    emit(
                        .runtimeError(
                            message: "the question timed out, but no choice of it is offered to "
                                + "'\(scenario.roles[role].id)' now", location: location))
                    finishStory(ending: nil, reason: .error)
                    return
                }
                answerAsk(role: role, choice: choice, auto: .timeout)
                if storyOver { return }
            }
        }
    }

    /// After every input: condition injects, condition responses, and anything due now.
    mutating func settle() {
        var rounds = 0
        var changed = true
        while changed && !storyOver && rounds < 64 {
            changed = false
            rounds += 1
            for i in scenario.injects.indices where !state.fired[i] && !state.injectSkipped[i] {
                guard case .when(let cond) = scenario.injects[i].trigger, evaluate(cond).asBool else { continue }
                let chance = scenario.injects[i].chance
                if chance < 1 && !(state.rng.unit() < chance) {
                    state.injectSkipped[i] = true
                    continue
                }
                fire(inject: i, manual: false)
                changed = true
                if storyOver { return }
            }
            checkConditionResponses()
        }
        if !storyOver, nextDue(upTo: state.clock) != nil { processDue() }
        failIfStuck()
        noteOpportunities()
    }

    /// An input (an answer, an action, a share…) may have taken away every choice of a role still to answer: that
    /// role could never answer, and the session would wait forever.
    mutating func failIfStuck() {
        guard !storyOver, case .ask(let a, let pending) = state.waiting,
            let stuck = pending.first(where: { offeredChoices(a, to: $0).isEmpty })
        else { return }
        emit(
            .runtimeError(
                message: "no choice of this ask is offered to '\(scenario.roles[stuck].id)' any more",
                location: scenario.asks[a].location))
        finishStory(ending: nil, reason: .error)
    }

    // MARK: Facilitator

    mutating func facilitate(_ command: FacilitatorCommand) {
        switch command {
        case .inject(let i): fire(inject: i, manual: true)
        case .pause:
            state.paused = true
            emit(.paused)
        case .resume:
            state.paused = false
            emit(.resumed)
        case .advance(let m): advanceClock(by: m)
        case .arbitrate(let option):
            if case .arbiterCall(let d, _) = state.waiting {
                // The facilitator may settle for an arbitrating role, as for the lead.
                resolve(decision: d, option: option, by: .arbitration, role: nil)
                return
            }
            guard case .arbitration(let d) = state.waiting else { return }
            resolve(decision: d, option: option, by: .arbitration, role: nil)
        case .rate(let o, let rating, let reason):
            state.overrides[o] = rating
            state.overrideReasons[o] = reason
            emit(.ratingOverridden(objective: o, rating: rating, reason: reason))
        case .end:
            if storyOver { endPeerReview() } else { finishStory(ending: nil, reason: .facilitator) }
        }
    }
}
