import CharterCore
import CharterReporters

/// Finds a milestone's ledger from what the user typed: `program/ID` or a bare `ID`, now or in
/// the history walked, with "did you mean" when neither has it.
struct MilestoneLookup {
    let reader: PlanHistoryReader
    /// The plans at the range's tip.
    let tip: Workspace
    let useColor: Bool

    func ledger(for typed: EntityReference) throws -> (MilestoneLedger, HistoryContext) {
        let atTip = tip.programs.flatMap { program in program.milestones.map { QualifiedID(program: program.folder, id: $0.id.value) } }
        // One walk over every plan commit: a milestone may have moved between programs, and the
        // walk cannot know which before it has read them (the index makes this walk cheap).
        let result = try reader.read(programs: [], since: nil, useColor: useColor)
        guard let program = typed.program else {
            let holders = atTip.filter { $0.id == typed.id }
            if holders.count > 1 {
                throw CLIError("milestone '\(typed.id)' is in several programs (\(holders.map(\.description).joined(separator: ", "))); give program/\(typed.id)")
            }
            if let only = holders.first { return try ledger(for: only, atTip: atTip, in: result) }
            // Not in the plans now: it may have been removed; the whole history says where it was.
            let seen = Set(result.history.milestoneRefs.filter { $0.id == typed.id }.map { result.history.resolve($0) })
            if seen.count > 1 {
                throw CLIError("milestone '\(typed.id)' was in several programs (\(seen.sorted().map(\.description).joined(separator: ", "))); give program/\(typed.id)")
            }
            if let only = seen.first { return try ledger(for: only, atTip: atTip, in: result) }
            throw notFound(typed.description, candidates: atTip + result.history.milestoneRefs, bareIDs: true)
        }
        return try ledger(for: QualifiedID(program: program, id: typed.id), atTip: atTip, in: result)
    }

    /// The milestone's ledger in the walk of every plan commit, which follows it across programs.
    private func ledger(for ref: QualifiedID, atTip: [QualifiedID], in result: PlanHistoryReader.Result) throws
        -> (MilestoneLedger, HistoryContext) {
        guard var ledger = result.history.ledger(of: ref) else {
            guard atTip.contains(ref) else {
                throw notFound(ref.description, candidates: atTip + result.history.milestoneRefs, bareIDs: false)
            }
            let own = try reader.narrowed(result, to: [ref.program])
            return (unchanged(ref, history: own.history), own.context)
        }
        ledger.atTip = state(of: ledger.ref)
        // The span read, as the programs the milestone lived in count it.
        let programs = Set([ledger.ref.program, ref.program] + ledger.formerRefs.map(\.program) + ledger.events.compactMap(\.movedFrom))
        return (ledger, try reader.narrowed(result, to: programs).context)
    }

    /// A milestone at the tip with no diff entry of its own: it came with its program (when that
    /// commit was read) and never changed since.
    /// Without the commit that added it (before a shallow clone's boundary, or before the
    /// range) the ledger has no event: its name, date and status are the tip's.
    private func unchanged(_ ref: QualifiedID, history: PlanHistory) -> MilestoneLedger {
        var ledger = MilestoneLedger(ref: ref, atTip: state(of: ref))
        let milestone = self.milestone(ref)
        if let origin = history.programOrigins[ref.program] {
            var added = MilestoneEvent(kinds: [.added], ref: ref, name: milestone?.name, commit: origin)
            added.dateTo = milestone?.date?.value
            added.statusTo = milestone?.status.value.rawValue
            added.withProgram = true
            ledger.events = [added]
        }
        return ledger
    }

    private func milestone(_ ref: QualifiedID) -> Milestone? {
        tip.program(ref.program)?.milestones.first { $0.id.value == ref.id }
    }

    /// The milestone as the plans at the range's tip have it.
    private func state(of ref: QualifiedID) -> TipState? {
        milestone(ref).map { TipState(name: $0.name, date: $0.date?.value, status: $0.status.value.rawValue) }
    }

    private func notFound(_ typed: String, candidates: [QualifiedID], bareIDs: Bool) -> CLIError {
        let names = Set(candidates.map(\.description) + (bareIDs ? candidates.map(\.id) : []))
        return CLIError("no milestone '\(typed)' at \(RangeArgument.tip(of: reader.range)) or in its history"
                        + Suggestion.didYouMean(typed, in: names.sorted()))
    }
}
