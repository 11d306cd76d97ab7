import TerminalText

/// A horizontal bar chart of labelled scores on a 0–100 scale, one line per bar.
///
/// Each line is `label  ████████▌    73`: the label padded (or truncated with `…`) to a common display width, a
/// bar of full blocks plus one partial block in eighths (`▏▎▍▌▋▊▉`), padded to a common length, then the value
/// rounded to a whole number and right-aligned. Values are clamped to 0–100; NaN counts as 0.
/// Every line is exactly as wide as the others and at most `width` columns (for `width` of 12 or more).
public struct BarChart: Sendable {
    /// One labelled value.
    public struct Item: Sendable, Hashable {
        /// The label shown left of the bar.
        public var label: String
        /// The value, on a 0–100 scale; clamped when drawn.
        public var value: Double

        /// Creates an item.
        public init(_ label: String, _ value: Double) {
            self.label = label
            self.value = value
        }
    }

    /// The bars, top to bottom.
    public var items: [Item]

    /// Creates a chart of the given items.
    public init(_ items: [Item]) {
        self.items = items
    }

    /// Renders one line per item, fitting `width` columns.
    public func render(width: Int) -> [String] {
        guard !items.isEmpty else {
            return []
        }
        let numberWidth = 3
        let gaps = 2
        let naturalLabel = items.map(\.label.displayWidth).max() ?? 0
        let room = max(0, width - numberWidth - gaps)
        // The label takes what it needs, but at most half of the room, so the bars stay readable.
        let labelWidth = min(naturalLabel, max(room / 2, min(naturalLabel, 2)))
        let barWidth = max(1, room - labelWidth)
        return items.map { item in
            let label = TextLayout.pad(TextLayout.truncate(item.label, toWidth: labelWidth), toWidth: labelWidth)
            let value = Self.clamp(item.value)
            let bar = TextLayout.pad(Self.bar(value: value, width: barWidth), toWidth: barWidth)
            let number = TextLayout.pad(String(Int(value.rounded())), toWidth: numberWidth, alignment: .right)
            return label + " " + bar + " " + number
        }
    }

    // MARK: - Private

    private static let partialBlocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    private static func clamp(_ value: Double) -> Double {
        guard !value.isNaN else {
            return 0
        }
        return min(100, max(0, value))
    }

    /// Full blocks and at most one partial block for `value` (0–100) over `width` columns.
    private static func bar(value: Double, width: Int) -> String {
        let eighths = Int((value / 100 * Double(width * 8)).rounded())
        let full = eighths / 8
        let remainder = eighths % 8
        var bar = String(repeating: "█", count: full)
        if remainder > 0 {
            bar.append(partialBlocks[remainder - 1])
        }
        return bar
    }
}
