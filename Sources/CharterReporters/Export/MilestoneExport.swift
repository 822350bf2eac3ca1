import CharterCore

/// The milestones a calendar or spreadsheet export holds, with their owners resolved against
/// people.yaml. Built from a loaded workspace; the exporters only format it.
public struct MilestoneExport: Sendable {
    public struct Row: Hashable, Sendable {
        public var program: String
        public var programName: String?
        public var milestone: Milestone
        public var owner: Person?
    }

    public var rows: [Row]
    /// The day the plans are read as of; the calendar's DTSTAMP (see `ICSExporter`).
    public var asOf: PlanDate

    /// Programs in natural order (only `programs`, when given), milestones as written.
    public init(workspace: Workspace, programs: [String] = [], asOf: PlanDate) {
        var people: [String: Person] = [:]
        for person in workspace.people where people[person.id.value] == nil { people[person.id.value] = person }
        let chosen = workspace.programs
            .filter { programs.isEmpty || programs.contains($0.folder) }
            .sorted { NaturalOrder.less($0.folder, $1.folder) }
        rows = chosen.flatMap { program in
            program.milestones.map { milestone in
                Row(program: program.folder, programName: program.name, milestone: milestone,
                    owner: milestone.owner.flatMap { people[$0.value] })
            }
        }
        self.asOf = asOf
    }
}
