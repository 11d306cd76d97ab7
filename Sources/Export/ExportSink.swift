import Debrief

/// Where exported rows go: CSV files (``CSVExport``) or a SQLite database (``SQLiteExport``).
public protocol ExportSink: AnyObject {
    /// Appends one session's rows.
    func append(_ rows: ExportRows) throws(ExportError)
    /// Completes the export; until then, nothing is in place at the target.
    func finish() throws(ExportError)
}

/// Why an export could not be written.
public enum ExportError: Error, Sendable, Hashable {
    /// A path that must be a folder is a file.
    case notAFolder(String)
    /// A path that must be a file is a folder.
    case isAFolder(String)
    /// A file or folder could not be written, with the system's reason.
    case cannotWrite(String, String)
    /// SQLite refused something, with its message.
    case database(String, String)
}
