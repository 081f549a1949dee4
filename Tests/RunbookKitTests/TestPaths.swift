import TestSupport

/// Paths the tests read, by this target's names for the shared `PackagePaths`.
enum TestPaths {
    static let shippedRunbooks = PackagePaths.shippedRunbooks
    static let paymentsFixture = PackagePaths.paymentsRunbooks
    static let alertLibrary = PackagePaths.alertLibrary
}
