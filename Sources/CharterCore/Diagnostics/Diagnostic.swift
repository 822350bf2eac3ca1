/// One finding: which rule found it, how bad it is, where, and what a TPM should do about it.
public struct Diagnostic: Hashable, Sendable {
    /// A secondary location that explains the finding (another member of a cycle, the first of two duplicates).
    public struct Note: Hashable, Sendable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var ruleID: String
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var notes: [Note]
    /// The name the author probably meant ("did you mean 'date'?"), when a key, value or id is
    /// not one Charter knows. The message says it too.
    public var suggestion: String?

    public init(ruleID: String, severity: Severity, location: SourceLocation, message: String, notes: [Note] = [],
                suggestion: String? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
        self.suggestion = suggestion
    }
}

extension Diagnostic: Comparable {
    /// File, then position, then rule: the order a reader scans a file in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}
