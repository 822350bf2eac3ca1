/// What kind of entity a reference field points at.
public enum ReferenceKind: String, Sendable, Hashable {
    case person
    case workstream
    case milestone
    case risk
    case decision
    /// A lesson's `refs` entry: a `CR-…` id, or a milestone, risk or decision id.
    case lessonSubject = "change request, milestone, risk or decision"
}

/// The type of a field in a plan file. Scalars are typed from their text by this schema,
/// never by YAML 1.1's guesses: `name: no` is the text "no" and `id: 0012` stays "0012".
public indirect enum FieldType: Sendable {
    /// Any text.
    case text
    /// An id: letters, digits, `.`, `_`, `-`; unique in its program.
    case identifier
    /// An id of another entity; `program/ID` reaches into another program where that makes sense.
    case reference(ReferenceKind)
    /// An ISO date, `YYYY-MM-DD`, that exists on the calendar.
    case date
    case integer(ClosedRange<Int>)
    /// A finite decimal number inside its domain: money, a percentage, a KPI value.
    case number(NumberDomain)
    case boolean
    /// One of a fixed set of words.
    case oneOf([String])
    /// One of a fixed set of words, or the team's own word starting with `x-`.
    case oneOfOrExtension([String])
    case list(FieldType)
    case object(ObjectSchema)
    /// A mapping with free keys, all of one value type (e.g. per-rule severities).
    case dictionary(FieldType)

    /// The phrase used in "expected …" messages and in the docs.
    public var expectation: String {
        switch self {
        case .text: return "a text value"
        case .identifier: return "an id"
        case .reference(let kind): return "a \(kind.rawValue) id"
        case .date: return "a date (YYYY-MM-DD)"
        case .integer(let range):
            if range.lowerBound == range.upperBound { return "the number \(range.lowerBound)" }
            return "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .number(let domain): return "a number \(domain.rangeText) (\(domain.name))"
        case .boolean: return "true or false"
        case .oneOf(let words): return "one of " + words.joined(separator: ", ")
        case .oneOfOrExtension(let words): return "one of " + words.joined(separator: ", ") + ", or an x- word of your own"
        case .list(let element): return "a list of \(element.pluralName)"
        case .object(let schema): return "a mapping (\(schema.name))"
        case .dictionary(let value): return "a mapping of names to \(value.pluralName)"
        }
    }

    var pluralName: String {
        switch self {
        case .text: return "text values"
        case .identifier: return "ids"
        case .reference(let kind): return "\(kind.rawValue) ids"
        case .date: return "dates"
        case .integer: return "whole numbers"
        case .number: return "numbers"
        case .boolean: return "true/false values"
        case .oneOf(let words): return "values (" + words.joined(separator: " | ") + ")"
        case .oneOfOrExtension(let words): return "values (" + words.joined(separator: " | ") + " | x-…)"
        case .list(let element): return "lists of \(element.pluralName)"
        case .object(let schema): return "\(schema.name)s"
        case .dictionary: return "mappings"
        }
    }

}

/// One key of a mapping in a plan file.
public struct FieldSpec: Sendable {
    public var name: String
    public var type: FieldType
    public var isRequired: Bool
    /// One line for the docs and the JSON Schema's `description`.
    public var summary: String

    public init(_ name: String, _ type: FieldType, required: Bool = false, _ summary: String) {
        self.name = name
        self.type = type
        self.isRequired = required
        self.summary = summary
    }
}

/// The keys a mapping may have. Keys starting with `x-` are left to the user (extensions).
public struct ObjectSchema: Sendable {
    public var name: String
    public var summary: String
    public var fields: [FieldSpec] {
        didSet { keyTags = Self.keyTags(of: fields) }
    }
    /// Each field's name as its length and first byte (`keyTag(_:)`), by field index: a key is
    /// compared as text only with the fields whose tag it has, usually one.
    private var keyTags: [UInt32]

    public init(name: String, summary: String, fields: [FieldSpec]) {
        self.name = name
        self.summary = summary
        self.fields = fields
        self.keyTags = Self.keyTags(of: fields)
    }

    public func field(named name: String) -> FieldSpec? {
        index(ofKey: name).map { fields[$0] }
    }

    /// The index in `fields` of the field named `key` (the first, should two share it).
    /// Asked for every key of every plan file.
    public func index(ofKey key: String) -> Int? {
        let tag = Self.keyTag(key)
        for index in keyTags.indices where keyTags[index] == tag && fields[index].name == key { return index }
        return nil
    }

    private static func keyTags(of fields: [FieldSpec]) -> [UInt32] { fields.map { keyTag($0.name) } }

    private static func keyTag(_ key: String) -> UInt32 {
        UInt32(truncatingIfNeeded: key.utf8.count) << 8 | UInt32(key.utf8.first ?? 0)
    }

    public static func isExtensionKey(_ key: String) -> Bool { key.hasPrefix("x-") }
}
