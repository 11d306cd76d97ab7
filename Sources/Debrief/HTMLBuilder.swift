/// Escaping for HTML text and attribute values.
///
/// Everything that comes from an exercise or a transcript (titles, labels, notes, answers) goes through here, so
/// that a trainee's note such as `<script>` is shown as text and never runs. Control characters that HTML does not
/// allow become U+FFFD.
enum HTMLEscape {
    /// Text content: `&`, `<` and `>` escaped.
    static func text(_ s: String) -> String { escape(s, quotes: false) }

    /// An attribute value (always written in double quotes): `&`, `<`, `>`, `"` and `'` escaped.
    static func attribute(_ s: String) -> String { escape(s, quotes: true) }

    private static func escape(_ s: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": out += "\n"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// Builds an HTML (or inline SVG) document with balanced tags: element and attribute names can only be string
/// literals, and every text and attribute value is escaped. The only unescaped text it takes is ``trusted(_:)``,
/// which accepts string literals only (the style sheet).
struct HTMLBuilder {
    private(set) var output = ""

    /// Elements that have no end tag.
    private static let voidElements: Set<String> = ["meta", "br", "hr", "col", "img", "link"]

    private mutating func openTag(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String>) {
        output += "<"
        output += tag.description
        for (name, value) in attributes {
            output += " "
            output += name.description
            output += "=\""
            output += HTMLEscape.attribute(value)
            output += "\""
        }
        output += ">"
    }

    /// An element with content built by `body`.
    mutating func element(
        _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:],
        _ body: (inout HTMLBuilder) -> Void
    ) {
        openTag(tag, attributes)
        body(&self)
        output += "</" + tag.description + ">"
    }

    /// A table in a horizontally scrolling wrapper: a header row, then the rows. Numeric columns are right-aligned
    /// (class `num`); time columns do not wrap (class `time`); `cell` writes a cell's content. Each cell carries
    /// its column's header (`data-label`): on a phone a table of four columns or more is stacked, one card per
    /// row with the header beside each value, instead of being cut at the screen's edge.
    mutating func table<Cell>(
        header: [String], rows: [[Cell]], numeric: Set<Int> = [], time: Set<Int> = [],
        cell: (inout HTMLBuilder, Int, Cell) -> Void
    ) {
        guard !rows.isEmpty else { return }
        element("div", ["class": "table-wrap"]) { b in
            b.element("table", ["class": header.count >= Self.stackedColumns ? "stack" : "flat"]) { b in
                b.element("thead") { b in
                    b.element("tr") { b in
                        for (i, h) in header.enumerated() {
                            if numeric.contains(i) {
                                b.element("th", ["class": "num"], text: h)
                            } else {
                                b.element("th", text: h)
                            }
                        }
                    }
                }
                b.element("tbody") { b in
                    for row in rows {
                        b.element("tr") { b in
                            for (i, value) in row.enumerated() {
                                let label = i < header.count ? header[i] : ""
                                if let name = numeric.contains(i) ? "num" : time.contains(i) ? "time" : nil {
                                    b.element("td", ["class": name, "data-label": label]) { b in cell(&b, i, value) }
                                } else {
                                    b.element("td", ["data-label": label]) { b in cell(&b, i, value) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Tables with at least this many columns are stacked on a phone; narrower ones fit as they are.
    static let stackedColumns = 4

    /// An element holding text.
    mutating func element(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], text: String) {
        openTag(tag, attributes)
        output += HTMLEscape.text(text)
        output += "</" + tag.description + ">"
    }

    /// An element without content (`<meta>`, `<br>`) or an empty one (`<rect/>` is written `<rect></rect>`).
    mutating func empty(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:]) {
        openTag(tag, attributes)
        if !Self.voidElements.contains(tag.description) { output += "</" + tag.description + ">" }
    }

    /// Escaped text.
    mutating func text(_ s: String) { output += HTMLEscape.text(s) }

    /// Text written as is: only string literals (the style sheet, the doctype), never data.
    mutating func trusted(_ s: StaticString) { output += s.description }

    /// A line break in the source, for readability.
    mutating func newline() { output += "\n" }
}
