/// Checks a YAML tree against a schema: types, required fields, unknown and duplicate keys,
/// enum values and dates. It only reports; the model builders read values leniently afterwards.
struct SchemaChecker {
    let path: String
    private(set) var findings: [(String, Finding)] = []

    init(path: String) {
        self.path = path
    }

    mutating func checkRoot(_ node: YAMLNode, schema: ObjectSchema) {
        let path = self.path
        checkObject(node, schema: schema, label: .file(path))
    }

    private mutating func report(_ ruleID: String, _ position: TextPosition, _ message: String, suggestion: String? = nil) {
        findings.append((ruleID, Finding(at: SourceLocation(path: path, position: position), message, suggestion: suggestion)))
    }

    /// `label` names the object when it has no id of its own; it is built only then (a nested
    /// label is a heap box, and this runs for every object of every file).
    private mutating func checkObject(_ node: YAMLNode, schema: ObjectSchema, label: @autoclosure () -> EntityName) {
        guard let pairs = node.pairs else {
            report(RuleID.wrongType, node.position,
                   "\(label()) must be \(FieldType.object(schema).expectation), found \(node.kindName)")
            return
        }
        let entity = EntityName.of(node, schema: schema, fallback: label())
        // Plan mappings have a handful of keys: a linear scan beats hashing them.
        var seen: [(key: String, position: TextPosition)] = []
        seen.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let key = pair.key.scalarText else {
                report(RuleID.wrongType, pair.key.position, "keys in \(entity) must be plain names, found \(pair.key.kindName)")
                continue
            }
            if let first = seen.first(where: { $0.key == key }) {
                report(RuleID.duplicateKey, pair.key.position,
                       "'\(key)' appears twice in \(entity) (first at line \(first.position.line)); the second would silently win")
                continue
            }
            seen.append((key, pair.key.position))
            // By index: copying a FieldSpec out costs three reference counts per key.
            guard let fieldIndex = schema.fields.firstIndex(where: { $0.name == key }) else {
                if !ObjectSchema.isExtensionKey(key) {
                    let suggestion = Suggestion.closest(to: key, in: schema.fields.map(\.name))
                    report(RuleID.unknownKey, pair.key.position,
                           "unknown key '\(key)' in \(entity)\(suggestion == nil ? " (custom keys must start with 'x-')" : Suggestion.phrase(suggestion))",
                           suggestion: suggestion)
                }
                continue
            }
            if pair.value.isNull {
                if schema.fields[fieldIndex].isRequired {
                    report(RuleID.missingField, pair.value.position, "'\(key)' of \(entity) is required but has no value")
                }
                continue
            }
            check(pair.value, type: schema.fields[fieldIndex].type, field: key, entity: entity)
        }
        for index in schema.fields.indices where schema.fields[index].isRequired {
            let name = schema.fields[index].name
            if !seen.contains(where: { $0.key == name }) {
                report(RuleID.missingField, node.position,
                       "\(entity) has no '\(name)' (required: \(schema.fields[index].summary.lowercasedFirst))")
            }
        }
    }

    private mutating func check(_ node: YAMLNode, type: FieldType, field: String, entity: EntityName) {
        // Built only when something is reported: this runs for every field of every file.
        var subject: String { "'\(field)' of \(entity)" }
        switch type {
        case .object(let schema):
            checkObject(node, schema: schema, label: .field(field, of: entity))
        case .list(let element):
            guard let items = node.items else {
                report(RuleID.wrongType, node.position, "\(subject) must be \(type.expectation), found \(node.kindName)")
                return
            }
            for item in items {
                if case .object(let schema) = element {
                    checkObject(item, schema: schema, label: .entry(field, in: entity))
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
            checkScalar(text, node: node, type: type, subject: EntityName.field(field, of: entity))
        }
    }

    /// `subject` is built only for a finding.
    private mutating func checkScalar(_ text: String, node: YAMLNode, type: FieldType, subject: @autoclosure () -> EntityName) {
        switch type {
        case .text:
            break
        case .identifier:
            if !ScalarParsing.isIdentifier(text) {
                report(RuleID.invalidValue, node.position,
                       "\(subject()) is '\(text)'; ids may hold only letters, digits, '.', '_' and '-'")
            }
        case .reference:
            if !ScalarParsing.isReference(text) {
                report(RuleID.invalidValue, node.position,
                       "\(subject()) is '\(text)'; a reference is an id, or 'program-id/ID' for another program's")
            }
        case .date:
            if PlanDate(text) == nil {
                if PlanDate.looksLikeDate(text) {
                    report(RuleID.invalidDate, node.position, "\(subject()) is \(text), which is not a day on the calendar")
                } else {
                    report(RuleID.wrongType, node.position, "\(subject()) must be \(type.expectation), found '\(text)'")
                }
            }
        case .integer(let range):
            guard let value = Int(text) else {
                report(RuleID.wrongType, node.position, "\(subject()) must be \(type.expectation), found '\(text)'")
                return
            }
            if !range.contains(value) {
                report(RuleID.invalidValue, node.position, "\(subject()) must be \(type.expectation), found \(value)")
            }
        case .number(let domain):
            guard let value = ScalarParsing.number(text) else {
                report(RuleID.wrongType, node.position, "\(subject()) must be \(type.expectation), found '\(text)'")
                return
            }
            if !domain.contains(value) {
                report(RuleID.invalidValue, node.position, "\(subject()) must be \(type.expectation), found \(text)")
            }
        case .boolean:
            if ScalarParsing.boolean(text) == nil {
                report(RuleID.wrongType, node.position, "\(subject()) must be \(type.expectation), found '\(text)'")
            }
        case .oneOf(let words):
            if !words.contains(text) {
                // The schema's list of allowed words is the one source: statuses, kinds, severities alike.
                let suggestion = Suggestion.closest(to: text, in: words)
                report(RuleID.invalidValue, node.position,
                       "\(subject()) is '\(text)'; expected \(type.expectation)\(Suggestion.phrase(suggestion))", suggestion: suggestion)
            }
        case .oneOfOrExtension(let words):
            if !words.contains(text) && !(ObjectSchema.isExtensionKey(text) && text.count > 2) {
                let suggestion = Suggestion.closest(to: text, in: words)
                report(RuleID.invalidValue, node.position,
                       "\(subject()) is '\(text)'; expected \(type.expectation)\(Suggestion.phrase(suggestion))", suggestion: suggestion)
            }
        case .list, .object, .dictionary:
            break
        }
    }

}

/// Names what a finding is about ("milestone M2", "'budget' of program demo"), as text only
/// when a finding is actually reported.
enum EntityName: CustomStringConvertible {
    case file(String)
    case named(String, id: String)
    case personOf(String, person: String)
    // Only the nesting cases are boxes on the heap.
    indirect case field(String, of: EntityName)
    indirect case entry(String, in: EntityName)

    static func of(_ node: YAMLNode, schema: ObjectSchema, fallback: @autoclosure () -> EntityName) -> EntityName {
        if schema.fields.contains(where: { $0.name == "id" }), let id = node["id"]?.scalarText, !id.isEmpty {
            return .named(schema.name, id: id)
        }
        if schema.fields.contains(where: { $0.name == "person" }), let person = node["person"]?.scalarText {
            return .personOf(schema.name, person: person)
        }
        return fallback()
    }

    var description: String {
        switch self {
        case .file(let path): return path
        case .named(let kind, let id): return "\(kind) \(id)"
        case .personOf(let kind, let person): return "\(kind) of \(person)"
        case .field(let field, let entity): return "'\(field)' of \(entity)"
        case .entry(let field, let entity): return "an entry of '\(field)' in \(entity)"
        }
    }
}

extension String {
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
