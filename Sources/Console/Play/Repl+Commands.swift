import ExerciseEngine
import Foundation
import LineEditor
import Localization
import ScenarioLanguage

extension Repl {
    func run(_ command: ReplCommand, _ argument: String) {
        switch command.name {
        case .help: showHelp(argument)
        case .status: showStatus()
        case .look:
            if let seat { showQuestion(for: seat, force: true) } else { error(s("error.nothingToAnswer")) }
        case .info: showInfo(argument)
        case .roles: showRoles()
        case .as: switchTo(argument)
        case .do: act(argument)
        case .share: shareCommand(argument)
        case .request: sendRequest(argument)
        case .accept, .refuse: answerRequest(argument, accept: command.name == .accept)
        case .forward: forwardRequest(argument)
        case .note:
            guard !argument.isEmpty else { return missing(command) }
            if submit(.note(role: seat, text: argument)) { out(paint.grey(s("notice.noteAdded"))) }
        case .score: showScores(final: false)
        case .log: showLog(argument)
        case .quit:
            if !recordingBroken {
                out(recorder.path.isEmpty ? s("notice.notSaved") : s("notice.saved", recorder.path))
                if !recorder.path.isEmpty && !session.isEnded {
                    out(s("notice.resumeHint", CommandText.quoted(recorder.path)))
                }
            }
            finished = true
        }
    }

    func missing(_ command: ReplCommand) {
        error(s("error.missingArgument", command.name.rawValue, s("\(command.key).usage")))
    }

    // MARK: help

    func showHelp(_ topic: String) {
        if !topic.isEmpty {
            let name = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
            if let command = ReplCommand.find(name) {
                out(paint.bold(s("help.usage", s("\(command.key).usage"))))
                wrapped(s("\(command.key).summary"), indent: "  ")
                showArguments(command.key)
                if !command.aliases.isEmpty { out("  " + s("help.aliases", command.aliases.joined(separator: ", "))) }
                return
            }
            if ReplCommand.facilitator.contains(name) {
                out(paint.bold(s("help.usage", s("fcmd.\(name).usage"))))
                wrapped(s("fcmd.\(name).summary"), indent: "  ")
                showArguments("fcmd.\(name)")
                return
            }
            var message = s("help.noSuchTopic", topic)
            if let guess = closestMatch(to: name, in: ReplCommand.all.map(\.name.rawValue)) {
                message += s("error.didYouMean", guess)
            }
            error(message)
            return
        }
        out(paint.bold(s("help.header")))
        let rows = ReplCommand.all.map { [s("\($0.key).usage"), s("\($0.key).summary")] }
        for line in Table(columns: [TableColumn("", keepsWidth: true), TableColumn("")], rows: rows)
            .render(maxWidth: options.width)
            .dropFirst(2)
        {
            out(line)
        }
        if options.facilitator {
            out(paint.bold(s("help.facilitatorHeader")))
            let rows = ReplCommand.facilitator.map { [s("fcmd.\($0).usage"), s("fcmd.\($0).summary")] }
            for line in Table(columns: [TableColumn("", keepsWidth: true), TableColumn("")], rows: rows)
                .render(maxWidth: options.width)
                .dropFirst(2)
            {
                out(line)
            }
        }
        wrapped(s("help.footer"))
    }

    /// Each argument of a command with what it may be (`KEY.args` in the catalogue: one `NAME<tab>text` per line),
    /// as a table under the usage line; nothing for a command without arguments.
    private func showArguments(_ key: String) {
        guard s.has("\(key).args") else { return }
        out("  " + s("help.arguments"))
        let rows = s("\(key).args").split(separator: "\n").map { line -> [String] in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return [parts[0], parts.count > 1 ? parts[1] : ""]
        }
        let table = Table(columns: [TableColumn("", keepsWidth: true), TableColumn("")], rows: rows)
        for line in table.render(maxWidth: options.width - 4).dropFirst(2) { out("    " + line) }
    }

    // MARK: status, roles, info, log

