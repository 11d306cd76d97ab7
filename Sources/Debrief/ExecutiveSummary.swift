import ExerciseEngine
import ScenarioLanguage

/// The executive summary of an after-action report (HSEEP's AAR opens with one): what was played, by whom, how it
/// ended, the ratings and expected actions in two sentences, the main strengths and areas for improvement, and the
/// size of the improvement plan, all generated from the transcript; then the facilitator's own assessment when a
/// notes file was given (`sandtable debrief --summary FILE`). The Markdown, HTML and JSON reports render the same
/// content.
struct ExecutiveSummary {
    /// How many strengths and areas for improvement the summary names (the full lists follow in their sections).
    static let highlights = 3

    /// The generated paragraphs: the session, then its results.
    var paragraphs: [String]
    /// The first strengths, in the order of the strengths section (objectives first).
    var strengths: [String]
    /// The first areas for improvement, in the order of their section (objectives first).
    var improvements: [String]
    /// How many rows the improvement plan has.
    var planRows: Int
    /// The sentence saying so.
    var planSentence: String
    /// The facilitator's assessment, one paragraph per blank-line-separated block of the notes file.
    var facilitator: [String]

    init(_ report: SessionReport, conclusions c: Conclusions, facilitatorNotes: String, _ x: ReportText) {
        let t = x.t
        let h = report.header
        let o = report.overview
        let roles = report.scenario.roles.indices
        let played = roles.filter { report.played.contains($0) }
        let automated = roles.filter { !report.played.contains($0) }
        func names(_ list: [Int]) -> String {
            list.isEmpty ? t("summary.nobody") : list.map { x.role($0) }.joined(separator: x.comma)
        }
        let session = t(
            "summary.session", h.exerciseTitle, WallTime.display(h.started), x.time(0), x.time(o.finalClock),
            x.duration(o.finalClock), names(played), names(automated), x.ending(o),
            NumberText.format(report.scores.teamTotal))
        let ratings = Rating.allCases.map { r in report.objectives.filter { $0.rating == r }.count }
        let outcomes = [ExpectationOutcome.hit, .late, .missed].map { k in
            report.expectations.filter { $0.outcome == k }.count
        }
        let results = t(
            "summary.results", String(report.objectives.count), String(ratings[0]), String(ratings[1]),
            String(ratings[2]), String(ratings[3]), String(outcomes[0]), String(outcomes[1]), String(outcomes[2]))
        paragraphs = [session, results]
        strengths = c.strengths.prefix(Self.highlights).map { c.text($0, x) }
        improvements = c.improvements.prefix(Self.highlights).map { c.text($0, x) }
        planRows = c.plan.count
        planSentence =
            switch planRows {
            case 0: t("summary.planEmpty")
            case 1: t("summary.planOne")
            default: t("summary.plan", String(planRows))
            }
        facilitator = Self.paragraphs(of: facilitatorNotes)
    }

    /// The blocks of a notes file separated by blank lines, each joined into one paragraph (lines of Chinese text
    /// are joined without a space, others with one); lines starting with `#` are the facilitator's own comments and
    /// left out.
    static func paragraphs(of text: String) -> [String] {
        var blocks: [String] = []
        var current = ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
            if line.hasPrefix("#") { continue }
            if line.isEmpty {
                if !current.isEmpty { blocks.append(current) }
                current = ""
            } else if current.isEmpty {
                current = line
            } else {
                let joinsTight = Self.isWide(current.unicodeScalars.last) && Self.isWide(line.unicodeScalars.first)
                current += (joinsTight ? "" : " ") + line
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// Whether a character is CJK text or full-width punctuation, which Chinese writes without spaces between.
    private static func isWide(_ scalar: Unicode.Scalar?) -> Bool { (scalar?.value ?? 0) >= 0x2E80 }
}
