/// A 1-based line and column in a text file, as the YAML parser's marks give them.
public struct TextPosition: Hashable, Sendable, Comparable, Codable {
    // 32 bits each (plan files are at most 8 MiB): every located value of a big workspace
    // carries a position, and two 64-bit numbers were a tenth of the model's memory.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: max(1, line))
        storedColumn = Int32(clamping: max(1, column))
    }

    private enum CodingKeys: String, CodingKey {
        case line, column
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        storedLine = Int32(clamping: try container.decode(Int.self, forKey: .line))
        storedColumn = Int32(clamping: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }

    public static let start = TextPosition(line: 1, column: 1)

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Where a finding points: a workspace-relative path (always `/`-separated) and a position in it.
public struct SourceLocation: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var path: String
    public var position: TextPosition

    public init(path: String, position: TextPosition = .start) {
        self.path = path
        self.position = position
    }

    public init(path: String, line: Int, column: Int) {
        self.init(path: path, position: TextPosition(line: line, column: column))
    }

    public var line: Int { position.line }
    public var column: Int { position.column }

    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.position) < (rhs.path, rhs.position)
    }
}
