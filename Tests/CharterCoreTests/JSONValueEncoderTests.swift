import CharterCore
import Foundation
import Testing

@Suite struct JSONValueEncoderTests {
    struct Inner: Encodable {
        var b: Int
        var a: [String?]
    }

    struct Document: Encodable {
        var zeta: String
        var alpha: Double
        var present: Int?
        var absent: Int?
        var flag: Bool
        var inner: Inner
        var list: [Inner]
        var map: [String: Int]
        var explicitNull: Int?

        enum CodingKeys: String, CodingKey { case zeta, alpha, present, absent, flag, inner, list, map, explicitNull = "explicit_null" }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(zeta, forKey: .zeta)
            try container.encode(alpha, forKey: .alpha)
            try container.encodeIfPresent(present, forKey: .present)
            try container.encodeIfPresent(absent, forKey: .absent)
            try container.encode(flag, forKey: .flag)
            try container.encode(inner, forKey: .inner)
            try container.encode(list, forKey: .list)
            try container.encode(map, forKey: .map)
            try container.encode(explicitNull, forKey: .explicitNull)
        }
    }

    @Test func theTreeEqualsWhatJSONEncoderWritesWithSortedKeys() throws {
        let document = Document(zeta: "z: \"quoted\"\n", alpha: 0.1 + 0.2, present: 7, absent: nil, flag: true,
                                inner: Inner(b: -3, a: ["x", nil]), list: [Inner(b: 1, a: []), Inner(b: 40000, a: ["y"])],
                                map: ["b_key": 2, "a_key": 1, "a": 0], explicitNull: nil)
        let tree = try JSONValueEncoder().encode(document)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let viaText = try JSONSerialization.jsonObject(with: encoder.encode(document)) as! NSDictionary
        let viaTree = try JSONSerialization.jsonObject(with: Data(tree.rendered().utf8)) as! NSDictionary
        #expect(viaTree == viaText)
        guard case .object(let pairs) = tree else { Issue.record("not an object"); return }
        #expect(pairs.map(\.0) == ["alpha", "explicit_null", "flag", "inner", "list", "map", "present", "zeta"])
        #expect(!pairs.contains { $0.0 == "absent" })
        #expect(tree.yaml().contains("explicit_null: null\n"))
    }
}
