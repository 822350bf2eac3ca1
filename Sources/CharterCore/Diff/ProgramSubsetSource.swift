/// A view of a source that shows only some program folders and some root files, so a diff can
/// read just what changed between two versions and leave the rest unread.
public struct ProgramSubsetSource: PlanSource {
    public let base: any PlanSource
    public let programs: Set<String>
    /// Programs of which only `milestones.yaml` is shown: enough to know when their milestones end.
    public let scheduleOnly: Set<String>
    /// Root entries kept besides `programs/`: `charter.yaml`, `people.yaml`.
    public let rootFiles: Set<String>

    public init(_ base: any PlanSource, programs: Set<String>, scheduleOnly: Set<String> = [], rootFiles: Set<String>) {
        self.base = base
        self.programs = programs
        self.scheduleOnly = scheduleOnly.subtracting(programs)
        self.rootFiles = rootFiles
    }

    public var sourceDescription: String { base.sourceDescription }

    public func entries(in directory: String) throws -> [SourceEntry]? {
        let folder = directory.split(separator: "/").joined(separator: "/")
        guard let entries = try base.entries(in: directory) else { return nil }
        switch folder {
        case "":
            let anyProgram = !programs.isEmpty || !scheduleOnly.isEmpty
            return entries.filter { rootFiles.contains($0.name) || ($0.name == "programs" && anyProgram) }
        case "programs":
            return entries.filter { programs.contains($0.name) || scheduleOnly.contains($0.name) }
        default:
            let parts = folder.split(separator: "/")
            if parts.count == 2, parts[0] == "programs", scheduleOnly.contains(String(parts[1])) {
                return entries.filter { $0.name == PlanFileKind.milestones.fileName }
            }
            return entries
        }
    }

    public func contents(of path: String) throws -> [UInt8] {
        try base.contents(of: path)
    }
}
