import ArgumentParser

public struct Charter: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "charter",
        abstract: "Keep technical programs as plain YAML in git: validate plans, diff revisions, explain every change.",
        discussion: """
        A workspace is a folder with charter.yaml, people.yaml and programs/<id>/*.yaml. \
        Run 'charter init --workspace' to start one, 'charter validate' to check it.
        """,
        version: version,
        subcommands: [Validate.self, Init.self, Rules.self, Schema.self]
    )

    public init() {}
}
