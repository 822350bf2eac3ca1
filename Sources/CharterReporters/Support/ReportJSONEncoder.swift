import Foundation

/// Writes an `Encodable` as JSON byte for byte as Foundation's `JSONEncoder` does with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (the reports' format, `encodeJSON`),
/// several times faster: on Linux that encoder is most of what `charter changes --format json`
/// costs on a long history (megabytes of records).
///
/// The same text, exactly: keys sorted by their UTF-8 bytes; `"key" : value`; two-space indent;
/// an empty array or object as `[`, a blank line, and `]` at the container's indent; strings with
/// `"`, `\`, and control characters escaped (`\n \r \t \b \f`, the rest `\u00xx`), everything
/// else (`/`, DEL, any non-ASCII) as it is; integers in decimal; doubles as their `description`
/// without a trailing `.0`.
/// What this does not reproduce (dates, data, URLs, decimals, floats, a non-finite double, a value
/// that encodes nothing, which
/// `JSONEncoder` formats or refuses in ways of its own) throws `Unsupported`, and the caller falls
/// back to `JSONEncoder` (`ReportJSON.encode`); `ReportJSONEncoderTests` compares the two.
struct ReportJSONEncoder {
    struct Unsupported: Error {}

    func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let tree = JSONTree()
        let root = tree.newNode()
        try value.encode(to: TreeWriter(tree: tree, node: root))
        var output: [UInt8] = []
        output.reserveCapacity(tree.text.count * 2 + 64)
        try tree.write(root, depth: 0, into: &output)
        return output
    }
}

/// Reports' JSON: the fast encoder, and `JSONEncoder` for what it does not cover.
enum ReportJSON {
    static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        if let bytes = try? ReportJSONEncoder().encode(value) { return bytes }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(value))
    }
}

/// The encoded values, flat: one set of arrays for every node, no object per value. Scalars are
/// their finished text in `text`; keys their raw UTF-8 in `text`; children a linked list.
private final class JSONTree {
    enum Kind: UInt8 {
        case empty, scalar, object, array
    }

    var text: [UInt8] = []
    var kinds: [Kind] = []
    /// A scalar's text, or an object member's key, in `text`.
    var textStart: [Int32] = []
    var textEnd: [Int32] = []
    var keyStart: [Int32] = []
    var keyEnd: [Int32] = []
    var firstChild: [Int32] = []
    var lastChild: [Int32] = []
    var nextSibling: [Int32] = []
    var childCount: [Int32] = []

    init() {
        text.reserveCapacity(1 << 16)
    }

    func newNode() -> Int32 {
        let node = Int32(kinds.count)
        kinds.append(.empty)
        textStart.append(0)
        textEnd.append(0)
        keyStart.append(0)
        keyEnd.append(0)
        firstChild.append(-1)
        lastChild.append(-1)
        nextSibling.append(-1)
        childCount.append(0)
        return node
    }

    func makeContainer(_ node: Int32, _ kind: Kind) {
        // Asking twice for the same container (a subclass and its superclass) adds to it.
        if kinds[Int(node)] != kind {
            kinds[Int(node)] = kind
            firstChild[Int(node)] = -1
            lastChild[Int(node)] = -1
            childCount[Int(node)] = 0
        }
    }

    func appendChild(to parent: Int32, key: String?) -> Int32 {
        let child = newNode()
        if let key {
            keyStart[Int(child)] = Int32(text.count)
            text.append(contentsOf: key.utf8)
            keyEnd[Int(child)] = Int32(text.count)
        }
        if lastChild[Int(parent)] >= 0 {
            nextSibling[Int(lastChild[Int(parent)])] = child
        } else {
            firstChild[Int(parent)] = child
        }
        lastChild[Int(parent)] = child
        childCount[Int(parent)] += 1
        return child
    }

    func setScalar(_ node: Int32, _ write: (inout [UInt8]) -> Void) {
        kinds[Int(node)] = .scalar
        textStart[Int(node)] = Int32(text.count)
        write(&text)
        textEnd[Int(node)] = Int32(text.count)
    }

    func setString(_ node: Int32, _ string: String) {
        setScalar(node) { PrettyJSONWriter.appendQuoted(string, to: &$0) }
    }

    func setInteger<Integer: BinaryInteger>(_ node: Int32, _ value: Integer) {
        setScalar(node) { $0.append(contentsOf: String(value).utf8) }
    }

    func setDouble(_ node: Int32, _ value: Double) throws {
        guard value.isFinite else { throw ReportJSONEncoder.Unsupported() }
        setScalar(node) { PrettyJSONWriter.appendDouble(value, to: &$0) }
    }

