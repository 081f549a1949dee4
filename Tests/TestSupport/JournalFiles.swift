import Foundation
import IncidentModel

/// The date of an ISO 8601 literal used in tests.
public func utc(_ text: String) -> Date {
    JournalTime.date(from: text) ?? Date(timeIntervalSince1970: 0)
}

/// The file's permission bits.
public func mode(of path: String) -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { return -1 }
    return Int(info.st_mode & 0o7777)
}

/// Appends raw bytes to a file, as a crashed or foreign writer would leave them.
public func appendRaw(_ text: String, to path: String) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
}
