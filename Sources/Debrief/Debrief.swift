import ExerciseEngine
import Localization
import ScenarioLanguage
import Transcripts

/// The output format of a debrief.
public enum DebriefFormat: String, Sendable, CaseIterable {
    /// Markdown, readable as plain text and on GitHub.
    case markdown = "md"
    /// One self-contained HTML file with inline CSS and SVG charts.
    case html
    /// A stable JSON structure (`docs/debrief.md`).
    case json
}

/// How to render a debrief.
public struct DebriefOptions: Sendable {
    /// The language of the report's own words.
    public var language: UILanguage
    /// The due date written into every row of the improvement plan (empty: left for the facilitator to fill in).
    public var due: String

    /// The facilitator's assessment for the executive summary, as written in a notes file (`--summary FILE`):
    /// paragraphs separated by blank lines, `#` lines left out. Empty: the summary is only the generated part.
    public var summaryNotes: String

    /// Creates options.
    public init(language: UILanguage, due: String = "", summaryNotes: String = "") {
        self.language = language
        self.due = due
        self.summaryNotes = summaryNotes
    }
}

/// After-action reports (debriefs) of sessions and cohorts, built by replaying transcripts through the engine.
public enum Debrief {
    /// Reads and checks the transcript at `path` (checksums, chain, HMACs with a key), replays it through the exercise
    /// engine, and builds its report.
    ///
    /// A damaged or tampered transcript, one that does not replay, or one played with another version of the
    /// exercise, fails. A torn end is left out and an unfinished session is reported as it stood; both are noted in
    /// ``SessionReport/warnings``.
    public static func session(path: String, scenario: Scenario, key: TranscriptKey? = nil)
        -> Result<SessionReport, DebriefError>
    {
        let transcript: Transcript
        switch Transcript.read(path: path, key: key) {
        case .success(let t): transcript = t
        case .failure(let error): return .failure(.unreadable(path: path, reason: error.message))
        }
        switch SessionReplay.run(transcript, scenario: scenario) {
        case .success(let replay):
            return .success(ReportBuilder.build(replay, hmacChecked: key != nil && transcript.header.hmac))
        case .failure(let error):
            return .failure(error)
        }
    }

    /// Renders one session's report.
    public static func render(_ report: SessionReport, format: DebriefFormat, options: DebriefOptions) -> String {
        switch format {
        case .markdown:
            var renderer = MarkdownRenderer(report: report, options: options)
            return renderer.render()
        case .html: return HTMLRenderer(options: options).render(report)
        case .json: return JSONReport.encode(JSONReport(options: options).session(report))
        }
    }

    /// Builds the cohort report of several sessions of one exercise. `skipped` lists the transcripts that could not
    /// be read, with why.
    public static func cohort(_ reports: [SessionReport], skipped: [CohortReport.Skipped] = []) -> CohortReport {
        CohortReport(sessions: reports, skipped: skipped)
    }

    /// Renders a cohort report.
    public static func render(_ cohort: CohortReport, format: DebriefFormat, options: DebriefOptions) -> String {
        switch format {
        case .markdown: return MarkdownRenderer.cohort(cohort, options: options)
        case .html: return HTMLRenderer(options: options).render(cohort)
        case .json: return JSONReport.encode(JSONReport(options: options).cohort(cohort))
        }
    }
}
