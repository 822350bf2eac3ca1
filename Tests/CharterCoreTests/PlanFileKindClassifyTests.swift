@testable import CharterCore
import Testing

/// `PlanFileKind.classify` splits an ASCII path by bytes and any other by Characters; both must
/// classify as splitting by Characters does (a combining mark after a slash joins the slash).
@Suite struct PlanFileKindClassifyTests {
    static func byCharacters(_ path: String) -> (kind: PlanFileKind, programFolder: String?)? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            if parts[0] == "charter.yaml" { return (.settings, nil) }
            if parts[0] == "people.yaml" { return (.people, nil) }
            return nil
        case 3 where parts[0] == "programs":
            guard let kind = PlanFileKind.programFiles.first(where: { $0.fileName == parts[2] }) else { return nil }
            return (kind, String(parts[1]))
        default:
            return nil
        }
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

    @Test("random paths over the layout's names, slashes and a combining mark")
    func random() {
        let pieces = ["programs", "pay", "/", "milestones.yaml", "charter.yaml", "people.yaml", "risks.yaml", "\u{301}", "é", "x"]
        for _ in 0..<3_000 {
            let path = (0..<Int.random(in: 0...6)).map { _ in pieces.randomElement()! }.joined()
            #expect(Self.same(path), "\(Array(path.unicodeScalars))")
        }
    }
}
