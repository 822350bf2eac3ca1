import CharterCore

/// One pull-request comment: the conflicts between branches first (what a reviewer must act
/// on), then the queue, then each branch. It always fits `limit` (GitHub's 65,536-character
/// comment by default): rows that do not fit are counted in a closing note instead.
public enum ScenarioMarkdownReporter {
    public static func render(_ report: ScenarioReport, limit: Int = DiffReportContext.gitHubCommentLimit) -> String {
        var document = Document(limit: max(limit, 1_024))
        document.add("## Open plan changes checked together\n\n")
        document.add(escape(ScenarioPhrases.counts(report)) + "\n\n")

        if report.conflicts.isEmpty {
            document.add("✅ No conflicts between branches.\n\n")
        } else {
            document.add("### ❌ Conflicts between branches (\(report.conflicts.count))\n\n")
            document.table(["Branches", "Kind", "Where", "What"], report.conflicts.map { conflict in
                [conflict.refs.map(code).joined(separator: " + "), code(conflict.kind.name),
                 conflict.locationText.map(code) ?? "—", escape(conflict.message)]
            })
        }
        if let queue = report.queue {
            document.add("### Merge queue\n\n")
            document.add(queue.firstBroken.map { "❌ First to break the queue: \(code($0))\n\n" } ?? "✅ The whole queue merges and validates.\n\n")
            document.table(["#", "Branch", "Result", "Why"], queue.steps.enumerated().map { index, step in
                ["\(index + 1)", code(step.ref), step.merged ? "merged" : "❌ breaks it",
                 escape(step.reasons.map { "\($0.kind): \(ScenarioPhrases.location($0))\($0.message)" }.joined(separator: "; "))]
            })
        }
        if !report.branches.isEmpty {
            document.add("### Each branch merged alone into \(code(report.target.ref))\n\n")
            document.table(["Branch", "Result", "Change", "Forecast"], report.branches.map { branch in
                let verdict = (branch.mergesCleanly && branch.valid ? "✅ " : "❌ ") + ScenarioPhrases.verdict(branch)
                let findings = branch.newFindings.map { "\($0.location): \($0.message)" }
                let conflicts = branch.textConflicts.map { "conflict in \($0.path) (\($0.summary))" }
                return [code(branch.ref), escape(([verdict] + conflicts + findings).joined(separator: "; ")),
                        escape(branch.summary ?? "—"),
                        escape(branch.forecastChanges.map(ScenarioPhrases.forecast).joined(separator: "; "))]
            })
        }
        if !report.skipped.isEmpty {
            document.add("<details><summary>\(report.skipped.count) skipped</summary>\n\n")
            document.table(["Branch", "Why"], report.skipped.map { [code($0.ref), escape($0.reason)] })
            document.add("</details>\n")
        }
        return document.finished()
    }

    /// Appends while the text fits, counting what it leaves out.
    private struct Document {
        let limit: Int
        var text = ""
        var leftOut = 0
        /// Room kept for the closing note and a `</details>`.
        private let reserve = 400

        init(limit: Int) { self.limit = limit }

        mutating func add(_ piece: String) {
            if text.utf8.count + piece.utf8.count <= limit - reserve { text += piece }
        }

        mutating func table(_ header: [String], _ rows: [[String]]) {
            guard !rows.isEmpty else { return }
            add("| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in "---" }.joined(separator: "|") + "|\n")
            for row in rows {
                let line = "| " + row.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n"
                if text.utf8.count + line.utf8.count > limit - reserve { leftOut += 1 } else { text += line }
            }
            add("\n")
        }

        func finished() -> String {
            guard leftOut > 0 else { return text }
            return text + "\n> [!NOTE]\n> Cut to fit GitHub's 65,536-character comment limit: \(leftOut) row\(leftOut == 1 ? "" : "s") left out. "
                + "Run `charter scenarios` (or `--format json`) to see everything.\n"
        }
    }

    private static func escape(_ text: String) -> String { DiffMarkdownReporter.escape(text) }

    private static func code(_ text: String) -> String { DiffMarkdownReporter.code(text) }
}
