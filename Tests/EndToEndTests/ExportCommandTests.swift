import Foundation
import Testing

/// `sandtable export` as an analyst runs it: sessions played through a pipe, exported to CSV and SQLite, the
/// database queried with the `sqlite3` client.
@Suite struct ExportCommandTests {
    static let sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Plays `count` one-role tutorial sessions and a flood session into a folder; returns the transcripts.
    func cohort(in folder: URL, count: Int) throws -> [String] {
        let out = folder.appendingPathComponent("t").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for seed in 1...count {
            let answers = (0..<20).map { String(($0 * seed) % 3 + 1) }.joined(separator: "\n") + "\n"
            let played = try Harness.run(
                ["play", "exercises/tutorial.ttx", "--seed", String(seed), "--roles", "jiedao", "--out", out],
                input: answers)
            #expect(played.status == 0, "\(played.stderr)")
        }
        let flood = try Harness.run(
            ["play", "exercises/flood-response.ttx", "--seed", "9", "--roles", "ema", "--out", out], input: "1\n2\n")
        #expect(flood.status == 0, "\(flood.stderr)")
        return try FileManager.default.contentsOfDirectory(atPath: out).sorted().map { out + "/" + $0 }
    }

    @Test(.enabled(if: sqlite3 != nil, "sqlite3 is not installed (./scripts/setup.sh --test installs it)"))
    func sqliteExportAnswersQueries() throws {
        let folder = Harness.scratch()
        var files = try cohort(in: folder, count: 5)
        let junk = folder.appendingPathComponent("notes.jsonl").path
        try "not a transcript\n".write(toFile: junk, atomically: true, encoding: .utf8)
        files.append(junk)
        let db = folder.appendingPathComponent("cohort.db").path
        let result = try Harness.run(["export"] + files + ["--format", "sqlite", "-o", db, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Exported 6 sessions as sqlite"))
        #expect(result.stderr.contains("skipped '\(junk)'"))

        func query(_ sql: String) throws -> String {
            let run = try Harness.spawn(URL(fileURLWithPath: Self.sqlite3 ?? "sqlite3"), [db, sql])
            #expect(run.status == 0, "\(sql): \(run.stderr)")
            return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try query("SELECT count(*) FROM sessions") == "6")
        #expect(try query("SELECT count(DISTINCT exercise_id) FROM sessions") == "2")
        #expect(try query("SELECT count(*) FROM roles WHERE played = 1") == "6")
        #expect(
            try query("SELECT group_concat(role) FROM (SELECT DISTINCT role FROM roles WHERE played = 1 ORDER BY role)")
                == "ema,jiedao")
        #expect(try query("SELECT count(*) FROM skipped") == "1")
        #expect(try query("PRAGMA user_version") == "1")
        // An analyst's question: each objective's P rate over the tutorial sessions.
        let rates = try query(
            "SELECT objective, round(avg(rating = 'P'), 2) FROM objectives JOIN sessions USING (session) "
                + "WHERE exercise_id = 'underpass_flood' GROUP BY objective ORDER BY objective")
        #expect(rates.split(separator: "\n").count >= 2, "\(rates)")
        // Chinese text goes in and comes out whole.
        #expect(
            try query("SELECT DISTINCT exercise_title FROM sessions WHERE exercise_id = 'flood_response'")
                == "临江市特大暴雨城市内涝应急联动")
    }

    @Test func csvExportWritesOneFilePerTableAndRefusesWhatItCannotWrite() throws {
        let folder = Harness.scratch()
        let files = try cohort(in: folder, count: 2)
        let out = folder.appendingPathComponent("csv").path
        let result = try Harness.run(["export"] + files + ["--format", "csv", "-o", out, "--bom", "--lang", "zh"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("已将 3 场会话以 csv 格式导出到"))
        let sessions = try Data(contentsOf: URL(fileURLWithPath: out + "/sessions.csv"))
        #expect(sessions.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: sessions, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == 11)

        // Bad input changes nothing: a file where a folder must be, a folder where a file must be, --bom with sqlite.
        let file = folder.appendingPathComponent("plain").path
        try "keep".write(toFile: file, atomically: true, encoding: .utf8)
        let intoFile = try Harness.run(["export"] + files + ["--format", "csv", "-o", file, "--lang", "en"])
        #expect(intoFile.status == 1)
        #expect(intoFile.stderr.contains("is a file"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep")
        let intoFolder = try Harness.run(["export"] + files + ["--format", "sqlite", "-o", out, "--lang", "en"])
        #expect(intoFolder.status == 1)
        #expect(intoFolder.stderr.contains("is a folder"))
        let bom = try Harness.run(["export"] + files + ["--format", "sqlite", "-o", file + ".db", "--bom"])
        #expect(bom.status != 0)
        #expect(!FileManager.default.fileExists(atPath: file + ".db"))
        let nothing = try Harness.run(["export", file, "--format", "sqlite", "-o", file + ".db", "--lang", "en"])
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: file + ".db"))
    }
}
