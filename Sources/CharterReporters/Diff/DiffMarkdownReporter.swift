import CharterCore

/// A pull-request comment: a summary table, the summary line, a table of programs, then the
/// details of each program (long lists folded in `<details>`). It always fits the context's
/// limit (GitHub's 65,536 characters by default): details are cut before the summary is, first
/// to one line per entity, then program by program, and the comment says what was left out.
///
/// Text from plan files is escaped: it cannot open HTML, break a table, or mention (`@…`) people.
public enum DiffMarkdownReporter: DiffReporter {
    public static let format = DiffFormat.markdown
    /// Tables longer than this fold into `<details>`.
    static let foldAfter = 10

    public static func render(_ diff: PlanDiff, context: DiffReportContext) -> String {
        let limit = max(context.markdownLimit, 1_024)
        let title = "### Plan changes: \(code(context.fromDescription)) → \(code(context.toDescription))\n\n"
        if !diff.hasChanges && diff.unreadable.isEmpty {
            return title + "No plan changes.\n"
        }
        let programs = diff.programs
        let hasRoot = diff.changes.contains { $0.program == nil }
            || diff.unreadable.contains { PlanFileKind.classify($0.file.path)?.programFolder == nil }
        var blocks = programs.map { (full: programBlock($0, diff, context, compact: false),
                                     compact: programBlock($0, diff, context, compact: true)) }
        if hasRoot { blocks.append((rootBlock(diff, context, compact: false), rootBlock(diff, context, compact: true))) }

        let note = omissionNote(omitted: blocks.count, shortened: blocks.count, context: context)
        let reserve = note.utf8.count + 2
        var head = title + (context.compact ? "" : summaryTable(diff)) + summaryLineBlock(diff.summary.line, budget: limit / 2)
        // Lessons come right after the summary: they are the part a reviewer must not miss.
        head += RecalledLessonPhrases.markdownSection(diff.lessons)
        head += NotifyPhrases.markdownBlock(context.notify, mentions: context.mentions, budget: limit / 4)
        head += programTable(diff, programs, budget: max(0, limit - reserve - head.utf8.count))

        var output = head
        var omitted = 0, shortened = 0
        for block in blocks {
            let room = limit - reserve - output.utf8.count
            if block.full.utf8.count <= room {
                output += block.full
            } else if block.compact.utf8.count <= room {
                output += block.compact
                shortened += 1
            } else {
                omitted += 1
            }
        }
        if omitted > 0 || shortened > 0 {
            output += omissionNote(omitted: omitted, shortened: shortened, context: context)
        }
        return fit(output, limit: limit)
    }

    // MARK: Summary

    private static func summaryTable(_ diff: PlanDiff) -> String {
        var text = "| | |\n|---|---|\n"
        for row in DiffPhrases.summaryRows(diff) {
            text += "| **\(escape(capitalized(row.label)))** | \(escape(row.value)) |\n"
        }
        return text + "\n"
    }

