import Glibc
import TestSupport
import Testing

@testable import RunbookKit

@Suite("Starting a program with posix_spawn", .temporaryFiles)
struct ProcessSpawnTests {
    /// Runs `script` with `sh -c` as `ProcessSpawn` starts it, its output read from a pipe; the output and status.
    private func run(
        _ script: String, environment: [String: String]? = nil, stdin: Int32? = nil,
        group: ProcessSpawn.Group = .inherited, workingDirectory: String? = nil
    ) throws -> (output: String, status: Int32) {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        let started = ProcessSpawn.spawn(
            ["/bin/sh", "-c", script], environment: environment, stdin: stdin, stdout: ends[1], stderr: ends[1],
            group: group, workingDirectory: workingDirectory)
        close(ends[1])
        defer { close(ends[0]) }
        let pid = try started.get()
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(ends[0], $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            output += chunk[0..<count]
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        guard case .exited(let code) = WaitStatus(status) else { return (String(decoding: output, as: UTF8.self), -1) }
        return (String(decoding: output, as: UTF8.self), code)
    }

    /// The process group and session of the shell that prints them, from `/proc`.
    private static let groupAndSession = #"set -- $(cut -d' ' -f5,6 /proc/$$/stat); echo "$$ $1 $2""#

    @Test("the child's standard streams are the ones given, /dev/null for a missing one, stderr beside stdout")
    func streams() throws {
        let result = try run("cat; echo out; echo err >&2; exit 3")
        #expect(result.output == "out\nerr\n")
        #expect(result.status == 3)
    }

    @Test("the environment given is the child's whole environment, and it starts in the directory given")
    func environmentAndDirectory() throws {
        let directory = try TemporaryDirectory()
        let result = try run(
            #"echo "$ONLY|${HOME-unset}|$(pwd -P)""#, environment: ["ONLY": "this"],
            workingDirectory: directory.path)
        let real = try #require(realpath(directory.path, nil))
        defer { free(real) }
        #expect(result.output == "this|unset|\(String(cString: real))\n")
    }

    @Test("in a group of its own, in a session of its own, or in this process's group")
    func groups() throws {
        func ids(_ group: ProcessSpawn.Group) throws -> [Int32] {
            let ids = try run(Self.groupAndSession, group: group).output.split(whereSeparator: \.isWhitespace)
                .compactMap { Int32($0) }
            try #require(ids.count == 3)
            return ids
        }
        let own = try ids(.own)
        #expect(own[1] == own[0] && own[2] == getsid(0))
        let session = try ids(.session)
        #expect(session[1] == session[0] && session[2] == session[0])
        let inherited = try ids(.inherited)
        #expect(inherited[1] == getpgrp() && inherited[2] == getsid(0))
    }

    @Test("a signal this process ignores is at its default in the child")
    func signalsReset() throws {
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        // A shell started with SIGPIPE ignored cannot trap it (POSIX): the trap would not run, nor would it die.
        let result = try run("trap 'echo caught' PIPE; kill -PIPE $$; echo survived")
        #expect(result.output == "caught\nsurvived\n")
    }

    @Test("how a child ended is read from its wait status: the code it exited with, or the signal that ended it")
    func waitStatus() throws {
        for (script, ended) in [
            ("exit 0", WaitStatus.exited(0)), ("exit 42", .exited(42)), ("kill -9 $$", .signaled(9)),
        ] {
            let pid = try ProcessSpawn.spawn(["/bin/sh", "-c", script], stdin: nil, stdout: nil, stderr: nil).get()
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            #expect(WaitStatus(status) == ended, "\(script)")
        }
    }

    @Test("a program that is not there is the system's error, not a child")
    func missingProgram() {
        let started = ProcessSpawn.spawn(["/nonexistent/program"], stdin: nil, stdout: nil, stderr: nil)
        guard case .failure(let failure) = started else {
            Issue.record("started \(started)")
            return
        }
        #expect(failure.code == ENOENT)
        #expect(!failure.reason.isEmpty)
    }
}
