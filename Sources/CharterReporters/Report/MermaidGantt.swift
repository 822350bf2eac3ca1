import CharterCore

/// A Mermaid `gantt` block that GitHub renders: one section per program, one task per dated
/// milestone (`milestone` for events, `done`, `active` for at-risk, `crit` on the critical path).
/// Mermaid's task grammar breaks on `:`, `#` and `;` in names and wants plain ids, so names are
/// sanitised and ids rebuilt from letters, digits and `_`.
public enum MermaidGantt {
    /// Mermaid refuses diagrams over 50,000 characters (its `maxTextSize`); stay well under.
    public static let defaultLimit = 40_000

    public static func render(_ report: StatusReport, limit: Int = defaultLimit) -> (text: String, omittedPrograms: Int) {
        var text = "```mermaid\ngantt\n    title \(sanitize(report.title)) · as of \(report.asOf)\n"
        text += "    dateFormat YYYY-MM-DD\n    axisFormat %b %Y\n"
        let close = "```\n"
        var omitted = 0
        for (index, program) in report.programs.enumerated() {
            let section = self.section(program, index: index, asOf: report.asOf)
            guard !section.isEmpty else { continue }
            if text.utf8.count + section.utf8.count + close.utf8.count > limit {
                omitted += 1
                continue
            }
            text += section
        }
        return (text + close, omitted)
    }

    static func section(_ program: ProgramStatus, index: Int, asOf: PlanDate) -> String {
        let rows = GanttChart.rows(program, asOf: asOf)
        guard !rows.isEmpty else { return "" }
        var text = "    section \(sanitize(program.name))\n"
        for row in rows {
            switch row {
            case .milestone(let milestone):
                text += "    " + task(milestone, program: index, asOf: asOf) + "\n"
            case let .folded(count, first, last, before):
                // The done milestones before the report's window, as one done bar.
                text += "    \(count) done before \(before) :done, p\(index)_folded, \(first), \(last)\n"
            }
        }
        return text
    }

    /// `Name :tags, id, start, end` or, for an event, `Name :milestone, tags, id, date, 0d`.
    static func task(_ milestone: MilestoneBar, program: Int, asOf: PlanDate) -> String {
        let date = milestone.date!
        var tags: [String] = []
        let isBar = milestone.start.map { $0 < date } ?? false
        if !isBar { tags.append("milestone") }
        if milestone.status == .done { tags.append("done") }
        if milestone.status == .atRisk || milestone.isOverdue(asOf: asOf) { tags.append("active") }
        if milestone.critical { tags.append("crit") }
        let name = sanitize("\(milestone.id) \(milestone.name)")
        let id = "p\(program)_" + identifier(milestone.id)
        let span = isBar ? "\(milestone.start!), \(date)" : "\(date), 0d"
        return "\(name) :" + (tags + [id, span]).joined(separator: ", ")
    }

    /// Text Mermaid reads as a plain task or section name.
    static func sanitize(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case ":", "#", ";": out.append(" ")
            case "\n", "\r", "\t": out.append(" ")
            case "`": out.append("'")
            case "<": out.append("‹")
            case ">": out.append("›")
            default:
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 }) { out.append(character) }
            }
        }
        let words = out.split(separator: " ", omittingEmptySubsequences: true)
        let joined = words.joined(separator: " ")
        return joined.isEmpty ? "untitled" : Markup.cut(joined, 60)
    }

    /// Letters, digits and `_` only.
    static func identifier(_ text: String) -> String {
        let mapped = text.unicodeScalars.map { scalar -> String in
            let isPlain = isASCIIAlphanumeric(scalar)
            return isPlain ? String(scalar) : "_"
        }.joined()
        return mapped.isEmpty ? "x" : mapped
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
