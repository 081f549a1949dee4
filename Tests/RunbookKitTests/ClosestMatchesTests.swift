import RunbookKit
import Testing

@Suite("closestMatches: the did-you-mean of a mistyped name")
struct ClosestMatchesTests {
    private let commands = ["list", "lint", "log", "show", "start", "incidents", "timeline", "export", "review"]

    @Test("a swap of two neighbouring letters counts as one edit, so it beats two substitutions")
    func transposition() {
        #expect(closestMatches(to: "lsit", among: commands) == ["list"])
        #expect(closestMatches(to: "incidnets", among: commands) == ["incidents"])
    }

    @Test("only the candidates at the smallest distance are offered, in order, ignoring case")
    func smallestDistanceOnly() {
        #expect(closestMatches(to: "lis", among: commands) == ["list"])
        #expect(closestMatches(to: "LOG", among: commands) == ["log"])
        #expect(closestMatches(to: "l", among: ["la", "lb", "lc", "ld"]) == ["la", "lb", "lc"])
    }

    @Test("nothing is offered when even the closest candidate is far from the word")
    func nothingClose() {
        #expect(closestMatches(to: "volcano", among: commands).isEmpty)
        #expect(closestMatches(to: "anything", among: []).isEmpty)
    }
}
