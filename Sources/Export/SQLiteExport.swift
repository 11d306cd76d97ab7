import Debrief
import Foundation
import GRDB

/// Writes the export tables into one SQLite database, through GRDB, with the documented schema
/// (`docs/export.md`): one table per ``ExportSchema`` table, `session` keys with indexes, and the schema's version
/// in `PRAGMA user_version`.
///
/// The database is built in a temporary file beside the target (without a journal or fsync while it is built,
/// since it is not in place yet) and renamed over the target by ``finish()``: a failed export leaves what was there.
public final class SQLiteExport: ExportSink {
    private let target: String
    private let temporary: String
    private var queue: DatabaseQueue?
    private var pending: [ExportRows] = []

    /// Creates the database with every table.
    /// - Throws: ``ExportError`` when the target is a folder or the file cannot be created.
    public init(path: String) throws(ExportError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw .isAFolder(path)
        }
        let url = URL(fileURLWithPath: path)
        target = path
        temporary =
            url.deletingLastPathComponent().appendingPathComponent(
                ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
            ).path
        unlink(temporary)
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "PRAGMA synchronous = OFF")
        }
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            try queue.write { db in
                for table in ExportSchema.tables {
                    let columns = table.columns.map { column in
                        var declaration = "\(column.name) \(column.kind.rawValue)"
                        if column.name == "session" {
                            declaration +=
                                table.name == "sessions" ? " PRIMARY KEY" : " NOT NULL REFERENCES sessions(session)"
                        }
                        return declaration
                    }
                    try db.execute(sql: "CREATE TABLE \(table.name) (\(columns.joined(separator: ", ")))")
                    if table.name != "sessions", table.columns.contains(where: { $0.name == "session" }) {
                        try db.execute(sql: "CREATE INDEX \(table.name)_session ON \(table.name)(session)")
                    }
                }
                try db.execute(sql: "PRAGMA user_version = \(ExportSchema.version)")
            }
            self.queue = queue
        } catch {
            unlink(temporary)
            throw .database(path, Self.message(error))
        }
    }

    deinit {
        if queue != nil {
            try? queue?.close()
            unlink(temporary)
        }
    }

    /// Appends one session's rows (written in transactions of a few hundred sessions).
    public func append(_ rows: ExportRows) throws(ExportError) {
        pending.append(rows)
        if pending.count >= 250 { try flush() }
    }

    /// Writes what is pending, closes the database and renames it into place.
    public func finish() throws(ExportError) {
        try flush()
        do {
            try queue?.close()
        } catch {
            throw .database(target, Self.message(error))
        }
        queue = nil
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotWrite(target, reason)
        }
    }

    private func flush() throws(ExportError) {
        guard let queue, !pending.isEmpty else { return }
        let batch = pending
        pending = []
        do {
            try queue.write { db in
                for table in ExportSchema.tables {
                    let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
                    let statement = try db.cachedStatement(sql: "INSERT INTO \(table.name) VALUES (\(marks))")
                    for rows in batch {
                        for row in rows.tables[table.name] ?? [] {
                            try statement.execute(arguments: StatementArguments(row.map(Self.databaseValue)))
                        }
                    }
                }
            }
        } catch {
            throw .database(target, Self.message(error))
        }
    }

    private static func databaseValue(_ value: ExportValue) -> DatabaseValue {
        switch value {
        case .text(let text): return text.databaseValue
        case .integer(let n): return n.databaseValue
        case .real(let x): return x.isFinite ? x.databaseValue : .null
        case .null: return .null
        }
    }

    private static func message(_ error: Error) -> String {
        (error as? DatabaseError)?.message ?? String(describing: error)
    }
}
