/// What `charter export --format` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// iCalendar, one all-day event per dated milestone (`ICSExporter`).
    case ics
    /// One row per milestone (`MilestoneCSVExporter`).
    case csv
    /// A TaskJuggler project of the whole milestone network (`TaskJugglerExporter`).
    case tjp
    /// Microsoft Project XML (`MSPDIExporter`).
    case mspdi
    /// JSON Lines for portfolio queries across repositories (`PortfolioRecords`).
    case jsonl

    /// Whether the format holds the whole network, so that choosing programs makes no sense.
    public var isWholeNetwork: Bool { self == .tjp }
}
