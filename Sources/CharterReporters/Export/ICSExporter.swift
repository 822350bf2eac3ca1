import CharterCore

/// `charter export --format ics`: an iCalendar (RFC 5545) file with one all-day event per dated
/// milestone, for importing into a calendar or subscribing to it.
///
/// Each event's UID is `<program>/<milestone>@charter`, so re-importing updates events instead
/// of duplicating them. DTSTAMP is the day the plans are read as of (midnight UTC): the wall
/// clock would make every export of unchanged plans differ, and the as-of day (today, or the
/// commit's date for `--rev`) is when the information was current.
public enum ICSExporter {
    public static func render(_ export: MilestoneExport, toolVersion: String) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Charter//charter \(toolVersion)//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Charter milestones",
        ]
        let stamp = basic(export.asOf) + "T000000Z"
        for row in export.rows {
            guard let date = row.milestone.date?.value else { continue }
            lines += event(row, date: date, stamp: stamp)
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICSText.fold).joined()
    }

    private static func event(_ row: MilestoneExport.Row, date: PlanDate, stamp: String) -> [String] {
        let milestone = row.milestone
        let id = milestone.id.value
        var lines = [
            "BEGIN:VEVENT",
            "UID:\(row.program)/\(id)@charter",
            "DTSTAMP:\(stamp)",
            "DTSTART;VALUE=DATE:\(basic(date))",
            "DTEND;VALUE=DATE:\(basic(date.adding(days: 1)))",
            "SUMMARY:" + ICSText.escape("\(row.program) \(id): \(milestone.name ?? id)"),
            "DESCRIPTION:" + ICSText.escape(description(row)),
            "CATEGORIES:" + ICSText.escape(row.program),
            "STATUS:" + (milestone.status.value == .cancelled ? "CANCELLED" : "CONFIRMED"),
            "TRANSP:TRANSPARENT",
        ]
        if let owner = row.owner, let email = owner.email, !email.isEmpty,
           !email.contains(where: { $0.isWhitespace || $0 == "\"" || $0.asciiValue.map { $0 < 0x20 } == true }) {
            let name = ICSText.parameter(owner.name ?? owner.id.value)
            lines.append("ORGANIZER;CN=\(name):mailto:\(email)")
            lines.append("ATTENDEE;CN=\(name);ROLE=REQ-PARTICIPANT:mailto:\(email)")
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// Status, owner, dependencies and the rest, one per line.
    private static func description(_ row: MilestoneExport.Row) -> String {
        let milestone = row.milestone
        var parts = ["Program: " + (row.programName.map { "\($0) (\(row.program))" } ?? row.program)]
        var status = "Status: " + milestone.status.value.rawValue
        if let done = milestone.doneOn?.value { status += " (done on \(done))" }
        parts.append(status)
        if let owner = milestone.owner?.value {
            parts.append("Owner: " + (row.owner?.name.map { "\($0) (\(owner))" } ?? owner))
        }
        if let workstream = milestone.workstream?.value { parts.append("Workstream: " + workstream) }
        if let start = milestone.start?.value { parts.append("Work starts: \(start)") }
        if !milestone.dependsOn.isEmpty {
            parts.append("Depends on: " + milestone.dependsOn.map(\.value.description).joined(separator: ", "))
        }
        if !milestone.deliverables.isEmpty { parts.append("Deliverables: " + milestone.deliverables.joined(separator: ", ")) }
        if let details = milestone.description, !details.isEmpty { parts.append(details) }
        return parts.joined(separator: "\n")
    }

    /// `20260501`.
    static func basic(_ date: PlanDate) -> String {
        date.description.filter { $0 != "-" }
    }
}