    /// The contract line in a code block, so it can be copied as it is; cut (and said so) only
    /// when it alone would take more than `budget` bytes.
    private static func summaryLineBlock(_ line: String, budget: Int) -> String {
        var shown = line
        var cutNote = ""
        if line.utf8.count > budget {
            shown = String(decoding: Array(line.utf8.prefix(budget)), as: UTF8.self)
            while shown.last == "\u{FFFD}" { shown.removeLast() }
            shown += " …"
            cutNote = "_The summary line is cut here; `--format json` has all of it._\n\n"
        }
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(shown) + 1))
        return "\(fence)text\n\(shown)\n\(fence)\n\n" + cutNote
    }

    private static func programTable(_ diff: PlanDiff, _ programs: [String], budget: Int) -> String {
        guard programs.count > 1 else { return "" }
        var text = "| Program | Added | Modified | Removed | Moved | Consequences |\n|---|--:|--:|--:|--:|--:|\n"
        var shown = 0
        for program in programs {
            let changes = diff.changes(in: program)
            let lifecycle = changes.first { $0.entity == .program && $0.change != .modified }
            var name = "**\(escape(program))**"
            if let lifecycle {
                name += lifecycle.change == .moved ? " (renamed from \(escape(lifecycle.movedFrom ?? "")))" : " (program \(lifecycle.change.rawValue))"
            }
            let count = { (kind: ChangeKind) in changes.filter { $0.change == kind }.count }
            let row = "| \(name) | \(count(.added)) | \(count(.modified)) | \(count(.removed)) | \(count(.moved)) | \(diff.consequences(in: program).count) |\n"
            let more = "| … and \(programs.count - shown) more programs | | | | | |\n"
            if text.utf8.count + row.utf8.count + more.utf8.count + 1 > budget {
                text += more
                break
            }
            text += row
            shown += 1
        }
        return text + "\n"
    }

    // MARK: Details

    private static func programBlock(_ program: String, _ diff: PlanDiff, _ context: DiffReportContext, compact: Bool) -> String {
        let changes = diff.changes(in: program)
        let name = diff.programNames[program]
        var text = "#### \(escape(program))\(name.map { " · " + escape($0) } ?? "")\n\n"
        text += entityTable(changes, label: "changes in \(program)", compact: compact)
        text += bulletList("Consequences", diff.consequences(in: program).map { "⚠️ " + escape($0.message) },
                           label: "consequences in \(program)")
        let unreadable = diff.unreadable.filter { PlanFileKind.classify($0.file.path)?.programFolder == program }
        text += bulletList("Not compared", unreadable.map { escape(DiffPhrases.unreadable($0, context: context)) },
                           label: "unreadable files")
        return text
    }

    private static func rootBlock(_ diff: PlanDiff, _ context: DiffReportContext, compact: Bool) -> String {
        var text = "#### People and settings\n\n"
        text += entityTable(diff.changes.filter { $0.program == nil }, label: "changes to people and settings", compact: compact)
        let unreadable = diff.unreadable.filter { PlanFileKind.classify($0.file.path)?.programFolder == nil }
        text += bulletList("Not compared", unreadable.map { escape(DiffPhrases.unreadable($0, context: context)) },
                           label: "unreadable files")
        return text
    }

    private static func entityTable(_ changes: [EntityChange], label: String, compact: Bool) -> String {
        guard !changes.isEmpty else { return "" }
        var table = compact ? "| Change | Entity |\n|---|---|\n" : "| Change | Entity | Details |\n|---|---|---|\n"
        for change in changes {
            var entity = escape(DiffPhrases.subject(change)).replacingOnce(escape(change.id), with: "**\(escape(change.id))**")
            if let title = DiffPhrases.title(change) { entity += " · " + escape(title) }
            var kind = change.change.rawValue
            if change.change == .moved, let source = change.movedFrom {
                kind += change.entity == .program ? " (renamed from \(escape(source)))" : " from \(escape(source))"
            }
            if compact {
                table += "| \(kind) | \(entity) |\n"
                continue
            }
            let details: String
            switch change.change {
            case .added, .removed: details = DiffPhrases.essentials(change).map(escape) ?? ""
            case .modified, .moved: details = DiffPhrases.fieldLines(change).map(escape).joined(separator: "<br>")
            }
            table += "| \(kind) | \(entity) | \(details) |\n"
        }
        return fold(table, count: changes.count, label: label, force: compact)
    }

    private static func bulletList(_ heading: String, _ items: [String], label: String) -> String {
        guard !items.isEmpty else { return "" }
        let list = items.map { "- \($0)\n" }.joined()
        return "**\(heading)**\n\n" + fold(list, count: items.count, label: label, force: false)
    }

    private static func fold(_ body: String, count: Int, label: String, force: Bool) -> String {
        guard count > foldAfter || force else { return body + "\n" }
        return "<details><summary>\(count) \(escape(label))</summary>\n\n\(body)\n</details>\n\n"
    }

    private static func omissionNote(omitted: Int, shortened: Int, context: DiffReportContext) -> String {
        var parts: [String] = []
        if shortened > 0 { parts.append("\(Plural.count(shortened, "program")) shown without field details") }
        if omitted > 0 { parts.append("\(Plural.count(omitted, "program")) left out") }
        let command = context.command.map { " Run \(code($0)) to see everything." } ?? ""
        return "> [!NOTE]\n> Cut to fit GitHub's \(Money.format(Double(DiffReportContext.gitHubCommentLimit)))-character comment limit: \(parts.joined(separator: ", ")).\(command)\n"
    }

    /// A last guard: never longer than the limit, cut at a character boundary.
    private static func fit(_ text: String, limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var cut = String(decoding: Array(text.utf8.prefix(limit - 2)), as: UTF8.self)
        while cut.last == "\u{FFFD}" || cut.utf8.count > limit - 2 { cut.removeLast() }
        return cut + "\n"
    }

    // MARK: Escaping

    /// Markdown-inert text for tables and lists: punctuation that starts markup is escaped, HTML
    /// and entities are neutralised, `@` cannot mention and `#123` cannot link, line breaks become spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        // Line breaks first: escaping control characters would spell them out as `\u{A}`.
        let oneLine = String(text.map { $0.isNewline ? " " : $0 })
        for character in oneLine.escapingControlCharacters {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "@", "!", "$": out += "\\" + String(character)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Inline code that no backtick in the text can close early.
    static func code(_ text: String) -> String {
        let fence = String(repeating: "`", count: longestBacktickRun(text) + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text.escapingControlCharacters + pad + fence
    }

    private static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    private static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

extension String {
    fileprivate func replacingOnce(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) {
                return String(self[..<index]) + replacement + String(self[self.index(index, offsetBy: target.count)...])
            }
            index = self.index(after: index)
        }
        return self
    }
}
