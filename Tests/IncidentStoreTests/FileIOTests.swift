import Foundation
import IncidentModel
import TestSupport
import Testing

@testable import IncidentStore

@Suite("reading a file into a buffer at a position", .temporaryFiles)
struct FileIOTests {
    /// A file holding `text`, opened for reading; the caller closes it.
    func open(holding text: String) throws -> (fd: Int32, path: String) {
        let path = try freshDirectory() + "/bytes"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (try FileIO.open(path, O_RDONLY), path)
    }

    @Test("bytes from a file offset land in the buffer from the given index, and the rest is untouched")
    func readsAtAPosition() throws {
        let (fd, path) = try open(holding: "0123456789")
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0x2E, count: 6)
        let got = try FileIO.read(fd, into: &buffer, at: 2, count: 3, offset: 4, path: path)
        #expect(got == 3)
        #expect(String(decoding: buffer, as: UTF8.self) == "..456.")
    }

    @Test("at the end of the file it reads fewer bytes than asked, and none past the end")
    func shortAtTheEnd() throws {
        let (fd, path) = try open(holding: "0123456789")
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 8)
        #expect(try FileIO.read(fd, into: &buffer, at: 0, count: 8, offset: 7, path: path) == 3)
        #expect(try FileIO.read(fd, into: &buffer, at: 0, count: 8, offset: 10, path: path) == 0)
        #expect(try FileIO.read(fd, offset: 7, count: 8, path: path) == Array("789".utf8))
    }

    @Test("an empty buffer, or a count beyond the buffer's room, reads only what fits")
    func neverPastTheBuffer() throws {
        let (fd, path) = try open(holding: "0123456789")
        defer { close(fd) }
        var empty: [UInt8] = []
        #expect(try FileIO.read(fd, into: &empty, at: 0, count: 4, offset: 0, path: path) == 0)
        #expect(empty.isEmpty)
        var small = [UInt8](repeating: 0, count: 3)
        #expect(try FileIO.read(fd, into: &small, at: 1, count: 10, offset: 0, path: path) == 2)
        #expect(small == [0] + Array("01".utf8))
        #expect(try FileIO.read(fd, offset: 0, count: 0, path: path).isEmpty)
    }

    @Test("a full disk is a disk-full error that says what to do and that nothing was written")
    func diskFull() throws {
        let fd = try FileIO.open("/dev/full", O_WRONLY)
        defer { close(fd) }
        let error = #expect(throws: JournalError.self) {
            try FileIO.writeAll(fd, Array("one\n".utf8), path: "/dev/full")
        }
        #expect(error == .diskFull(path: "/dev/full"))
        #expect(error?.description == "disk full writing /dev/full: free space and retry; nothing was written")
    }
}
