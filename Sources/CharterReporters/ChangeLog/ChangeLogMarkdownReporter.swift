import CharterCore
import Foundation

/// `charter changes --format markdown`: the change log a director or auditor reads.
public enum ChangeLogMarkdownReporter: ChangeLogReporter {
    public static let format = ChangeLogFormat.markdown

    public static func render(_ records: [ChangeRequest], context: ChangeLogContext) -> String {
        var out = "# Plan change log (\(escape(context.range)))\n\n"
        out += ChangeLogTextReporter.summary(records) + "\n"
        guard !records.isEmpty else { return out }
        out += "| CR | date | author | change | impact | approval |\n| --- | --- | --- | --- | --- | --- |\n"
        for record in records {
            let approval = record.approvalRequired ? (record.policyMet ? "✅ approved" : "❌ missing") : (record.approved ? "approved" : "not required")
            out += "| [\(record.id)](#\(record.id.lowercased())) | \(record.author.date.prefix(10)) | \(escape(record.author.name)) "
            out += "| \(escape(record.title)) | \(escape(ChangeLogPhrases.impactLine(record))) | \(approval) |\n"
        }
        out += "\n"
        for record in records {
            out += "## \(record.id)\n\n**\(escape(record.title))**\n\n"
            out += "- Commit: `\(record.commit)`\(record.isMerge ? " (merge)" : "")\(record.pullRequest.map { ", pull request #\($0)" } ?? "")\n"
            out += "- Author: \(escape(record.author.name)) &lt;\(escape(record.author.email))&gt;, \(record.author.date)\n"
            if let reason = record.reason { out += "- Reason: \(escape(reason.replacingOccurrences(of: "\n", with: " ")))\n" }
            out += "- Change types: \(record.changeTypes.isEmpty ? "none" : record.changeTypes.joined(separator: ", "))\n"
            out += "- Impact: \(escape(ChangeLogPhrases.impactLine(record)))\n"
            out += "- Approval: \(ChangeLogPhrases.approvalState(record))"
            let approvers = ChangeLogPhrases.approvers(record)
            out += approvers.isEmpty ? "\n" : " by \(escape(approvers))\n"
            for requirement in record.requirements {
                out += "  - \(requirement.isSatisfied ? "✅" : "❌") \(requirement.reason.rawValue): \(escape(requirement.detail))"
                out += requirement.isSatisfied ? "\n" : " — \(escape(requirement.missing ?? ""))\n"
            }
            for claim in record.contradictedClaims {
                out += "  - ❌ `\(claim.trailer): \(escape(claim.claimed))` contradicts the change: \(escape(claim.actual))\n"
            }
            out += RecalledLessonPhrases.markdownSection(context.lessons(for: record), heading: "\n**Lessons that apply**")
            if let notify = NotifyPhrases.line(context.notify[record.id], mentions: context.mentions, markdown: true) {
                out += "- Notify: \(notify)\n"
            }
            if !record.changes.isEmpty {
                out += "\n<details><summary>\(Plural.count(record.changes.count, "change"))</summary>\n\n"
                for change in record.changes { out += "- \(escape(ChangeLogPhrases.changeLine(change)))\n" }
                out += "\n</details>\n"
            }
            out += "\n"
        }
        if context.reachedShallowBoundary {
            out += "> The history stops at a shallow clone's boundary; older changes are not listed.\n"
        }
        return out
    }

    /// Keeps table cells and text from turning into markup (one escaping for every markdown output).
    static func escape(_ text: String) -> String { DiffMarkdownReporter.escape(text) }
}
