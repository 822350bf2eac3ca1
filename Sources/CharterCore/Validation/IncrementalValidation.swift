/// Validation that remembers what the rules found in each program, so that validating the next
/// version of the workspace re-runs a rule only where its answer can have changed: the language
/// server after an edit, `charter scenarios` for each merge of a branch into the same target.
///
/// What is re-run depends on the rule's `scope`:
/// - `.program` rules run again for the programs that differ from the last validation;
/// - `.references` rules run again for those, and for every program that names one whose
///   milestones or decisions changed (for all of them when a program comes or goes);
/// - `.workspace` rules run over the whole workspace every time.
/// A change to the root files (people, settings) or the day starts afresh. Programs are
/// compared by value; unchanged ones usually share storage with the last version, which makes
/// comparing them cheap. The findings are those `Validator.validate` makes, in the same order:
/// a test compares the two over random edits of real workspaces.
///
/// A value: copying it (once validated against a target) and validating each variant from the
/// copy leaves the original as it was.
public struct IncrementalValidation: Sendable {
    public let rules: [any Rule]
    public let asOf: PlanDate

    private let programRules: [any Rule]
    private let referenceRules: [any Rule]
    private let workspaceRules: [any Rule]

    /// The root files last validated (the workspace without its programs); nil before the first.
    private var root: Workspace?
    /// `.program` rules run with no program: findings about the root files (duplicate people).
    private var rootFindings: [[Finding]] = []
    /// Each program as last validated, by folder.
    private var programs: [String: Program] = [:]
    /// What each program's `.program` rules found, parallel to those rules.
    private var localFindings: [String: [[Finding]]] = [:]
    /// What each program's `.references` rules found, parallel to those rules.
    private var referenceFindings: [String: [[Finding]]] = [:]
    /// The program folders each program's references name (its own included).
    private var names: [String: Set<String>] = [:]
    /// The last context: its milestone network is reused while no program's milestones change.
    private var context: RuleContext?

    public init(rules: [any Rule] = RuleRegistry.all, asOf: PlanDate) {
        self.rules = rules
        self.asOf = asOf
        programRules = rules.filter { $0.scope == .program }
        referenceRules = rules.filter { $0.scope == .references }
        workspaceRules = rules.filter { $0.scope == .workspace }
    }

    /// How many programs the last `validate` re-ran program rules for: what it saved is the rest.
    public private(set) var lastRevalidated = 0