    func write(_ node: Int32, depth: Int, into output: inout [UInt8]) throws {
        let index = Int(node)
        switch kinds[index] {
        case .scalar:
            output.append(contentsOf: text[Int(textStart[index])..<Int(textEnd[index])])
        case .empty:
            // A value that encoded nothing: JSONEncoder's own rules for it are not worth copying.
            throw ReportJSONEncoder.Unsupported()
        case .array:
            guard childCount[index] > 0 else {
                return Self.writeEmpty(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), depth: depth, into: &output)
            }
            output.append(UInt8(ascii: "["))
            var child = firstChild[index]
            var first = true
            while child >= 0 {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                output.append(10)
                Self.indent(depth + 1, into: &output)
                try write(child, depth: depth + 1, into: &output)
                child = nextSibling[Int(child)]
            }
            output.append(10)
            Self.indent(depth, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object:
            guard childCount[index] > 0 else {
                return Self.writeEmpty(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), depth: depth, into: &output)
            }
            var members: [Int32] = []
            members.reserveCapacity(Int(childCount[index]))
            var child = firstChild[index]
            while child >= 0 {
                members.append(child)
                child = nextSibling[Int(child)]
            }
            text.withUnsafeBufferPointer { bytes in
                members.sort { a, b in
                    let left = bytes[Int(keyStart[Int(a)])..<Int(keyEnd[Int(a)])]
                    let right = bytes[Int(keyStart[Int(b)])..<Int(keyEnd[Int(b)])]
                    return left.lexicographicallyPrecedes(right)
                }
            }
            output.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                output.append(10)
                Self.indent(depth + 1, into: &output)
                let key = String(decoding: text[Int(keyStart[Int(member)])..<Int(keyEnd[Int(member)])], as: UTF8.self)
                PrettyJSONWriter.appendQuoted(key, to: &output)
                output.append(contentsOf: [32, UInt8(ascii: ":"), 32])
                try write(member, depth: depth + 1, into: &output)
            }
            output.append(10)
            Self.indent(depth, into: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeEmpty(open: UInt8, close: UInt8, depth: Int, into output: inout [UInt8]) {
        output.append(open)
        output.append(10)
        output.append(10)
        indent(depth, into: &output)
        output.append(close)
    }

    private static func indent(_ depth: Int, into output: inout [UInt8]) {
        for _ in 0..<(depth * 2) { output.append(32) }
    }
}

private struct TreeWriter: Encoder {
    let tree: JSONTree
    let node: Int32
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        tree.makeContainer(node, .object)
        return KeyedEncodingContainer(KeyedWriter<Key>(tree: tree, node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        tree.makeContainer(node, .array)
        return UnkeyedWriter(tree: tree, node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueWriter(tree: tree, node: node)
    }
}

/// What a value becomes in a node: the scalars `JSONEncoder` writes plainly, else its own
/// `encode(to:)`; the types `JSONEncoder` treats specially are refused.
private func encodeValue<Value: Encodable>(_ value: Value, tree: JSONTree, node: Int32) throws {
    // Metatype comparisons, not `as` casts: a failed dynamic cast costs more than the write.
    let type = Value.self
    if type == String.self { return tree.setString(node, unsafeBitCast(value, to: String.self)) }
    if type == Int.self { return tree.setInteger(node, unsafeBitCast(value, to: Int.self)) }
    if type == Bool.self {
        let flag = unsafeBitCast(value, to: Bool.self)
        return tree.setScalar(node) { $0.append(contentsOf: (flag ? "true" : "false").utf8) }
    }
    if type == Double.self { return try tree.setDouble(node, unsafeBitCast(value, to: Double.self)) }
    if type is any BinaryInteger.Type {
        switch value {
        case let number as Int64: return tree.setInteger(node, number)
        case let number as Int32: return tree.setInteger(node, number)
        case let number as Int16: return tree.setInteger(node, number)
        case let number as Int8: return tree.setInteger(node, number)
        case let number as UInt: return tree.setInteger(node, number)
        case let number as UInt64: return tree.setInteger(node, number)
        case let number as UInt32: return tree.setInteger(node, number)
        case let number as UInt16: return tree.setInteger(node, number)
        case let number as UInt8: return tree.setInteger(node, number)
        default: throw ReportJSONEncoder.Unsupported()
        }
    }
    if type == Float.self || type == Date.self || type == Data.self || type == URL.self || type == Decimal.self {
        throw ReportJSONEncoder.Unsupported()
    }
    try value.encode(to: TreeWriter(tree: tree, node: node))
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let tree: JSONTree
    let node: Int32
    var codingPath: [any CodingKey] { [] }

    private func child(_ key: Key) -> Int32 { tree.appendChild(to: node, key: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws {
        tree.setScalar(child(key)) { $0.append(contentsOf: "null".utf8) }
    }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        try encodeValue(value, tree: tree, node: child(key))
    }

    mutating func encode(_ value: String, forKey key: Key) throws { tree.setString(child(key), value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { tree.setInteger(child(key), value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try tree.setDouble(child(key), value) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try encodeValue(value, tree: tree, node: child(key)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw ReportJSONEncoder.Unsupported() }
    mutating func encode(_ value: Int8, forKey key: Key) throws { tree.setInteger(child(key), value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { tree.setInteger(child(key), value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { tree.setInteger(child(key), value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { tree.setInteger(child(key), value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { tree.setInteger(child(key), value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { tree.setInteger(child(key), value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { tree.setInteger(child(key), value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { tree.setInteger(child(key), value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { tree.setInteger(child(key), value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeWriter(tree: tree, node: child(key)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeWriter(tree: tree, node: child(key)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        TreeWriter(tree: tree, node: tree.appendChild(to: node, key: "super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeWriter(tree: tree, node: child(key))
    }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let tree: JSONTree
    let node: Int32
    var codingPath: [any CodingKey] { [] }
    var count: Int { Int(tree.childCount[Int(node)]) }

    private func child() -> Int32 { tree.appendChild(to: node, key: nil) }

    mutating func encodeNil() throws {
        tree.setScalar(child()) { $0.append(contentsOf: "null".utf8) }
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        try encodeValue(value, tree: tree, node: child())
    }

    mutating func encode(_ value: String) throws { tree.setString(child(), value) }
    mutating func encode(_ value: Int) throws { tree.setInteger(child(), value) }
    mutating func encode(_ value: Double) throws { try tree.setDouble(child(), value) }
    mutating func encode(_ value: Float) throws { throw ReportJSONEncoder.Unsupported() }
    mutating func encode(_ value: Bool) throws { try encodeValue(value, tree: tree, node: child()) }
    mutating func encode(_ value: Int8) throws { tree.setInteger(child(), value) }
    mutating func encode(_ value: Int16) throws { tree.setInteger(child(), value) }
    mutating func encode(_ value: Int32) throws { tree.setInteger(child(), value) }
    mutating func encode(_ value: Int64) throws { tree.setInteger(child(), value) }
    mutating func encode(_ value: UInt) throws { tree.setInteger(child(), value) }
    mutating func encode(_ value: UInt8) throws { tree.setInteger(child(), value) }
    mutating func encode(_ value: UInt16) throws { tree.setInteger(child(), value) }
    mutating func encode(_ value: UInt32) throws { tree.setInteger(child(), value) }
    mutating func encode(_ value: UInt64) throws { tree.setInteger(child(), value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeWriter(tree: tree, node: child()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TreeWriter(tree: tree, node: child()).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        TreeWriter(tree: tree, node: child())
    }
}

private struct SingleValueWriter: SingleValueEncodingContainer {
    let tree: JSONTree
    let node: Int32
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {
        tree.setScalar(node) { $0.append(contentsOf: "null".utf8) }
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        try encodeValue(value, tree: tree, node: node)
    }

    mutating func encode(_ value: String) throws { tree.setString(node, value) }
    mutating func encode(_ value: Int) throws { tree.setInteger(node, value) }
    mutating func encode(_ value: Double) throws { try tree.setDouble(node, value) }
    mutating func encode(_ value: Float) throws { throw ReportJSONEncoder.Unsupported() }
    mutating func encode(_ value: Bool) throws { try encodeValue(value, tree: tree, node: node) }
    mutating func encode(_ value: Int8) throws { tree.setInteger(node, value) }
    mutating func encode(_ value: Int16) throws { tree.setInteger(node, value) }
    mutating func encode(_ value: Int32) throws { tree.setInteger(node, value) }
    mutating func encode(_ value: Int64) throws { tree.setInteger(node, value) }
    mutating func encode(_ value: UInt) throws { tree.setInteger(node, value) }
    mutating func encode(_ value: UInt8) throws { tree.setInteger(node, value) }
    mutating func encode(_ value: UInt16) throws { tree.setInteger(node, value) }
    mutating func encode(_ value: UInt32) throws { tree.setInteger(node, value) }
    mutating func encode(_ value: UInt64) throws { tree.setInteger(node, value) }
}
