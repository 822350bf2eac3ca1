import CharterCore
import CharterGit
import Foundation

/// `charter check --staged --message-file FILE`, the commit-msg gate: the staged change,
/// judged with the message being written.
struct StagedCheck {
    let repository: Repository
    let prefix: String
    let messageFile: String

    func run() throws -> CheckOutcome {
        let message: String
        do {
            message = CommitMessageFile.clean(try FileSystem.readText(messageFile))
        } catch {
            throw CLIError("cannot read the commit message \(messageFile): \(FileError.reason(error))")
        }
        let builder = ChangeLogBuilder(repository: repository, prefix: prefix)
        let (record, policy, settingsErrors) = try builder.stagedRecord(message: message, author: try CommitIdentity.author(repository))
        if !settingsErrors.isEmpty {
            return .stagedPolicyUnreadable(ValidationReport(diagnostics: settingsErrors, sourceDescription: "the index"), pathPrefix: prefix)
        }
        if record.policyMet { return .stagedAccepted }
        return .stagedRefused(PolicyGuidance.commitRefused(record, policy: policy, messageFile: messageFile))
    }
}
