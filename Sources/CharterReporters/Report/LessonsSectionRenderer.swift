import CharterCore

/// The status report's lessons-learned section: per program in HTML, one table in markdown.
/// Lessons are listed open first (they still ask for action), then actioned, then closed.
enum LessonsSectionRenderer {
    static func html(_ program: ProgramStatus) -> String {
        guard !program.lessons.isEmpty else { return "" }
        var out = Markup.element("h3", text: "Lessons learned")
        out += "<div class=\"scroll\"><table>\n<thead><tr><th>Lesson</th><th>Category</th><th>Status</th><th>Recommendation</th><th>Refers to</th></tr></thead>\n<tbody>\n"
        for listing in ordered(program.lessons) {
            let lesson = listing.lesson
            out += "<tr>" + HTMLReportRenderer.cell(lesson.id.value + (lesson.title.map { " · " + $0 } ?? ""))
                + HTMLReportRenderer.cell(lesson.category?.value.description ?? "—", nowrap: true)
                + HTMLReportRenderer.cell(lesson.effectiveStatus.rawValue, nowrap: true)
                + HTMLReportRenderer.cell(lesson.recommendation?.value ?? "—")
                + HTMLReportRenderer.cell(refs(listing)) + "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    static func appendMarkdown(_ report: StatusReport, to output: inout MarkdownOutput) {
        let rows = report.programs.flatMap { program in
            ordered(program.lessons).map { listing -> [String] in
                let lesson = listing.lesson
                return ["**\(MarkdownReportRenderer.escape(program.id))**",
                        MarkdownReportRenderer.escape(lesson.id.value + (lesson.title.map { " · " + $0 } ?? "")),
                        MarkdownReportRenderer.escape(lesson.category?.value.description ?? "—"), lesson.effectiveStatus.rawValue,
                        MarkdownReportRenderer.escape(lesson.recommendation?.value ?? "—"), MarkdownReportRenderer.escape(refs(listing))]
            }
        }
        guard !rows.isEmpty else { return }
        output.appendTable(title: "### Lessons learned\n\n", header: ["Program", "Lesson", "Category", "Status", "Recommendation", "Refers to"],
                           rows: rows)
    }

    private static func ordered(_ listings: [LessonCatalog.Listing]) -> [LessonCatalog.Listing] {
        let rank: [Lesson.Status: Int] = [.open: 0, .actioned: 1, .closed: 2]
        return listings.enumerated().sorted { a, b in
            let x = rank[a.element.lesson.effectiveStatus]!, y = rank[b.element.lesson.effectiveStatus]!
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    /// "M4 (2026-07-15), CR-1a2b3c4d5e6f": what each ref names.
    private static func refs(_ listing: LessonCatalog.Listing) -> String {
        guard !listing.subjects.isEmpty else { return "—" }
        return listing.subjects.map { $0.ref }.joined(separator: ", ")
    }
}
