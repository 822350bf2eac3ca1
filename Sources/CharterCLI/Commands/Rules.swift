import ArgumentParser
import CharterCore

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every validation rule with its id, default severity, summary and an example.",
        discussion: "Change a rule's severity in charter.yaml under policy.rules: <rule-id>: error | warning | off."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @Argument(help: "Show only this rule.")
    var ruleID: String?

    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    @Flag(help: "One line per rule, without examples.")
    var brief = false

    func run() throws {
        var rules = RuleRegistry.all.map(\.description) + PolicyFindings.descriptions
        if let ruleID {
            rules = rules.filter { $0.id == ruleID }
            if rules.isEmpty {
                Terminal.error("no rule '\(ruleID)'\(Suggestion.didYouMean(ruleID, in: RuleRegistry.all.map(\.description.id)))")
                throw ExitCode(2)
            }
        }
        switch format {
        case .text: Terminal.write(RuleCatalog.text(rules, examples: !brief))
        case .markdown: Terminal.write(RuleCatalog.markdown(rules))
        case .json: Terminal.write(RuleCatalog.json(rules))
        }
    }
}
