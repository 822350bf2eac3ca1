import Clibgit2

/// Whether a name can be the last part of a tag such as `refs/tags/charter/baseline/NAME`, and if
/// not, why, in words a person can act on.
///
/// libgit2 decides (`git_tag_name_is_valid` on the short name, `git_reference_name_is_valid` on
/// the full one); our own checks exist only to say *why* a name is refused, since libgit2 answers
/// yes or no. Slashes are refused as well: a baseline is one word, so its tag name, file names made
/// from it and the `refs/tags/charter/baseline/*` refspec that shares it all stay simple.
public enum TagName {
    /// `nil` when `name` is acceptable, else the reason ("spaces are not allowed").
    public static func problem(with name: String, under prefix: String) -> String? {
        if let reason = ownReason(name) { return reason }
        guard libgit2Accepts(tag: prefix + name, reference: "refs/tags/" + prefix + name) else {
            return "git does not accept it as a tag name"
        }
        return nil
    }

    private static func ownReason(_ name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.contains(" ") { return "spaces are not allowed" }
        if name.contains("/") { return "slashes are not allowed (a baseline name is one word, such as q3-plan)" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            return "control characters are not allowed"
        }
        for character in ["~", "^", ":", "?", "*", "[", "\\"] where name.contains(character) {
            return "'\(character)' is not allowed"
        }
        if name.contains("..") { return "'..' is not allowed" }
        if name.contains("@{") { return "'@{' is not allowed" }
        if name == "@" { return "'@' alone is not allowed" }
        if name.hasPrefix("-") { return "it may not start with '-'" }
        if name.hasPrefix(".") { return "it may not start with '.'" }
        if name.hasSuffix(".") { return "it may not end with '.'" }
        if name.hasSuffix(".lock") { return "it may not end with '.lock'" }
        return nil
    }

    private static func libgit2Accepts(tag: String, reference: String) -> Bool {
        guard (try? ensureLibgit2()) != nil else { return false }
        var tagValid: Int32 = 0, referenceValid: Int32 = 0
        guard git_tag_name_is_valid(&tagValid, tag) == 0,
              git_reference_name_is_valid(&referenceValid, reference) == 0 else {
            git_error_clear()
            return false
        }
        return tagValid == 1 && referenceValid == 1
    }
}
