/// Inline SVG charts for the HTML report: no script, no external fonts; they scale with the page (a `viewBox` and
/// `width: 100%`) and print as drawn.
enum SVGChart {
    /// Colours that stay apart for colour-blind readers (Okabe–Ito), then a few more.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F", "#8C6D31"]

    /// The colour of the n-th series.
    static func colour(_ n: Int) -> String { palette[n % palette.count] }

    /// Which drawing of a chart: `wide` for a desktop screen and for print, `narrow` for a phone. The report holds
    /// both and its style sheet shows one (`svg.wide`, `svg.narrow`), so a chart is never scaled down until its
    /// text cannot be read, nor clipped at the screen's edge.
    enum Layout: String, CaseIterable {
        case wide, narrow

        /// The width of the drawing in SVG units (CSS pixels at 100 %).
        var width: Double { self == .wide ? 720 : 360 }
    }

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

    /// A step chart of scores (0–100) along the scenario clock. `markers` are drawn as dotted vertical lines with a
    /// short label on top (the injects, numbered; the report lists them under the chart).
    static func lines(
        _ b: inout HTMLBuilder, label: String, series: [Series], xMax: Double, ticks: [(x: Double, label: String)],
        markers: [(x: Double, label: String)] = [], layout: Layout = .wide
    ) {
        let width = layout.width
        let height = layout == .wide ? 280.0 : 240.0
        let left = layout == .wide ? 40.0 : 30.0
        let right = 14.0
        let top = markers.isEmpty ? 12.0 : 24.0
        let bottom = 30.0
        let plotW = width - left - right
        let plotH = height - top - bottom
        let span = max(xMax, 1)
        func px(_ x: Double) -> Double { left + x / span * plotW }
        func py(_ y: Double) -> Double { top + (1 - min(100, max(0, y)) / 100) * plotH }
        b.element(
            "svg",
            ["viewBox": "0 0 \(f(width)) \(f(height))", "role": "img", "aria-label": label, "class": layout.rawValue]
        ) { b in
            b.element("title", text: label)
            for v in stride(from: 0.0, through: 100.0, by: 25.0) {
                b.empty(
                    "line", ["x1": f(left), "x2": f(width - right), "y1": f(py(v)), "y2": f(py(v)), "class": "grid"])
                b.element(
                    "text", ["x": f(left - 6), "y": f(py(v) + 4), "text-anchor": "end", "class": "axis"], text: f(v))
            }
            // A tick's label is left out when it would touch the one before (a long exercise on a phone).
            var lastLabel = -Double.infinity
            for tick in ticks {
                b.empty(
                    "line",
                    [
                        "x1": f(px(tick.x)), "x2": f(px(tick.x)), "y1": f(top + plotH), "y2": f(top + plotH + 4),
                        "class": "tick",
                    ])
                guard px(tick.x) - lastLabel >= 44 else { continue }
                lastLabel = px(tick.x)
                let anchor = px(tick.x) - left < 16 ? "start" : width - right - px(tick.x) < 16 ? "end" : "middle"
                b.element(
                    "text", ["x": f(px(tick.x)), "y": f(height - 10), "text-anchor": anchor, "class": "axis"],
                    text: tick.label)
            }
            b.empty(
                "line",
                [
                    "x1": f(left), "x2": f(width - right), "y1": f(top + plotH), "y2": f(top + plotH),
                    "class": "baseline",
                ])
            // Markers closer than 14 units share one label ("5–9": five injects at 07:00).
            var groups: [(x: Double, first: String, last: String)] = []
            for m in markers {
                let x = px(min(max(0, m.x), span))
                b.empty("line", ["x1": f(x), "x2": f(x), "y1": f(top - 2), "y2": f(top + plotH), "class": "inject"])
                if let g = groups.last, x - g.x < 14 {
                    groups[groups.count - 1].last = m.label
                } else {
                    groups.append((x, m.label, m.label))
                }
            }
            for g in groups {
                let anchor = g.x - left < 10 ? "start" : width - right - g.x < 10 ? "end" : "middle"
                b.element(
                    "text", ["x": f(g.x), "y": f(top - 6), "text-anchor": anchor, "class": "inject-label"],
                    text: g.first == g.last ? g.first : g.first + "–" + g.last)
            }
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

    /// Horizontal bars (0–100) in groups: one group per label, one bar per series. On a desktop a group's label
    /// stands left of its bars; on a phone above them, so the bars keep the width. `marker` is a dashed line per
    /// group (the team's score); the values have a white halo so the line never crosses them unreadably.
    static func groupedBars(
        _ b: inout HTMLBuilder, label: String, groups: [(label: String, values: [Double])], seriesNames: [String],
        marker: [Double?] = [], layout: Layout = .wide
    ) {
        let width = layout.width
        let left = layout == .wide ? 150.0 : 8.0
        let heading = layout == .wide ? 0.0 : 18.0
        let right = layout == .wide ? 50.0 : 36.0
        let bar = 14.0
        let gap = 3.0
        let groupGap = 14.0
        let plotW = width - left - right
        let groupH = Double(seriesNames.count) * (bar + gap)
        let height = 24 + Double(groups.count) * (heading + groupH + groupGap)
        func px(_ v: Double) -> Double { left + min(100, max(0, v)) / 100 * plotW }
        b.element(
            "svg",
            ["viewBox": "0 0 \(f(width)) \(f(height))", "role": "img", "aria-label": label, "class": layout.rawValue]
        ) { b in
            b.element("title", text: label)
            for v in stride(from: 0.0, through: 100.0, by: 25.0) {
                b.empty("line", ["x1": f(px(v)), "x2": f(px(v)), "y1": "4", "y2": f(height - 18), "class": "grid"])
                let anchor = v == 0 && layout == .narrow ? "start" : "middle"
                b.element(
                    "text", ["x": f(px(v)), "y": f(height - 4), "text-anchor": anchor, "class": "axis"], text: f(v))
            }
            var y = 8.0
            for (g, group) in groups.enumerated() {
                if layout == .wide {
                    b.element(
                        "text", ["x": f(left - 8), "y": f(y + groupH / 2 + 4), "text-anchor": "end", "class": "label"],
                        text: TextCut.cut(group.label, 11))
                } else {
                    b.element(
                        "text", ["x": f(left), "y": f(y + 12), "class": "label"], text: TextCut.cut(group.label, 24))
                    y += heading
                }
                let groupTop = y
                for (i, value) in group.values.enumerated() {
                    let name = i < seriesNames.count ? seriesNames[i] : ""
                    b.element(
                        "rect",
                        [
                            "x": f(left), "y": f(y), "width": f(max(0.5, px(value) - left)), "height": f(bar),
                            "fill": colour(i),
                        ]
                    ) { b in b.element("title", text: name + " " + f(value)) }
                    y += bar + gap
                }
                if g < marker.count, let m = marker[g] {
                    b.empty(
                        "line", ["x1": f(px(m)), "x2": f(px(m)), "y1": f(groupTop - 2), "y2": f(y), "class": "marker"])
                }
                // The values last, over the marker.
                for (i, value) in group.values.enumerated() {
                    let barY = groupTop + Double(i) * (bar + gap)
                    b.element(
                        "text", ["x": f(px(value) + 4), "y": f(barY + bar - 3), "class": "value"], text: f(value))
                }
                y += groupGap
            }
        }
    }

    /// A heat map: rows × columns of values on a scale, with the value written in each cell, column headers on up
    /// to two lines, and a legend of the scale from `low` to `high` under it.
    static func heatMap(
        _ b: inout HTMLBuilder, label: String, rows: [String], columns: [String], cells: [[Double?]], low: Double,
        high: Double, blank: (Int, Int) -> Bool = { _, _ in false }, layout: Layout = .wide
    ) {
        let left = layout == .wide ? 150.0 : 84.0
        let top = 52.0
        let available = layout.width - left - 6
        let cellW = min(170.0, max(44.0, available / Double(max(1, columns.count))))
        let cellH = layout == .wide ? 44.0 : 38.0
        let legendH = 34.0
        let width = max(left + cellW * Double(columns.count) + 6, 230)
        let height = top + cellH * Double(rows.count) + 8 + legendH
        let perLine = max(2, Int(cellW / 13))
        b.element(
            "svg",
            [
                "viewBox": "0 0 \(f(width)) \(f(height))", "role": "img", "aria-label": label,
                "style": "max-width: \(f(width))px", "class": layout.rawValue,
            ]
        ) { b in
            b.element("title", text: label)
            for (c, name) in columns.enumerated() {
                let x = f(left + cellW * (Double(c) + 0.5))
                let lines = Self.headerLines(name, perLine: perLine)
                b.element("text", ["x": x, "y": f(top - 10 - 15 * Double(lines.count - 1)), "text-anchor": "middle"]) {
                    b in
                    for (i, line) in lines.enumerated() {
                        b.element("tspan", ["x": x, "dy": i == 0 ? "0" : "15", "class": "label"], text: line)
                    }
                }
            }
            for (r, name) in rows.enumerated() {
                let y = top + cellH * Double(r)
                b.element(
                    "text", ["x": f(left - 8), "y": f(y + cellH / 2 + 5), "text-anchor": "end", "class": "label"],
                    text: TextCut.cut(name, layout == .wide ? 11 : 6))
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
            // The legend: the scale's ends and three steps between.
            let legendY = top + cellH * Double(rows.count) + 14
            let swatch = 28.0
            let legendX = left
            b.element(
                "text", ["x": f(legendX - 6), "y": f(legendY + 13), "text-anchor": "end", "class": "axis"],
                text: NumberText.format(low, digits: 1))
            for i in 0..<5 {
                b.empty(
                    "rect",
                    [
                        "x": f(legendX + swatch * Double(i)), "y": f(legendY), "width": f(swatch), "height": "18",
                        "fill": shade(Double(i) / 4), "class": "cell",
                    ])
            }
            b.element(
                "text", ["x": f(legendX + swatch * 5 + 6), "y": f(legendY + 13), "class": "axis"],
                text: NumberText.format(high, digits: 1))
        }
    }

    /// A column header cut into at most two lines of `perLine` characters, the second ending in `…` when cut.
    static func headerLines(_ s: String, perLine: Int) -> [String] {
        guard s.count > perLine else { return [s] }
        let first = String(s.prefix(perLine))
        return [first, TextCut.cut(String(s.dropFirst(perLine)), perLine)]
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

    /// A histogram of counts in ten bins of 0–100: the count over each bar, a count axis on the left with its
    /// grid, the bins' bounds under them.
    static func histogram(_ b: inout HTMLBuilder, label: String, bins: [Int], layout: Layout = .wide) {
        let width = layout.width
        let height = layout == .wide ? 220.0 : 200.0
        let left = 36.0
        let bottom = 28.0
        let top = 16.0
        let plotW = width - left - 10
        let plotH = height - top - bottom
        let peak = max(1, bins.max() ?? 1)
        let barW = plotW / Double(max(1, bins.count))
        b.element(
            "svg",
            ["viewBox": "0 0 \(f(width)) \(f(height))", "role": "img", "aria-label": label, "class": layout.rawValue]
        ) { b in
            b.element("title", text: label)
            for n in Set([0, (peak + 1) / 2, peak]).sorted() {
                let y = top + plotH - Double(n) / Double(peak) * plotH
                b.empty("line", ["x1": f(left), "x2": f(width - 10), "y1": f(y), "y2": f(y), "class": "grid"])
                b.element(
                    "text", ["x": f(left - 6), "y": f(y + 4), "text-anchor": "end", "class": "axis"], text: String(n))
            }
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
                if layout == .wide || i % 2 == 0 {
                    b.element(
                        "text", ["x": f(x), "y": f(height - 10), "text-anchor": "middle", "class": "axis"],
                        text: "\(i * 10)")
                }
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
    static func ratingBars(
        _ b: inout HTMLBuilder, label: String, rows: [(label: String, counts: [Int])], layout: Layout = .wide
    ) {
        let width = layout.width
        let left = layout == .wide ? 220.0 : 104.0
        let rowH = 26.0
        let height = Double(rows.count) * rowH + 10
        let plotW = width - left - 10
        b.element(
            "svg",
            ["viewBox": "0 0 \(f(width)) \(f(height))", "role": "img", "aria-label": label, "class": layout.rawValue]
        ) { b in
            b.element("title", text: label)
            for (r, row) in rows.enumerated() {
                let y = 4 + Double(r) * rowH
                b.element(
                    "text", ["x": f(left - 8), "y": f(y + 15), "text-anchor": "end", "class": "label"],
                    text: TextCut.cut(row.label, layout == .wide ? 16 : 7))
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
