/// What the commit-msg gate tells the person committing, in words: why the policy stops this
/// commit and how to get it through. The hook prints it as it is.
public enum PolicyGuidance {
    /// Why a staged change with this message does not meet `policy`, and what to do about it.
    /// `messageFile` is where git keeps the message, so the person knows it is not lost.
    public static func commitRefused(_ record: ChangeRequest, policy: Policy, messageFile: String) -> String {
        var lines = ["This commit changes plans in a way the policy in charter.yaml asks approval for:"]
        for requirement in record.requirements where !requirement.isSatisfied {
            lines.append("  ✗ \(requirement.reason.rawValue)\(requirement.program.map { " (\($0))" } ?? ""): \(requirement.detail)")
            lines.append("    \(requirement.missing ?? "")")
        }
        for claim in record.contradictedClaims {
            lines.append("  ✗ '\(claim.trailer): \(claim.claimed)' in the message, but \(claim.actual)")
        }
        for approval in record.approvals where !approval.counts {
            lines.append("  (not counted: \(approval.kind): \(approval.name) — \(approval.note ?? ""))")
        }
        lines.append("Add the approval as the last paragraph of the message, for example:")
        lines.append("    \(policy.approvalTrailer): Full Name <email@example.com>")
        lines.append("or commit now with --no-verify and record the approval later with 'charter approve <commit> --as <person>'")
        lines.append("(the pre-push hook and 'charter check' then accept it). Your message is kept in \(messageFile).")
        return lines.joined(separator: "\n")
    }

    /// Said after the findings when the staged `charter.yaml` does not validate: a policy that
    /// cannot be read must not let everything through.
    public static let unreadableStagedPolicy =
        "The staged charter.yaml does not validate, so the policy this commit must meet is unknown: fix it and 'git add' it."

    /// What `charter check` says about the range it checked, for a person at a terminal.
    public static func checkedRange(_ range: String, changeRequests: Int) -> String {
        changeRequests == 0 ? "no commit in \(range) changed plans" : "\(Plural.count(changeRequests, "change request")) checked in \(range)"
    }
}
