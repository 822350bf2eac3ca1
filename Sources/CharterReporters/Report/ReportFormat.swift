/// The output formats of `charter report --format`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case html
    case markdown
}

public enum StatusReportRenderers {
    public static func render(_ report: StatusReport, as format: ReportFormat, markdownLimit: Int = DiffReportContext.gitHubCommentLimit) -> String {
        switch format {
        case .html: return HTMLReportRenderer.render(report)
        case .markdown: return MarkdownReportRenderer.render(report, limit: markdownLimit)
        }
    }
}
