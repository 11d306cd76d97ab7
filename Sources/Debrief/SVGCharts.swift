/// Inline SVG charts for the HTML report: no script, no external fonts; they scale with the page (a `viewBox` and
/// `width: 100%`) and print as drawn.
enum SVGChart {
    /// Colours that stay apart for colour-blind readers (Okabe–Ito), then a few more.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F", "#8C6D31"]

    /// The colour of the n-th series.
    static func colour(_ n: Int) -> String { palette[n % palette.count] }

    /// A coordinate with at most one decimal.
    static func f(_ v: Double) -> String { NumberText.format(v, digits: 1) }

    /// A series of a line chart.
    struct Series {
        var name: String
        /// (x, y) with y in 0…100.
        var points: [(x: Double, y: Double)]
        var colour: String
        var width: Double
    }

    /// A step chart of scores (0–100) along the scenario clock.
    static func lines(
        _ b: inout HTMLBuilder, label: String, series: [Series], xMax: Double, ticks: [(x: Double, label: String)]
    ) {
        let width = 720.0
        let height = 280.0
        let left = 40.0
        let right = 14.0
        let top = 12.0
        let bottom = 30.0
        let plotW = width - left - right
        let plotH = height - top - bottom
        let span = max(xMax, 1)
        func px(_ x: Double) -> Double { left + x / span * plotW }
        func py(_ y: Double) -> Double { top + (1 - min(100, max(0, y)) / 100) * plotH }
        b.element("svg", ["viewBox": "0 0 \(f(width)) \(f(height))", "role": "img", "aria-label": label]) { b in
            b.element("title", text: label)
            for v in stride(from: 0.0, through: 100.0, by: 25.0) {
                b.empty(
                    "line", ["x1": f(left), "x2": f(width - right), "y1": f(py(v)), "y2": f(py(v)), "class": "grid"])
                b.element(
                    "text", ["x": f(left - 6), "y": f(py(v) + 4), "text-anchor": "end", "class": "axis"], text: f(v))
            }
            for tick in ticks {
                b.empty(
                    "line",
                    [
                        "x1": f(px(tick.x)), "x2": f(px(tick.x)), "y1": f(top + plotH), "y2": f(top + plotH + 4),
                        "class": "tick",
                    ])
                b.element(
                    "text", ["x": f(px(tick.x)), "y": f(height - 10), "text-anchor": "middle", "class": "axis"],
                    text: tick.label)
            }
            b.empty(
                "line",
                [
                    "x1": f(left), "x2": f(width - right), "y1": f(top + plotH), "y2": f(top + plotH),
                    "class": "baseline",
                ])
            for s in series where !s.points.isEmpty {
                var d = "M\(f(px(s.points[0].x))) \(f(py(s.points[0].y)))"
                for p in s.points.dropFirst() { d += " H\(f(px(p.x))) V\(f(py(p.y)))" }
                if let last = s.points.last, last.x < span { d += " H\(f(px(span)))" }
                b.element(
                    "path",
                    [
                        "d": d, "fill": "none", "stroke": s.colour, "stroke-width": f(s.width),
                        "stroke-linejoin": "round",
                    ]
                ) { b in b.element("title", text: s.name) }
            }
        }
    }

    /// Horizontal bars (0–100) in groups: one group per label, one bar per series.
    static func groupedBars(
        _ b: inout HTMLBuilder, label: String, groups: [(label: String, values: [Double])], seriesNames: [String],
        marker: [Double?] = []
    ) {
        let width = 720.0
        let left = 150.0
        let right = 50.0
        let bar = 14.0
        let gap = 3.0
        let groupGap = 14.0
        let plotW = width - left - right
        let groupH = Double(seriesNames.count) * (bar + gap)
        let height = 24 + Double(groups.count) * (groupH + groupGap)
        func px(_ v: Double) -> Double { left + min(100, max(0, v)) / 100 * plotW }
        b.element("svg", ["viewBox": "0 0 \(f(width)) \(f(height))", "role": "img", "aria-label": label]) { b in
            b.element("title", text: label)
            for v in stride(from: 0.0, through: 100.0, by: 25.0) {
                b.empty("line", ["x1": f(px(v)), "x2": f(px(v)), "y1": "4", "y2": f(height - 18), "class": "grid"])
                b.element(
                    "text", ["x": f(px(v)), "y": f(height - 4), "text-anchor": "middle", "class": "axis"], text: f(v))
            }
            var y = 8.0
            for (g, group) in groups.enumerated() {
                b.element(
                    "text", ["x": f(left - 8), "y": f(y + groupH / 2 + 4), "text-anchor": "end", "class": "label"],
                    text: TextCut.cut(group.label, 11))
                for (i, value) in group.values.enumerated() {
                    let name = i < seriesNames.count ? seriesNames[i] : ""
                    b.element(
                        "rect",
                        [
                            "x": f(left), "y": f(y), "width": f(max(0.5, px(value) - left)), "height": f(bar),
                            "fill": colour(i),
                        ]
                    ) { b in b.element("title", text: name + " " + f(value)) }
                    b.element("text", ["x": f(px(value) + 4), "y": f(y + bar - 3), "class": "value"], text: f(value))
                    y += bar + gap
                }
                if g < marker.count, let m = marker[g] {
                    let top = y - groupH - 2
                    b.empty("line", ["x1": f(px(m)), "x2": f(px(m)), "y1": f(top), "y2": f(y), "class": "marker"])
                }
                y += groupGap
            }
        }
    }

