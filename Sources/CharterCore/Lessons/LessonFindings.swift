/// What `charter check` says about lessons learned, as diagnostics the validation reporters show:
/// a lesson whose `CR-…` ref names no plan commit (an error), and a lesson that the checked
/// change requests bring back (a note: it informs the reviewer and never fails the check).
public enum LessonFindings {
    public static let unknownChangeRequest = RuleDescription(
        id: "lesson-unknown-change-request", name: "Lesson cites an unknown change request",
        summary: "A CR id in a lesson's refs names a commit in the checked history that changed plans (CR- and its first 12 hex digits, as charter changes prints it).",
        category: .lessons, defaultSeverity: .error, triggeringExamples: [], nonTriggeringExamples: [])

    public static let recalled = RuleDescription(
        id: "lesson-recalled", name: "Lesson learned comes back",
        summary: "A change in the checked range touches what a lesson refers to, or repeats its kind (docs/lessons.md): the lesson and its recommendation are shown as a note.",
        category: .lessons, defaultSeverity: .note, triggeringExamples: [], nonTriggeringExamples: [])

    public static let descriptions = [unknownChangeRequest, recalled]

    /// Why a CR id cannot be traced to a plan commit.
    public enum Unresolved: Sendable, Hashable {
        /// No commit has that id, or more than one does.
        case noCommit
        /// The commit exists but is not in the history of what is checked.
        case notInHistory
        /// The commit changed no plan file, so it has no change request.
        case notAPlanCommit
    }

    /// The error for a lesson's CR ref that names no plan commit.
    public static func unresolved(_ ref: Located<LessonReference>, lesson: Lesson, why: Unresolved) -> Diagnostic {
        let reason: String
        switch why {
        case .noCommit: reason = "no commit in this repository has that id"
        case .notInHistory: reason = "its commit is not in the history of the checked revision"
        case .notAPlanCommit: reason = "its commit changed no plan file, so it has no change request"
        }
        return Diagnostic(ruleID: unknownChangeRequest.id, severity: .error, location: ref.location,
                          message: "lesson \(lesson.id.value) refers to \(ref.value), but \(reason); CR ids are CR- and the first 12 hex digits of a plan commit (charter changes lists them)")
    }

    /// One note per lesson that the records bring back, at the lesson's id, naming the records.
    public static func notes(_ records: [ChangeRequest], register: LessonRegister) -> [Diagnostic] {
        var order: [QualifiedID] = []
        var found: [QualifiedID: (lesson: RecalledLesson, records: [String], matches: [String])] = [:]
        for record in records {
            for recalled in LessonRecall.recall(record.changes, from: register, changeRequest: record.id) {
                let key = recalled.entry.ref
                if found[key] == nil { order.append(key); found[key] = (recalled, [], []) }
                found[key]!.records.append(record.id)
                found[key]!.matches += recalled.matches.map(\.explanation).filter { !found[key]!.matches.contains($0) }
            }
        }
        return order.map { key in
            let (recalled, records, matches) = found[key]!
            return Diagnostic(
                ruleID: Self.recalled.id, severity: .note, location: recalled.lesson.id.location,
                message: "\(records.joined(separator: ", ")) \(records.count == 1 ? "brings" : "bring") back \(recalled.summaryLine)",
                notes: matches.map { Diagnostic.Note("because " + $0) })
        }
    }
}
