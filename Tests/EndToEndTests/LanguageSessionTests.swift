import Foundation
import TestSupport
import Testing

/// The guide speaks the language the locale names, installed on the host or not.
@Suite("The guide speaks the environment's language", .serialized, .temporaryFiles, .tags(.slow))
struct LanguageSessionTests {
    private let home: SessionHome

    init() throws {
        home = try SessionHome()
    }

    /// The catalog's screen under `LANG`, with nothing else naming a language.
    private func catalog(lang: String, waitingFor text: String) throws -> String {
        var variables = home.variables(actor: "alice")
        variables["RESPOND_RUNBOOKS"] = PackagePaths.shippedRunbooks
        variables["LANG"] = lang
        variables["LC_ALL"] = ""
        variables["LC_MESSAGES"] = ""
        variables["RESPOND_LANG"] = ""
        let session = try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)); echo EXITED $?", variables: variables,
            directory: home.path)
        let screen = try session.waitFor(text)
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)
        return screen
    }

    @Test("LANG=zh_TW.UTF-8 shows the catalog's key hints in Traditional Chinese")
    func traditionalChinese() throws {
        let screen = try catalog(lang: "zh_TW.UTF-8", waitingFor: "Enter 開始 · / 篩選")
        #expect(screen.contains("respond · runbook 目錄"))
        #expect(!screen.contains("Enter start"))
    }

    @Test("LANG=C.UTF-8 keeps the catalog in English")
    func english() throws {
        let screen = try catalog(lang: "C.UTF-8", waitingFor: "Enter start · / filter")
        #expect(screen.contains("respond · runbooks"))
        #expect(!screen.contains("開始 ·"))
    }
}
