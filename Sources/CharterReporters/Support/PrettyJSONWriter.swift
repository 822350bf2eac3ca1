/// Writes JSON text straight into bytes, value by value, in the reports' format: the bytes
/// `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (as
/// `ReportJSONEncoder` does for any `Encodable`), without building a tree of the values first.
/// For a document of megabytes (`charter changes --format json` on a long history) the tree and
/// the `Encodable` containers cost more than the text.
///
/// The caller writes each object's keys in sorted order (by their UTF-8 bytes, as `JSONEncoder`
/// sorts them); a debug build checks it. `ChangeLogJSONWriterTests` compares whole documents
/// with `JSONEncoder`'s.
struct PrettyJSONWriter {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the container being written has no member yet.
    private var isFirst = true
    #if DEBUG
    /// The last key written in each open object (checks the sorted order).
    private var lastKeys: [[UInt8]] = []
    #endif

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: Containers

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        open()
        #if DEBUG
        lastKeys.append([])
        #endif
    }

    mutating func endObject() {
        close(UInt8(ascii: "}"))
        #if DEBUG
        lastKeys.removeLast()
        #endif
    }

    mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        open()
    }

    mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// Starts an object member: its key; its value is written next. `key` is plain ASCII (no
    /// character that needs escaping).
    mutating func key(_ key: StaticString) {
        newMember()
        #if DEBUG
        checkOrder(Array(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)))
        #endif
        bytes.append(UInt8(ascii: "\""))
        append(key)
        append("\" : ")
    }

    /// Starts an object member whose key is data (a dictionary's key): escaped as a string.
    mutating func key(text key: String) {
        newMember()
        #if DEBUG
        checkOrder(Array(key.utf8))
        #endif
        Self.appendQuoted(key, to: &bytes)
        append(" : ")
    }

    #if DEBUG
    /// Keys must come as `JSONEncoder` sorts them, by their bytes.
    private mutating func checkOrder(_ key: [UInt8]) {
        let last = lastKeys[lastKeys.count - 1]
        assert(last.isEmpty || last.lexicographicallyPrecedes(key),
               "JSON keys out of order: \(String(decoding: key, as: UTF8.self)) after \(String(decoding: last, as: UTF8.self))")
        lastKeys[lastKeys.count - 1] = key
    }
    #endif

    /// A member with its value: a key and a string.
    mutating func member(_ key: StaticString, _ value: String) {
        self.key(key)
        string(value)
    }

    /// A member with its value: a key and an integer.
    mutating func member(_ key: StaticString, _ value: Int) {
        self.key(key)
        integer(value)
    }

    /// A member with its value: a key and a Boolean.
    mutating func member(_ key: StaticString, _ value: Bool) {
        self.key(key)
        bool(value)
    }

    /// A member whose value may be `null` (`JSONEncoder` writes a `nil` it is told to as `null`).
    mutating func member(_ key: StaticString, _ value: String?) {
        self.key(key)
        string(value)
    }

    /// A member whose value may be `null`.
    mutating func member(_ key: StaticString, _ value: Int?) {
        self.key(key)
        integer(value)
    }

    /// A member written only when the value is set, as `JSONEncoder` leaves out a `nil` optional.
    mutating func member(_ key: StaticString, ifPresent value: String?) {
        if let value { member(key, value) }
    }

    /// A member written only when the value is set, as `JSONEncoder` leaves out a `nil` optional.
    mutating func member(_ key: StaticString, ifPresent value: Int?) {
        if let value { member(key, value) }
    }

    /// A member written only when the value is set, as `JSONEncoder` leaves out a `nil` optional.
    mutating func member(_ key: StaticString, ifPresent value: Bool?) {
        if let value { member(key, value) }
    }

    /// Starts an array element; its value is written next.
    mutating func element() {
        newMember()
    }

    // MARK: Scalars

    mutating func string(_ value: String) {
        Self.appendQuoted(value, to: &bytes)
    }

    /// The string, or `null`.
    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func integer(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// The integer, or `null`.
    mutating func integer(_ value: Int?) {
        if let value { integer(value) } else { null() }
    }

    /// As `JSONEncoder` writes a finite `Double` (its `description`, without a trailing `.0`).
    mutating func double(_ value: Double) {
        precondition(value.isFinite, "JSON has no NaN or infinity")
        Self.appendDouble(value, to: &bytes)
    }

    mutating func bool(_ value: Bool) {
        append(value ? "true" : "false")
    }

    mutating func null() {
        append("null")
    }

    /// An array of strings.
    mutating func strings(_ values: [String]) {
        beginArray()
        for value in values {
            element()
            string(value)
        }
        endArray()
    }

    /// Text that is already JSON at depth 0 (a pretty-printed value from `ReportJSONEncoder`),
    /// indented to where it goes.
    mutating func rawValue(_ json: [UInt8]) {
        var lineStart = false
        for byte in json {
            if lineStart && byte != 10 { indent(depth) }
            bytes.append(byte)
            lineStart = byte == 10
        }
    }

    // MARK: Layout

    private mutating func open() {
        depth += 1
        isFirst = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        // An empty container is `[`, a blank line, and `]` at its indent, as `JSONEncoder` writes it.
        bytes.append(10)
        if isFirst { bytes.append(10) }
        indent(depth)
        bytes.append(bracket)
        // The container itself is a member of the one around it.
        isFirst = false
    }

    private mutating func newMember() {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        isFirst = false
        bytes.append(10)
        indent(depth)
    }

    private mutating func indent(_ depth: Int) {
        let count = depth * 2
        if count <= Self.spaces.utf8CodeUnitCount {
            bytes.append(contentsOf: UnsafeBufferPointer(start: Self.spaces.utf8Start, count: count))
        } else {
            bytes.append(contentsOf: repeatElement(32, count: count))
        }
    }

    /// Constant text (static strings: no array to retain on every use).
    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static let spaces: StaticString = "                                                                "
    private static let hexDigits: StaticString = "0123456789abcdef"

    // MARK: JSONEncoder's scalar text

    /// A JSON string as `JSONEncoder` writes it with `.withoutEscapingSlashes`: `"` and `\`
    /// escaped, control characters as `\n \r \t \b \f` or `\u00xx`, everything else (`/`, DEL,
    /// any non-ASCII) as it is.
    static func appendQuoted(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            for (position, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
                runStart = position + 1
                output.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
                case 10: output.append(UInt8(ascii: "n"))
                case 13: output.append(UInt8(ascii: "r"))
                case 9: output.append(UInt8(ascii: "t"))
                case 8: output.append(UInt8(ascii: "b"))
                case 12: output.append(UInt8(ascii: "f"))
                default:
                    output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                               hexDigits.utf8Start[Int(byte >> 4)], hexDigits.utf8Start[Int(byte & 0xf)]])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// A finite double as `JSONEncoder` writes it: its `description` without a trailing `.0`.
    static func appendDouble(_ value: Double, to output: inout [UInt8]) {
        var description = value.description
        if description.hasSuffix(".0") { description.removeLast(2) }
        output.append(contentsOf: description.utf8)
    }
}
