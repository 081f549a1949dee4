import Foundation
import RunbookKit

/// The matches ICU (`NSRegularExpression`) finds of `pattern` in `text`, as scalar offsets with their groups: the
/// reference `ScalarPattern` is held to.
package func icuScalarMatches(_ pattern: NSRegularExpression, in text: String) -> [ScalarPattern.Match] {
    let utf16 = Array(text.utf16)
    // The scalar offset of each UTF-16 offset at a scalar boundary.
    var scalarOffset = [Int](repeating: 0, count: utf16.count + 1)
    var scalars = 0
    for (index, unit) in utf16.enumerated() {
        scalarOffset[index] = scalars
        if !UTF16.isLeadSurrogate(unit) { scalars += 1 }
    }
    scalarOffset[utf16.count] = scalars
    func range(_ range: NSRange) -> Range<Int>? {
        range.location == NSNotFound
            ? nil : scalarOffset[range.location]..<scalarOffset[range.location + range.length]
    }
    return pattern.matches(in: text, range: NSRange(location: 0, length: utf16.count)).map { match in
        ScalarPattern.Match(
            range: range(match.range)!, groups: (1..<match.numberOfRanges).map { range(match.range(at: $0)) })
    }
}
