/// The count a scroll marker shows on `row` ("↑ 12 earlier", "↓ 3 more"), read through `pattern`'s one capture;
/// 0 when the row has no marker, -1 when the capture is not a number.
func scrollMarkerCount(on row: String?, _ pattern: Regex<(Substring, Substring)>) -> Int {
    guard let row, let match = row.firstMatch(of: pattern) else { return 0 }
    return Int(match.1) ?? -1
}
