import CharterCore

/// `charter changes` (text): a change log a person reads in a terminal, newest first.
public enum ChangeLogTextReporter: ChangeLogReporter {
    public static let format = ChangeLogFormat.text

    public static func render(_ records: [ChangeRequest], context: ChangeLogContext) -> String {
        let style = TerminalStyle(enabled: context.useColor)
        var out = ""
        for record in records {
            out += "\(style.bold(record.id))  \(record.author.date.prefix(10))  \(record.title)\n"
            let person = record.author.person.map { " (\($0))" } ?? ""
            out += "  " + style.dim("commit \(record.commit)\(record.isMerge ? " (merge)" : "")\(record.pullRequest.map { ", pull request #\($0)" } ?? "")") + "\n"
            out += "  author: \(record.author.name) <\(record.author.email)>\(person)\n"
            if let reason = record.reason {
                out += "  reason: " + reason.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n          ") + "\n"
            }
            out += "  changes:\n"
            for change in record.changes { out += "    \(ChangeLogPhrases.changeLine(change))\n" }
            for consequence in record.consequences { out += "    ⚠ \(consequence.program): \(consequence.message)\n" }
            let lessons = context.lessons(for: record)
            if !lessons.isEmpty {
                out += "  lessons learned:\n"
                for recalled in lessons { out += RecalledLessonPhrases.textLines(recalled, indent: "    ").joined(separator: "\n") + "\n" }
            }
            out += "  impact: \(ChangeLogPhrases.impactLine(record))\n"
            if !record.changeTypes.isEmpty { out += "  types: \(record.changeTypes.joined(separator: ", "))\n" }
            let state = ChangeLogPhrases.approvalState(record)
            let shown = record.approvalRequired ? (record.approved ? style.green(state) : style.red(state)) : state
            let approvers = ChangeLogPhrases.approvers(record)
            out += "  \(shown)\(approvers.isEmpty ? "" : " by \(approvers)")\n"
            for requirement in record.requirements {
                let mark = requirement.isSatisfied ? "✓" : "✗"
                out += "    \(mark) \(requirement.reason.rawValue)\(requirement.program.map { " (\($0))" } ?? ""): \(requirement.detail)"
                out += requirement.isSatisfied ? " — \(requirement.satisfiedBy.joined(separator: ", "))\n" : "\n      \(requirement.missing ?? "")\n"
            }
            for approval in record.approvals where !approval.counts {
                out += "    " + style.dim("not counted: \(approval.kind) \(approval.name) — \(approval.note ?? "")") + "\n"
            }
            for claim in record.contradictedClaims {
                out += "    " + style.red("✗ \(claim.trailer): \(claim.claimed), but \(claim.actual)") + "\n"
            }
            if !record.unreadableFiles.isEmpty {
                out += "    could not read: \(record.unreadableFiles.joined(separator: ", "))\n"
            }
            if let notify = NotifyPhrases.line(context.notify[record.id], mentions: context.mentions) {
                out += "  notify: \(notify)\n"
            }
            out += "\n"
        }
        out += summary(records)
        if context.reachedShallowBoundary {
            out += "\nThe history stops at a shallow clone's boundary; older changes are not listed (git fetch --unshallow).\n"
        }
        return out
    }

    static func summary(_ records: [ChangeRequest]) -> String {
        guard !records.isEmpty else { return "no change requests: no commit in the range changed plan files\n" }
        let required = records.filter(\.approvalRequired)
        let missing = records.filter { !$0.policyMet }
        var line = "\(Plural.count(records.count, "change request")); \(required.count) needed approval"
        line += missing.isEmpty ? "; policy met by all" : "; policy not met by \(missing.count): \(missing.map(\.id).joined(separator: ", "))"
        return line + "\n"
    }
}
