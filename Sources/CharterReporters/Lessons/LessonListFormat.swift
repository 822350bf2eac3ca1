import CharterCore

/// The output formats of `charter lessons`.
public enum LessonListFormat: String, CaseIterable, Sendable {
    case text
    case json
    case markdown

    public func render(_ catalog: LessonCatalog) -> String {
        switch self {
        case .text: return LessonListReporter.text(catalog)
        case .json: return LessonListReporter.json(catalog)
        case .markdown: return LessonListReporter.markdown(catalog)
        }
    }
}

/// `charter lessons` as text, JSON and markdown: each lesson with its trigger, lesson,
/// recommendation, and what its refs point at now.
enum LessonListReporter {
    static func text(_ catalog: LessonCatalog) -> String {
        guard !catalog.listings.isEmpty else { return "no lessons\n" }
        var lines: [String] = []
        for listing in catalog.listings {
            let lesson = listing.lesson
            lines.append(heading(listing).escapingControlCharacters)
            for (label, value) in details(lesson) { lines.append("    \(label): " + value.escapingControlCharacters) }
            for subject in listing.subjects { lines.append("    → " + subjectPhrase(subject).escapingControlCharacters) }
            lines.append("")
        }
        lines.append(Plural.count(catalog.listings.count, "lesson"))
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdown(_ catalog: LessonCatalog) -> String {
        var out = "# Lessons learned\n\n"
        guard !catalog.listings.isEmpty else { return out + "No lessons.\n" }
        for listing in catalog.listings {
            out += "## " + DiffMarkdownReporter.escape(heading(listing)) + "\n\n"
            for (label, value) in details(listing.lesson) {
                out += "- **\(label.prefix(1).uppercased() + label.dropFirst())**: " + DiffMarkdownReporter.escape(value) + "\n"
            }
            for subject in listing.subjects { out += "- Refers to " + DiffMarkdownReporter.escape(subjectPhrase(subject)) + "\n" }
            out += "\n"
        }
        return out
    }

    static func json(_ catalog: LessonCatalog) -> String {
        encodeJSON(Document(lessons: catalog.listings.map(Entry.init)))
    }

    /// "payments-pilot/L1 · Store review took three weeks (vendor, closed, owner dave, 2026-02-27)".
    private static func heading(_ listing: LessonCatalog.Listing) -> String {
        let lesson = listing.lesson
        let words = [lesson.category?.value.description, lesson.effectiveStatus.rawValue,
                     lesson.owner.map { "owner " + $0.value }, lesson.date.map { $0.value.description }].compactMap { $0 }
        return listing.entry.ref.description + (lesson.title.map { " · " + $0 } ?? "") + " (" + words.joined(separator: ", ") + ")"
    }

    private static func details(_ lesson: Lesson) -> [(String, String)] {
        [("trigger", lesson.trigger), ("lesson", lesson.lesson), ("recommendation", lesson.recommendation?.value)]
            .compactMap { label, value in value.map { (label, $0) } }
    }

    /// "milestone mobile/M6 · Store launch · 2026-10-16 · planned", "change request CR-1a2b… · Slip M6".
    private static func subjectPhrase(_ subject: LessonCatalog.Subject) -> String {
        let kind: String
        switch subject.kind {
        case .changeRequest: kind = "change request"
        case .milestone, .risk, .decision: kind = subject.kind.rawValue
        case .unknown: return "\(subject.ref) (names nothing in the plans)"
        }
        return "\(kind) \(subject.qualified)" + (subject.summary.map { " · " + $0 } ?? "")
    }

    struct Document: Encodable {
        var lessons: [Entry]
    }

    /// `{"ref","program","id","title","category","status","trigger","lesson","recommendation","owner","date","refs":[{"ref","kind","target","summary"}]}`.
    struct Entry: Encodable {
        struct Ref: Encodable {
            var ref: String
            var kind: String
            var target: String
            @Nullable var summary: String?
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
        @Nullable var date: String?
        var refs: [Ref]

        init(_ listing: LessonCatalog.Listing) {
            let lesson = listing.lesson
            ref = listing.entry.ref.description
            program = listing.entry.program
            id = lesson.id.value
            title = lesson.title
            category = lesson.category?.value.description
            status = lesson.effectiveStatus.rawValue
            trigger = lesson.trigger
            self.lesson = lesson.lesson
            recommendation = lesson.recommendation?.value
            owner = lesson.owner?.value
            date = lesson.date?.value.description
            refs = listing.subjects.map { Ref(ref: $0.ref, kind: $0.kind.rawValue, target: $0.qualified, summary: $0.summary) }
        }
    }
}