    func showStatus() {
        let state = session.state
        var clock = s("status.clock", clockText) + "  " + s("status.elapsed", s.duration(state.clock))
        if let duration = scenario.header.duration {
            clock += "  " + s("status.remaining", s.duration(max(0, duration - state.clock)))
        }
        out(clock)
        out(s("status.scene", scenario.scenes[state.scene].title))
        let waiting = session.waiting.roles
        if waiting.isEmpty {
            if case .arbitration = session.waiting {
                out(s("status.waitingFor", s("word.facilitator")))
            } else {
                out(s("status.nothingPending"))
            }
        } else {
            out(s("status.waitingFor", waiting.map(roleName).joined(separator: s("list.separator"))))
        }
        if state.paused { out(paint.yellow(s("status.paused"))) }
        var deadlines: [(Int, String)] = []
        for (q, request) in scenario.requests.enumerated() {
            let outcome = state.requestOutcome[q]
            guard let sent = state.requestSentAt[q], outcome == .pending || outcome == .overdue else { continue }
            let due = sent + request.within
            deadlines.append(
                (
                    due,
                    s(
                        "status.requestDeadline", request.title, roleName(request.to),
                        ClockFormat.time(due, start: scenario.header.clockStart), request.id)
                ))
        }
        deadlines += playerRequestStatus()
        if case .ask(let a, let pending) = session.waiting, !pending.isEmpty,
            let timeout = scenario.asks[a].timeout
        {
            let due = state.askedAt + timeout
            deadlines.append((due, s("status.askDeadline", ClockFormat.time(due, start: scenario.header.clockStart))))
        }
        if options.facilitator || scenario.header.scores == .full {
            for (x, expectation) in scenario.expectations.enumerated() where state.expectationOutcome[x] == .pending {
                guard let start = state.expectationStart[x] else { continue }
                let due = start + expectation.within
                deadlines.append(
                    (
                        due,
                        s(
                            "status.expectDeadline", expectation.title,
                            ClockFormat.time(due, start: scenario.header.clockStart))
                    ))
            }
        }
        if !deadlines.isEmpty {
            out(paint.bold(s("status.deadlines")))
            for (_, text) in deadlines.sorted(by: { $0.0 < $1.0 }) { wrapped(text, indent: "  ") }
        }
        if let seat {
            let actions = session.availableActions(for: seat)
            if !actions.isEmpty {
                out(paint.bold(s("status.actions", roleName(seat))))
                for a in actions {
                    let action = scenario.actions[a]
                    let cost = action.cost > 0 ? " (" + s("status.cost", s.duration(action.cost)) + ")" : ""
                    wrapped("do \(action.id)  \(action.title)\(cost)", indent: "  ")
                }
            }
            let requests = session.pendingRequests(for: seat)
            for q in requests {
                wrapped(
                    s(
                        "request.pendingForYou", scenario.requests[q].title, roleName(scenario.requests[q].from),
                        scenario.requests[q].id))
            }
        }
        if scenario.header.scores != .hidden || options.facilitator { showScores(final: false, compact: true) }
    }

    func showRoles() {
        let rows = scenario.roles.enumerated().map { (r, role) -> [String] in
            var player = session.isPlayed(r) ? s("roles.you") : s("word.automated")
            if role.isLead { player += " · " + s("roles.lead") }
            if r == seat { player += " ◀" }
            return [role.id, role.name, player]
        }
        let table = Table(
            columns: [
                TableColumn(s("roles.header.id")), TableColumn(s("roles.header.role")),
                TableColumn(s("roles.header.player")),
            ], rows: rows)
        for line in table.render(maxWidth: options.width) { out(line) }
        if let seat, !scenario.roles[seat].brief.isEmpty {
            out()
            out(paint.bold(s("roles.brief", roleName(seat))))
            wrapped(scenario.roles[seat].brief, indent: "  ")
        }
    }

