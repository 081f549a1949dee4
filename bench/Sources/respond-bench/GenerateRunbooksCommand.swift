/// `generate-runbooks DIR N`: writes N runbooks and their index into DIR.
enum GenerateRunbooksCommand {
    static func run(_ arguments: [String]) throws {
        guard arguments.count == 2 else { throw BenchError.usage("respond-bench generate-runbooks DIR N") }
        try RunbookGenerator.writeLibrary(directory: arguments[0], count: try positive(arguments[1]))
    }
}

/// A positive whole number from the command line.
func positive(_ text: String) throws -> Int {
    guard let number = Int(text), number > 0 else { throw BenchError.badNumber(text) }
    return number
}
