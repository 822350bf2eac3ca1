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
    /// Where each milestone is (indexes into `allPrograms` and its `milestones`) that the
    /// network does not say: every milestone with an id is found by `network.node(_:)` except
    /// one whose id's first milestone is cancelled (the first of two duplicates wins, and the
    /// network holds no cancelled milestone). Rare, so this stays small: a second index of every
    /// milestone was 30 MB and a sixth of building the context at 10,000 programs.
    private var milestonesOutsideNetwork: [QualifiedID: (program: Int, milestone: Int)]
    /// Every program, which the milestone index points into (`workspace.programs` may be fewer).
    private var allPrograms: [Program]

    public init(load: LoadResult, asOf: PlanDate) {
        workspace = load.workspace
        loadFindings = load.findings
        self.asOf = asOf
        peopleIDs = Set(load.workspace.people.map(\.id.value))
        var programs: [String: Program] = [:]
        programs.reserveCapacity(load.workspace.programs.count)
        for program in load.workspace.programs { programs[program.folder] = program }
        programsByFolder = programs
        network = MilestoneNetwork(load.workspace)
        allPrograms = load.workspace.programs
        milestonesOutsideNetwork = [:]
        indexMilestonesOutsideNetwork(of: allPrograms.indices)
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
        if !reused.network.update(to: load.workspace, changed: changed) {
            reused.network = MilestoneNetwork(load.workspace)
        }
        reused.allPrograms = programs
        reused.reindexMilestonesOutsideNetwork(of: changed)
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

    /// Adds the milestones of the programs at `indexes` that the network does not find by their
    /// key (see `milestonesOutsideNetwork`). Only a cancelled milestone can be one: it is, when
    /// no milestone before it has its key, which the network answers for every milestone that is
    /// not cancelled and this index for those that are.
    private mutating func indexMilestonesOutsideNetwork(of indexes: some Sequence<Int>) {
        for programIndex in indexes {
            let program = allPrograms[programIndex]
            guard program.milestones.contains(where: { $0.status.value == .cancelled }) else { continue }
            for (index, milestone) in program.milestones.enumerated() where milestone.status.value == .cancelled {
                let key = QualifiedID(program: program.folder, id: milestone.id.value)
                guard milestonesOutsideNetwork[key] == nil else { continue }
                if let node = network.node(key) {
                    let place = network.milestones.places[node]
                    if (Int(place.program), Int(place.milestone)) < (programIndex, index) { continue }
                }
                milestonesOutsideNetwork[key] = (programIndex, index)
            }
        }
    }

    /// Indexes again the programs at `changed` (each in a folder of its own), after the network
    /// was brought up to date with them.
    private mutating func reindexMilestonesOutsideNetwork(of changed: [Int]) {
        guard !changed.isEmpty else { return }
        let changedSet = Set(changed)
        milestonesOutsideNetwork = milestonesOutsideNetwork.filter { !changedSet.contains($0.value.program) }
        indexMilestonesOutsideNetwork(of: changed)
    }

    /// Where the milestone with `key` is: the first with that id.
    private func place(of key: QualifiedID) -> (program: Int, milestone: Int)? {
        if let place = milestonesOutsideNetwork[key] { return place }
        guard let node = network.node(key) else { return nil }
        let place = network.milestones.places[node]
        return (Int(place.program), Int(place.milestone))
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
        network.node(key) != nil || milestonesOutsideNetwork[key] != nil
    }

    public func milestone(at key: QualifiedID) -> Milestone? {
        place(of: key).map { allPrograms[$0.program].milestones[$0.milestone] }
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
