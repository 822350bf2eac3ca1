import CharterCore
import CharterReporters

/// The rule catalogue as `charter rules` prints it and as `docs/format.md` embeds it.
enum RuleCatalog {
    static func text(_ rules: [RuleDescription], examples: Bool) -> String {
        var out = ""
        for category in RuleCategory.allCases {
            let members = rules.filter { $0.category == category }
            guard !members.isEmpty else { continue }
            out += "\(category.title)\n"
            // Severities padded to the longest there is, so every category's summaries line up alike.
            let rows = members.map { [$0.id, $0.defaultSeverity.rawValue.padded(toDisplayWidth: 7), $0.summary] }
            for (rule, line) in zip(members, TextTable(indent: "  ").render(rows)) {
                out += line + "\n"
                if examples { out += exampleText(rule) }
            }
            out += "\n"
        }
        return out + "Set a rule's severity in charter.yaml: policy: { rules: { <rule-id>: error | warning | off } }\n"
            + (examples ? "" : "Run 'charter rules' without --brief for examples.\n")
    }

    private static func exampleText(_ rule: RuleDescription) -> String {
        guard let example = rule.triggeringExamples.first, let file = example.files.first else { return "" }
        let body = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "      " + $0 }.joined(separator: "\n")
        return "\n    Triggers (↓ marks the finding), \(file.path):\n\(body)\n\n"
    }

    static func markdown(_ rules: [RuleDescription]) -> String {
        var out = ""
        for category in RuleCategory.allCases {
            let members = rules.filter { $0.category == category }
            guard !members.isEmpty else { continue }
            out += "### \(category.title)\n\n"
            for rule in members {
                out += "#### `\(rule.id)` — \(rule.name)\n\n\(rule.summary) Default severity: **\(rule.defaultSeverity.rawValue)**.\n\n"
                for (label, examples) in [("Triggers", rule.triggeringExamples), ("Passes", rule.nonTriggeringExamples)] {
                    guard let example = examples.first, let file = example.files.first else { continue }
                    let marked = label == "Triggers" ? " (`↓` marks where the finding points)" : ""
                    out += "\(label)\(marked), `\(file.path)`:\n\n```yaml\n\(file.text.trimmingTrailingNewlines())\n```\n\n"
                }
            }
        }
        return out
    }

    static func json(_ rules: [RuleDescription]) -> String {
        JSONValue.array(rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("name", .string(rule.name)),
                ("category", .string(rule.category.rawValue)),
                ("default_severity", .string(rule.defaultSeverity.rawValue)),
                ("summary", .string(rule.summary)),
                ("example", rule.triggeringExamples.first?.files.first.map { .string($0.text) } ?? .null),
            ])
        }).rendered()
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
