import Foundation
import Testing
@testable import CharterCore

/// The registry is a plain list; this keeps it honest against the files under Rules/.
struct RuleRegistryTests {
    @Test func registryMatchesRuleFiles() throws {
        let rulesFolder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/CharterCore/Rules")
        let enumerator = FileManager.default.enumerator(at: rulesFolder, includingPropertiesForKeys: nil)!
        var typeNames: Set<String> = []
        for case let url as URL in enumerator where url.lastPathComponent.hasSuffix("Rule.swift") {
            // Files directly in Rules/ define the machinery (Rule.swift, LoadRule…), not rules.
            guard url.deletingLastPathComponent().lastPathComponent != "Rules" else { continue }
            typeNames.insert(String(url.lastPathComponent.dropLast(".swift".count)))
        }
        let registered = Set(RuleRegistry.all.map { String(describing: type(of: $0)) })
        #expect(typeNames == registered)
        #expect(typeNames.count >= 20)
    }
}
