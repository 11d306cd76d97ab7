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
        let cellWidth = (items.map(displayWidth).max() ?? 0) + gap
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
                    line += String(repeating: " ", count: cellWidth - displayWidth(item))
                }
            }
            return line
        }
    }

    /// Terminal columns `text` takes: East Asian wide and fullwidth characters
    /// count 2, combining marks and zero-width joiners/selectors 0, others 1.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + scalarWidth($1) }
    }

    private static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0xFE00...0xFE0F).contains(value) { return 0 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }
}
