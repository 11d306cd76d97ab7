import ExerciseEngine
import ScenarioLanguage

extension Repl {
    /// Candidates for the word being typed, given the line before the cursor: commands, choice and option ids,
    /// roles after `as`, actions after `do`, items and roles after `share`, requests after `accept`/`refuse`.
    func completions(forLine line: String) -> [String] {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let finished = line.hasSuffix(" ")
        let index = finished ? words.count : max(0, words.count - 1)
        if index == 0 {
            if line.hasPrefix(":") {
                return options.facilitator ? ReplCommand.facilitator.map { ":" + $0 } : []
            }
            return ReplCommand.all.map(\.name.rawValue) + currentAnswerWords()
        }
        let command = words[0]
        switch command {
        case "as", "seat", "切换":
            return index == 1 ? roleWords(scenario.roles.indices.filter { session.isPlayed($0) }) : []
        case "do", "act", "行动":
            guard index == 1, let seat else { return [] }
            return session.availableActions(for: seat).map { scenario.actions[$0].id }
        case "share", "共享":
            guard let seat else { return [] }
            if index == 1 {
                return scenario.items.elementIndices.filter { session.knows(seat, $0) }.map { scenario.items[$0].id }
            }
            if index == 2 { return ["with"] }
            return roleWords(Array(scenario.roles.indices)) + (index == 3 ? ["all"] : [])
        case "info", "信息":
            guard index == 1, let seat else { return [] }
            return scenario.items.elementIndices.filter { session.knows(seat, $0) }.map { scenario.items[$0].id }
        case "accept", "refuse", "同意", "拒绝":
            guard let seat else { return [] }
            let open = session.openPlayerRequests(for: seat).map { requestName($0.request) }
            if index == 2, ["accept", "同意"].contains(command), words.count > 1, words[1] == "derived" { return open }
            guard index == 1 else { return [] }
            return session.pendingRequests(for: seat).map { scenario.requests[$0].id } + open
                + (["accept", "同意"].contains(command) && !open.isEmpty ? ["derived"] : [])
        case "forward", "转交":
            guard let seat else { return [] }
            let open = session.openPlayerRequests(for: seat).map { requestName($0.request) }
            if index == 1 { return open + roleWords(scenario.roles.indices.filter { $0 != seat }) }
            return index == 2 ? roleWords(scenario.roles.indices.filter { $0 != seat }) : []
        case "request", "请求":
            guard let seat else { return [] }
            let words = roleWords(scenario.roles.indices.filter { $0 != seat })
            let items = scenario.items.elementIndices.map { scenario.items[$0].id }
            return index == 1 ? words : words + items + ["within"] + (scenario.duties.isEmpty ? [] : ["duty"])
        case "help", "?", "帮助":
            return index == 1 ? ReplCommand.all.map(\.name.rawValue) : []
        case ":inject":
            return index == 1
                ? scenario.injects.indices.filter { !session.state.fired[$0] }.map { scenario.injects[$0].id } : []
        case ":arbitrate":
            guard index == 1, case .arbitration(let d) = session.waiting else { return [] }
            return scenario.decisions[d].options.map { scenario.options[$0].id }
        case ":rate":
            if index == 1 { return scenario.objectives.map(\.id) }
            return index == 2 ? ["P", "S", "M", "U"] : []
        default:
            return []
        }
    }

    /// What names the roles for completion: their ids, and their names when a name is one word.
    private func roleWords(_ roles: [Int]) -> [String] {
        roles.map { scenario.roles[$0].id } + roles.map { scenario.roles[$0].name }.filter { !$0.contains(" ") }
    }
}
