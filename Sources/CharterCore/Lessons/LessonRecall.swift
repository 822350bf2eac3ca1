/// A lesson brought back by a change: the lesson, and which of the change's entries brought it.
public struct RecalledLesson: Hashable, Sendable {
    /// Why a change brings a lesson back. The raw value is the JSON tag.
    public enum Reason: String, Hashable, Sendable {
        /// The change touches a milestone, risk or decision the lesson names in `refs`.
        case refers
        /// The change slips a milestone that a risk named in `refs` threatens (`affects`).
        case threatenedBy = "threatened-by"
        /// The change does, in the lesson's own program, what its category is about (a slip for
        /// a schedule lesson, growth for a budget lesson…).
        case sameKind = "same-kind"
    }

    public struct Match: Hashable, Sendable {
        public var reason: Reason
        /// The entity of the change, qualified: `payments-v2/M4`.
        public var subject: String
        /// One phrase a reader understands: "payments-v2/M4 slipped 21 days".
        public var detail: String
    }

    public var entry: LessonRegister.Entry
    public var matches: [Match]

    public var lesson: Lesson { entry.lesson }
    public var program: String { entry.program }
    /// `payments-pilot/L1`.
    public var ref: String { entry.ref.description }

    /// "payments-pilot/L1 · Store review took three weeks (vendor, closed)".
    public var heading: String {
        var words: [String] = []
        if let category = lesson.category?.value { words.append(category.description) }
        words.append(lesson.effectiveStatus.rawValue)
        return ref + (lesson.title.map { " · " + $0 } ?? "") + " (" + words.joined(separator: ", ") + ")"
    }

    /// One line for a note: "lesson payments-pilot/L1 · … (vendor, closed): <recommendation> (learned in CR-…)".
    public var summaryLine: String {
        var line = "lesson " + heading
        if let recommendation = lesson.recommendation?.value { line += ": " + recommendation }
        let crs = lesson.changeRequests
        if !crs.isEmpty { line += " (learned in " + crs.joined(separator: ", ") + ")" }
        return line
    }
}

extension RecalledLesson.Match {
    /// "milestone mobile/M6 slipped 14 days (named in its refs)".
    public var explanation: String {
        switch reason {
        case .refers: return detail + " (named in its refs)"
        case .threatenedBy: return detail + " (a risk named in its refs)"
        case .sameKind: return detail + " (same kind as the lesson, in its program)"
        }
    }
}

/// Which lessons a change brings back, and why. One lesson is listed once, with every entry of
/// the change that brought it, whatever its status (a closed lesson is the one most worth
/// hearing again). The rule, documented in docs/lessons.md:
///
/// 1. `refers`: the change adds, modifies, removes or moves a milestone, risk or decision the
///    lesson names in `refs` (`M2` in its own program, `identity/M3` in another).
/// 2. `threatened-by`: the change slips a milestone listed in the `affects` of a risk the lesson
///    names (another slip behind the same vendor risk).
/// 3. `same-kind`: in the program whose `lessons.yaml` holds the lesson, the change does what
///    the lesson's category is about — schedule: a milestone slips; budget: the budget total or a
///    budget line grows, or a line is added; scope: scope items are added or removed; risk: a risk
///    is added, scores higher or is realized; resources: an allocation is added, removed or
///    changed. Vendor, process, technical and `x-` lessons come back by 1 and 2 only.
///
/// A change request never brings back a lesson that cites it: that is where the lesson was learned.
public enum LessonRecall {
    /// - Parameter changeRequest: the id of the record the changes are, when they are one.
    public static func recall(_ changes: [EntityChange], from register: LessonRegister, changeRequest: String? = nil) -> [RecalledLesson] {
        guard !register.isEmpty, !changes.isEmpty else { return [] }
        var recalled: [RecalledLesson] = []
        for entry in register.entries where changeRequest.map({ !entry.lesson.changeRequests.contains($0) }) ?? true {
            var matches: [RecalledLesson.Match] = []
            let subjects = Set(entry.subjects)
            let threatened = Dictionary(entry.subjects.compactMap { risk in
                register.milestonesThreatened[risk].map { (risk, $0) }
            }, uniquingKeysWith: { a, _ in a })
            for change in changes {
                guard let program = change.program else { continue }
                if [.milestone, .risk, .decision].contains(change.entity),
                   subjects.contains(QualifiedID(program: program, id: change.id))
                    || change.movedFrom.map({ subjects.contains(QualifiedID(program: $0, id: change.id)) }) == true {
                    matches.append(.init(reason: .refers, subject: change.qualifiedID, detail: describe(change)))
                    continue
                }
                if change.entity == .milestone, (change.slipDays ?? 0) > 0,
                   let risk = threatened.first(where: { $0.value.contains(QualifiedID(program: program, id: change.id)) })?.key {
                    matches.append(.init(reason: .threatenedBy, subject: change.qualifiedID,
                                         detail: describe(change) + ", threatened by \(risk)"))
                    continue
                }
                if program == entry.program, let category = entry.lesson.category?.value, isSameKind(change, as: category) {
                    matches.append(.init(reason: .sameKind, subject: change.qualifiedID, detail: describe(change)))
                }
            }
            if !matches.isEmpty { recalled.append(RecalledLesson(entry: entry, matches: matches)) }
        }
        return recalled
    }

    /// Whether a change is of the kind a lesson's category is about (rule 3).
    static func isSameKind(_ change: EntityChange, as category: Lesson.Category) -> Bool {
        switch category {
        case .schedule:
            return change.entity == .milestone && (change.slipDays ?? 0) > 0
        case .budget:
            if change.entity == .program { return (change.budgetDelta ?? 0) > 0 }
            if change.entity == .budgetLine { return change.change == .added || (change.amountDelta ?? 0) > 0 }
            return false
        case .scope:
            return change.entity == .program && change.tags.contains(.scopeChanged)
        case .risk:
            guard change.entity == .risk else { return false }
            if change.change == .added { return true }
            if let from = change.scoreFrom, let to = change.scoreTo, to > from { return true }
            return change.field("status")?.to?.text == "realized"
        case .resources:
            return change.entity == .allocation
        case .vendor, .process, .technical, .extensionCategory:
            return false
        }
    }

    /// "payments-v2/M4 slipped 21 days", "payments-v2/R2 modified".
    static func describe(_ change: EntityChange) -> String {
        if change.entity == .milestone, let days = change.slipDays, days != 0 {
            return "milestone \(change.qualifiedID) " + (days > 0 ? "slipped" : "pulled in") + " \(Plural.count(abs(days), "day"))"
        }
        return "\(change.entity.noun) \(change.qualifiedID) \(change.change.rawValue)"
    }
}
