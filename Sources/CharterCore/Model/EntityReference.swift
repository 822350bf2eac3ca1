/// A reference as written: `M2` (same program) or `identity/M3` (another program's).
public struct EntityReference: Hashable, Sendable, CustomStringConvertible {
    public var program: String?
    public var id: String

    public init(program: String?, id: String) {
        self.program = program
        self.id = id
    }

    public init(_ text: String) {
        if let slash = text.firstIndex(of: "/") {
            program = String(text[..<slash])
            id = String(text[text.index(after: slash)...])
        } else {
            program = nil
            id = text
        }
    }

    /// The program this points into, given the program it was written in.
    public func program(from home: String) -> String { program ?? home }

    public var description: String { program.map { "\($0)/\(id)" } ?? id }
}

/// A milestone anywhere in the workspace: its program and id.
public struct MilestoneKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var program: String
    public var id: String

    public init(program: String, id: String) {
        self.program = program
        self.id = id
    }

    public var description: String { "\(program)/\(id)" }

    public static func < (lhs: MilestoneKey, rhs: MilestoneKey) -> Bool {
        (lhs.program, lhs.id) < (rhs.program, rhs.id)
    }
}
