/// `generate-runbooks DIR N [--nested]`: writes N runbooks and their index into DIR; with `--nested`, an
/// alert-runbook library in nested folders without an index instead.
enum GenerateRunbooksCommand {
    static func run(_ arguments: [String]) throws {
        let nested = arguments.count == 3 && arguments[2] == "--nested"
        guard arguments.count == 2 || nested else {
            throw BenchError.usage("respond-bench generate-runbooks DIR N [--nested]")
        }
        if nested {
            try NestedLibraryGenerator.write(directory: arguments[0], count: try positive(arguments[1]))
        } else {
            try RunbookGenerator.writeLibrary(directory: arguments[0], count: try positive(arguments[1]))
        }
    }
}

/// A positive whole number from the command line.
func positive(_ text: String) throws -> Int {
    guard let number = Int(text), number > 0 else { throw BenchError.badNumber(text) }
    return number
}
