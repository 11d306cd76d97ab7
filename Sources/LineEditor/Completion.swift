import TerminalText

/// Supplies Tab-completion candidates.
///
/// Called with the text before the cursor (the whole of it, so the provider can
/// tell a command from its argument); returns the full candidates for the word
/// being typed, the text after the last space (`"as 交"` → word `"交"` →
/// `["交通局"]`). Candidates not starting with that word are ignored.
public typealias CompletionProvider = (_ lineBeforeCursor: String) -> [String]

/// What Tab does, decided from the word being typed and the candidates.
enum CompletionAction: Equatable, Sendable {
    /// Nothing matches: ring the bell.
    case none
    /// Insert this text at the cursor.
    case insert(String)
    /// Show these candidates below the line and redraw it.
    case list([String])
}

enum CompletionLogic {
    /// The word being completed: the text after the last space.
    static func word(inLineBeforeCursor line: String) -> String {
        guard let space = line.lastIndex(of: " ") else { return line }
        return String(line[line.index(after: space)...])
    }

    /// Decides what Tab does.
    ///
    /// One candidate: insert its rest and a space. Several sharing a prefix
    /// longer than the word: insert up to that prefix. Otherwise list them.
    /// Candidates are compared by `Character`, so CJK text and combining
    /// sequences are never split.
    static func action(word: String, candidates: [String]) -> CompletionAction {
        var seen = Set<String>()
        let matches = candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
        guard let first = matches.first else { return .none }
        if matches.count == 1 {
            return .insert(String(first.dropFirst(word.count)) + " ")
        }
        let common = commonPrefix(matches)
        if common.count > word.count {
            return .insert(String(common.dropFirst(word.count)))
        }
        return .list(matches)
    }

    /// The longest common prefix of `words`, in whole characters.
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let length = zip(prefix, word).prefix { $0 == $1 }.count
            prefix.removeLast(prefix.count - length)
        }
        return String(prefix)
    }

    /// Lays `items` out in columns, filled top to bottom as `ls` does, within
    /// `width` terminal columns. Each returned string is one row, without
    /// trailing spaces.
    static func columns(_ items: [String], width: Int) -> [String] {
        guard !items.isEmpty else { return [] }
        let gap = 2
        let cellWidth = (items.map(DisplayWidth.width).max() ?? 0) + gap
        let columnCount = max(1, min(items.count, (max(width, 1) + gap) / cellWidth))
        let rowCount = (items.count + columnCount - 1) / columnCount
        return (0..<rowCount).map { row in
            var line = ""
            for column in 0..<columnCount {
                let index = column * rowCount + row
                guard index < items.count else { break }
                let item = items[index]
                line += item
                let nextIndex = (column + 1) * rowCount + row
                if nextIndex < items.count {
                    line += String(repeating: " ", count: cellWidth - DisplayWidth.width(item))
                }
            }
            return line
        }
    }
}
