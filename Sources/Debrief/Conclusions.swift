import ExerciseEngine
import ScenarioLanguage

/// Strengths, areas for improvement and the improvement plan of a session, drawn from its objectives, expected
/// actions, requests and breaches. Blame follows the events: each point names the roles whose choice, share or
/// missed response caused it (an objective's fixed owner only when its rules point at nobody), says whether they
/// were played or automated, and a point caused only by automated roles is the scenario's, listed apart, never a
/// trainee's failing.
struct Conclusions {
    /// One point of the conclusions.
    enum Item {
        /// An objective and its rating.
        case objective(ObjectiveRecord)
        /// An expected action and its overall outcome.
        case expectation(ExpectationRecord)
        /// A cooperation request and its outcome.
        case request(RequestRecord)
        /// A secret item that reached a role not cleared.
        case breach(BreachRecord)
        /// A sensitive item that reached a party outside the exercise.
        case leak(LeakRecord)
        /// A runtime error that stopped the exercise.
        case error(NoteRecord)
    }

    /// A row of the improvement plan: a point to improve, its recommendation and the played roles it falls to.
    struct PlanRow {
        /// The point.
        var item: Item
        /// The played roles that caused it, in role order (empty: the team as a whole).
        var roles: [Int]
    }

    /// Objectives rated P or S, expected actions hit, requests answered on time.
    var strengths: [Item] = []
    /// Objectives rated M or U, expected actions missed or late, requests refused, late or unanswered, breaches,
    /// caused at least in part by a played role (or by the team as a whole).
    var improvements: [Item] = []
    /// What went wrong only through automated roles: the scenario's choices, not a trainee's failing.
    var scenarioPoints: [Item] = []
    /// The improvement plan: every area for improvement but runtime errors, with its recommendation.
    var plan: [PlanRow] = []

    /// The roles a person played.
    let played: Set<Int>
    private let report: SessionReport

    init(_ report: SessionReport) {
        self.report = report
        played = report.played
        var concerns: [Item] = []
        for o in report.objectives {
            if o.rating <= .S { strengths.append(.objective(o)) } else { concerns.append(.objective(o)) }
        }
        for x in report.expectations {
            switch x.outcome {
            case .hit: strengths.append(.expectation(x))
            case .late, .missed: concerns.append(.expectation(x))
            // Not offered in time is the scenario's defect and waived is owed by nobody: neither is a finding.
            case .pending, .notOffered, .waived: break
            }
        }
        for r in report.requests {
            switch r.outcome {
            case .onTime: strengths.append(.request(r))
            case .late, .refused, .unanswered, .overdue: concerns.append(.request(r))
            case .pending: break
            }
        }
        for b in report.breaches { concerns.append(.breach(b)) }
        for l in report.leaks { concerns.append(.leak(l)) }
        for item in concerns {
            let roles = blamed(item)
            if !roles.isEmpty && roles.allSatisfy({ !played.contains($0) }) {
                scenarioPoints.append(item)
            } else {
                improvements.append(item)
                plan.append(PlanRow(item: item, roles: roles.filter { played.contains($0) }))
            }
        }
        for e in report.errors { improvements.append(.error(e)) }
    }

    // MARK: Who caused it

    /// The roles whose choice, share or missed response caused the point, in role order; empty when it is the
    /// team's as a whole (a team expected action, an objective whose rules and owner name nobody).
    func blamed(_ item: Item) -> [Int] {
        let scenario = report.scenario
        switch item {
        case .objective(let o):
            return report.objectiveRoles.indices.contains(o.objective) ? report.objectiveRoles[o.objective] : []
        case .expectation(let r):
            return failing(r)
        case .request(let r):
            return r.outcome == .onTime || r.outcome == .pending ? [] : [scenario.requests[r.request].to]
        case .breach(let b):
            return leaker(b).map { [$0] } ?? []
        case .leak(let l):
            return l.by.map { [$0] } ?? []
        case .error:
            return []
        }
    }

    /// The responders of an expected action who were late or missed it.
    private func failing(_ r: ExpectationRecord) -> [Int] {
        r.responses.compactMap { response in
            guard let role = response.role, response.outcome == .late || response.outcome == .missed else {
                return nil
            }
            return role
        }
    }

