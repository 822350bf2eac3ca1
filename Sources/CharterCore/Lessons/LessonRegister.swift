/// The lessons a workspace holds, with what recalling them needs to know: for each risk a lesson
/// refers to, the milestones that risk threatens. Built from a whole workspace, or from just the
/// files lessons need (`load(from:)`), so a diff of a large workspace need not read all of it.
public struct LessonRegister: Sendable, Hashable {
    /// A lesson and the program whose `lessons.yaml` holds it.
    public struct Entry: Sendable, Hashable {
        public var program: String
        public var lesson: Lesson

        public init(program: String, lesson: Lesson) {
            self.program = program
            self.lesson = lesson
        }

        /// `payments-pilot/L1`.
        public var ref: QualifiedID { QualifiedID(program: program, id: lesson.id.value) }

        /// The milestones, risks and decisions it names, as qualified ids.
        public var subjects: [QualifiedID] {
            lesson.entityReferences.map { QualifiedID(program: $0.value.program(from: program), id: $0.value.id) }
        }
    }

    /// In program order, then as written.
    public var entries: [Entry]
    /// For each risk a lesson names: the milestones its `affects` lists.
    public var milestonesThreatened: [QualifiedID: [QualifiedID]]

    public init(entries: [Entry] = [], milestonesThreatened: [QualifiedID: [QualifiedID]] = [:]) {
        self.entries = entries
        self.milestonesThreatened = milestonesThreatened
    }

    public init(_ workspace: Workspace) {
        self.init(entries: Self.entries(workspace.programs), programs: workspace.programs)
    }

    private init(entries: [Entry], programs: [Program]) {
        var threatened: [QualifiedID: [QualifiedID]] = [:]
        let subjects = Set(entries.flatMap(\.subjects))
        for program in programs {
            for risk in program.risks {
                let key = QualifiedID(program: program.folder, id: risk.id.value)
                guard subjects.contains(key) else { continue }
                threatened[key] = risk.affects.map { QualifiedID(program: $0.value.program(from: program.folder), id: $0.value.id) }
            }
        }
        self.init(entries: entries, milestonesThreatened: threatened)
    }

    private static func entries(_ programs: [Program]) -> [Entry] {
        programs.sorted { NaturalOrder.less($0.folder, $1.folder) }
            .flatMap { program in program.lessons.map { Entry(program: program.folder, lesson: $0) } }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Reads `lessons.yaml` of every program, and `risks.yaml` of the programs whose risks a
    /// lesson names; nothing else. Files that cannot be read or parsed count as empty: `validate`
    /// is where their findings are reported.
    public static func load(from source: some PlanSource) -> LessonRegister {
        let folders = ((try? source.entries(in: "programs")) ?? nil)?.filter { $0.kind == .directory }.map(\.name) ?? []
        var programs: [String: Program] = [:]
        for folder in folders {
            let path = "programs/\(folder)/\(PlanFileKind.lessons.fileName)"
            guard let lessons = WorkspaceLoader.loadList(path, kind: .lessons, from: source), !lessons.lessons.isEmpty else { continue }
            programs[folder] = lessons
        }
        let entries = entries(Array(programs.values))
        let riskPrograms = Set(entries.flatMap(\.subjects).map(\.program))
        for folder in riskPrograms where folders.contains(folder) {
            let path = "programs/\(folder)/\(PlanFileKind.risks.fileName)"
            guard let risks = WorkspaceLoader.loadList(path, kind: .risks, from: source) else { continue }
            programs[folder, default: Program(folder: folder)].risks = risks.risks
        }
        return LessonRegister(entries: entries, programs: Array(programs.values))
    }
}
