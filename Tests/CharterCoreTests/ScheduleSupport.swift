import CharterCore

/// A workspace of programs given as `id: (target, milestones.yaml text)`, loaded from memory.
func scheduleWorkspace(_ programs: [String: (target: String?, milestones: String)]) -> Workspace {
    var files = ["people.yaml": "people:\n  - { id: alice, name: Alice }\n"]
    for (id, program) in programs {
        files["programs/\(id)/program.yaml"] = """
        id: \(id)
        name: Program \(id)
        owner: alice
        status: active
        start: 2026-01-01
        \(program.target.map { "target: \($0)" } ?? "")

        """
        files["programs/\(id)/milestones.yaml"] = program.milestones
    }
    return WorkspaceLoader.load(from: InMemoryPlanSource(files: files)).workspace
}

func analyze(_ programs: [String: (target: String?, milestones: String)], asOf: String = "2026-01-01") throws -> ScheduleAnalysis {
    try Scheduler.analyze(scheduleWorkspace(programs), asOf: PlanDate(asOf)!)
}

func day(_ text: String) -> PlanDate { PlanDate(text)! }

func qid(_ text: String) -> QualifiedID {
    let reference = EntityReference(text)
    return QualifiedID(program: reference.program ?? "", id: reference.id)
}