    /// The findings of `Validator.validate(load, asOf:, rules:)`, re-running only what changed
    /// since the last call.
    public mutating func validate(_ load: LoadResult) -> [Diagnostic] {
        let workspace = load.workspace
        let folders = workspace.programs.map(\.folder)
        let uniqueFolders = Set(folders)
        // Two programs in one folder cannot happen when loading from folders; if it does, keep nothing.
        guard uniqueFolders.count == folders.count else {
            self = IncrementalValidation(rules: rules, asOf: asOf)
            lastRevalidated = folders.count
            return Validator.validate(load, asOf: asOf, rules: rules)
        }
        let overrides = workspace.settings.ruleSeverities
        let active: @Sendable (any Rule) -> Bool = { Validator.severity(of: $0, overrides) != nil }

        var rootPart = workspace
        rootPart.programs = []
        rootPart.planFiles = []
        if rootPart != root {
            root = rootPart
            programs = [:]
            localFindings = [:]
            referenceFindings = [:]
            names = [:]
            rootFindings = []
        }
        // Handed over, not copied: the network and indexes are then updated in place.
        let previous = self.context
        self.context = nil
        let context = RuleContext(load: load, asOf: asOf, reusing: previous)
        self.context = context
        if rootFindings.isEmpty {
            let empty = context.focused(on: [])
            rootFindings = programRules.map { active($0) ? $0.check(empty) : [] }
        }

        let changed = workspace.programs.filter { programs[$0.folder] != $0 }
        let programsCameOrWent = changed.contains { programs[$0.folder] == nil }
            || programs.keys.contains { !uniqueFolders.contains($0) }
        let changedFolders = Set(changed.map(\.folder))
        var rerun = changedFolders
        if programsCameOrWent {
            rerun = uniqueFolders
        } else {
            // Programs whose milestones, risks or decisions changed: what other programs' references
            // (lessons name risks too) resolve to.
            let redefined = Set(changed.filter { program in
                let old = programs[program.folder]!
                return old.milestones != program.milestones || old.risks != program.risks
                    || old.decisions != program.decisions
            }.map(\.folder))
            if !redefined.isEmpty {
                for (folder, named) in names where !named.isDisjoint(with: redefined) { rerun.insert(folder) }
            }
        }
        if programsCameOrWent {
            programs = programs.filter { uniqueFolders.contains($0.key) }
            localFindings = localFindings.filter { uniqueFolders.contains($0.key) }
            referenceFindings = referenceFindings.filter { uniqueFolders.contains($0.key) }
            names = names.filter { uniqueFolders.contains($0.key) }
        }

        // Every rule's run is independent: all of them on every core.
        let localContext = context.focused(on: changed)
        let referring = context.focused(on: workspace.programs.filter { rerun.contains($0.folder) })
        let jobs: [(rule: any Rule, context: RuleContext, focus: Set<String>?)] =
            programRules.map { ($0, localContext, changedFolders) }
            + referenceRules.map { ($0, referring, rerun) }
            + workspaceRules.map { ($0, context, nil) }
        let results = ParallelMap.map(jobs, minimumCount: 2) { job -> [Finding] in
            guard active(job.rule), job.focus?.isEmpty != true else { return [] }
            return job.rule.check(job.context)
        }
        let localResults = results[0..<programRules.count].map { Self.byProgram($0, in: changedFolders) }
        let referenceResults = results[programRules.count..<(programRules.count + referenceRules.count)].map { Self.byProgram($0, in: rerun) }
        let workspaceResults = Array(results[(programRules.count + referenceRules.count)...])

        for program in changed {
            programs[program.folder] = program
            localFindings[program.folder] = localResults.map { $0[program.folder] ?? [] }
            names[program.folder] = Self.names(in: program)
        }
        for folder in rerun {
            referenceFindings[folder] = referenceResults.map { $0[folder] ?? [] }
        }
        lastRevalidated = changed.count

        // Root findings first, then programs in workspace order, as each rule reports them.
        var local = rootFindings
        var references = referenceRules.map { _ in [Finding]() }
        for program in workspace.programs {
            for (index, found) in localFindings[program.folder]!.enumerated() where !found.isEmpty { local[index] += found }
            for (index, found) in referenceFindings[program.folder]!.enumerated() where !found.isEmpty { references[index] += found }
        }
        var findings: [(rule: any Rule, findings: [Finding])] = []
        findings += zip(programRules, local).map { ($0, $1) }
        findings += zip(referenceRules, references).map { ($0, $1) }
        findings += zip(workspaceRules, workspaceResults).map { ($0, $1) }
        let byID = Dictionary(findings.map { ($0.rule.description.id, $0.findings) }) { first, _ in first }
        let ordered = rules.map { rule in (rule, byID[rule.description.id] ?? []) }
        return Validator.diagnostics(ordered, load: load)
    }

    /// Lets go of the last context (the workspace's milestone network and indexes), keeping the
    /// findings: for a validation kept only to start others from, which build their own. Many
    /// kept contexts are many networks in memory.
    public mutating func releaseIndexes() {
        context = nil
    }

    /// Findings by the program folder they are in; those outside `folders` are left out (the
    /// root run reports them).
    private static func byProgram(_ findings: [Finding], in folders: Set<String>) -> [String: [Finding]] {
        var result: [String: [Finding]] = [:]
        for finding in findings {
            guard let folder = programFolder(of: finding.location.path), folders.contains(folder) else { continue }
            result[folder, default: []].append(finding)
        }
        return result
    }

    /// `identity` for `programs/identity/milestones.yaml`.
    private static func programFolder(of path: String) -> String? {
        guard path.hasPrefix("programs/") else { return nil }
        let rest = path.dropFirst("programs/".count)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        return String(rest[..<slash])
    }

    /// The program folders a program's references name: `depends_on`, risks' `affects`,
    /// decisions' `supersedes` and `superseded_by`, and lessons' `refs`.
    private static func names(in program: Program) -> Set<String> {
        var names: Set<String> = [program.folder]
        for milestone in program.milestones {
            for reference in milestone.dependsOn { names.insert(reference.value.program(from: program.folder)) }
        }
        for risk in program.risks {
            for affected in risk.affects { names.insert(affected.value.program(from: program.folder)) }
        }
        for decision in program.decisions {
            for link in [decision.supersedes, decision.supersededBy].compactMap({ $0 }) {
                names.insert(EntityReference(link.value).program(from: program.folder))
            }
        }
        for lesson in program.lessons {
            for reference in lesson.entityReferences { names.insert(reference.value.program(from: program.folder)) }
        }
        return names
    }
}
