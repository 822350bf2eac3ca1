import ArgumentParser

/// `-C/--root`, shared by every command that reads plans.
struct WorkspaceOption: ParsableArguments {
    @Option(name: [.customShort("C"), .customLong("root")], help: ArgumentHelp(
        "The workspace folder. By default, the nearest folder above the current one with charter.yaml (or programs/). In a bare repository, a folder inside the tree.",
        valueName: "dir"))
    var workspace: String?
}
