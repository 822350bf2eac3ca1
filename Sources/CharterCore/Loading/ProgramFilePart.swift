/// One program file parsed on its own: the entities it gives its program (a program holding
/// only them) and what parsing it found. A history walk parses each distinct file once and hands
/// the parts to `WorkspaceLoader.load(from:parsed:)`, which puts each program together from
/// them: the program files of one commit are mostly the same blobs as its parent's.
///
/// Locations inside name the file's path, so a part is only reused for the same path.
public struct ProgramFilePart: Sendable {
    public let kind: PlanFileKind
    let entities: Program
    let findings: [(String, Finding)]

    /// Parses and checks `bytes` as the program file at `path` (`programs/<folder>/<file>`);
    /// `nil` when the path is no program file.
    public init?(_ bytes: [UInt8], path: String) {
        guard let (kind, folder) = PlanFileKind.classify(path), let folder, PlanFileKind.programFiles.contains(kind) else { return nil }
        self.kind = kind
        let parsed = WorkspaceLoader.parse(bytes, path: path, kind: kind)
        var program = Program(folder: folder)
        if let fields = parsed.reader { WorkspaceLoader.fill(&program, kind: kind, reader: fields) }
        entities = program
        findings = parsed.findings
    }
}

extension Program {
    /// Takes from `part` the fields its kind of file fills (as `WorkspaceLoader` fills them),
    /// sharing its storage: programs put together from the same part compare equal at once.
    mutating func adopt(_ part: ProgramFilePart) {
        switch part.kind {
        case .milestones: milestones = part.entities.milestones
        case .risks: risks = part.entities.risks
        case .budget: budgetLines = part.entities.budgetLines
        case .decisions: decisions = part.entities.decisions
        case .kpis: kpis = part.entities.kpis
        case .lessons: lessons = part.entities.lessons
        case .program:
            // Everything but the lists the other files fill.
            var whole = part.entities
            whole.milestones = milestones
            whole.risks = risks
            whole.budgetLines = budgetLines
            whole.decisions = decisions
            whole.kpis = kpis
            whole.lessons = lessons
            self = whole
        case .settings, .people:
            break
        }
    }
}
