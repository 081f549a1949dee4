import Foundation
import TestSupport
import Testing

/// The built binary under test and the library only these tests give it, beside the shared runbook libraries.
extension PackagePaths {
    /// The `respond` binary that `make test` builds before running the tests.
    static let binary = packageRoot.appendingPathComponent(".build/debug/respond").path
    /// A small library in the standard template that is not the shipped one.
    static let fixtureRunbooks = packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/runbooks").path
    /// A library of nested folders in other teams' conventions, one runbook per way of writing steps: TOML and YAML
    /// front matter, `_index.md` titles and weights, two files of one name, a moved stub, Simplified and
    /// Traditional Chinese sections, harmless `echo` commands.
    static let conventionsLibrary =
        packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/conventions-library").path
}

/// A fresh incident home for one test (removed when it ends), so tests running in parallel never share incidents, with a small
/// runbook catalog beside it in `<home>/runbooks` (see `fixtureRunbook`).
func makeHome() throws -> String {
    let path = try freshDirectory()
    try FileManager.default.createDirectory(atPath: path + "/runbooks", withIntermediateDirectories: true)
    try fixtureIndex.write(toFile: path + "/runbooks/README.md", atomically: true, encoding: .utf8)
    try fixtureRunbook.write(toFile: path + "/runbooks/disk-full.md", atomically: true, encoding: .utf8)
    return path
}

/// The catalog index of the fixture: one runbook.
let fixtureIndex = """
    # Runbooks

    ## Runbook 索引

    ### Storage 問題

    | Runbook | Severity | Description |
    |---------|----------|-------------|
    | [Disk Full](disk-full.md) | P1 | Disk 使用率 > 90% |

    """

/// The fixture runbook: two diagnosis steps, two resolution steps, a three-item checklist, severity P1.
let fixtureRunbook = """
    # Runbook: Disk Full

    ## Symptoms

    - 寫入失敗，`No space left on device`

    ## Impact

    - **Severity**: P1
    - **Affected Users**: 所有使用者
    - **Business Impact**: 訂單無法寫入

    ## Detection

    - **Alert**: `DiskFull`

    ## Diagnosis

    ### Step 1: 找出滿的 volume

    ```bash
    df -h
    ```

    ### Step 2: 找出最大的目錄

    ```bash
    du -sh /var/* | sort -h
    ```

    ## Resolution

    ### Immediate Actions

    ```bash
    journalctl --vacuum-size=500M
    ```

    ### Root Cause Fix

    調整 log rotation。

    ## Verification

    - [ ] Disk 使用率 < 80%
    - [ ] 寫入恢復正常
    - [ ] `DiskFull` alert 已 resolved

    ## Prevention

    - 監控 disk 成長趨勢

    ## Escalation

    | Level | Contact |
    |-------|---------|
    | L2 | #infra-oncall |

    ## Related

    - [Runbooks](README.md)

    ---

    **Last Updated**: 2026-11-01
    **Owner**: Infra Team
    **Review Cycle**: Quarterly

    """

/// This process's environment with the language pinned to English (`LANG=C.UTF-8`, no `LC_ALL`, `LC_MESSAGES` or
/// `RESPOND_LANG`), so that what a test expects does not depend on the machine's locale.
func englishEnvironment() -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["LANG"] = "C.UTF-8"
    for name in ["LC_ALL", "LC_MESSAGES", "RESPOND_LANG"] { environment[name] = nil }
    return environment
}

/// Runs `respond` with `arguments` against `home` (and its runbooks) as `actor`, in English, and waits for it to
/// exit.
func respond(_ arguments: [String], home: String, actor: String = "tester") throws -> ProcessResult {
    var environment = englishEnvironment()
    environment["RESPOND_HOME"] = home
    environment["RESPOND_RUNBOOKS"] = home + "/runbooks"
    environment["RESPOND_ACTOR"] = actor
    return try runProcess(PackagePaths.binary, arguments, environment: environment)
}

/// The lines of a file, without the empty string after the final newline.
func fileLines(_ path: String) throws -> [String] {
    var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
}
