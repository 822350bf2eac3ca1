import CharterCore

/// What one of `charter check`'s three workflows found, for `Check.run()` to show.
enum CheckOutcome {
    /// Findings to render in the chosen format (`pathPrefix`: the workspace inside the repository).
    case report(ValidationReport, pathPrefix: String)
    /// The staged `charter.yaml` does not validate: its findings, and the commit is stopped.
    case stagedPolicyUnreadable(ValidationReport, pathPrefix: String)
    /// The staged change needs an approval the message lacks: what to tell the committer.
    case stagedRefused(String)
    case stagedAccepted
}
