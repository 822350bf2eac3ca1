import CharterCore
import CharterGit

/// A branch to evaluate: how the user named it and the commit it points at.
struct ScenarioBranch {
    var ref: String
    var commit: ObjectID
}

/// Runs the merges `charter scenarios` asks for, in memory, and hands each result to the core:
/// every branch alone into the target, every pair whose footprints overlap, and the queue.
/// Merging and reading go through one libgit2 handle, one after another; validating and
/// comparing the results is pure, so it runs on every core. Each merge is validated
/// incrementally from the validation of what it was merged into (the target, or the first
/// branch of a pair): only the programs the merge changed are checked again. What counts as a
/// conflict is `PairFindings` and `QueueVerdict`.
final class ScenarioRunner {
    private let merger: InMemoryMerger
    private let prefix: String
    private let asOf: PlanDate
    private let loader = MergedPlansLoader()

    /// A merge read but not yet validated.
    private struct Merged: Sendable {
        var load: LoadResult
        var textConflicts: [TextConflict]
    }

    /// One branch merged alone, kept for its pairs and the queue.
    private struct Single: Sendable {
        var branch: String
        var plans: EvaluatedPlans
        /// The validation of this merge, from which its pairs start.
        var validation: IncrementalValidation
        var diff: PlanDiff
        var footprint: BranchFootprint
        var forecastChanges: [ForecastChange]
    }

    init(merger: InMemoryMerger, prefix: String, asOf: PlanDate) {
        self.merger = merger
        self.prefix = prefix
        self.asOf = asOf
    }

    private var repository: Repository { merger.repository }

    func run(target: ScenarioBranch, branches: [ScenarioBranch], queue: Bool) throws -> ScenarioReport {
        let asOf = self.asOf
        let targetLoad = try loader.load(repository.treeSource(commit: target.commit, prefix: prefix))
        var targetValidation = IncrementalValidation(asOf: asOf)
        let targetPlans = Self.evaluate(Merged(load: targetLoad, textConflicts: []), from: &targetValidation)
        let targetEnds = ForecastEnds.of(targetLoad.workspace, asOf: asOf)

        // Each branch alone.
        var skipped: [SkippedBranch] = []
        var evaluated: [ScenarioBranch] = []
        var mergedCommits: [ObjectID?] = []
        var singleMerges: [Merged] = []
        var seen: [ObjectID: String] = [:]
        for branch in branches {
            if let reason = try skipReason(branch, target: target, seen: seen) {
                skipped.append(SkippedBranch(ref: branch.ref, commit: branch.commit.hex, reason: reason))
                continue
            }
            seen[branch.commit] = branch.ref
            let step = try merger.merge(ours: target.commit, theirs: branch.commit, prefix: prefix)
            evaluated.append(branch)
            mergedCommits.append(step.commit)
            singleMerges.append(try read(step))
        }
        let singles = ParallelMap.map(Array(zip(evaluated.map(\.ref), singleMerges)), minimumCount: 2) { [targetValidation] ref, merged in
            Self.single(ref, merged, target: targetLoad, validation: targetValidation, targetEnds: targetEnds, asOf: asOf)
        }
        let outcomes = zip(evaluated, zip(singles, mergedCommits)).map { branch, pair in
            let (single, commit) = pair
            let clean = commit != nil
            return BranchScenario(
                ref: branch.ref, commit: branch.commit.hex, mergesCleanly: clean, valid: clean && single.plans.errors == 0,
                textConflicts: single.plans.textConflicts, summary: clean ? single.diff.summary.line : nil,
                forecastChanges: single.forecastChanges, newFindings: single.plans.findings(notIn: [targetPlans]),
                errors: single.plans.errors)
        }

        // Pairs that touch something in common, both merging alone.
        var pairs: [(Int, Int)] = []
        for i in singles.indices where mergedCommits[i] != nil {
            for j in singles.indices where j > i && mergedCommits[j] != nil && singles[i].footprint.overlaps(singles[j].footprint) {
                pairs.append((i, j))
            }
        }
        var pairMerges: [Merged] = []
        for (i, j) in pairs {
            pairMerges.append(try read(try merger.merge(ours: mergedCommits[i]!, theirs: evaluated[j].commit, prefix: prefix)))
        }
        let pairInputs = zip(pairs, pairMerges).map { pair, merged in (singles[pair.0], singles[pair.1], merged) }
        let conflicts = ParallelMap.map(pairInputs, minimumCount: 2) { a, b, merged in
            var validation = a.validation
            return PairFindings.conflicts(refs: (a.branch, b.branch), pair: Self.evaluate(merged, from: &validation),
                                   alone: (a.plans, b.plans), diffs: (a.diff, b.diff))
        }.flatMap { $0 }

        // The queue: each step depends on the one before.
        var queueScenario: QueueScenario?
        if queue {
            var head = target.commit
            var previous = targetPlans
            var validation = targetValidation
            var steps: [QueueScenario.Step] = []
            for (index, branch) in evaluated.enumerated() {
                let step = try merger.merge(ours: head, theirs: branch.commit, prefix: prefix)
                let result = Self.evaluate(try read(step), from: &validation)
                let alone = mergedCommits[index] == nil ? nil : singles[index].plans
                let reasons = QueueVerdict.reasons(ref: branch.ref, previous: previous, result: result, alone: alone)
                let merged = reasons.isEmpty && step.commit != nil
                steps.append(QueueScenario.Step(ref: branch.ref, merged: merged, reasons: reasons))
                if merged {
                    head = step.commit!
                    previous = result
                }
            }
            queueScenario = QueueScenario(steps: steps)
        }

        let clean = mergedCommits.filter { $0 != nil }.count
        return ScenarioReport(target: .init(ref: target.ref, commit: target.commit.hex), branches: outcomes, skipped: skipped,
                              pairsChecked: pairs.count, pairsPossible: clean * (clean - 1) / 2, conflicts: conflicts.sorted(),
                              queue: queueScenario)
    }

