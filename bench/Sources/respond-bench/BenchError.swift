/// Why a bench command could not run: printed as one line on stderr with a non-zero exit.
enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case badNumber(String)
    case noRunbooks(String)
    case failed(String)

    var description: String {
        switch self {
        case .usage(let text): "usage: \(text)"
        case .badNumber(let text): "\(text) is not a positive whole number"
        case .noRunbooks(let directory):
            "no runbooks parsed from \(directory); generate them with `respond-bench generate-runbooks \(directory) 2000`"
        case .failed(let reason): reason
        }
    }
}
