import Foundation

/// The templates `charter init` writes, read from the copy embedded in the binary.
enum Templates {
    /// Program templates: every folder of templates/ except `workspace`.
    static var programTemplateNames: [String] {
        Set(EmbeddedResources.templates.keys.compactMap { path in
            path.split(separator: "/").first.map(String.init)
        }).subtracting(["workspace"]).sorted()
    }

    static func files(in template: String) -> [(path: String, text: String)] {
        EmbeddedResources.templates
            .filter { $0.key.hasPrefix(template + "/") }
            .map { (String($0.key.dropFirst(template.count + 1)), $0.value) }
            .sorted { $0.path < $1.path }
    }

    /// Replaces `{{key}}` placeholders.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        var result = text
        for (key, value) in values { result = result.replacingOccurrences(of: "{{\(key)}}", with: value) }
        return result
    }

    /// A value safe to put after `key: ` in YAML: quoted when plain text would change meaning.
    static func yamlScalar(_ text: String) -> String {
        let special = ": ", comment = " #"
        let needsQuotes = text.isEmpty || text.contains(special) || text.contains(comment) || text.hasSuffix(":")
            || text.first.map { "[]{}&*!|>'\"%@`#,?-".contains($0) || $0.isWhitespace } == true
            || text.last?.isWhitespace == true
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `payments-v2` → "Payments V2".
    static func displayName(for id: String) -> String {
        id.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }
}
