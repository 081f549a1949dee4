/// The candidates closest to `word` (ignoring case), at most `limit` of them: those at the smallest edit distance
/// (a swap of two neighbouring letters counting as one edit), when it is small for the word's length. The "did you
/// mean" of a mistyped command or incident id.
public func closestMatches(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
    let wanted = Array(word.lowercased())
    let tolerance = max(2, wanted.count / 3)
    // The distance is at least the difference in length: a candidate too long or too short for the tolerance is
    // never compared, so a word of any length typed by mistake costs no more than a look at each candidate.
    let comparable = candidates.filter { abs($0.count - wanted.count) <= tolerance }
    let scored = comparable.map { (candidate: $0, distance: editDistance(wanted, Array($0.lowercased()))) }
    guard let best = scored.map(\.distance).min(), best <= tolerance else { return [] }
    return scored.filter { $0.distance == best }.map(\.candidate).sorted().prefix(limit).map { $0 }
}

/// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours.
private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + [Int](repeating: 0, count: b.count)
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], beforePrevious[j - 2] + 1)
            }
        }
        beforePrevious = previous
        previous = current
    }
    return previous[b.count]
}
