import CharterCore
import CharterGit

/// Traces the `CR-…` ids that lessons cite to plan commits in the history of `head`: each must
/// name a commit (by the hex digits after `CR-`) that `head` descends from and that changed plan
/// files, as every change request's commit did.
struct LessonChangeRequests {
    let repository: Repository
    let prefix: String
    let head: ObjectID

    func diagnostics(_ register: LessonRegister) throws -> [Diagnostic] {
        let plans = ["programs", PlanFileKind.settings.fileName, PlanFileKind.people.fileName]
            .map { prefix.isEmpty ? $0 : prefix + "/" + $0 }
        var verdicts: [String: LessonFindings.Unresolved?] = [:]
        var diagnostics: [Diagnostic] = []
        for entry in register.entries {
            for ref in entry.lesson.refs {
                guard case .changeRequest(let id) = ref.value else { continue }
                if verdicts[id] == nil { verdicts[id] = try verdict(id, plans: plans) }
                if let why = verdicts[id]! {
                    diagnostics.append(LessonFindings.unresolved(ref, lesson: entry.lesson, why: why))
                }
            }
        }
        return diagnostics
    }

    /// The commit a `CR-…` id names by the hex digits after `CR-`, when the repository has it.
    static func commit(of id: String, in repository: Repository) -> CommitInfo? {
        let hex = String(id.dropFirst(3)).lowercased()
        guard let commit = try? repository.commit(hex), commit.id.hex.hasPrefix(hex) else { return nil }
        return commit
    }

    /// `nil` when the id names a plan commit in `head`'s history.
    private func verdict(_ id: String, plans: [String]) throws -> LessonFindings.Unresolved? {
        guard let commit = Self.commit(of: id, in: repository) else { return .noCommit }
        guard (try? repository.mergeBase(commit.id, head)) == commit.id else { return .notInHistory }
        return try repository.commitChanges(commit.id, under: plans) ? nil : .notAPlanCommit
    }
}
