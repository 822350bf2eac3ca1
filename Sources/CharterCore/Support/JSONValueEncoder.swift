/// Encodes an `Encodable` value into a `JSONValue` tree with its keys sorted (as JSON reports
/// print them), so a Codable document can be written as YAML without a round trip through
/// JSON text. Integers and doubles become numbers, nil becomes null, absent keys stay absent.
public struct JSONValueEncoder {
    public init() {}

    public func encode<Value: Encodable>(_ value: Value) throws -> JSONValue {
        let root = Slot()
        try value.encode(to: TreeEncoder(slot: root, codingPath: []))
        return root.value
    }
}

/// Where one encoded value goes; filled in by exactly one container.
private final class Slot {
    enum Content {
        case empty
        case scalar(JSONValue)
        case keyed([String: Slot])
        case unkeyed([Slot])
    }

    var content = Content.empty

    var value: JSONValue {
        switch content {
        case .empty: return .object([])
        case .scalar(let value): return value
        case .keyed(let slots): return .object(slots.keys.sorted().map { ($0, slots[$0]!.value) })
        case .unkeyed(let slots): return .array(slots.map(\.value))
        }
    }

    func child(forKey key: String) -> Slot {
        var slots: [String: Slot] = [:]
        if case .keyed(let existing) = content { slots = existing }
        let slot = Slot()
        slots[key] = slot
        content = .keyed(slots)
        return slot
    }

    func appendChild() -> Slot {
        var slots: [Slot] = []
        if case .unkeyed(let existing) = content { slots = existing }
        let slot = Slot()
        slots.append(slot)
        content = .unkeyed(slots)
        return slot
    }
}

private struct TreeEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = slot.content {} else { slot.content = .keyed([:]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .unkeyed = slot.content {} else { slot.content = .unkeyed([]) }
        return UnkeyedContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(slot: slot, codingPath: codingPath)
    }
}

/// A scalar passed on to the generic `encode`, which knows what it becomes.
private struct Box<Value: Encodable>: Encodable {
    let value: Value
    init(_ value: Value) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

private protocol BoxedScalar {
    func encodeUnboxed(into slot: Slot, codingPath: [any CodingKey]) throws
}

extension Box: BoxedScalar {
    func encodeUnboxed(into slot: Slot, codingPath: [any CodingKey]) throws {
        try scalar(value, into: slot, codingPath: codingPath)
    }
}

/// Scalars every container shares: what a value becomes in the tree.
private func scalar<Value: Encodable>(_ value: Value, into slot: Slot, codingPath: [any CodingKey]) throws {
    switch value {
    case let text as String: slot.content = .scalar(.string(text))
    case let flag as Bool: slot.content = .scalar(.bool(flag))
    case let number as Double: slot.content = .scalar(.number(number))
    case let number as Float: slot.content = .scalar(.number(Double(number)))
    case let number as Int: slot.content = .scalar(.number(Double(number)))
    case let number as Int64: slot.content = .scalar(.number(Double(number)))
    case let number as Int32: slot.content = .scalar(.number(Double(number)))
    case let number as UInt64: slot.content = .scalar(.number(Double(number)))
    case let number as UInt32: slot.content = .scalar(.number(Double(number)))
    case let number as UInt: slot.content = .scalar(.number(Double(number)))
    case let number as Int8: slot.content = .scalar(.number(Double(number)))
    case let number as Int16: slot.content = .scalar(.number(Double(number)))
    case let number as UInt8: slot.content = .scalar(.number(Double(number)))
    case let number as UInt16: slot.content = .scalar(.number(Double(number)))
    case let box as any BoxedScalar: try box.encodeUnboxed(into: slot, codingPath: codingPath)
    default: try value.encode(to: TreeEncoder(slot: slot, codingPath: codingPath))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        slot.child(forKey: key.stringValue).content = .scalar(.null)
    }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        try scalar(value, into: slot.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws { try encode(Box(value), forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try encode(Box(value), forKey: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try encode(Box(value), forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encode(Box(value), forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try encode(Box(value), forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encode(Box(value), forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encode(Box(value), forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encode(Box(value), forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encode(Box(value), forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encode(Box(value), forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encode(Box(value), forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encode(Box(value), forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encode(Box(value), forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encode(Box(value), forKey: key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(slot: slot.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer, ForwardsScalars {
    let slot: Slot
    let codingPath: [any CodingKey]

    var count: Int {
        if case .unkeyed(let slots) = slot.content { return slots.count }
        return 0
    }

    mutating func encodeNil() throws {
        slot.appendChild().content = .scalar(.null)
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        try scalar(value, into: slot.appendChild(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(slot: slot.appendChild(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TreeEncoder(slot: slot.appendChild(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(slot: slot.appendChild(), codingPath: codingPath)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer, ForwardsScalars {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        slot.content = .scalar(.null)
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        try scalar(value, into: slot, codingPath: codingPath)
    }
}

/// The unkeyed and single-value containers take scalars one way: through the generic `encode`.
private protocol ForwardsScalars {
    mutating func encode<Value: Encodable>(_ value: Value) throws
}

extension ForwardsScalars {
    mutating func encode(_ value: Bool) throws { try encode(Box(value)) }
    mutating func encode(_ value: String) throws { try encode(Box(value)) }
    mutating func encode(_ value: Double) throws { try encode(Box(value)) }
    mutating func encode(_ value: Float) throws { try encode(Box(value)) }
    mutating func encode(_ value: Int) throws { try encode(Box(value)) }
    mutating func encode(_ value: Int8) throws { try encode(Box(value)) }
    mutating func encode(_ value: Int16) throws { try encode(Box(value)) }
    mutating func encode(_ value: Int32) throws { try encode(Box(value)) }
    mutating func encode(_ value: Int64) throws { try encode(Box(value)) }
    mutating func encode(_ value: UInt) throws { try encode(Box(value)) }
    mutating func encode(_ value: UInt8) throws { try encode(Box(value)) }
    mutating func encode(_ value: UInt16) throws { try encode(Box(value)) }
    mutating func encode(_ value: UInt32) throws { try encode(Box(value)) }
    mutating func encode(_ value: UInt64) throws { try encode(Box(value)) }
}
