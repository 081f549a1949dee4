extension Step {
    /// The step's commands as the guide offers them: each code block's text, without a transcript's output lines
    /// (which are shown, never run).
    public var commands: [String] {
        codeBlocks.filter { $0.info != ConsoleTranscript.outputLanguage }.map { CommandTemplate.text(of: $0.code) }
    }

    /// The names of the placeholders in the step's commands, each once, in the order they first appear.
    public var placeholderNames: [String] {
        var seen = Set<String>()
        return codeBlocks.filter { $0.info != ConsoleTranscript.outputLanguage }.flatMap { block in
            CommandTemplate(block).placeholders.map(\.name)
        }.filter { seen.insert($0).inserted }
    }
}
