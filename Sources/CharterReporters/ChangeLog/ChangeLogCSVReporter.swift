import CharterCore
import Foundation

/// `charter changes --format csv`: one row per change request, for a spreadsheet (RFC 4180).
public enum ChangeLogCSVReporter: ChangeLogReporter {
    public static let format = ChangeLogFormat.csv

    static let header = ["id", "commit", "date", "author", "author_email", "title", "reason", "pull_request", "change_types",
                         "max_slip_days", "budget_delta", "milestones_added", "milestones_removed", "risks_added",
                         "risks_closed", "approval_required", "approved", "policy_met", "approvers", "missing", "changes"]

    public static func render(_ records: [ChangeRequest], context: ChangeLogContext) -> String {
        var rows = [header]
        for record in records {
            rows.append([
                record.id, record.commit, record.author.date, record.author.name, record.author.email, record.title,
                record.reason ?? "", record.pullRequest.map { "#\($0)" } ?? "", record.changeTypes.joined(separator: " "),
                String(record.impact.maxSlipDays), Money.formatPlain(record.impact.budgetDelta),
                record.impact.milestonesAdded.joined(separator: " "), record.impact.milestonesRemoved.joined(separator: " "),
                record.impact.risksAdded.joined(separator: " "), record.impact.risksClosed.joined(separator: " "),
                String(record.approvalRequired), String(record.approved), String(record.policyMet),
                ChangeLogPhrases.approvers(record), record.requirements.compactMap(\.missing).joined(separator: "; "),
                String(record.changes.count),
            ])
        }
        return CSV.table(rows)
    }
}

extension Money {
    /// `40000`, `-1200.5`: numbers a spreadsheet reads as numbers.
    static func formatPlain(_ amount: Double) -> String {
        SafeNumber.plain(amount)
    }
}
