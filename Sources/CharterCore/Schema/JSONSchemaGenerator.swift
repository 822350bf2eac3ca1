/// JSON Schema (draft-07, what yaml-language-server understands) for each plan file kind,
/// generated from `PlanSchemas` so that editors and `charter validate` agree.
public enum JSONSchemaGenerator {
    public static let draft = "http://json-schema.org/draft-07/schema#"

    /// The schema file name for a kind: `milestones.schema.json`.
    public static func fileName(for kind: PlanFileKind) -> String { "\(kind.rawValue).schema.json" }

    public static func schema(for kind: PlanFileKind) -> JSONValue {
        let root = kind.schema
        guard case .object(var pairs) = object(root) else { return .null }
        pairs.insert(("$schema", .string(draft)), at: 0)
        pairs.insert(("$id", .string("https://charter.invalid/schema/v1/\(fileName(for: kind))")), at: 1)
        pairs.insert(("title", .string("Charter \(kind.fileName)")), at: 2)
        return .object(pairs)
    }

    /// Every kind in one document, under `definitions`, for tools that take a single schema.
    public static func bundle() -> JSONValue {
        .object([
            ("$schema", .string(draft)),
            ("$id", "https://charter.invalid/schema/v1/charter-workspace.schema.json"),
            ("title", "Charter workspace format v1"),
            ("description", "One definition per plan file kind; point each file at #/definitions/<kind>."),
            ("definitions", .object(PlanFileKind.allCases.map { kind in
                guard case .object(let pairs) = object(kind.schema) else { return (kind.rawValue, .null) }
                return (kind.rawValue, .object([("title", .string(kind.fileName))] + pairs))
            })),
        ])
    }

    static func object(_ schema: ObjectSchema) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("description", .string(schema.summary)),
            ("type", "object"),
            ("properties", .object(schema.fields.map { field in
                guard case .object(var property) = type(field.type) else { return (field.name, .null) }
                property.insert(("description", .string(field.summary)), at: 0)
                return (field.name, .object(property))
            })),
        ]
        let required = schema.fields.filter(\.isRequired).map { JSONValue.string($0.name) }
        if !required.isEmpty { pairs.append(("required", .array(required))) }
        pairs.append(("patternProperties", .object([("^x-", .object([]))])))
        pairs.append(("additionalProperties", false))
        return .object(pairs)
    }

    static func type(_ type: FieldType) -> JSONValue {
        switch type {
        case .text:
            // YAML 1.2 reads `name: 2026` as a number; Charter reads it as text, so allow both.
            return .object([("type", ["string", "number", "boolean"])])
        case .identifier:
            return .object([("type", ["string", "integer"]), ("pattern", "^[A-Za-z0-9_][A-Za-z0-9._-]*$")])
        case .reference(let kind):
            let pattern = kind == .person || kind == .workstream
                ? "^[A-Za-z0-9_][A-Za-z0-9._-]*$"
                : "^([A-Za-z0-9_][A-Za-z0-9._-]*/)?[A-Za-z0-9_][A-Za-z0-9._-]*$"
            return .object([("type", ["string", "integer"]), ("pattern", .string(pattern))])
        case .date:
            return .object([("type", "string"), ("format", "date"), ("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")])
        case .integer(let range):
            return .object([("type", "integer"), ("minimum", .number(Double(range.lowerBound))),
                            ("maximum", .number(Double(range.upperBound)))])
        case .number(let domain):
            return .object([("type", "number"), ("minimum", .number(domain.range.lowerBound)),
                            ("maximum", .number(domain.range.upperBound))])
        case .boolean:
            return .object([("type", "boolean")])
        case .oneOf(let words):
            return .object([("type", "string"), ("enum", .array(words.map(JSONValue.string)))])
        case .oneOfOrExtension(let words):
            return .object([("anyOf", .array([
                .object([("type", "string"), ("enum", .array(words.map(JSONValue.string)))]),
                .object([("type", "string"), ("pattern", "^x-.+")]),
            ]))])
        case .list(let element):
            return .object([("type", "array"), ("items", self.type(element))])
        case .object(let schema):
            return object(schema)
        case .dictionary(let value):
            return .object([("type", "object"), ("additionalProperties", self.type(value))])
        }
    }
}
