extension EntityTimeline where Event == MilestoneEvent {
    public var name: String? { events.last(where: { $0.name != nil })?.name ?? atTip?.name }
    public var slips: [MilestoneEvent] { events.filter(\.isSlip) }
    public var pullIns: [MilestoneEvent] { events.filter(\.isPullIn) }

    /// The first date it was given: when added or scheduled, else the date the first move started from.
    public var firstPlanned: PlanDate? {
        for event in events {
            let opening = event.kinds.contains(.added) || event.kinds.contains(.scheduled)
            if let date = opening ? event.dateTo : event.dateFrom { return date }
        }
        return nil
    }

    /// The date after the last event that dated it, else its date at the tip; nil when it was
    /// removed or unscheduled.
    public var current: PlanDate? {
        guard !isRemoved else { return nil }
        guard let last = events.last(where: { $0.dateFrom != nil || $0.dateTo != nil }) else { return atTip?.date }
        return last.dateTo
    }

    /// The status after the last event that set one, else its status at the tip; "removed" once removed.
    public var status: String? {
        isRemoved ? "removed" : events.last(where: { $0.statusTo != nil })?.statusTo ?? atTip?.status
    }

    public var isRemoved: Bool { events.last?.kinds.contains(.removed) ?? false }
}
