/// Checks a YAML tree against a schema: types, required fields, unknown and duplicate keys,
/// enum values and dates. It only reports; the model builders read values leniently afterwards.
struct SchemaChecker {
    let path: String
    private(set) var findings: [(ruleID: String, finding: Finding)] = []

    init(path: String) {
        self.path = path
    }

    mutating func checkRoot(_ node: YAMLNode, schema: ObjectSchema) {
        checkObject(node, schema: schema, label: path)
    }

    private mutating func report(_ ruleID: String, _ position: TextPosition, _ message: String) {
        findings.append((ruleID, Finding(at: SourceLocation(path: path, position: position), message)))
    }

    private mutating func checkObject(_ node: YAMLNode, schema: ObjectSchema, label: String) {
        guard let pairs = node.pairs else {
            report(RuleID.wrongType, node.position,
                   "\(label) must be \(FieldType.object(schema).expectation), found \(node.kindName)")
            return
        }
        let entity = Self.entityLabel(node, schema: schema, fallback: label)
        var seen: [String: TextPosition] = [:]
        for pair in pairs {
            guard let key = pair.key.scalarText else {
                report(RuleID.wrongType, pair.key.position, "keys in \(entity) must be plain names, found \(pair.key.kindName)")
                continue
            }
            if let first = seen[key] {
                report(RuleID.duplicateKey, pair.key.position,
                       "'\(key)' appears twice in \(entity) (first at line \(first.line)); the second would silently win")
                continue
            }
            seen[key] = pair.key.position
            guard let field = schema.field(named: key) else {
                if !ObjectSchema.isExtensionKey(key) {
                    let hint = Suggestion.didYouMean(key, in: schema.fields.map(\.name))
                    report(RuleID.unknownKey, pair.key.position,
                           "unknown key '\(key)' in \(entity)\(hint.isEmpty ? " (custom keys must start with 'x-')" : hint)")
                }
                continue
            }
            if pair.value.isNull {
                if field.isRequired {
                    report(RuleID.missingField, pair.value.position, "'\(key)' of \(entity) is required but has no value")
                }
                continue
            }
            check(pair.value, type: field.type, field: key, entity: entity)
        }
        for field in schema.fields where field.isRequired && seen[field.name] == nil {
            report(RuleID.missingField, node.position, "\(entity) has no '\(field.name)' (required: \(field.summary.lowercasedFirst))")
        }
    }

    private mutating func check(_ node: YAMLNode, type: FieldType, field: String, entity: String) {
        let subject = "'\(field)' of \(entity)"
        switch type {
        case .object(let schema):
            checkObject(node, schema: schema, label: subject)
        case .list(let element):
            guard let items = node.items else {
                report(RuleID.wrongType, node.position, "\(subject) must be \(type.expectation), found \(node.kindName)")
                return
            }
            for item in items {
                if case .object(let schema) = element {
                    checkObject(item, schema: schema, label: "an entry of '\(field)' in \(entity)")
                } else {
                    check(item, type: element, field: field, entity: entity)
                }
            }
        case .dictionary(let valueType):
            guard let pairs = node.pairs else {
                report(RuleID.wrongType, node.position, "\(subject) must be \(type.expectation), found \(node.kindName)")
                return
            }
            for pair in pairs {
                check(pair.value, type: valueType, field: pair.key.scalarText ?? field, entity: entity)
            }
        default:
            guard let text = node.scalarText else {
                report(RuleID.wrongType, node.position, "\(subject) must be \(type.expectation), found \(node.kindName)")
                return
            }
            checkScalar(text, node: node, type: type, subject: subject)
        }
    }

    private mutating func checkScalar(_ text: String, node: YAMLNode, type: FieldType, subject: String) {
        switch type {
        case .text:
            break
        case .identifier:
            if !ScalarParsing.isIdentifier(text) {
                report(RuleID.invalidValue, node.position,
                       "\(subject) is '\(text)'; ids may hold only letters, digits, '.', '_' and '-'")
            }
        case .reference:
            if !ScalarParsing.isReference(text) {
                report(RuleID.invalidValue, node.position,
                       "\(subject) is '\(text)'; a reference is an id, or 'program-id/ID' for another program's")
            }
        case .date:
            if PlanDate(text) == nil {
                if PlanDate.looksLikeDate(text) {
                    report(RuleID.invalidDate, node.position, "\(subject) is \(text), which is not a day on the calendar")
                } else {
                    report(RuleID.wrongType, node.position, "\(subject) must be \(type.expectation), found '\(text)'")
                }
            }
        case .integer(let range):
            guard let value = Int(text) else {
                report(RuleID.wrongType, node.position, "\(subject) must be \(type.expectation), found '\(text)'")
                return
            }
            if !range.contains(value) {
                report(RuleID.invalidValue, node.position, "\(subject) must be \(type.expectation), found \(value)")
            }
        case .number(let maximum):
            guard let value = ScalarParsing.number(text) else {
                report(RuleID.wrongType, node.position, "\(subject) must be \(type.expectation), found '\(text)'")
                return
            }
            if value < 0 || maximum.map({ value > $0 }) == true {
                report(RuleID.invalidValue, node.position, "\(subject) must be \(type.expectation), found \(text)")
            }
        case .boolean:
            if ScalarParsing.boolean(text) == nil {
                report(RuleID.wrongType, node.position, "\(subject) must be \(type.expectation), found '\(text)'")
            }
        case .oneOf(let words):
            if !words.contains(text) {
                report(RuleID.invalidValue, node.position,
                       "\(subject) is '\(text)'; expected \(type.expectation)\(Suggestion.didYouMean(text, in: words))")
            }
        case .list, .object, .dictionary:
            break
        }
    }

    /// "milestone M2" when the mapping has an id, else the fallback ("programs/x/milestones.yaml").
    static func entityLabel(_ node: YAMLNode, schema: ObjectSchema, fallback: String) -> String {
        if schema.field(named: "id") != nil, let id = node["id"]?.scalarText, !id.isEmpty {
            return "\(schema.name) \(id)"
        }
        if let person = node["person"]?.scalarText, schema.field(named: "person") != nil {
            return "\(schema.name) of \(person)"
        }
        return fallback
    }
}

extension String {
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
