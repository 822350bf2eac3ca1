@testable import CharterCore
import Testing

/// `PlanFileKind.classify` splits an ASCII path by bytes and any other by Characters; both must
/// classify as splitting by Characters does (a combining mark after a slash joins the slash).
@Suite struct PlanFileKindClassifyTests {
    /// Split by Characters, as every path was before.
    static func byCharacters(_ path: String) -> (kind: PlanFileKind, programFolder: String?)? {
        PlanFileKind.classify(parts: path.split(separator: "/", omittingEmptySubsequences: false))
    }

    static func same(_ path: String) -> Bool {
        let fast = PlanFileKind.classify(path), slow = byCharacters(path)
        return fast?.kind == slow?.kind && fast?.programFolder == slow?.programFolder
    }

    @Test("fixed paths", arguments: [
        "", "/", "charter.yaml", "people.yaml", "programs", "programs/pay", "programs/pay/milestones.yaml", "programs/pay/program.yaml",
        "programs//milestones.yaml", "programs/pay/sub/risks.yaml", "/programs/pay/risks.yaml", "programs/pay/risks.yml",
        "programs/pày/kpis.yaml", "programs/\u{301}pay/budget.yaml", "programs/pay/\u{301}lessons.yaml", "charter.yaml/",
        "programs/pay/decisions.yaml", "Programs/pay/risks.yaml",
    ])
    func fixed(path: String) {
        #expect(Self.same(path), "\(Array(path.unicodeScalars))")
    }

    @Test("what the layout says, and a combining mark that joins the slash before it")
    func layout() {
        #expect(PlanFileKind.classify("programs/pay/milestones.yaml")?.kind == .milestones)
        #expect(PlanFileKind.classify("programs/pay/milestones.yaml")?.programFolder == "pay")
        #expect(PlanFileKind.classify("charter.yaml")?.kind == .settings)
        #expect(PlanFileKind.classify("people.yaml")?.programFolder == nil)
        #expect(PlanFileKind.classify("programs/pày/kpis.yaml")?.programFolder == "pày")
        #expect(PlanFileKind.classify("programs/pay/notes.yaml") == nil)
        // "/\u{301}" is one Character, not a slash: no third part.
        #expect(PlanFileKind.classify("programs/\u{301}pay/budget.yaml") == nil)
    }

    @Test("random paths over the layout's names, slashes and a combining mark")
    func random() {
        let pieces = ["programs", "pay", "/", "milestones.yaml", "charter.yaml", "people.yaml", "risks.yaml", "\u{301}", "é", "x"]
        for _ in 0..<3_000 {
            let path = (0..<Int.random(in: 0...6)).map { _ in pieces.randomElement()! }.joined()
            #expect(Self.same(path), "\(Array(path.unicodeScalars))")
        }
    }
}
