import ArgumentParser

public struct CharterCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "charter",
        abstract: "Keep technical programs as plain YAML in git: validate, diff and explain every change."
    )

    public init() {}
}