    func showInfo(_ argument: String) {
        guard let seat else { return error(s("error.noSeat")) }
        let known = scenario.items.elementIndices.filter { session.knows(seat, $0) }
        if !argument.isEmpty {
            let named = scenario.items.firstIndex { $0.id == argument || $0.title == argument }
            guard let item = named.map({ ItemIndex($0) }) else {
                var message = s("error.unknownItem", argument)
                if let guess = closestMatch(to: argument, in: known.map { scenario.items[$0].id }) {
                    message += s("error.didYouMean", guess)
                }
                return error(message)
            }
            guard known.contains(item) else {
                return error(s("error.itemNotHeld", roleName(seat), scenario.items[item].title))
            }
            let info = scenario.items[item]
            out(paint.bold(info.title) + "  " + paint.grey("[\(s("sensitivity.\(info.sensitivity.rawValue)"))]"))
            if !info.text.isEmpty { wrapped(info.text, indent: "  ") }
            out("  " + s("info.holders", holders(item)))
            let outside = scenario.parties.indices.filter { session.partyKnows($0, item) }
            if !outside.isEmpty {
                out(
                    "  "
                        + s(
                            "info.outside",
                            outside.map { scenario.parties[$0].name }.joined(separator: s("list.separator"))))
            }
            return
        }
        guard !known.isEmpty else { return out(s("info.none", roleName(seat))) }
        let rows = known.map { item -> [String] in
            let info = scenario.items[item]
            return [info.id, info.title, s("sensitivity.\(info.sensitivity.rawValue)"), holders(item)]
        }
        let table = Table(
            columns: [
                TableColumn(s("roles.header.id")), TableColumn(s("info.header.item")),
                TableColumn(s("info.header.sensitivity")), TableColumn(s("info.header.holders")),
            ], rows: rows)
        out(paint.bold(s("info.title", roleName(seat))))
        for line in table.render(maxWidth: options.width) { out(line) }
        let derivable = scenario.items.elementIndices.filter { !session.knows(seat, $0) && session.canShare(seat, $0) }
        if !derivable.isEmpty {
            let list = derivable.map { "\(scenario.items[$0].id) (\(scenario.items[$0].title))" }
            wrapped(s("info.derivable", list.joined(separator: s("list.separator"))), indent: "  ")
        }
        let hidden = scenario.items.count - known.count - derivable.count
        if hidden > 0 { out(paint.grey(s("info.hidden", String(hidden)))) }
    }

    func holders(_ item: ItemIndex) -> String {
        let roles = scenario.roles.indices.filter { session.knows($0, item) }
        if roles.count == scenario.roles.count { return s("info.everyone") }
        return roles.map(roleName).joined(separator: s("list.separator"))
    }

    /// `log`: the last 10 entries; `log N` the last N; `log all` every one; `log ROLE` those naming a role.
    /// Entries are whole events, never cut in the middle.
    func showLog(_ argument: String) {
        guard !history.isEmpty else { return out(s("log.empty")) }
        let entries: ArraySlice<[String]>
        if argument.isEmpty {
            entries = history.suffix(10)
        } else if let count = Int(argument), count > 0 {
            entries = history.suffix(count)
        } else if argument == "all" || argument == "全部" {
            entries = history[...]
        } else if let role = resolveRole(argument) {
            let name = roleName(role)
            entries = history.filter { $0.contains { $0.contains(name) } }[...]
            if entries.isEmpty { return out(s("log.noneFor", name)) }
        } else {
            return error(s("error.logArgument", argument))
        }
        var lines: [String] = []
        if entries.count < history.count && argument.isEmpty {
            lines.append(paint.grey(s.plural("log.showingLast", count: entries.count, String(history.count))))
        }
        for entry in entries { lines += entry }
        paged(lines)
    }

    // MARK: as, do, share, requests

    /// The role a word names: its id or name exactly, else the one role whose id starts with the word (any
    /// case) or whose name holds the word's characters in order (`交通局` for 区交通运输局, `街道办` for
    /// 东湖街道办事处). Nil when no role, or more than one, fits.
    func resolveRole(_ word: String) -> Int? {
        if let exact = scenario.roles.firstIndex(where: { $0.id == word || $0.name == word }) { return exact }
        guard !word.isEmpty else { return nil }
        let lowered = word.lowercased()
        let fitting = scenario.roles.indices.filter { r in
            let role = scenario.roles[r]
            return role.id.lowercased().hasPrefix(lowered) || Self.holdsInOrder(role.name.lowercased(), lowered)
        }
        return fitting.count == 1 ? fitting[0] : nil
    }

    /// Whether `text` holds every character of `part` in the same order (not necessarily adjacent).
    static func holdsInOrder(_ text: String, _ part: String) -> Bool {
        var rest = Substring(text)
        for character in part {
            guard let found = rest.firstIndex(of: character) else { return false }
            rest = rest[rest.index(after: found)...]
        }
        return true
    }

