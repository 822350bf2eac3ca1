import CharterCore
import CharterGit

/// A branch to evaluate: how the user named it and the commit it points at.
struct ScenarioBranch {
    var ref: String
    var commit: ObjectID
}

/// Runs the merges `charter scenarios` asks for, in memory, and hands each result to the core:
/// every branch alone into the target, every pair whose footprints overlap, and the queue.
/// Reading and merging is here; what counts as a conflict is `PairFindings` and `QueueVerdict`.
final class ScenarioRunner {
    private let merger: InMemoryMerger
    private let prefix: String
    private let asOf: PlanDate
    private let loader = MergedPlansLoader()

    /// One branch merged alone, kept for its pairs and the queue.
    private struct Single {
        var branch: ScenarioBranch
        var step: MergeStep
        var plans: EvaluatedPlans
        var diff: PlanDiff
        var footprint: BranchFootprint
    }

    init(merger: InMemoryMerger, prefix: String, asOf: PlanDate) {
        self.merger = merger
        self.prefix = prefix
        self.asOf = asOf
    }

    private var repository: Repository { merger.repository }

    func run(target: ScenarioBranch, branches: [ScenarioBranch], queue: Bool) throws -> ScenarioReport {
        let targetLoad = try loader.load(repository.treeSource(commit: target.commit, prefix: prefix))
        let targetPlans = EvaluatedPlans(load: targetLoad, diagnostics: Validator.validate(targetLoad, asOf: asOf))
        let targetSide = DiffSide(targetLoad)
        let targetEnds = ForecastEnds.of(targetLoad.workspace, asOf: asOf)

        var skipped: [SkippedBranch] = []
        var singles: [Single] = []
        var outcomes: [BranchScenario] = []
        var seen: [ObjectID: String] = [:]
        for branch in branches {
            if let reason = try skipReason(branch, target: target, seen: seen) {
                skipped.append(SkippedBranch(ref: branch.ref, commit: branch.commit.hex, reason: reason))
                continue
            }
            seen[branch.commit] = branch.ref
            let step = try merger.merge(ours: target.commit, theirs: branch.commit, prefix: prefix)
            let plans = try evaluate(step)
            let load = plans.load
            let diff = SemanticDiff.compare(targetSide, DiffSide(load))
            let clean = step.commit != nil
            outcomes.append(BranchScenario(
                ref: branch.ref, commit: branch.commit.hex, mergesCleanly: clean, valid: clean && plans.evaluated.errors == 0,
                textConflicts: plans.evaluated.textConflicts, summary: clean ? diff.summary.line : nil,
                forecastChanges: clean ? ForecastChange.between(targetEnds, ForecastEnds.of(load.workspace, asOf: asOf)) : [],
                newFindings: plans.evaluated.findings(notIn: [targetPlans]), errors: plans.evaluated.errors))
            if clean {
                singles.append(Single(branch: branch, step: step, plans: plans.evaluated, diff: diff,
                                      footprint: BranchFootprint(diff: diff, before: targetLoad.workspace, after: load.workspace)))
            }
        }

        var conflicts: [ScenarioConflict] = []
        var pairsChecked = 0
        for (i, a) in singles.enumerated() {
            for b in singles[(i + 1)...] where a.footprint.overlaps(b.footprint) {
                pairsChecked += 1
                let step = try merger.merge(ours: a.step.commit!, theirs: b.branch.commit, prefix: prefix)
                conflicts += PairFindings.conflicts(refs: (a.branch.ref, b.branch.ref), pair: try evaluate(step).evaluated,
                                                    alone: (a.plans, b.plans), diffs: (a.diff, b.diff))
            }
        }

        var queueScenario: QueueScenario?
        if queue {
            let alone = Dictionary(singles.map { ($0.branch.ref, $0.plans) }, uniquingKeysWith: { first, _ in first })
            var head = target.commit
            var previous = targetPlans
            var steps: [QueueScenario.Step] = []
            for outcome in outcomes {
                let step = try merger.merge(ours: head, theirs: ObjectID(hex: outcome.commit)!, prefix: prefix)
                let result = try evaluate(step).evaluated
                let reasons = QueueVerdict.reasons(ref: outcome.ref, previous: previous, result: result, alone: alone[outcome.ref])
                let merged = reasons.isEmpty && step.commit != nil
                steps.append(QueueScenario.Step(ref: outcome.ref, merged: merged, reasons: reasons))
                if merged {
                    head = step.commit!
                    previous = result
                }
            }
            queueScenario = QueueScenario(steps: steps)
        }

        let pairsPossible = singles.count * (singles.count - 1) / 2
        return ScenarioReport(target: .init(ref: target.ref, commit: target.commit.hex), branches: outcomes, skipped: skipped,
                              pairsChecked: pairsChecked, pairsPossible: pairsPossible, conflicts: conflicts.sorted(),
                              queue: queueScenario)
    }

    /// Loads and validates a merge result.
    private func evaluate(_ step: MergeStep) throws -> (load: LoadResult, evaluated: EvaluatedPlans) {
        let load = try loader.load(step.source)
        let conflicts = step.source.conflicts.map { TextConflict(path: $0.path, summary: $0.summary) }
        return (load, EvaluatedPlans(load: load, diagnostics: Validator.validate(load, asOf: asOf), textConflicts: conflicts))
    }

    /// Why a branch is not evaluated: nothing of the plans changed on it since it left the target.
    private func skipReason(_ branch: ScenarioBranch, target: ScenarioBranch, seen: [ObjectID: String]) throws -> String? {
        if let other = seen[branch.commit] { return "the same commit as \(other)" }
        guard let base = try? repository.mergeBase(target.commit, branch.commit) else {
            return "no history in common with \(target.ref)"
        }
        if base == branch.commit { return "already in \(target.ref)" }
        let folder = prefix.isEmpty ? "" : prefix + "/"
        let planChanged = try repository.changedPaths(from: base, to: branch.commit, under: prefix.isEmpty ? [] : [prefix],
                                                      detectRenames: false).contains { change in
            [change.oldPath, change.newPath].contains { path in
                guard let path, path.hasPrefix(folder) else { return false }
                return PlanFileKind.classify(String(path.dropFirst(folder.count))) != nil
            }
        }
        return planChanged ? nil : "no plan change since its merge base with \(target.ref)"
    }
}
