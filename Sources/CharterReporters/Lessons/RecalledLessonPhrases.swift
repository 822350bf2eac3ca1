import CharterCore

/// How every output shows a lesson a change brings back (diff, the PR comment, check's notes,
/// change-request records): one owner, so the phrasing cannot drift between them.
public enum RecalledLessonPhrases {
    /// The commit a CR id names (its hex digits), which GitHub links in a comment.
    static func commit(ofChangeRequest id: String) -> String { String(id.dropFirst(3)) }

    /// Indented lines for a terminal: heading, recommendation, why, CRs.
    static func textLines(_ recalled: RecalledLesson, indent: String = "  ") -> [String] {
        var lines = [indent + "↺ " + recalled.heading.escapingControlCharacters]
        let inner = indent + "    "
        if let recommendation = recalled.lesson.recommendation?.value {
            lines.append(inner + "recommendation: " + recommendation.escapingControlCharacters)
        }
        for match in recalled.matches { lines.append(inner + "because " + match.explanation.escapingControlCharacters) }
        let crs = recalled.lesson.changeRequests
        if !crs.isEmpty { lines.append(inner + "learned in " + crs.joined(separator: ", ").escapingControlCharacters) }
        return lines
    }

    /// A markdown list item. CR ids carry their commit in parentheses, which GitHub turns into
    /// a link to the commit in a pull-request comment; text from plans is escaped.
    static func markdownItem(_ recalled: RecalledLesson) -> String {
        var item = "- 💡 **" + DiffMarkdownReporter.escape(recalled.heading) + "**"
        if let recommendation = recalled.lesson.recommendation?.value {
            item += "  \n  Recommendation: " + DiffMarkdownReporter.escape(recommendation)
        }
        let reasons = recalled.matches.map { DiffMarkdownReporter.escape($0.explanation) }
        item += "  \n  Because " + reasons.joined(separator: "; ")
        let crs = recalled.lesson.changeRequests
        if !crs.isEmpty {
            item += "  \n  Learned in " + crs.map { DiffMarkdownReporter.escape($0) + " (" + commit(ofChangeRequest: $0) + ")" }
                .joined(separator: ", ")
        }
        return item + "\n"
    }

    static func markdownSection(_ lessons: [RecalledLesson], heading: String = "#### Lessons that apply") -> String {
        guard !lessons.isEmpty else { return "" }
        return heading + "\n\n" + lessons.map(markdownItem).joined() + "\n"
    }
}

/// A recalled lesson in JSON (diff, changes): `{"ref","program","id","title","category","status",
/// "trigger","lesson","recommendation","owner","change_requests":[{"id","commit"}],"because":[{"reason","subject","detail"}]}`.
struct RecalledLessonEntry: Encodable, Sendable {
    struct ChangeRequestRef: Encodable, Sendable {
        var id: String
        var commit: String
    }

    struct Because: Encodable, Sendable {
        var reason: String
        var subject: String
        var detail: String
    }

    var ref: String
    var program: String
    var id: String
    @Nullable var title: String?
    @Nullable var category: String?
    var status: String
    @Nullable var trigger: String?
    @Nullable var lesson: String?
    @Nullable var recommendation: String?
    @Nullable var owner: String?
    var changeRequests: [ChangeRequestRef]
    var because: [Because]

    enum CodingKeys: String, CodingKey {
        case ref, program, id, title, category, status, trigger, lesson, recommendation, owner, because
        case changeRequests = "change_requests"
    }

    init(_ recalled: RecalledLesson) {
        let lesson = recalled.lesson
        ref = recalled.ref
        program = recalled.program
        id = lesson.id.value
        title = lesson.title
        category = lesson.category?.value.description
        status = lesson.effectiveStatus.rawValue
        trigger = lesson.trigger
        self.lesson = lesson.lesson
        recommendation = lesson.recommendation?.value
        owner = lesson.owner?.value
        changeRequests = lesson.changeRequests.map { ChangeRequestRef(id: $0, commit: RecalledLessonPhrases.commit(ofChangeRequest: $0)) }
        because = recalled.matches.map { Because(reason: $0.reason.rawValue, subject: $0.subject, detail: $0.detail) }
    }
}
