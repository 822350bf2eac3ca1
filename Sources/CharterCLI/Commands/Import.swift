import ArgumentParser

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a plan saved by another tool into a program's files.",
        discussion: "mspdi: Microsoft Project XML (MS Project, ProjectLibre, GanttProject, MPXJ) into milestones.yaml. See docs/export.md.",
        subcommands: [ImportMSPDI.self]
    )
}
