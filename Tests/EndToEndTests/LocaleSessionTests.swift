import Foundation
import TestSupport
import Testing

/// The guide draws the runbooks' Chinese whatever locale the environment names, installed or not.
@Suite("Wide characters are drawn under any locale name", .serialized, .temporaryFiles, .tags(.slow))
struct LocaleSessionTests {
    private let home: SessionHome

    init() throws {
        home = try SessionHome()
    }

    @Test(
        "A locale the host does not have, or one that is not UTF-8, still shows the runbooks' Chinese",
        arguments: ["zh_TW.UTF-8", "en_US.UTF-8", "C", "POSIX"]
    )
    func uninstalledLocale(locale: String) throws {
        var variables = home.variables(actor: "alice")
        variables["RESPOND_RUNBOOKS"] = PackagePaths.shippedRunbooks
        variables["LANG"] = locale
        variables["LC_ALL"] = ""
        let session = try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)); echo EXITED $?", variables: variables,
            directory: home.path)
        let screen = try session.waitFor("使用率")
        let row = try #require(screen.split(separator: "\n").first { $0.contains("High CPU Usage") })
        #expect(row.contains("CPU 使用率"), "the row was: \(row)")
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)
    }
}
