/// Counted nouns in English, so no message says "1 days": `Plural.count(2, "day")` is
/// "2 days", `Plural.count(1, "change request")` is "1 change request".
public enum Plural {
    /// The noun for `count` things: `plural` (default: the noun and "s") unless there is one.
    public static func noun(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }

    /// The count and its noun: "1 error", "0 errors", "3 pull-ins".
    public static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(noun(count, singular, plural: plural))"
    }
}
