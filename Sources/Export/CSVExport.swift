import Debrief
import Foundation

/// Writes the export tables as CSV files, one per table (`sessions.csv`, `roles.csv`, …), into a folder.
///
/// RFC 4180: comma-separated, CRLF line ends, a header row, fields holding a comma, a quote or a line break quoted
/// with quotes doubled; UTF-8, with a byte-order mark when asked (spreadsheet programs then read Chinese text
/// right). Numbers are written as digits (at most four decimals), a missing value as an empty field. The files are
/// written under temporary names and renamed into place by ``finish()``, so a failed export leaves what was there.
public final class CSVExport: ExportSink {
    private let directory: URL
    private let byteOrderMark: Bool
    private var handles: [String: FileHandle] = [:]
    private var temporary: [String: URL] = [:]
    private var buffers: [String: [UInt8]] = [:]
    private var finished = false

    /// Opens the folder (creating it when missing) and starts every table's file with its header row.
    /// - Throws: ``ExportError`` when the folder cannot be created or written.
    public init(directory: String, byteOrderMark: Bool = false) throws(ExportError) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
        self.byteOrderMark = byteOrderMark
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .notAFolder(directory) }
        } else {
            do {
                try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(directory, error.localizedDescription)
            }
        }
        for table in ExportSchema.tables {
            let url = self.directory.appendingPathComponent(
                ".\(table.name).csv.\(ProcessInfo.processInfo.processIdentifier).tmp")
            guard FileManager.default.createFile(atPath: url.path, contents: nil),
                let handle = FileHandle(forWritingAtPath: url.path)
            else {
                discard()
                throw .cannotWrite(url.path, "cannot create the file")
            }
            handles[table.name] = handle
            temporary[table.name] = url
            var header: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
            header += Self.line(table.columns.map { .text($0.name) })
            buffers[table.name] = header
        }
    }

    deinit { if !finished { discard() } }

    /// Appends one session's rows.
    public func append(_ rows: ExportRows) throws(ExportError) {
        for table in ExportSchema.tables {
            for row in rows.tables[table.name] ?? [] { buffers[table.name, default: []] += Self.line(row) }
            if (buffers[table.name]?.count ?? 0) >= 1 << 16 { try flush(table.name) }
        }
    }

    /// Writes what is buffered and renames every file into place.
    public func finish() throws(ExportError) {
        for table in ExportSchema.tables { try flush(table.name) }
        for table in ExportSchema.tables {
            guard let handle = handles[table.name], let url = temporary[table.name] else { continue }
            try? handle.close()
            let target = directory.appendingPathComponent("\(table.name).csv")
            if rename(url.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                discard()
                throw .cannotWrite(target.path, reason)
            }
            temporary[table.name] = nil
        }
        finished = true
    }

    private func flush(_ table: String) throws(ExportError) {
        guard let handle = handles[table], let bytes = buffers[table], !bytes.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data(bytes))
        } catch {
            discard()
            throw .cannotWrite(temporary[table]?.path ?? table, error.localizedDescription)
        }
        buffers[table] = []
    }

    /// Removes the temporary files (after a failure).
    private func discard() {
        for (_, handle) in handles { try? handle.close() }
        for (_, url) in temporary { unlink(url.path) }
        temporary = [:]
        finished = true
    }

    /// One CSV record with its CRLF.
    static func line(_ values: [ExportValue]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += Array(field(value).utf8)
        }
        out += [13, 10]
        return out
    }

    /// One field, quoted when it must be.
    static func field(_ value: ExportValue) -> String {
        switch value {
        case .null: return ""
        case .integer(let n): return String(n)
        case .real(let x): return number(x)
        case .text(let text):
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }

    /// A number with at most four decimals and no trailing zeros (`35.8889`, `40`, `-2.5`).
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        let rounded = (x * 10_000).rounded() / 10_000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(format: "%.4f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
