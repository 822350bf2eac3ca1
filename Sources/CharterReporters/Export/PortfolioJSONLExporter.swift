import CharterCore

/// `charter export --format jsonl`: one compact JSON object per line, LF after each
/// (JSON Lines), as `PortfolioRecords` builds them.
public enum PortfolioJSONLExporter {
    public static func render(_ records: PortfolioRecords) -> String {
        records.lines.map { $0.compact() + "\n" }.joined()
    }
}
