import CharterCore

/// `charter export --format csv`: one row per milestone, dated or not, for a spreadsheet.
public enum MilestoneCSVExporter {
    public static let header = ["program", "milestone", "name", "workstream", "owner", "owner_name", "owner_email",
                                "start", "date", "status", "done_on", "depends_on"]

    public static func render(_ export: MilestoneExport) -> String {
        CSV.table([header] + export.rows.map { row in
            let milestone = row.milestone
            return [
                row.program, milestone.id.value, milestone.name ?? "", milestone.workstream?.value ?? "",
                milestone.owner?.value ?? "", row.owner?.name ?? "", row.owner?.email ?? "",
                milestone.start?.value.description ?? "", milestone.date?.value.description ?? "",
                milestone.status.value.rawValue, milestone.doneOn?.value.description ?? "",
                // Space-separated: ids hold no spaces, and a cell stays one token per dependency.
                milestone.dependsOn.map(\.value.description).joined(separator: " "),
            ]
        })
    }
}