    private func read(_ step: MergeStep) throws -> Merged {
        Merged(load: try loader.load(step.source),
               textConflicts: step.source.conflicts.map { TextConflict(path: $0.path, summary: $0.summary) })
    }

    /// Validates a merge result, re-checking what differs from the last result `validation`
    /// saw. One that git cannot merge is not validated: what its plans mean is unknown, and
    /// only its text conflicts are reported.
    private static func evaluate(_ merged: Merged, from validation: inout IncrementalValidation) -> EvaluatedPlans {
        let diagnostics = merged.textConflicts.isEmpty ? validation.validate(merged.load) : []
        return EvaluatedPlans(load: merged.load, diagnostics: diagnostics, textConflicts: merged.textConflicts)
    }

    /// A branch merged alone: validated, compared with the target, its forecast changes. What the
    /// branch changes, and what that can move, is all the diff looks at: the rest compares equal
    /// (shared storage) and is left out, as `charter diff` does. The whole workspace is
    /// scheduled, and only when the diff can move a date.
    private static func single(_ ref: String, _ merged: Merged, target: LoadResult, validation: IncrementalValidation,
                               targetEnds: [String: PlanDate?]?, asOf: PlanDate) -> Single {
        var validation = validation
        let plans = evaluate(merged, from: &validation)
        // Kept for this branch's pairs: its findings, not a milestone network per branch.
        validation.releaseIndexes()
        let (before, after) = DiffScope.narrowed(target.workspace, merged.load.workspace)
        let diff = SemanticDiff.compare(DiffSide(workspace: before, unreadable: DiffSide(target).unreadable),
                                        DiffSide(workspace: after, unreadable: DiffSide(merged.load).unreadable), asOf: asOf)
        let forecast = merged.textConflicts.isEmpty && ForecastEnds.mayMove(diff)
            ? ForecastChange.between(targetEnds, ForecastEnds.of(merged.load.workspace, asOf: asOf)) : []
        return Single(branch: ref, plans: plans, validation: validation, diff: diff, footprint: BranchFootprint(diff: diff, before: before, after: after),
                      forecastChanges: forecast)
    }

    /// Why a branch is not evaluated: nothing of the plans changed on it since it left the target.
    private func skipReason(_ branch: ScenarioBranch, target: ScenarioBranch, seen: [ObjectID: String]) throws -> String? {
        if let other = seen[branch.commit] { return "the same commit as \(other)" }
        guard let base = try? repository.mergeBase(target.commit, branch.commit) else {
            return repository.isShallow
                ? "no merge base with \(target.ref) in this shallow clone (fetch with --unshallow or a larger --depth)"
                : "no history in common with \(target.ref)"
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
