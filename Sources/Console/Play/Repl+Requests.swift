import ExerciseEngine
import Foundation
import Localization
import ScenarioLanguage

/// Requests players send (`request`), and their answers (`accept`, `accept derived`, `refuse "REASON"`,
/// `forward ROLE`): the duty to cooperate typed at the prompt.
extension Repl {
    /// The name of a request a player sent, as typed and shown: `r1`, `r2`, … in the order sent.
    func requestName(_ k: Int) -> String { "r\(k + 1)" }

    /// The request a name stands for: `r2`, `R2` or `2`.
    func playerRequest(named word: String) -> Int? {
        let digits = word.lowercased().hasPrefix("r") ? String(word.dropFirst()) : word
        guard let n = Int(digits), n >= 1, n <= session.state.playerRequests.count else { return nil }
        return n - 1
    }

    /// `request ROLE[, ROLE…] ITEM|"TEXT" [within DURATION] [duty DUTY]`.
    func sendRequest(_ argument: String) {
        guard let seat else { return error(s("error.noSeat")) }
        var rest = argument
        var text = ""
        // A quoted text: what is asked, in words.
        if let open = rest.firstIndex(where: { $0 == "\"" || $0 == "“" }) {
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(where: { $0 == "\"" || $0 == "”" }) else {
                return missing(ReplCommand.command(.request))
            }
            text = String(rest[after..<close])
            rest = String(rest[..<open]) + " " + String(rest[rest.index(after: close)...])
        }
        var words = rest.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "，" }).map(String.init)
        var within: Int?
        var duty: Int?
        if let w = words.firstIndex(where: { $0 == "within" || $0 == "时限" }) {
            guard w + 1 < words.count, let minutes = parseDuration(words[w + 1]), minutes > 0 else {
                return error(s("error.invalidDuration"))
            }
            within = minutes
            words.removeSubrange(w...(w + 1))
        }
        if let d = words.firstIndex(where: { $0 == "duty" || $0 == "义务" }) {
            guard d + 1 < words.count,
                let found = scenario.duties.firstIndex(where: { $0.id == words[d + 1] || $0.title == words[d + 1] })
            else {
                let name = d + 1 < words.count ? words[d + 1] : ""
                return error(s("error.unknownDuty", name, scenario.duties.map(\.id).joined(separator: ", ")))
            }
            duty = found
            words.removeSubrange(d...(d + 1))
        }
        var item: ItemIndex?
        if text.isEmpty, let last = words.last, let found = scenario.item(last) {
            item = found
            words.removeLast()
        }
        guard !words.isEmpty, item != nil || !text.isEmpty else { return missing(ReplCommand.command(.request)) }
        var to: [Int] = []
        for name in words {
            guard let role = resolveRole(name) else { return error(unknownRole(name)) }
            if role == seat { return error(s("error.requestToSelf", roleName(seat))) }
            if !to.contains(role) { to.append(role) }
        }
        submit(.request(role: seat, to: to, item: item, text: text, duty: duty, within: within))
    }

    /// Reads an answer to a request a player sent; nil when the argument is about a declared request instead.
    /// The request is nil (and an error shown) when the answer cannot be read.
    func playerReply(_ argument: String, accept: Bool, seat: Int) -> (Int?, RequestReply?)? {
        let open = session.openPlayerRequests(for: seat).map(\.request)
        var words = argument.split(separator: " ").map(String.init)
        var derived = false
        if accept, let first = words.first, first == "derived" || first == "脱敏" {
            derived = true
            words.removeFirst()
        }
        var reason = ""
        if !accept, let quote = argument.firstIndex(where: { $0 == "\"" || $0 == "“" }) {
            reason = String(argument[argument.index(after: quote)...])
                .trimmingCharacters(in: CharacterSet(charactersIn: "\"”"))
            words = String(argument[..<quote]).split(separator: " ").map(String.init)
        }
        let named = words.first.flatMap(playerRequest(named:))
        let declared = !session.pendingRequests(for: seat).isEmpty
        // A declared request's id, or nothing to say it is a player's request while a declared one waits.
        if named == nil && !derived && reason.isEmpty && (declared || !words.isEmpty) { return nil }
        guard let k = named ?? (open.count == 1 ? open[0] : nil) else {
            if open.isEmpty {
                error(s("error.noRequests", roleName(seat)))
            } else {
                error(s("error.whichRequest", open.map(requestName).joined(separator: ", ")))
            }
            return (nil, nil)
        }
        if !accept && reason.allSatisfy(\.isWhitespace) {
            error(s("error.refuseNeedsReason", requestName(k)))
            return (nil, nil)
        }
        return (k, accept ? (derived ? .acceptDerived : .accept) : .refuse(reason))
    }

    /// `forward [rN] ROLE`: passes a request on; the role that received it stays responsible.
    func forwardRequest(_ argument: String) {
        guard let seat else { return error(s("error.noSeat")) }
        let words = argument.split(separator: " ").map(String.init)
        let open = session.openPlayerRequests(for: seat).map(\.request)
        var k: Int? = open.count == 1 ? open[0] : nil
        var target = words.first
        if words.count >= 2 {
            k = playerRequest(named: words[0])
            target = words[1]
        }
        guard let target else { return missing(ReplCommand.command(.forward)) }
        guard let k else {
            if open.isEmpty { return error(s("error.noRequests", roleName(seat))) }
            return error(s("error.whichRequest", open.map(requestName).joined(separator: ", ")))
        }
        guard let role = resolveRole(target) else { return error(unknownRole(target)) }
        submit(.reply(role: seat, request: k, reply: .forward(role)))
    }

    /// What the request asks for, in words: the item's title, or the text.
    func requestSubject(_ r: PlayerRequest) -> String {
        r.item.map { s("request.subjectItem", scenario.items[$0].title) } ?? s("request.subjectText", r.text)
    }

    /// The lines of the status that list requests players sent: those waiting for the seat, those it sent.
    func playerRequestStatus() -> [(Int, String)] {
        var lines: [(Int, String)] = []
        for (k, r) in session.state.playerRequests.enumerated() {
            for copy in r.to.indices where r.outcomes[copy] == .pending || r.outcomes[copy] == .overdue {
                let due = ClockFormat.time(r.deadline, start: scenario.header.clockStart)
                let holder =
                    r.holders[copy] == r.to[copy]
                    ? roleName(r.to[copy]) : s("status.forwardedTo", roleName(r.to[copy]), roleName(r.holders[copy]))
                lines.append((r.deadline, s("status.playerRequest", requestName(k), requestSubject(r), holder, due)))
            }
        }
        return lines
    }
}
