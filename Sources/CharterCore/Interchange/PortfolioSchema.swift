/// The JSON Schema (draft-07) that every line of `charter export --format jsonl` satisfies:
/// `charter schema jsonl`. One alternative per kind, each closed (`additionalProperties: false`),
/// made from `PortfolioKind` like the lines themselves.
public enum PortfolioSchema {
    public static func schema() -> JSONValue {
        .object([
            ("$schema", .string(JSONSchemaGenerator.draft)),
            ("$id", .string("https://charter.invalid/schema/v\(PortfolioKind.schemaVersion)/charter-jsonl.schema.json")),
            ("title", "Charter portfolio line"),
            ("description", .string("One line of `charter export --format jsonl`: a program, milestone, risk, budget line, decision, KPI, change request or slip, stamped with the schema version, repository, commit and program.")),
            ("oneOf", .array(PortfolioKind.allCases.map(kindSchema))),
        ])
    }

    private static func kindSchema(_ kind: PortfolioKind) -> JSONValue {
        var properties: [(String, JSONValue)] = []
        for field in PortfolioKind.envelope {
            switch field.name {
            case "schema_version": properties.append((field.name, .object([("description", .string(field.summary)), ("const", .number(Double(PortfolioKind.schemaVersion)))])))
            case "kind": properties.append((field.name, .object([("description", .string(field.summary)), ("const", .string(kind.rawValue))])))
            case "commit", "program": properties.append((field.name, property(field, nullable: true)))
            default: properties.append((field.name, property(field, nullable: false)))
            }
        }
        for field in kind.fields { properties.append((field.name, property(field, nullable: field.name != "id"))) }
        let required = (PortfolioKind.envelope + kind.fields).map { JSONValue.string($0.name) }
        return .object([
            ("title", .string(kind.rawValue)),
            ("type", "object"),
            ("properties", .object(properties)),
            ("required", .array(required)),
            ("additionalProperties", false),
        ])
    }

    private static func property(_ field: PortfolioKind.Field, nullable: Bool) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("description", .string(field.summary))]
        func types(_ name: String) -> JSONValue { nullable ? .array([.string(name), "null"]) : .string(name) }
        switch field.type {
        case .string: pairs.append(("type", types("string")))
        case .date:
            pairs.append(("type", types("string")))
            pairs.append(("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))
        case .integer: pairs.append(("type", types("integer")))
        case .number: pairs.append(("type", types("number")))
        case .boolean: pairs.append(("type", types("boolean")))
        case .stringList:
            pairs.append(("type", "array"))
            pairs.append(("items", .object([("type", "string")])))
        }
        return .object(pairs)
    }
}
