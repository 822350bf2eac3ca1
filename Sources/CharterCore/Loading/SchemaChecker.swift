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
        guard case .mapping(let pairs) = node.content else {
            report(RuleID.wrongType, node.position,
                   "\(label()) must be \(FieldType.object(schema).expectation), found \(node.kindName)")
            return
        }
        let entity = EntityName.of(node, schema: schema, fallback: label())
        // The schema's fields met so far, as bits by field index; other keys (extensions,
        // unknown ones) are few and kept as a list.
        var seenFields: UInt64 = 0
        var seenOthers: [(key: String, position: TextPosition)] = []
        for pair in pairs {
            guard case .scalar(let key, _) = pair.key.content else {
                report(RuleID.wrongType, pair.key.position, "keys in \(entity) must be plain names, found \(pair.key.kindName)")
                continue
            }
            let fieldIndex = schema.index(ofKey: key)
            if let fieldIndex, fieldIndex < UInt64.bitWidth {
                let bit: UInt64 = 1 << fieldIndex
                if seenFields & bit != 0 {
                    reportDuplicate(key, at: pair.key.position, firstAt: Self.firstPosition(of: key, in: pairs), in: entity)
                    continue
                }
                seenFields |= bit
            } else {
                if let first = seenOthers.first(where: { $0.key == key }) {
                    reportDuplicate(key, at: pair.key.position, firstAt: first.position, in: entity)
                    continue
                }
                seenOthers.append((key, pair.key.position))
            }
            guard let fieldIndex else {
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
            let seen = index < UInt64.bitWidth ? seenFields & (1 << index) != 0 : seenOthers.contains { $0.key == name }
            if !seen {
                report(RuleID.missingField, node.position,
                       "\(entity) has no '\(name)' (required: \(schema.fields[index].summary.lowercasedFirst))")
            }
        }
    }

    private mutating func reportDuplicate(_ key: String, at position: TextPosition, firstAt first: TextPosition, in entity: EntityName) {
        report(RuleID.duplicateKey, position,
               "'\(key)' appears twice in \(entity) (first at line \(first.line)); the second would silently win")
    }

    /// Where `key` is first written among `pairs` (it is there: a duplicate was found).
    private static func firstPosition(of key: String, in pairs: [YAMLNode.Pair]) -> TextPosition {
        pairs.first { $0.key.scalarText == key }!.key.position
    }

    private mutating func check(_ node: YAMLNode, type: FieldType, field: String, entity: EntityName) {
        // Built only when something is reported: this runs for every field of every file.
        var subject: String { "'\(field)' of \(entity)" }
        switch type {
        case .object(let schema):
            checkObject(node, schema: schema, label: .field(field, of: entity))
        case .list(let element):
            guard case .sequence(let items) = node.content else {
                report(RuleID.wrongType, node.position, "\(subject) must be \(type.expectation), found \(node.kindName)")
                return
            }
            if case .object(let schema) = element {
                for item in items { checkObject(item, schema: schema, label: .entry(field, in: entity)) }
            } else {
                for item in items { check(item, type: element, field: field, entity: entity) }
            }
        case .dictionary(let valueType):
            guard case .mapping(let pairs) = node.content else {
                report(RuleID.wrongType, node.position, "\(subject) must be \(type.expectation), found \(node.kindName)")
                return
            }
            for pair in pairs {
                check(pair.value, type: valueType, field: pair.key.scalarText ?? field, entity: entity)
            }
        default:
            guard case .scalar(let text, _) = node.content else {
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
        if schema.index(ofKey: "id") != nil, let id = node["id"]?.scalarText, !id.isEmpty {
            return .named(schema.name, id: id)
        }
        if schema.index(ofKey: "person") != nil, let person = node["person"]?.scalarText {
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
