/// A small workspace that shows a rule at work. `↓` marks where a finding must point (the
/// character after it); a triggering example has at least one mark, a non-triggering one none.
/// Files not given come from `RuleExample.baseFiles`, a small valid workspace.
public struct RuleExample: Sendable {
    public static let marker: Character = "↓"

    public var files: [(path: String, text: String)]
    /// Judge overdue dates against this day, so the examples never go stale.
    public var asOf: PlanDate
    public var includesBase: Bool
    /// For findings that point at a file that is not text (a folder, a misnamed file): `path:line:column`.
    public var expectedLocations: [SourceLocation]?

    public init(_ files: [(path: String, text: String)], expecting: [String]? = nil,
                asOf: String = "2026-01-15", includesBase: Bool = true) {
        self.files = files
        self.asOf = PlanDate(asOf)!
        self.includesBase = includesBase
        self.expectedLocations = expecting?.map { text in
            let parts = text.split(separator: ":")
            return SourceLocation(path: String(parts[0]), line: Int(parts[1])!, column: Int(parts[2])!)
        }
    }

    /// Stands for a byte that is not UTF-8 (0xFF) in an example's text.
    public static let invalidByte = "\u{F8FF}"

    public static func file(_ path: String, _ text: String, asOf: String = "2026-01-15") -> RuleExample {
        RuleExample([(path, text)], asOf: asOf)
    }

    public static func program(_ text: String) -> RuleExample { file("programs/demo/program.yaml", text) }
    public static func milestones(_ text: String, asOf: String = "2026-01-15") -> RuleExample {
        file("programs/demo/milestones.yaml", text, asOf: asOf)
    }
    public static func risks(_ text: String) -> RuleExample { file("programs/demo/risks.yaml", text) }
    public static func budget(_ text: String) -> RuleExample { file("programs/demo/budget.yaml", text) }
    public static func decisions(_ text: String) -> RuleExample { file("programs/demo/decisions.yaml", text) }
    public static func kpis(_ text: String, asOf: String = "2026-01-15") -> RuleExample {
        file("programs/demo/kpis.yaml", text, asOf: asOf)
    }
    public static func lessons(_ text: String) -> RuleExample { file("programs/demo/lessons.yaml", text) }
    public static func settings(_ text: String) -> RuleExample { file("charter.yaml", text) }

    /// The workspace with marks removed.
    public var source: InMemoryPlanSource {
        var all = (includesBase ? Self.baseFiles : [:]).mapValues { Array($0.utf8) }
        for (path, text) in files {
            var bytes: [UInt8] = []
            for scalar in text.replacingMarker().unicodeScalars {
                if String(scalar) == Self.invalidByte { bytes.append(0xFF) } else { bytes += Array(String(scalar).utf8) }
            }
            all[path] = bytes
        }
        return InMemoryPlanSource(bytes: all, sourceDescription: "example")
    }

    /// Where the marks point, as 1-based positions.
    public var markedLocations: [SourceLocation] {
        if let expectedLocations { return expectedLocations.sorted() }
        return files.flatMap { path, text in
            var locations: [SourceLocation] = []
            var line = 1, column = 1
            for character in text {
                if character == Self.marker {
                    locations.append(SourceLocation(path: path, line: line, column: column))
                } else if character == "\n" {
                    line += 1; column = 1
                } else {
                    column += 1
                }
            }
            return locations
        }.sorted()
    }

    /// A valid two-program workspace the examples build on.
    public static let baseFiles: [String: String] = [
        "people.yaml": """
        people:
          - { id: alice, name: Alice Ng, email: alice@example.com }
          - { id: bob, name: Bob Stone, email: bob@example.com }
          - { id: carol, name: Carol Diaz, email: carol@example.com }
          - { id: dave, name: Dave Kim, email: dave@example.com }
          - { id: erin, name: Erin Wu, email: erin@example.com }

        """,
        "programs/demo/program.yaml": """
        id: demo
        name: Demo Program
        owner: alice
        status: active
        start: 2026-01-01
        target: 2026-12-31
        budget: { currency: USD, total: 100000 }
        workstreams:
          - { id: api, name: Public API, owner: carol }

        """,
        "programs/identity/program.yaml": """
        id: identity
        name: Identity
        owner: bob
        status: active
        start: 2026-01-01
        target: 2026-12-31

        """,
        "programs/identity/milestones.yaml": """
        milestones:
          - { id: M3, name: SSO ready, date: 2026-03-01 }

        """,
    ]
}

extension String {
    func replacingMarker() -> String {
        contains(RuleExample.marker) ? String(filter { $0 != RuleExample.marker }) : self
    }
}
