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

/// An entity anywhere in the workspace: its program and id (`payments-v2/M2`, `payments-v2/R7`).
public struct QualifiedID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var program: String
    public var id: String

    public init(program: String, id: String) {
        self.program = program
        self.id = id
    }

    public var description: String { "\(program)/\(id)" }

    /// Programs, then ids, in natural order: M2 before M10.
    public static func < (lhs: QualifiedID, rhs: QualifiedID) -> Bool {
        lhs.program != rhs.program ? NaturalOrder.less(lhs.program, rhs.program) : NaturalOrder.less(lhs.id, rhs.id)
    }
}
