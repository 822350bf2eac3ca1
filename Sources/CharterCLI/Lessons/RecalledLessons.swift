import CharterCore
import CharterGit

/// Lessons learned, read when they are shown: the lessons of the revision a command reads (the
/// tip of its range), applied to change-request records that were built, or read from the
/// history index, without them, so a lesson written today comes back on yesterday's records.
enum RecalledLessons {
    /// The register at the tip of `range` (empty on an unborn branch).
    static func register(at range: String, repository: Repository, prefix: String) throws -> LessonRegister {
        guard !repository.isHeadUnborn || !["HEAD", "@"].contains(RangeArgument.tip(of: range)) else { return LessonRegister() }
        let tip = try repository.commit(RangeArgument.tip(of: range))
        return LessonRegister.load(from: try repository.treeSource(commit: tip.id, prefix: prefix))
    }

    /// What each record brings back, by CR id (records that bring back nothing are left out).
    static func byRecord(_ records: [ChangeRequest], register: LessonRegister) -> [String: [RecalledLesson]] {
        var found: [String: [RecalledLesson]] = [:]
        guard !register.isEmpty else { return found }
        for record in records {
            let recalled = LessonRecall.recall(record.changes, from: register, changeRequest: record.id)
            if !recalled.isEmpty { found[record.id] = recalled }
        }
        return found
    }
}
