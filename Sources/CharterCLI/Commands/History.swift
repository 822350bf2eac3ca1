import ArgumentParser
import CharterCore
import CharterReporters

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List every commit that moved one milestone: from what date to what, who, why, and whether it was approved.",
        discussion: """
        MILESTONE is program/ID (payments-v2/M2), or ID alone when exactly one program has it. The \
        ledger is read from the change log's walk of RANGE (default HEAD; A..B, A...B and REV^! work \
        as for 'charter changes'), oldest first, and follows the milestone when it moved between \
        programs. Each line: the day and change request, what moved (slipped +14d: 2026-05-01 → \
        2026-05-15, pulled in, scheduled, status, moved, removed), the author, the CR's reason (else \
        its title), and approved: yes, no or not required.
        """
    )

    @Argument(help: ArgumentHelp("The milestone: program/ID, or ID when only one program has it.", valueName: "milestone"))
    var milestone: String

    @Argument(help: ArgumentHelp("Revision or range (default: HEAD).", valueName: "range"))
    var range: String?

    @Option(help: "Output format: text, json or markdown.")
    var format: HistoryFormat = .text

    @OptionGroup var workspaceOption: WorkspaceOption

    @OptionGroup var cacheOption: CacheOption

    func validate() throws {
        let ref = EntityReference(milestone)
        if ref.id.isEmpty || ref.program?.isEmpty == true {
            throw ValidationError("'\(milestone)' is not a milestone; give program/ID (payments-v2/M2) or ID")
        }
    }

    func run() throws {
        cacheOption.apply()
        try UsageErrors.exit2 {
            let reader = try PlanHistoryReader(range: range, workspace: workspaceOption.workspace)
            let tip = try reader.tip().workspace
            let (ledger, context) = try MilestoneLookup(reader: reader, tip: tip, useColor: Terminal.stdoutSupportsColor)
                .ledger(for: EntityReference(milestone))
            Terminal.write(MilestoneHistoryReporter.render(ledger, as: format, context: context))
            if context.reachedShallowBoundary && format != .text {
                Terminal.warning("the clone is shallow: history stops at its boundary (git fetch --unshallow for all of it)")
            }
        }
    }
}