    /// A heat map: rows × columns of values on a scale, with the value written in each cell.
    static func heatMap(
        _ b: inout HTMLBuilder, label: String, rows: [String], columns: [String], cells: [[Double?]], low: Double,
        high: Double, blank: (Int, Int) -> Bool = { _, _ in false }
    ) {
        let left = 150.0
        let top = 40.0
        let cellW = min(170.0, max(60.0, (720.0 - left - 10) / Double(max(1, columns.count))))
        let cellH = 44.0
        let width = left + cellW * Double(columns.count) + 10
        let height = top + cellH * Double(rows.count) + 8
        b.element(
            "svg",
            [
                "viewBox": "0 0 \(f(width)) \(f(height))", "role": "img", "aria-label": label,
                "style": "max-width: \(f(width))px",
            ]
        ) { b in
            b.element("title", text: label)
            for (c, name) in columns.enumerated() {
                b.element(
                    "text",
                    [
                        "x": f(left + cellW * (Double(c) + 0.5)), "y": f(top - 12), "text-anchor": "middle",
                        "class": "label",
                    ], text: TextCut.cut(name, max(3, Int(cellW / 13))))
            }
            for (r, name) in rows.enumerated() {
                let y = top + cellH * Double(r)
                b.element(
                    "text", ["x": f(left - 8), "y": f(y + cellH / 2 + 5), "text-anchor": "end", "class": "label"],
                    text: TextCut.cut(name, 11))
                for c in columns.indices {
                    let x = left + cellW * Double(c)
                    let value = r < cells.count && c < cells[r].count ? cells[r][c] : nil
                    if blank(r, c) {
                        b.empty(
                            "rect", ["x": f(x), "y": f(y), "width": f(cellW), "height": f(cellH), "class": "cell-self"])
                        continue
                    }
                    guard let value else {
                        b.empty(
                            "rect", ["x": f(x), "y": f(y), "width": f(cellW), "height": f(cellH), "class": "cell-none"])
                        b.element(
                            "text",
                            [
                                "x": f(x + cellW / 2), "y": f(y + cellH / 2 + 5), "text-anchor": "middle",
                                "class": "cell-text",
                            ], text: "—")
                        continue
                    }
                    let share = high > low ? min(1, max(0, (value - low) / (high - low))) : 0.5
                    b.element(
                        "rect",
                        [
                            "x": f(x), "y": f(y), "width": f(cellW), "height": f(cellH), "fill": shade(share),
                            "class": "cell",
                        ]
                    ) { b in b.element("title", text: name + " → " + columns[c] + ": " + f(value)) }
                    b.element(
                        "text",
                        [
                            "x": f(x + cellW / 2), "y": f(y + cellH / 2 + 5), "text-anchor": "middle",
                            "class": share > 0.55 ? "cell-text light" : "cell-text",
                        ],
                        text: NumberText.format(value, digits: 1))
                }
            }
        }
    }

