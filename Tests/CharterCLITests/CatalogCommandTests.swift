import Foundation
import Testing

@Suite struct CatalogCommandTests {
    @Test func rulesListsEveryRuleWithExample() throws {
        let list = try Run.charter(["rules"], in: "/")
        #expect(list.status == 0)
        #expect(list.stdout.contains("dependency-cycle"))
        let one = try Run.charter(["rules", "dependency-cycle"], in: "/")
        #expect(one.stdout.contains("↓"))
        let json = try Run.charter(["rules", "--format", "json"], in: "/")
        let rules = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        #expect(rules.count >= 20)
        #expect(try Run.charter(["rules", "dependency-cycles"], in: "/").stderr.contains("did you mean 'dependency-cycle'"))
    }

    @Test func schemaIsDraft07ForEveryKind() throws {
        for kind in ["charter", "people", "program", "milestones", "risks", "budget", "decisions", "kpis"] {
            let result = try Run.charter(["schema", kind], in: "/")
            #expect(result.status == 0)
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
            #expect(object["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        }
        let bundle = try Run.charter(["schema"], in: "/")
        let object = try JSONSerialization.jsonObject(with: Data(bundle.stdout.utf8)) as! [String: Any]
        #expect((object["definitions"] as! [String: Any]).count == 9)   // lessons.yaml is the ninth kind (issue 17)
    }
}
