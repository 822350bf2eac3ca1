/// What a rule sees: the loaded workspace, indexes over it, and the day to judge dates against.
///
/// `workspace` is what the rule checks; the indexes always cover the whole workspace. The two
/// differ only in a context `focused(on:)` some programs, which incremental validation uses to
/// re-run a rule for the programs that changed.
public struct RuleContext: Sendable {
    public private(set) var workspace: Workspace
    /// Findings from reading the files, by rule id (syntax, schema, unreadable files).
    public private(set) var loadFindings: [String: [Finding]]
    /// "Today" for overdue checks: the commit's date for `--rev`, so old commits keep their verdict.
    public private(set) var asOf: PlanDate
    public private(set) var peopleIDs: Set<String>
    public private(set) var programsByFolder: [String: Program]
    /// The milestones and their dependencies, built once for every rule that follows them.
    public private(set) var network: MilestoneNetwork
    /// Where each milestone is: indexes into `workspace.programs` and its `milestones`.
    private var milestoneIndex: [QualifiedID: (program: Int, milestone: Int)]
    /// Every program, which `milestoneIndex` points into (`workspace.programs` may be fewer).
    private var allPrograms: [Program]

    public init(load: LoadResult, asOf: PlanDate) {
        workspace = load.workspace
        loadFindings = load.findings
        self.asOf = asOf
        peopleIDs = Set(load.workspace.people.map(\.id.value))
        var programs: [String: Program] = [:]
        var milestones: [QualifiedID: (program: Int, milestone: Int)] = [:]
        programs.reserveCapacity(load.workspace.programs.count)
        milestones.reserveCapacity(load.workspace.programs.reduce(0) { $0 + $1.milestones.count })
        for (programIndex, program) in load.workspace.programs.enumerated() {
            programs[program.folder] = program
            for (index, milestone) in program.milestones.enumerated() {
                let key = QualifiedID(program: program.folder, id: milestone.id.value)
                // The first of two duplicates wins; duplicate-id reports the second.
                if milestones[key] == nil { milestones[key] = (programIndex, index) }
            }
        }
        programsByFolder = programs
        network = MilestoneNetwork(load.workspace)
        milestoneIndex = milestones
        allPrograms = load.workspace.programs
    }

    /// The context for `load`, brought up to date from `previous` when every program is where it
    /// was (in the same folders, in the same order): the milestone index is kept, and the milestone
    /// network too, for the programs whose milestones are unchanged (an edit of a risk, a budget,
    /// an owner); a program whose milestones changed is updated in both, when its milestones are
    /// the same nodes (a `depends_on` or a date edited). Those are most of what building a context
    /// costs in a large workspace. Pass the only copy of `previous` to have its storage updated in place.
    public init(load: LoadResult, asOf: PlanDate, reusing previous: consuming RuleContext?) {
        let programs = load.workspace.programs
        guard var reused = previous.take(), reused.allPrograms.count == programs.count,
              zip(reused.allPrograms, programs).allSatisfy({ $0.folder == $1.folder }) else {
            self.init(load: load, asOf: asOf)
            return
        }
        let changed = programs.indices.filter { reused.allPrograms[$0].milestones != programs[$0].milestones }
        // The milestone index is updated program by program: keys are per folder, so a folder two
        // programs share (never, loading from folders) would need both; build that anew.
        let changedFolders = Set(changed.map { programs[$0].folder })
        guard changedFolders.count == changed.count,
              changed.isEmpty || programs.lazy.filter({ changedFolders.contains($0.folder) }).count == changed.count else {
            self.init(load: load, asOf: asOf)
            return
        }
        for program in changed { reused.reindexMilestones(of: program, from: reused.allPrograms[program], to: programs[program]) }
        if !reused.network.update(to: load.workspace, changed: changed) {
            reused.network = MilestoneNetwork(load.workspace)
        }
        self = reused
        workspace = load.workspace
        loadFindings = load.findings
        self.asOf = asOf
        peopleIDs = Set(load.workspace.people.map(\.id.value))
        var byFolder: [String: Program] = [:]
        byFolder.reserveCapacity(programs.count)
        for program in programs { byFolder[program.folder] = program }
        programsByFolder = byFolder
        allPrograms = programs
    }

    /// Replaces the milestone index's entries for the program at `index` (its folder is its own).
    private mutating func reindexMilestones(of index: Int, from old: Program, to new: Program) {
        for milestone in old.milestones {
            let key = QualifiedID(program: old.folder, id: milestone.id.value)
            if milestoneIndex[key]?.program == index { milestoneIndex[key] = nil }
        }
        for (position, milestone) in new.milestones.enumerated() {
            let key = QualifiedID(program: new.folder, id: milestone.id.value)
            if milestoneIndex[key] == nil { milestoneIndex[key] = (index, position) }
        }
    }

    /// The same indexes over the whole workspace, with only `programs` to check (and the root
    /// files: people, settings).
    public func focused(on programs: [Program]) -> RuleContext {
        var focused = self
        focused.workspace.programs = programs
        return focused
    }

    /// The findings the loader made under a rule's id.
    public func loadFindings(for ruleID: String) -> [Finding] { loadFindings[ruleID] ?? [] }

    /// The milestone a reference written in `home` points at, if it exists.
    public func milestone(_ reference: EntityReference, from home: String) -> Milestone? {
        milestone(at: key(reference, from: home))
    }

    /// Whether a milestone has that id, without copying it out.
    public func hasMilestone(at key: QualifiedID) -> Bool {
        milestoneIndex[key] != nil
    }

    public func milestone(at key: QualifiedID) -> Milestone? {
        milestoneIndex[key].map { allPrograms[$0.program].milestones[$0.milestone] }
    }

    public func key(_ reference: EntityReference, from home: String) -> QualifiedID {
        QualifiedID(program: reference.program(from: home), id: reference.id)
    }
}

/// Rules whose findings the loader makes while reading files: their `check` hands those on.
public protocol LoadRule: Rule {}

extension LoadRule {
    public func check(_ context: RuleContext) -> [Finding] {
        context.loadFindings(for: Self.description.id)
    }
}
