import CharterCore

/// The one place the exporters read a milestone's status, so that the typed status
/// (`MilestoneStatus`) replaces the stored string here and nowhere else.
enum ExportedStatus {
    static func text(_ milestone: Milestone) -> String { milestone.status.value }
    static func isDone(_ milestone: Milestone) -> Bool { text(milestone) == "done" }
    static func isCancelled(_ milestone: Milestone) -> Bool { text(milestone) == "cancelled" }
}
