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
                lines += wrapped.map { indent + $0 }
            }
        }
        return lines
    }

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
        return true
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

    /// Greedy line filling of one paragraph (no newlines in it). Returns no lines for a blank paragraph.
    private static func wrapParagraph(_ paragraph: Substring, room: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var isFirst = true
        for chunk in chunks(of: paragraph) {
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