    /// A blue between a pale and a deep one: 0 is pale, 1 is deep.
    static func shade(_ share: Double) -> String {
        let from = (0xEE, 0xF3, 0xFA)
        let to = (0x1F, 0x4E, 0x8C)
        func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * share).rounded()) }
        let hex = "0123456789abcdef".map { $0 }
        func two(_ n: Int) -> String { String(hex[(n >> 4) & 15]) + String(hex[n & 15]) }
        return "#" + two(mix(from.0, to.0)) + two(mix(from.1, to.1)) + two(mix(from.2, to.2))
    }

    /// A histogram of counts in ten bins of 0–100.
    static func histogram(_ b: inout HTMLBuilder, label: String, bins: [Int]) {
        let width = 720.0
        let height = 220.0
        let left = 36.0
        let bottom = 28.0
        let top = 12.0
        let plotW = width - left - 10
        let plotH = height - top - bottom
        let peak = max(1, bins.max() ?? 1)
        let barW = plotW / Double(max(1, bins.count))
        b.element("svg", ["viewBox": "0 0 \(f(width)) \(f(height))", "role": "img", "aria-label": label]) { b in
            b.element("title", text: label)
            for (i, n) in bins.enumerated() {
                let h = Double(n) / Double(peak) * plotH
                let x = left + barW * Double(i)
                b.element(
                    "rect",
                    [
                        "x": f(x + 2), "y": f(top + plotH - h), "width": f(barW - 4), "height": f(max(0, h)),
                        "fill": palette[0],
                    ]
                ) { b in b.element("title", text: "\(i * 10)–\(i * 10 + 10): \(n)") }
                if n > 0 {
                    b.element(
                        "text",
                        [
                            "x": f(x + barW / 2), "y": f(top + plotH - h - 3), "text-anchor": "middle",
                            "class": "value",
                        ], text: String(n))
                }
                b.element(
                    "text", ["x": f(x), "y": f(height - 10), "text-anchor": "middle", "class": "axis"],
                    text: "\(i * 10)")
            }
            b.element(
                "text", ["x": f(left + plotW), "y": f(height - 10), "text-anchor": "end", "class": "axis"], text: "100")
            b.empty(
                "line",
                ["x1": f(left), "x2": f(width - 10), "y1": f(top + plotH), "y2": f(top + plotH), "class": "baseline"])
        }
    }

    /// The colours of the ratings P, S, M, U.
    static let ratingColours = ["#1b7f3b", "#7aa33a", "#d58a00", "#b3261e"]

    /// One stacked bar per row: counts of P, S, M and U.
    static func ratingBars(_ b: inout HTMLBuilder, label: String, rows: [(label: String, counts: [Int])]) {
        let width = 720.0
        let left = 220.0
        let rowH = 26.0
        let height = Double(rows.count) * rowH + 10
        let plotW = width - left - 10
        b.element("svg", ["viewBox": "0 0 \(f(width)) \(f(height))", "role": "img", "aria-label": label]) { b in
            b.element("title", text: label)
            for (r, row) in rows.enumerated() {
                let y = 4 + Double(r) * rowH
                b.element(
                    "text", ["x": f(left - 8), "y": f(y + 15), "text-anchor": "end", "class": "label"],
                    text: TextCut.cut(row.label, 16))
                let total = max(1, row.counts.reduce(0, +))
                var x = left
                for (i, n) in row.counts.enumerated() where n > 0 {
                    let w = Double(n) / Double(total) * plotW
                    let name = ["P", "S", "M", "U"][min(i, 3)]
                    b.element(
                        "rect",
                        [
                            "x": f(x), "y": f(y), "width": f(w), "height": f(rowH - 6),
                            "fill": ratingColours[min(i, 3)],
                        ]
                    ) { b in b.element("title", text: "\(name): \(n)") }
                    if w > 26 {
                        b.element(
                            "text",
                            ["x": f(x + w / 2), "y": f(y + 15), "text-anchor": "middle", "class": "cell-text light"],
                            text: "\(name) \(n)")
                    }
                    x += w
                }
            }
        }
    }

    /// A small horizontal bar (0…1) for a table cell.
    static func meter(_ b: inout HTMLBuilder, share: Double, colour: String) {
        b.element("svg", ["viewBox": "0 0 100 10", "class": "meter", "aria-hidden": "true"]) { b in
            b.empty("rect", ["x": "0", "y": "0", "width": "100", "height": "10", "class": "meter-back"])
            b.empty(
                "rect", ["x": "0", "y": "0", "width": f(max(0, min(1, share)) * 100), "height": "10", "fill": colour])
        }
    }

    /// A sparkline histogram for a table cell.
    static func miniHistogram(_ b: inout HTMLBuilder, bins: [Int]) {
        let peak = max(1, bins.max() ?? 1)
        b.element("svg", ["viewBox": "0 0 100 24", "class": "spark", "aria-hidden": "true"]) { b in
            for (i, n) in bins.enumerated() {
                let h = Double(n) / Double(peak) * 22
                b.empty(
                    "rect",
                    [
                        "x": f(Double(i) * 10 + 1), "y": f(23 - h), "width": "8", "height": f(max(h, 0.5)),
                        "fill": n > 0 ? palette[0] : "#d6dde6",
                    ])
            }
        }
    }
}

/// Cuts labels to a display length for charts.
enum TextCut {
    /// The text cut to `limit` characters with `…`.
    static func cut(_ s: String, _ limit: Int) -> String { s.count <= limit ? s : String(s.prefix(limit - 1)) + "…" }
}
