import CharterCore

/// The plans with nothing but some programs' `kpis.yaml`: all a KPI trend reads at a commit, so
/// the history walk parses no milestones, risks or budgets.
struct KPIFilesSource: PlanSource {
    let base: any PlanSource
    let programs: Set<String>

    var sourceDescription: String { base.sourceDescription }

    func entries(in directory: String) throws -> [SourceEntry]? {
        guard let entries = try base.entries(in: directory) else { return nil }
        switch directory.split(separator: "/").joined(separator: "/") {
        case "": return entries.filter { $0.name == "programs" }
        case "programs": return entries.filter { programs.contains($0.name) }
        default: return entries.filter { $0.name == PlanFileKind.kpis.fileName }
        }
    }

    func contents(of path: String) throws -> [UInt8] {
        try base.contents(of: path)
    }
}
