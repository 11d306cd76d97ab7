import ExerciseEngine
import ScenarioLanguage

/// Strengths, areas for improvement and the improvement plan of a session, drawn from its objectives, expected
/// actions, requests and breaches.
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
        /// A runtime error that stopped the exercise.
        case error(NoteRecord)
    }

    /// Objectives rated P or S, expected actions hit, requests answered on time.
    var strengths: [Item] = []
    /// Objectives rated M or U, expected actions missed or late, requests refused, late or unanswered, breaches.
    var improvements: [Item] = []
    /// The improvement plan: objectives rated M or U.
    var plan: [ObjectiveRecord] = []

    init(_ report: SessionReport) {
        for o in report.objectives {
            if o.rating <= .S {
                strengths.append(.objective(o))
            } else {
                improvements.append(.objective(o))
                plan.append(o)
            }
        }
        for x in report.expectations {
            switch x.outcome {
            case .hit: strengths.append(.expectation(x))
            case .late, .missed: improvements.append(.expectation(x))
            // Not offered in time is the scenario's defect and waived is owed by nobody: neither is a finding.
            case .pending, .notOffered, .waived: break
            }
        }
        for r in report.requests {
            switch r.outcome {
            case .onTime: strengths.append(.request(r))
            case .late, .refused, .unanswered, .overdue: improvements.append(.request(r))
            case .pending: break
            }
        }
        for b in report.breaches { improvements.append(.breach(b)) }
        for e in report.errors { improvements.append(.error(e)) }
    }

    /// The item as a sentence.
    func text(_ item: Item, _ x: ReportText) -> String {
        let t = x.t
        let scenario = x.scenario
        switch item {
        case .objective(let o):
            let obj = scenario.objectives[o.objective]
            var text = t("concl.objective", obj.title, x.rating(o.rating), x.owner(o.objective))
            if o.rating >= .M && !obj.recommendation.isEmpty { text += " " + t("concl.recommend", obj.recommendation) }
            return text
        case .expectation(let r):
            let exp = scenario.expectations[r.expectation]
            let who = r.responses.compactMap { response -> String? in
                guard let role = response.role else { return nil }
                return x.role(role) + " " + x.outcome(response.outcome.rawValue)
            }
            let detail = who.isEmpty ? "" : " (" + who.joined(separator: x.comma) + ")"
            return t("concl.expectation", exp.title, x.outcome(r.outcome.rawValue), x.time(r.deadline)) + detail
        case .request(let r):
            let q = scenario.requests[r.request]
            return t("concl.request", q.title, x.role(q.from), x.role(q.to), x.outcome(r.outcome.rawValue))
        case .breach(let b):
            return t("concl.breach", scenario.items[b.item].title, x.role(b.role), x.time(b.clock))
        case .error(let n):
            return t("concl.error", n.text)
        }
    }
}
