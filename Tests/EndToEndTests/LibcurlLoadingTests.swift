import Foundation
import TestSupport
import Testing

/// libcurl and the libraries it needs are mapped only by a process that reads alerts: the dynamic loader's own
/// account (`LD_DEBUG=libs`) names every library it maps.
@Suite("Only a process that reads alerts loads libcurl", .temporaryFiles, .tags(.slow))
struct LibcurlLoadingTests {
    private func loadedLibraries(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["LD_DEBUG"] = "libs"
        environment["RESPOND_HOME"] = try freshDirectory()
        environment.removeValue(forKey: "RESPOND_ALERTMANAGER")
        return try runProcess(PackagePaths.binary, arguments, environment: environment).stderr
    }

    @Test("respond list and respond --help map no libcurl")
    func listLoadsNoCurl() throws {
        for arguments in [["list", "--runbooks", PackagePaths.shippedRunbooks], ["--help"]] {
            let loader = try loadedLibraries(arguments)
            #expect(loader.contains("calling init"), "the loader reports what it maps")
            #expect(!loader.contains("libcurl"), "respond \(arguments.joined(separator: " ")) loaded libcurl")
        }
    }

    @Test("respond alerts loads libcurl when it asks the Alertmanager")
    func alertsLoadCurl() throws {
        let port = try freeLoopbackPort()
        let loader = try loadedLibraries(["alerts", "--alertmanager", "http://127.0.0.1:\(port)"])
        #expect(loader.contains("libcurl.so.4"))
    }
}
