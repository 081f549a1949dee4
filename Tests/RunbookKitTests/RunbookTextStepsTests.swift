import Testing

@testable import RunbookKit

/// The plain-text view `respond show` prints: a section without step headings is shown as the steps derived
/// from its shape; a section with headings, or of one step, as written.
@Suite("Runbook text: derived steps")
struct RunbookTextStepsTests {
    private func render(_ text: String) throws -> String {
        RunbookText.render(try #require(RunbookParser.parse(text: text, path: "lib/alert.md").runbook))
    }

    @Test("bullets that carry commands are shown as numbered steps, keeping the plain bullets before them")
    func bulletSteps() throws {
        let text = try render(
            """
            # ServiceDown

            ## Diagnosis

            - The service answers on port 8080.
            - Check its health with `curl -s localhost:8080/healthz`
            - Read its log with `journalctl -u payments -n 50`

            ## Impact

            Payments fail.
            """)
        #expect(
            text.contains(
                """
                Diagnosis
                ---------

                ▸ Step 1: Check its health with curl -s localhost:8080/healthz
                - The service answers on port 8080.
                - Check its health with curl -s localhost:8080/healthz

                    curl -s localhost:8080/healthz

                ▸ Step 2: Read its log with journalctl -u payments -n 50
                - Read its log with journalctl -u payments -n 50

                    journalctl -u payments -n 50

                Impact
                ------
                Payments fail.
                """), "\(text)")
    }

    @Test("a section written with step headings or taken whole is shown as written")
    func writtenAsBefore() throws {
        let text = try render(
            """
            # ServiceDown

            ## Diagnosis

            ### Step 1: Check health

            Look at the dashboard.

            ## Mitigation

            Restart the service.
            """)
        #expect(text.contains("Diagnosis\n---------\n\n▸ Step 1: Check health\nLook at the dashboard.\n"), "\(text)")
        #expect(text.contains("Mitigation\n----------\nRestart the service.\n"), "\(text)")
        #expect(text.components(separatedBy: "▸ Step").count == 2)
    }
}
