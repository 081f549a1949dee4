import Foundation

/// The commands `bench/run.sh` calls: input generators and in-process measurements.
let commands: [String: ([String]) throws -> Void] = [
    "generate-runbooks": GenerateRunbooksCommand.run,
    "parse": ParseCommand.run,
    "first-frame": FirstFrameCommand.run,
    "keys": KeysCommand.run,
    "filter-keys": FilterKeysCommand.run,
    "generate-scroll": GenerateScrollCommand.run,
    "generate-journal": GenerateJournalCommand.run,
    "append": AppendCommand.run,
    "generate-home": GenerateHomeCommand.run,
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let command = commands[name] else {
    FileHandle.standardError.write(
        Data("usage: respond-bench \(commands.keys.sorted().joined(separator: "|")) ARGS…\n".utf8))
    exit(2)
}
do {
    try command(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("respond-bench \(name): \(error)\n".utf8))
    exit(1)
}
