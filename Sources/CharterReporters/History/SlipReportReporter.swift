import CharterCore

/// `charter slips`: milestones ranked by how often and how far they moved, and how old the
/// open risks are.
public enum SlipReportReporter {
    public static func render(_ ranking: SlipRanking, _ risks: RiskAges, as format: HistoryFormat, context: HistoryContext) -> String {
        switch format {
        case .text: return text(ranking, risks, context: context)
        case .json: return json(ranking, risks, context: context)
        case .markdown: return markdown(ranking, risks, context: context)
        }
    }

    static func slipRow(_ entry: SlipRanking.Entry) -> [String] {
        [entry.ref.description, "\(entry.slips)", HistoryPhrases.signed(entry.daysSlipped), HistoryPhrases.signed(entry.largestSlip),
         "\(entry.pullIns)", HistoryPhrases.date(entry.firstPlanned),
         entry.status == "removed" ? "removed" : HistoryPhrases.date(entry.current),
         entry.netDrift.map(HistoryPhrases.signed) ?? "—", entry.name ?? ""]
    }

    static let slipHeader = ["milestone", "slips", "slipped", "largest", "pull-ins", "first planned", "now", "drift", "name"]

    static func openRow(_ age: RiskAge) -> [String] {
        [age.ref.description, HistoryPhrases.openSince(age), HistoryPhrases.age(age), "\(age.timesRescored)",
         HistoryPhrases.date(age.lastRescored), HistoryPhrases.score(age.scoreThen, age.scoreNow), age.status ?? "", age.title ?? ""]
    }

    static let openHeader = ["risk", "open since", "age", "re-scored", "last re-scored", "score", "status", "title"]

    static func closedRow(_ age: RiskAge) -> [String] {
        [age.ref.description, HistoryPhrases.openSince(age), HistoryPhrases.date(age.closedOn), HistoryPhrases.age(age),
         "\(age.timesRescored)", HistoryPhrases.score(age.scoreThen, age.scoreNow), age.status ?? "", age.title ?? ""]
    }

    static let closedHeader = ["risk", "opened", "closed", "open for", "re-scored", "score", "as", "title"]

    static func text(_ ranking: SlipRanking, _ risks: RiskAges, context: HistoryContext) -> String {
        let style = TerminalStyle(enabled: context.useColor)
        var lines = [style.bold("Slips in \(context.range) (\(context.span))".escapingControlCharacters), ""]
        lines.append(style.bold("Milestones by slips"))
        lines += ranking.entries.isEmpty ? ["  no milestone moved"] : table(slipHeader, ranking.entries.map(slipRow))
        lines += ["", style.bold("Open risks by age" + (context.last.map { " at \($0)" } ?? ""))]
        lines += risks.open.isEmpty ? ["  no open risks"] : table(openHeader, risks.open.map(openRow))
        if !risks.closed.isEmpty {
            lines += ["", style.bold("Risks closed in the range")]
            lines += table(closedHeader, risks.closed.map(closedRow))
        }
        if context.reachedShallowBoundary { lines += ["", HistoryContext.shallowNote] }
        return lines.map(\.escapingControlCharacters).joined(separator: "\n")
    }

    /// Columns padded to their widest cell; the last column is not padded.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        TextTable(indent: "  ").render([header] + rows)
    }

    static func json(_ ranking: SlipRanking, _ risks: RiskAges, context: HistoryContext) -> String {
        struct Document: Encodable {
            var range: String
            var asOf: String?
            var shallow: Bool
            var commits: Int
            var milestones: [SlipEntryJSON]
            var openRisks: [RiskAgeJSON]
            var closedRisks: [RiskAgeJSON]

            enum CodingKeys: String, CodingKey {
                case range, shallow, commits, milestones
                case asOf = "as_of", openRisks = "open_risks", closedRisks = "closed_risks"
            }
        }
        return encodeJSON(Document(range: context.range, asOf: context.last?.description, shallow: context.reachedShallowBoundary,
                                   commits: context.commitsRead, milestones: ranking.entries.map(SlipEntryJSON.init),
                                   openRisks: risks.open.map(RiskAgeJSON.init), closedRisks: risks.closed.map(RiskAgeJSON.init)))
    }

    static func markdown(_ ranking: SlipRanking, _ risks: RiskAges, context: HistoryContext) -> String {
        let escape = DiffMarkdownReporter.escape
        func table(_ header: [String], _ rows: [[String]]) -> String {
            var out = "| " + header.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: header.count) + "\n"
            for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
            return out
        }
        var out = "### Slips in \(escape(context.range))\n\n\(escape(context.span))\n\n#### Milestones by slips\n\n"
        out += ranking.entries.isEmpty ? "No milestone moved.\n" : table(slipHeader, ranking.entries.map(slipRow))
        out += "\n#### Open risks by age\n\n"
        out += risks.open.isEmpty ? "No open risks.\n" : table(openHeader, risks.open.map(openRow))
        if !risks.closed.isEmpty { out += "\n#### Risks closed in the range\n\n" + table(closedHeader, risks.closed.map(closedRow)) }
        if context.reachedShallowBoundary { out += "\n> \(HistoryContext.shallowNote)\n" }
        return out
    }
}
