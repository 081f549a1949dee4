extension String {
    /// The text with every occurrence of `target` replaced by `replacement`, left to right, compared scalar by
    /// scalar (so `\n` is found inside `\r\n`, as Foundation's `replacingOccurrences` finds it).
    func replacingScalars(of target: String, with replacement: String) -> String {
        let wanted = Array(target.unicodeScalars)
        guard let first = wanted.first else { return self }
        let scalars = Array(unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == first, scalars.count - index >= wanted.count,
                scalars[index..<index + wanted.count].elementsEqual(wanted)
            {
                result.append(contentsOf: replacement.unicodeScalars)
                index += wanted.count
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