    /// The role whose share let a secret reach a role not cleared for it, nil when the scenario passed it on.
    private func leaker(_ b: BreachRecord) -> Int? { report.leaker(b) }

    // MARK: In words

    /// A role's name and whether a person played it or the session automated it.
    func who(_ role: Int, _ x: ReportText) -> String {
        x.t(played.contains(role) ? "concl.played" : "concl.automated", x.role(role))
    }

    /// The roles in words with played or automated, or "the team" when none.
    func responsible(_ roles: [Int], _ x: ReportText) -> String {
        roles.isEmpty ? x.t("concl.team") : roles.map { who($0, x) }.joined(separator: x.comma)
    }

    /// The item as a sentence.
    func text(_ item: Item, _ x: ReportText) -> String {
        let t = x.t
        let scenario = x.scenario
        switch item {
        case .objective(let o):
            let obj = scenario.objectives[o.objective]
            var text = t("concl.objective", obj.title, x.rating(o.rating), responsible(blamed(item), x))
            if o.rating >= .M && !obj.recommendation.isEmpty { text += " " + t("concl.recommend", obj.recommendation) }
            return text
        case .expectation(let r):
            let exp = scenario.expectations[r.expectation]
            let who = r.responses.compactMap { response -> String? in
                guard let role = response.role else { return nil }
                let failed = response.outcome == .late || response.outcome == .missed
                let scenarios = failed && !played.contains(role) ? t("concl.scenarios") : ""
                return self.who(role, x) + " " + x.outcome(response.outcome.rawValue) + scenarios
            }
            let detail = who.isEmpty ? "" : x.t.bracketed(who.joined(separator: x.comma))
            return t("concl.expectation", exp.title, x.outcome(r.outcome.rawValue), x.time(r.deadline)) + detail
        case .request(let r):
            let q = scenario.requests[r.request]
            return t("concl.request", q.title, who(q.from, x), who(q.to, x), x.outcome(r.outcome.rawValue))
        case .breach(let b):
            let by = leaker(b).map { t("concl.breachBy", who($0, x)) } ?? t("concl.breachByScenario")
            return t("concl.breach", scenario.items[b.item].title, who(b.role, x), x.time(b.clock)) + by
        case .leak(let l):
            let by = l.by.map { t("concl.breachBy", who($0, x)) } ?? t("concl.breachByScenario")
            let party = scenario.parties[l.party].name
            return t("concl.leak", scenario.items[l.item].title, party, x.time(l.clock)) + by
        case .error(let n):
            return t("concl.error", n.text)
        }
    }

    /// A plan row's columns: what to improve, its capability, its rating or outcome, the recommendation.
    func columns(_ row: PlanRow, _ x: ReportText) -> (title: String, capability: String, rating: String, advice: String)
    {
        let t = x.t
        let scenario = x.scenario
        switch row.item {
        case .objective(let o):
            let obj = scenario.objectives[o.objective]
            let advice = obj.recommendation.isEmpty ? "—" : obj.recommendation
            return (obj.title, obj.capability, o.rating.rawValue, advice)
        case .expectation(let r):
            let exp = scenario.expectations[r.expectation]
            return (
                t("plan.expectation", exp.title), "—", x.outcome(r.outcome.rawValue),
                t("plan.adviseExpectation", x.response(r.expectation), x.duration(exp.within))
            )
        case .request(let r):
            let q = scenario.requests[r.request]
            return (
                t("plan.request", q.title), "—", x.outcome(r.outcome.rawValue),
                t("plan.adviseRequest", who(q.from, x), x.duration(q.within))
            )
        case .breach(let b):
            let item = scenario.items[b.item].title
            return (t("plan.breach", item), "—", t("plan.breached"), t("plan.adviseBreach", item))
        case .leak(let l):
            let item = scenario.items[l.item].title
            return (
                t("plan.leak", item), "—", t("plan.breached"),
                t("plan.adviseLeak", item, scenario.parties[l.party].name)
            )
        case .error(let n):
            return (n.text, "—", "—", "—")
        }
    }
}
