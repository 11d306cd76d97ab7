import TerminalText

/// One column of a ``Table``: its header and how its cells align.
public struct TableColumn: Sendable, Hashable {
    /// The header text; may be wrapped like any cell.
    public var header: String
    /// Alignment of the header and the cells (use `.right` for numbers).
    public var alignment: TextAlignment
    /// Whether the column keeps its natural width while other columns can still be narrowed (a column of
    /// commands, which must not be split).
    public var keepsWidth: Bool

    /// Creates a column with a header and an alignment (left by default).
    public init(_ header: String, alignment: TextAlignment = .left, keepsWidth: Bool = false) {
        self.header = header
        self.alignment = alignment
        self.keepsWidth = keepsWidth
    }
}

/// The lines a ``Table`` is drawn with.
public enum TableStyle: Sendable, Hashable, CaseIterable {
    /// No frame: columns two spaces apart and a `─` rule under the header. Quiet; suits the REPL.
    case minimal
    /// A full frame with Unicode box-drawing lines (`┌─┬─┐`, `│`, `├─┼─┤`, `└─┴─┘`).
    case box
    /// A full frame with plain ASCII (`+`, `-`, `|`), for terminals or logs that mangle box drawing.
    case ascii
}

/// A text table aligned by display width, so that Chinese cells line up with Latin ones.
///
/// When the natural width is larger than the width available, the widest columns are narrowed first and their
/// cells word-wrap (see ``TextLayout/wrap(_:width:indent:)``). Every rendered line then has the same display
/// width, which is at most the given width unless even columns of 4 (or their natural width, if smaller) do not fit.
/// Cells are plain text; newlines in a cell start new lines within the row.
public struct Table: Sendable {
    /// The columns, left to right.
    public var columns: [TableColumn]
    /// The rows; a row with fewer cells than columns is padded with empty cells, extra cells are ignored.
    public var rows: [[String]]
    /// The frame style.
    public var style: TableStyle

    /// Creates a table.
    public init(columns: [TableColumn], rows: [[String]] = [], style: TableStyle = .minimal) {
        self.columns = columns
        self.rows = rows
        self.style = style
    }

    /// Renders the table into lines (without newlines) at most `maxWidth` columns wide where possible.
    public func render(maxWidth: Int) -> [String] {
        guard !columns.isEmpty else {
            return []
        }
        let cells = rows.map { row in
            columns.indices.map { $0 < row.count ? row[$0] : "" }
        }
        let widths = fittedWidths(cells: cells, maxWidth: maxWidth)
        let frame = Frame(style: style)
        var lines: [String] = []
        if let top = frame.rule(widths: widths, position: .top) {
            lines.append(top)
        }
        lines += renderRow(columns.map(\.header), widths: widths, frame: frame)
        if let middle = frame.rule(widths: widths, position: .middle) {
            lines.append(middle)
        }
        for row in cells {
            lines += renderRow(row, widths: widths, frame: frame)
        }
        if let bottom = frame.rule(widths: widths, position: .bottom) {
            lines.append(bottom)
        }
        return lines
    }

    // MARK: - Private

    private static let narrowestColumn = 4

    /// Natural column widths, then the widest narrowed one column at a time until the table fits.
    private func fittedWidths(cells: [[String]], maxWidth: Int) -> [Int] {
        var natural = columns.map { max(1, Self.naturalWidth(of: $0.header)) }
        for row in cells {
            for (index, cell) in row.enumerated() {
                natural[index] = max(natural[index], Self.naturalWidth(of: cell))
            }
        }
        let available = maxWidth - Frame(style: style).overhead(columnCount: columns.count)
        var widths = natural
        var total = widths.reduce(0, +)
        let floors = natural.map { min($0, Self.narrowestColumn) }
        // Columns that keep their width give way only when the others cannot any more.
        for pass in [true, false] {
            while total > available {
                var widest: Int?
                for index in widths.indices
                where widths[index] > floors[index] && (!pass || !columns[index].keepsWidth) {
                    if let current = widest, widths[current] >= widths[index] {
                        continue
                    }
                    widest = index
                }
                guard let index = widest else {
                    break
                }
                widths[index] -= 1
                total -= 1
            }
        }
        while total > available {
            var widest: Int?
            for index in widths.indices where widths[index] > floors[index] {
                if let current = widest, widths[current] >= widths[index] {
                    continue
                }
                widest = index
            }
            guard let index = widest else {
                break
            }
            widths[index] -= 1
            total -= 1
        }
        return widths
    }

    private static func naturalWidth(of cell: String) -> Int {
        cell.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map(\.displayWidth).max() ?? 0
    }

    private func renderRow(_ row: [String], widths: [Int], frame: Frame) -> [String] {
        let wrapped = row.indices.map { index in
            TextLayout.wrap(row[index], width: widths[index]).map {
                TextLayout.pad(
                    TextLayout.truncate($0, toWidth: widths[index]), toWidth: widths[index],
                    alignment: columns[index].alignment)
            }
        }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { lineIndex in
            let parts = wrapped.indices.map { index in
                lineIndex < wrapped[index].count
                    ? wrapped[index][lineIndex] : String(repeating: " ", count: widths[index])
            }
            return frame.row(parts)
        }
    }

    /// The characters of one style and how they join cells and rules.
    private struct Frame {
        enum Position { case top, middle, bottom }

        let style: TableStyle

        func overhead(columnCount: Int) -> Int {
            switch style {
            case .minimal:
                return 2 * (columnCount - 1)
            case .box, .ascii:
                return 3 * columnCount + 1
            }
        }

        func row(_ parts: [String]) -> String {
            switch style {
            case .minimal:
                let line = parts.joined(separator: "  ")
                return line
            case .box:
                return "│ " + parts.joined(separator: " │ ") + " │"
            case .ascii:
                return "| " + parts.joined(separator: " | ") + " |"
            }
        }

        func rule(widths: [Int], position: Position) -> String? {
            switch style {
            case .minimal:
                guard position == .middle else {
                    return nil
                }
                return widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
            case .ascii:
                return "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
            case .box:
                let (left, join, right): (String, String, String)
                switch position {
                case .top: (left, join, right) = ("┌", "┬", "┐")
                case .middle: (left, join, right) = ("├", "┼", "┤")
                case .bottom: (left, join, right) = ("└", "┴", "┘")
                }
                return left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: join) + right
            }
        }
    }
}
