/// Suggests the closest of `candidates` to `word`, for "did you mean" fix-its.
///
/// - Returns: the candidate at the smallest edit distance, when that distance is small for the word's length.
public func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(word.lowercased())
    guard target.count <= 64 else { return nil }
    let limit = max(1, min(3, target.count / 3 + 1))
    var best: (String, Int)?
    for candidate in candidates {
        let other = Array(candidate.lowercased())
        if abs(other.count - target.count) > limit { continue }
        let distance = editDistance(target, other)
        if distance == 0 { continue }
        if let current = best, current.1 <= distance { continue }
        best = (candidate, distance)
    }
    guard let (name, distance) = best else { return nil }
    return distance <= limit ? name : nil
}

/// Levenshtein distance counting a swap of two neighbours as one edit.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = Swift.min(current[j], previous2[j - 2] + 1)
            }
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
}
