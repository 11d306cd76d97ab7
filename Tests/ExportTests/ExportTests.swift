import Debrief
import ExerciseEngine
import Foundation
import GRDB
import ScenarioLanguage
import Testing
import Transcripts
import TranscriptsTestSupport

@testable import Export

/// The export: its rows are the debrief's own figures, CSV follows RFC 4180, the database has the documented
/// schema, and a failed export leaves nothing at the target.
@Suite struct ExportTests {
    /// Writes a scripted session and returns its debrief report.
    func report(_ scenario: Scenario, seed: UInt64, played: Set<Int>) throws -> SessionReport {
        let writer = try makeWriter(scenario, seed: seed, played: played)
        try playScripted(scenario: scenario, seed: seed, played: played, writer: writer)
        writer.detach()
        return try Debrief.session(path: writer.path, scenario: scenario).get()
    }

    @Test func everyRowHasItsTablesColumnsAndTheDebriefsFigures() throws {
        let flood = try bundled("flood-response.ttx")
        let report = try report(flood, seed: 7, played: [3])
        let rows = report.exportRows(session: "s7")
        for table in ExportSchema.tables where table.name != "skipped" {
            let tableRows = try #require(rows.tables[table.name], "\(table.name) missing")
            for row in tableRows { #expect(row.count == table.columns.count, "\(table.name)") }
            for row in tableRows { #expect(row.first == .text("s7"), "\(table.name) keys its rows by session") }
        }
        // The JSON report is what debrief prints: the export must say the same.
        let json = try JSONValue.parse(
            Array(Debrief.render(report, format: .json, options: DebriefOptions(language: .en)).utf8)
        ).get()
        let session = try #require(rows.tables["sessions"]?.first)
        let columns = try #require(ExportSchema.table("sessions")).columns.map(\.name)
        func value(_ name: String) -> ExportValue? { columns.firstIndex(of: name).map { session[$0] } }
        if case .real(let total)? = value("team_total"), let reported = json["scores"]?["team"]?["total"]?.doubleValue {
            #expect(abs(total - reported) < 0.01, "the JSON report rounds; the export keeps every digit")
        } else {
            Issue.record("team_total or the JSON team score is missing")
        }
        #expect(value("played_roles") == .text(flood.roles[3].id))
        #expect(value("played_count") == .integer(1))
        let roles = try #require(rows.tables["roles"])
        #expect(roles.count == flood.roles.count)
        #expect(roles.filter { $0[3] == .integer(1) }.count == 1, "exactly the one played role is marked played")
        #expect(rows.tables["measures"]?.count == flood.roles.count * flood.measures.count)
        #expect(rows.tables["objectives"]?.count == flood.objectives.count)
    }

    @Test func csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        #expect(CSVExport.field(.text("交通局")) == "交通局")
        #expect(CSVExport.field(.text("a,b")) == "\"a,b\"")
        #expect(CSVExport.field(.text("say \"no\"")) == "\"say \"\"no\"\"\"")
        #expect(CSVExport.field(.text("two\nlines")) == "\"two\nlines\"")
        #expect(CSVExport.field(.null) == "")
        #expect(CSVExport.field(.integer(-3)) == "-3")
        #expect(CSVExport.number(35.888888) == "35.8889")
        #expect(CSVExport.number(40) == "40")
        #expect(CSVExport.number(-2.5) == "-2.5")
        #expect(CSVExport.number(.nan) == "")
        #expect(CSVExport.line([.text("a"), .null, .real(0.1)]) == Array("a,,0.1\r\n".utf8))
    }

    @Test func csvAndSQLiteHoldTheSameSessions() throws {
        let tutorial = try bundled("tutorial.ttx")
        let reports = try (1...3).map { try report(tutorial, seed: UInt64($0), played: [0]) }
        let folder = try temporaryDirectory()
        let csv = try CSVExport(directory: folder + "/csv", byteOrderMark: true)
        let db = folder + "/cohort.db"
        let sqlite = try SQLiteExport(path: db)
        for (n, report) in reports.enumerated() {
            let rows = report.exportRows(session: "s\(n)")
            try csv.append(rows)
            try sqlite.append(rows)
        }
        try csv.finish()
        try sqlite.finish()

        let bytes = try fileBytes(folder + "/csv/sessions.csv")
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("session,file,schema,".utf8)))
        let sessions = String(decoding: bytes, as: UTF8.self)
        #expect(sessions.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 4)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/csv")
        #expect(files.sorted() == ExportSchema.tables.map { "\($0.name).csv" }.sorted(), "no temporary file is left")

        let queue = try DatabaseQueue(path: db)
        try queue.read { db in
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == ExportSchema.version)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions") == 3)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM roles WHERE played = 1") == 3)
            let total = try Double.fetchOne(db, sql: "SELECT sum(team_total) FROM sessions") ?? 0
            #expect(abs(total - reports.map { $0.exportTeamTotal }.reduce(0, +)) < 1e-9)
            let orphans = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM objectives WHERE session NOT IN (SELECT session FROM sessions)")
            #expect(orphans == 0)
            for table in ExportSchema.tables {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.name))").map { $0["name"] as String }
                #expect(columns == table.columns.map(\.name), "\(table.name) has the documented columns")
            }
        }
    }

    @Test func theDocumentedSchemaIsTheProgramsSchema() throws {
        let doc = try String(
            contentsOf: repositoryRoot.appendingPathComponent("docs/export.md"), encoding: .utf8)
        #expect(doc.contains("## Schema (version \(ExportSchema.version))"))
        let sections = doc.components(separatedBy: "\n### `").dropFirst()
        var documented: [String: [String]] = [:]
        for section in sections {
            let name = String(section.prefix { $0 != "`" })
            documented[name] = section.split(separator: "\n").compactMap { line in
                guard line.hasPrefix("| `") else { return nil }
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                return cells.count >= 2 ? cells[0].trimmingCharacters(in: ["`"]) + " " + cells[1] : nil
            }
        }
        for table in ExportSchema.tables {
            #expect(
                documented[table.name] == table.columns.map { "\($0.name) \($0.kind.rawValue)" },
                "docs/export.md, table \(table.name)")
        }
        #expect(documented.count == ExportSchema.tables.count)
    }

    @Test func aFailedExportLeavesNothingAtTheTarget() throws {
        let folder = try temporaryDirectory()
        // A database that is never finished (the command failed half-way) leaves neither it nor its temporary file.
        do {
            let sqlite = try SQLiteExport(path: folder + "/half.db")
            _ = sqlite
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        do {
            let csv = try CSVExport(directory: folder + "/out")
            _ = csv
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out").isEmpty)
        // The wrong kind of target is refused before anything is written.
        _ = FileManager.default.createFile(atPath: folder + "/file", contents: Data("x".utf8))
        #expect(throws: ExportError.notAFolder(folder + "/file")) { try CSVExport(directory: folder + "/file") }
        #expect(throws: ExportError.isAFolder(folder + "/out")) { try SQLiteExport(path: folder + "/out") }
        #expect(try String(contentsOfFile: folder + "/file", encoding: .utf8) == "x")
    }
}

extension SessionReport {
    /// The team total as the sessions table has it.
    fileprivate var exportTeamTotal: Double {
        guard let row = exportRows(session: "x").tables["sessions"]?.first,
            let index = ExportSchema.table("sessions")?.columns.firstIndex(where: { $0.name == "team_total" }),
            case .real(let total) = row[index]
        else { return .nan }
        return total
    }
}
