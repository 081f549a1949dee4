/// The candidates closest to `word` (ignoring case), at most `limit` of them: those at the smallest edit distance
/// (a swap of two neighbouring letters counting as one edit), when it is small for the word's length. The "did you
/// mean" of a mistyped command or incident id.
public func closestMatches(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
    let wanted = word.lowercased()
    let tolerance = max(2, wanted.count / 3)
    // The distance is at least the difference in length: a candidate too long or too short for the tolerance is
    // never compared, so a word of any length typed by mistake costs no more than a look at each candidate.
    let comparable = candidates.filter { abs($0.count - wanted.count) <= tolerance }
    let scored = comparable.map { (candidate: $0, distance: editDistance(wanted, $0.lowercased())) }
    guard let best = scored.map(\.distance).min(), best <= tolerance else { return [] }
    return scored.filter { $0.distance == best }.map(\.candidate).sorted().prefix(limit).map { $0 }
}
