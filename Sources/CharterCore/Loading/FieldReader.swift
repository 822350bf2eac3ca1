/// Lenient typed access to a mapping that the schema checker has already judged: a value of the
/// wrong type reads as absent here, because its finding has been reported once, there.
struct FieldReader: Sendable {
    let node: YAMLNode
    let path: String

    func location(of node: YAMLNode) -> SourceLocation { SourceLocation(path: path, position: node.position) }

    var location: SourceLocation { location(of: node) }

    private func scalar(_ key: String) -> YAMLNode? {
        guard let value = node[key], !value.isNull, value.scalarText != nil else { return nil }
        return value
    }

    func text(_ key: String) -> String? { scalar(key)?.scalarText }

    func located(_ key: String) -> Located<String>? {
        scalar(key).map { Located($0.scalarText!, at: location(of: $0)) }
    }

    func identifier(_ key: String) -> Located<String>? {
        located(key).flatMap { ScalarParsing.isIdentifier($0.value) ? $0 : nil }
    }

    func date(_ key: String) -> Located<PlanDate>? {
        guard let value = scalar(key), let date = PlanDate(value.scalarText!) else { return nil }
        return Located(date, at: location(of: value))
    }

    func integer(_ key: String) -> Int? { text(key).flatMap { Int($0) } }

    /// A number inside `domain`; one outside it reads as absent (the schema reported it), so no
    /// model ever holds money past 10^13 or an infinite KPI, whichever commit it came from.
    func number(_ key: String, in domain: NumberDomain) -> Located<Double>? {
        guard let value = scalar(key), let number = ScalarParsing.number(value.scalarText!),
              domain.contains(number) else { return nil }
        return Located(number, at: location(of: value))
    }

    func boolean(_ key: String) -> Bool? { text(key).flatMap(ScalarParsing.boolean) }

    func texts(_ key: String) -> [String] {
        (node[key]?.items ?? []).compactMapSized { $0.isNull ? nil : $0.scalarText }
    }

    func references(_ key: String) -> [Located<EntityReference>] {
        (node[key]?.items ?? []).compactMapSized { item in
            guard let text = item.scalarText, ScalarParsing.isReference(text) else { return nil }
            return Located(EntityReference(text), at: location(of: item))
        }
    }

    func object(_ key: String) -> FieldReader? {
        guard let value = node[key], value.pairs != nil else { return nil }
        return FieldReader(node: value, path: path)
    }

    func objects(_ key: String) -> [FieldReader] {
        (node[key]?.items ?? []).compactMapSized { $0.pairs == nil ? nil : FieldReader(node: $0, path: path) }
    }

    /// Key-value pairs of a free mapping, with where each value was written.
    func entries(_ key: String) -> [(key: String, value: Located<String>)] {
        (node[key]?.pairs ?? []).compactMapSized { pair in
            guard let name = pair.key.scalarText, let text = pair.value.scalarText else { return nil }
            return (name, Located(text, at: location(of: pair.value)))
        }
    }
}
