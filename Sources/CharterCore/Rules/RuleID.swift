/// Ids of the rules whose findings come from reading files rather than from a rule's `check`:
/// the loader and the schema checker report under these, and the rule types document them.
public enum RuleID {
    public static let yamlSyntax = "yaml-syntax"
    public static let fileEncoding = "file-encoding"
    public static let fileUnreadable = "file-unreadable"
    public static let emptyFile = "empty-file"
    public static let unknownFile = "unknown-file"
    public static let wrongType = "wrong-type"
    public static let unknownKey = "unknown-key"
    public static let duplicateKey = "duplicate-key"
    public static let missingField = "missing-field"
    public static let invalidValue = "invalid-value"
    public static let invalidDate = "invalid-date"
}
