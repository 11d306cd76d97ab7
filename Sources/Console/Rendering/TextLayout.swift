import TerminalText

/// Horizontal alignment of text inside a fixed number of terminal columns.
public enum TextAlignment: Sendable, Hashable, CaseIterable {
    /// Text starts at the first column; padding goes on the right.
    case left
    /// Text ends at the last column; padding goes on the left.
    case right
    /// Text sits in the middle; an odd column of padding goes on the right.
    case center
}

/// Width-aware text layout: wrapping, padding and truncation measured in terminal columns.
///
/// All functions measure with ``DisplayWidth``, so Chinese text and emoji count two columns per character.
/// They expect plain text: `pad` ignores ANSI escapes when measuring, `wrap` and `truncate` do not.
public enum TextLayout {
    /// Word-wraps `text` so that every line is at most `width` columns wide, counting `indent`.
    ///
    /// - Latin text breaks at spaces; the spaces at a break are dropped, spaces inside a line are kept.
    ///   A word longer than the line is broken between characters.
    /// - CJK text may break between any two characters, and between a CJK character and Latin text,
    ///   except that closing punctuation (，。、；：！？）」』》】… and `,.;:!?)`) never starts a line and opening
    ///   punctuation （「『《【 never ends one (simple kinsoku); a dash pair `——` stays together.
    /// - A no-break space (U+00A0) joins two words that must stay on one line (a command and its argument in a
    ///   message: `accept\u{00A0}{0}`); it is printed as a plain space, so what a user copies can be typed back.
    /// - In a paragraph that holds Chinese text, a run of Latin words between Chinese text (a command, an id, a
    ///   file name: `请输入 as jiaotong 切换`) stays on one line when it is at most three words and half a line.
    /// - Explicit newlines are kept: each paragraph wraps on its own and a blank line stays an empty string.
    /// - `indent` is put before every non-empty line. A single character wider than the room left after the
    ///   indent is the only case where a line can exceed `width`.
    ///
    /// - Returns: the lines, without newline characters; an empty text gives `[""]`.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        let room = max(1, width - indent.displayWidth)
        var lines: [String] = []
        let paragraphs = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for paragraph in paragraphs {
            let wrapped = wrapParagraph(paragraph, room: room)
            if wrapped.isEmpty {
                lines.append("")
            } else {
                lines += wrapped.map { indent + $0.replacingOccurrences(of: noBreakSpace, with: " ") }
            }
        }
        return lines
    }

    /// Lays one output line out in `width` columns: unchanged when it fits, else wrapped with its continuation
    /// lines hanging under the text after its lead (see ``hangingLead(of:)``).
    ///
    /// This is the last step before a line reaches the terminal, so that whatever a printer composed, no line is
    /// wider than the terminal; the one exception is a line holding a word wider than any line (a long path),
    /// which is left whole for the terminal to wrap. SGR escapes are measured as zero columns; a line that must
    /// be wrapped loses them.
    /// No-break spaces are printed as plain spaces.
    public static func fit(_ line: String, width: Int) -> [String] {
        let plain = DisplayWidth.stripANSI(line)
        guard plain.displayWidth > width else {
            return [line.replacingOccurrences(of: noBreakSpace, with: " ")]
        }
        let lead = hangingLead(of: plain)
        // Keep at least half the line for the text, so that a long lead cannot squeeze it to a column.
        let hang = lead.displayWidth <= width / 2 ? lead.displayWidth : leadingSpaces(of: plain)
        let body = String(plain.dropFirst(hang == lead.displayWidth ? lead.count : min(hang, plain.count)))
        // A word that cannot fit any line (a long path or id) is not cut: the line is left to the terminal's soft
        // wrap, so that copying the path gives it whole.
        let room = max(1, width - hang)
        if body.split(separator: " ").contains(where: { $0.displayWidth > room && !$0.contains(where: breaksFreely) }) {
            return [line.replacingOccurrences(of: noBreakSpace, with: " ")]
        }
        let first = hang == lead.displayWidth ? lead : String(repeating: " ", count: hang)
        let pieces = wrap(body, width: max(1, width - hang))
        let continuation = String(repeating: " ", count: hang)
        return pieces.enumerated().map { (index, piece) in (index == 0 ? first : continuation) + piece }
    }

    /// What continuation lines of a wrapped output line hang under: the leading spaces, then a time stamp
    /// (`[07:20] `), a list number (`1. `) or a sign (`✗ `, `⏱ `, `▶ `, `! `, `• `) with the space after it.
    public static func hangingLead(of line: String) -> String {
        var rest = Substring(line)
        var lead = ""
        let spaces = rest.prefix { $0 == " " }
        lead += spaces
        rest = rest.dropFirst(spaces.count)
        if rest.first == "[", let close = rest.firstIndex(of: "]"),
            rest.distance(from: rest.startIndex, to: close) <= 16,
            rest.index(after: close) < rest.endIndex, rest[rest.index(after: close)] == " ",
            !rest[rest.index(after: rest.startIndex)..<close].contains(" ")
        {
            let end = rest.index(close, offsetBy: 2)
            lead += rest[..<end]
            rest = rest[end...]
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3, rest.dropFirst(digits.count).hasPrefix(". ") {
            lead += rest.prefix(digits.count + 2)
        } else if let sign = rest.first, signs.contains(sign), rest.dropFirst().first == " " {
            lead += rest.prefix(2)
        }
        return lead
    }

    private static func leadingSpaces(of line: String) -> Int {
        line.prefix { $0 == " " }.count
    }

    private static let signs: Set<Character> = ["✗", "⏱", "▶", "!", "•", "-", "→", "✓"]

    private static let noBreakSpace = "\u{00A0}"

    /// Pads `text` with spaces to `width` columns; text that is already as wide or wider is returned unchanged.
    public static func pad(_ text: String, toWidth width: Int, alignment: TextAlignment = .left) -> String {
        let missing = width - text.displayWidth
        guard missing > 0 else {
            return text
        }
        switch alignment {
        case .left:
            return text + String(repeating: " ", count: missing)
        case .right:
            return String(repeating: " ", count: missing) + text
        case .center:
            let left = missing / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: missing - left)
        }
    }

    /// Cuts `text` to at most `width` columns, ending it with `…` when anything was cut.
    ///
    /// The result may be one column narrower than `width` when a wide character would straddle the limit.
    /// A width of 0 or less gives an empty string.
    public static func truncate(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else {
            return ""
        }
        guard text.displayWidth > width else {
            return text
        }
        let ellipsis: Character = "…"
        var result = ""
        var used = 0
        let limit = width - ellipsis.displayWidth
        for character in text {
            let characterWidth = character.displayWidth
            if used + characterWidth > limit {
                break
            }
            result.append(character)
            used += characterWidth
        }
        result.append(ellipsis)
        return result
    }

    // MARK: - Private

    /// An unbreakable run of characters and whether whitespace preceded it in the source.
    private struct Chunk {
        var text: Substring
        var width: Int
        /// The whitespace between the previous chunk and this one (empty when they touch).
        var leadingSpace: Substring
    }

    private static let closingPunctuation: Set<Character> = [
        "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "》", "】", "〉", "〕", "〗", "〙", "〛",
        "…", "‥", "·", "・", "ー", "”", "’", "％", "～", "〜", "｝", "］", "｠", "〟", "．",
        ",", ".", ";", ":", "!", "?", ")", "]", "}", "%",
    ]

    private static let openingPunctuation: Set<Character> = [
        "（", "「", "『", "《", "【", "〈", "〔", "〖", "〘", "〚", "“", "‘", "｛", "［", "｟", "〝",
        "(", "[", "{",
    ]

    private static let dashes: Set<Character> = ["—", "―", "─"]

    private static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\t"
    }

    /// True for characters that allow a line break next to them without a space: wide characters and
    /// CJK/fullwidth punctuation.
    private static func breaksFreely(_ character: Character) -> Bool {
        character.displayWidth >= 2 || closingPunctuation.contains(character) && !character.isASCII
            || openingPunctuation.contains(character) && !character.isASCII
    }

    /// May a line end after `before` and the next one start with `after` (two adjacent non-space characters)?
    private static func canBreak(between before: Character, and after: Character) -> Bool {
        guard breaksFreely(before) || breaksFreely(after) else {
            return false
        }
        if closingPunctuation.contains(after) || openingPunctuation.contains(before) {
            return false
        }
        if dashes.contains(before) && dashes.contains(after) {
            return false
        }
        if units.contains(String([before, after])) {
            return false
        }
        return true
    }

    /// Two-character units that stay whole (`2 小时`, never `2 小` / `时`).
    private static let units: Set<String> = ["小时", "分钟"]

    /// First characters of the Chinese units a number keeps on its line (`2 小时`, `10 分钟`, `3 条`).
    private static let unitStarts: Set<Character> = ["小", "分", "秒", "天", "条", "个", "次", "人", "项", "名", "倍"]

    /// Joins a number and the Chinese unit after it (`2 小时`) into one chunk.
    private static func keepingNumbersWithUnits(_ chunks: [Chunk], in paragraph: Substring) -> [Chunk] {
        var result: [Chunk] = []
        for chunk in chunks {
            if let last = result.last, last.text.last?.isNumber == true, last.text.last?.isASCII == true,
                chunk.leadingSpace == " ", let first = chunk.text.first, unitStarts.contains(first)
            {
                result[result.count - 1] = Chunk(
                    text: paragraph[last.text.startIndex..<chunk.text.endIndex], width: last.width + 1 + chunk.width,
                    leadingSpace: last.leadingSpace)
            } else {
                result.append(chunk)
            }
        }
        return result
    }

    /// Splits a paragraph into unbreakable chunks, recording the whitespace before each.
    private static func chunks(of paragraph: Substring) -> [Chunk] {
        var result: [Chunk] = []
        var index = paragraph.startIndex
        var spaceStart = index
        while index < paragraph.endIndex {
            // Whitespace run.
            while index < paragraph.endIndex && isSpace(paragraph[index]) {
                paragraph.formIndex(after: &index)
            }
            let space = paragraph[spaceStart..<index]
            guard index < paragraph.endIndex else {
                break
            }
            // Non-space run, cut at the break opportunities inside it.
            let chunkStart = index
            var previous = paragraph[index]
            var width = previous.displayWidth
            paragraph.formIndex(after: &index)
            while index < paragraph.endIndex {
                let character = paragraph[index]
                if isSpace(character) || canBreak(between: previous, and: character) {
                    break
                }
                width += character.displayWidth
                previous = character
                paragraph.formIndex(after: &index)
            }
            result.append(Chunk(text: paragraph[chunkStart..<index], width: width, leadingSpace: space))
            spaceStart = index
        }
        return result
    }

    /// Whether a chunk is Chinese (or other wide) text, which Latin phrases inside it are kept whole against.
    private static func isWide(_ chunk: Chunk) -> Bool {
        chunk.text.contains { breaksFreely($0) }
    }

    /// Joins each run of Latin chunks that sits between Chinese text (or a paragraph's edge) of a paragraph
    /// holding Chinese into one chunk, when the run is short (a command and its arguments, not an expression).
    private static func keepingLatinPhrases(_ chunks: [Chunk], in paragraph: Substring, room: Int) -> [Chunk] {
        guard chunks.contains(where: isWide) else { return chunks }
        var result: [Chunk] = []
        var index = 0
        while index < chunks.count {
            guard !isWide(chunks[index]) else {
                result.append(chunks[index])
                index += 1
                continue
            }
            var end = index
            var width = chunks[index].width
            while end + 1 < chunks.count, !isWide(chunks[end + 1]) {
                end += 1
                width += chunks[end].leadingSpace.displayWidth + chunks[end].width
            }
            // A command with its argument or two, not a whole expression: up to three words, half a line.
            if end > index && end - index < 3 && width <= max(room / 2, min(room, 24)) {
                let text = paragraph[chunks[index].text.startIndex..<chunks[end].text.endIndex]
                result.append(Chunk(text: text, width: width, leadingSpace: chunks[index].leadingSpace))
            } else {
                result += chunks[index...end]
            }
            index = end + 1
        }
        return result
    }

    /// Greedy line filling of one paragraph (no newlines in it). Returns no lines for a blank paragraph.
    private static func wrapParagraph(_ paragraph: Substring, room: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var isFirst = true
        let pieces = keepingNumbersWithUnits(chunks(of: paragraph), in: paragraph)
        for chunk in keepingLatinPhrases(pieces, in: paragraph, room: room) {
            // Leading whitespace of the paragraph is kept (it is not at a break); whitespace inside a line too.
            let space = (isFirst || lineWidth > 0) ? chunk.leadingSpace : ""
            let spaceWidth = space.displayWidth
            isFirst = false
            if lineWidth + spaceWidth + chunk.width <= room {
                line += space
                line += chunk.text
                lineWidth += spaceWidth + chunk.width
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if chunk.width <= room {
                line = String(chunk.text)
                lineWidth = chunk.width
                continue
            }
            // The chunk alone is too wide: break it between characters.
            for character in chunk.text {
                let characterWidth = character.displayWidth
                if lineWidth + characterWidth > room && lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += characterWidth
            }
        }
        if lineWidth > 0 || !line.isEmpty {
            lines.append(line)
        }
        return lines
    }
}