    /// "unknown role" with a guess and the roles one may name (by id and name).
    func unknownRole(_ word: String) -> String {
        var message = s("error.unknownRole", word)
        if let guess = closestMatch(to: word, in: scenario.roles.map(\.id)) {
            message += s("error.didYouMean", guess)
        }
        let roles = scenario.roles.map { s("role.idAndName", $0.id, $0.name) }
        return s("error.withRoles", message, roles.joined(separator: s("list.separator")))
    }

    func switchTo(_ argument: String) {
        guard !argument.isEmpty else { return missing(ReplCommand.command(.as)) }
        guard let role = resolveRole(argument) else { return error(unknownRole(argument)) }
        guard session.isPlayed(role) else { return error(s("error.notYourRole", roleName(role))) }
        if case .positions(_, let pending) = session.waiting, let current = seat, current != role,
            !pending.contains(current),
            options.interactive
        {
            clearScreen()
        }
        seat = role
        out(paint.bold(s("notice.actingAs", roleName(role))))
        if let messages = inbox.removeValue(forKey: role), !messages.isEmpty {
            out(paint.bold(s.plural("seat.inbox", count: messages.count, roleName(role))))
            for m in messages { wrapped(m, indent: "  ") }
        }
        // With a question open, the question shows the pending requests itself: say them once.
        for q in session.pendingRequests(for: role) where !session.waiting.roles.contains(role) {
            wrapped(
                s(
                    "request.pendingForYou", scenario.requests[q].title, roleName(scenario.requests[q].from),
                    scenario.requests[q].id))
        }
        showQuestion(for: role, force: false)
    }

    func act(_ argument: String) {
        guard let seat else { return error(s("error.noSeat")) }
        guard !argument.isEmpty else {
            let actions = session.availableActions(for: seat)
            if actions.isEmpty { return out(s("action.none", roleName(seat))) }
            for a in actions { wrapped("do \(scenario.actions[a].id)  \(scenario.actions[a].title)", indent: "  ") }
            return
        }
        guard let action = scenario.actions.firstIndex(where: { $0.id == argument || $0.title == argument }) else {
            var message = s("error.unknownAction", argument)
            let available = session.availableActions(for: seat).map { scenario.actions[$0].id }
            if let guess = closestMatch(to: argument, in: available.isEmpty ? scenario.actions.map(\.id) : available) {
                message += s("error.didYouMean", guess)
            }
            return error(message)
        }
        submit(.act(role: seat, action: action))
    }

