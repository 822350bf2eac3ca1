import Foundation
import CharterCore

/// The field tables of docs/format.md, generated from `PlanSchemas` so the docs cannot drift.
enum FormatReference {
    static func markdown() -> String {
        var out = ""
        var documented: Set<String> = []
        for kind in PlanFileKind.allCases {
            let root = kind.schema
            out += "### `\(kind == .settings || kind == .people ? kind.fileName : "programs/<id>/" + kind.fileName)`\n\n"
            out += root.summary + "\n\n"
            out += table(root)
            for schema in nested(in: root) where documented.insert(schema.name).inserted {
                out += "#### \(schema.name.prefix(1).uppercased() + schema.name.dropFirst())\n\n\(schema.summary)\n\n"
                out += table(schema)
            }
        }
        return out
    }

    private static func table(_ schema: ObjectSchema) -> String {
        var out = "| key | type | required | meaning |\n| --- | --- | --- | --- |\n"
        for field in schema.fields {
            let type = field.type.expectation.replacingOccurrences(of: "|", with: "\\|")
            out += "| `\(field.name)` | \(type) | \(field.isRequired ? "yes" : "") | \(field.summary) |\n"
        }
        return out + "\n"
    }

    /// Object schemas reachable from a schema's fields, depth first.
    private static func nested(in schema: ObjectSchema) -> [ObjectSchema] {
        var found: [ObjectSchema] = []
        func visit(_ type: FieldType) {
            switch type {
            case .object(let inner): found.append(inner); inner.fields.forEach { visit($0.type) }
            case .list(let element): visit(element)
            case .dictionary(let value): visit(value)
            default: break
            }
        }
        schema.fields.forEach { visit($0.type) }
        return found
    }
}
