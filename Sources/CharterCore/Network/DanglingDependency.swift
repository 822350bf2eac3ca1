/// A `depends_on` entry that names no milestone; scheduling skips it (validation reports it).
public struct DanglingDependency: Hashable, Sendable {
    public let milestone: QualifiedID
    /// As written: `M9` or `identity/M9`.
    public let reference: String
    /// The closest existing milestone, written as a reference from anywhere (`identity/M3`).
    public let suggestion: String?
    /// Where the entry is written.
    public let location: SourceLocation?

    public init(milestone: QualifiedID, reference: String, suggestion: String?, location: SourceLocation? = nil) {
        self.milestone = milestone
        self.reference = reference
        self.suggestion = suggestion
        self.location = location
    }
}