    func shareCommand(_ argument: String) {
        guard let seat else { return error(s("error.noSeat")) }
        let words = argument.split(separator: " ").map(String.init)
        guard words.count >= 3, words[1] == "with" || words[1] == "给" else {
            return missing(ReplCommand.command(.share))
        }
        guard let item = scenario.item(words[0]) else {
            var message = s("error.unknownItem", words[0])
            if let guess = closestMatch(to: words[0], in: scenario.items.map(\.id)) {
                message += s("error.didYouMean", guess)
            }
            return error(message)
        }
        var targets: [Int] = []
        var parties: [Int] = []
        let names = words[2...].joined(separator: " ").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "，" })
            .map(String.init)
        if names == ["all"] || names == ["所有"] {
            targets = []
        } else {
            for name in names {
                // A party outside the exercise, by id or name, before a role.
                if let party = scenario.parties.firstIndex(where: { $0.id == name || $0.name == name }) {
                    if !parties.contains(party) { parties.append(party) }
                    continue
                }
                guard let role = resolveRole(name) else { return error(unknownRole(name)) }
                targets.append(role)
            }
        }
        submit(.share(role: seat, item: item, with: targets, parties: parties))
    }

    func answerRequest(_ argument: String, accept: Bool) {
        guard let seat else { return error(s("error.noSeat")) }
        // A request a player sent: named `r1`, or the only one waiting; `accept derived`, `refuse "REASON"`.
        if let (k, reply) = playerReply(argument, accept: accept, seat: seat) {
            if let k, let reply { submit(.reply(role: seat, request: k, reply: reply)) }
            return
        }
        let pending = session.pendingRequests(for: seat)
        let request: Int?
        if argument.isEmpty {
            request = pending.count == 1 ? pending[0] : nil
            if pending.isEmpty { return error(s("error.noRequests", roleName(seat))) }
            if request == nil {
                return error(s("error.whichRequest", pending.map { scenario.requests[$0].id }.joined(separator: ", ")))
            }
        } else {
            request = scenario.requests.firstIndex { $0.id == argument }
            if request == nil {
                var message = s("error.unknownRequest", argument)
                if let guess = closestMatch(to: argument, in: scenario.requests.map(\.id)) {
                    message += s("error.didYouMean", guess)
                }
                return error(message)
            }
        }
        guard let request else { return }
        submit(.answer(role: seat, request: request, accept: accept))
    }

    // MARK: Facilitator

    func handleFacilitator(_ line: String) {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let word = parts.first ?? ""
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        guard options.facilitator else { return error(s("error.facilitatorOnly")) }
        switch word {
        case "inject":
            guard let i = scenario.injects.firstIndex(where: { $0.id == argument }) else {
                var message = s("error.unknownInject", argument)
                if let guess = closestMatch(to: argument, in: scenario.injects.map(\.id)) {
                    message += s("error.didYouMean", guess)
                }
                return error(message)
            }
            if session.state.fired[i] { return error(s("error.injectFired", scenario.injects[i].title)) }
            submit(.facilitator(.inject(i)))
        case "pause": submit(.facilitator(.pause))
        case "resume": submit(.facilitator(.resume))
        case "advance":
            guard let minutes = parseDuration(argument), minutes > 0 else { return error(s("error.invalidDuration")) }
            submit(.facilitator(.advance(minutes)))
        case "arbitrate":
            guard case .arbitration(let d) = session.waiting else { return error(s("error.noArbitration")) }
            guard let option = option(of: d, from: argument) else {
                error(s("error.unknownChoice", argument))
                return showOptions(decision: d)
            }
            submit(.facilitator(.arbitrate(option: option)))
        case "rate":
            let words = argument.split(separator: " ", maxSplits: 2).map(String.init)
            guard words.count >= 2, let o = scenario.objectives.firstIndex(where: { $0.id == words[0] }),
                let rating = Rating(rawValue: words[1].uppercased())
            else { return error(s("error.missingArgument", ":rate", s("fcmd.rate.usage"))) }
            let reason = words.count > 2 ? words[2].trimmingCharacters(in: CharacterSet(charactersIn: "\"“” ")) : ""
            guard !reason.isEmpty else { return error(s("error.rateReason")) }
            submit(.facilitator(.rate(objective: o, rating: rating, reason: reason)))
        case "end", "end!":
            let now = word == "end!" || ["yes", "y", "是"].contains(argument.lowercased())
            guard now || argument.isEmpty else { return error(s("error.missingArgument", ":end", s("fcmd.end.usage"))) }
            if now || confirmEnd() { submit(.facilitator(.end)) }
        case "note":
            guard !argument.isEmpty else { return error(s("error.emptyText")) }
            if submit(.note(role: nil, text: argument)) { out(paint.grey(s("notice.noteAdded"))) }
        default:
            var message = s("error.unknownCommand", ":" + word)
            if let guess = closestMatch(to: word, in: ReplCommand.facilitator) {
                message += s("error.didYouMean", ":" + guess)
            }
            error(message)
        }
    }

    /// Asks the facilitator to confirm ending the exercise early (y/N): the scenes not reached stay unplayed and the
    /// objectives are rated on what was played. Anything but yes (end of input too) keeps the exercise going.
    func confirmEnd() -> Bool {
        out(s("notice.endUnplayed"))
        let input = reader.readLine(prompt: Prompt(s("prompt.confirmEnd"), color: options.color ? .yellow : nil))
        if input == .endOfInput { inputEnded = true }
        if case .line(let line) = input,
            ["y", "yes", "是", "是的"].contains(line.trimmingCharacters(in: .whitespaces).lowercased())
        {
            return true
        }
        out(paint.grey(s("notice.endCancelled")))
        return false
    }

    /// Parses `30m`, `2h`, `1h30m`, `1d` or a number of minutes.
    func parseDuration(_ text: String) -> Int? {
        if let n = Int(text) { return n }
        var total = 0
        var number = ""
        for c in text {
            if c.isASCII && c.isNumber {
                number.append(c)
            } else if let unit = ["d": 1440, "h": 60, "m": 1][String(c)], let n = Int(number) {
                total += n * unit
                number = ""
            } else {
                return nil
            }
        }
        return number.isEmpty && total > 0 ? total : nil
    }
}
