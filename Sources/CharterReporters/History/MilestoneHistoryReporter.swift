import CharterCore

/// `charter history MILESTONE-REF`: every commit that moved one milestone, oldest first.
public enum MilestoneHistoryReporter {
    public static func render(_ ledger: MilestoneLedger, as format: HistoryFormat, context: HistoryContext) -> String {
        switch format {
        case .text: return text(ledger, context: context)
        case .json: return json(ledger, context: context)
        case .markdown: return markdown(ledger, context: context)
        }
    }

    static func heading(_ ledger: MilestoneLedger) -> String {
        var text = ledger.ref.description + (ledger.name.map { " · \($0)" } ?? "")
        if !ledger.formerRefs.isEmpty { text += " (formerly \(ledger.formerRefs.map(\.description).joined(separator: ", ")))" }
        return text
    }

    static func text(_ ledger: MilestoneLedger, context: HistoryContext) -> String {
        let style = TerminalStyle(enabled: context.useColor)
        var lines = [style.bold(heading(ledger).escapingControlCharacters),
                     HistoryPhrases.summary(SlipRanking.Entry(ledger)) + " · status \(ledger.status ?? "—")",
                     "\(context.range): \(context.span) read".escapingControlCharacters, ""]
        for event in ledger.events {
            let phrase = HistoryPhrases.event(event)
            let coloured = event.isSlip ? style.removed(phrase) : event.isPullIn ? style.added(phrase) : phrase
            lines.append("\(event.commit.day)  \(event.commit.changeRequest)  " + coloured.escapingControlCharacters)
            lines.append("    by \(event.commit.author) · approved: \(event.commit.approval.rawValue)".escapingControlCharacters)
            lines.append("    why: \(event.commit.briefWhy)".escapingControlCharacters)
        }
        if ledger.events.isEmpty { lines.append(emptyNote(context).escapingControlCharacters) }
        if context.reachedShallowBoundary { lines += ["", HistoryContext.shallowNote] }
        return lines.joined(separator: "\n")
    }

    /// Why a ledger has no event: the milestone is older than what was read, and unchanged since.
    static func emptyNote(_ context: HistoryContext) -> String {
        if context.reachedShallowBoundary { return "no changes since the shallow clone's boundary" }
        if context.rangeHasLowerBound { return "no changes in \(context.range); it predates the range" }
        return "no changes in the history read"
    }

    static func json(_ ledger: MilestoneLedger, context: HistoryContext) -> String {
        struct Document: Encodable {
            var milestone: String
            var formerRefs: [String]
            var name: String?
            var range: String
            var shallow: Bool
            var summary: SlipEntryJSON
            var events: [MilestoneEventJSON]

            enum CodingKeys: String, CodingKey {
                case milestone, name, range, shallow, summary, events
                case formerRefs = "former_refs"
            }
        }
        return encodeJSON(Document(milestone: ledger.ref.description, formerRefs: ledger.formerRefs.map(\.description),
                                   name: ledger.name, range: context.range, shallow: context.reachedShallowBoundary,
                                   summary: SlipEntryJSON(SlipRanking.Entry(ledger)), events: ledger.events.map(MilestoneEventJSON.init)))
    }

    static func markdown(_ ledger: MilestoneLedger, context: HistoryContext) -> String {
        let escape = DiffMarkdownReporter.escape
        var out = "### History of \(escape(heading(ledger)))\n\n"
        out += escape(HistoryPhrases.summary(SlipRanking.Entry(ledger))) + " · status \(escape(ledger.status ?? "—"))\n\n"
        out += ledger.events.isEmpty
            ? escape(emptyNote(context)) + "\n"
            : "| date | CR | change | by | why | approved |\n| --- | --- | --- | --- | --- | --- |\n"
        for event in ledger.events {
            out += "| \(event.commit.day) | `\(event.commit.changeRequest)` | \(escape(HistoryPhrases.event(event))) "
            out += "| \(escape(event.commit.author)) | \(escape(event.commit.briefWhy)) | \(event.commit.approval.rawValue) |\n"
        }
        if context.reachedShallowBoundary { out += "\n> \(HistoryContext.shallowNote)\n" }
        return out
    }
}
