import FoundationEssentials

/// Prints `value` as indented JSON with sorted keys on standard output, made safe for a terminal by
/// `terminalSafeJSON`: how every `--json` that prints a value of its own shapes it.
func printJSON<Value: Encodable>(_ value: Value) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    print(terminalSafeJSON(String(decoding: data, as: UTF8.self)))
}
