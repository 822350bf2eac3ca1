import ArgumentParser
import CharterCore
import CharterGit
import CharterReporters

struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the lessons learned (programs/<id>/lessons.yaml) with what they refer to.",
        discussion: """
        Reads the worktree by default (HEAD in a bare repository), or a commit with --rev. Each lesson is shown \
        with its trigger, lesson and recommendation, and each of its refs resolved: a milestone's name, date and \
        status, a risk's score, a decision's status, a change request's commit title. charter diff, check and \
        changes bring a lesson back when a change touches what it refers to (docs/lessons.md). \
        Exit status: 0, or 2 on usage or I/O errors.
        """
    )

    @Argument(help: ArgumentHelp("Only these programs (default: all).", valueName: "program"))
    var programs: [String] = []

    @Flag(help: "Only lessons whose status is open.")
    var open = false

    @Option(help: ArgumentHelp("Only lessons of this category: schedule, budget, scope, risk, resources, vendor, process, technical or an x- word.",
                               valueName: "category"))
    var category: String?

    @Option(help: ArgumentHelp("Read the plans in this commit (any revision git accepts).", valueName: "rev"))
    var rev: String?

    @Option(help: "Output format: text, json or markdown.")
    var format: LessonListFormat = .text

    @OptionGroup var workspaceOption: WorkspaceOption

    func validate() throws {
        if let category, Lesson.Category(category) == nil {
            throw ValidationError("--category takes one of \(Lesson.Category.words.joined(separator: ", ")) or an x- word, not '\(category)'"
                                  + Suggestion.didYouMean(category, in: Lesson.Category.words))
        }
    }

    func run() throws {
        try UsageErrors.exit2 {
            let version: PlanVersion = rev.map(PlanVersion.revision) ?? .worktree
            // The repository, when there is one, even for the worktree: CR ids are read from it.
            let location = try (try? WorkspaceLocator.locate(explicit: workspaceOption.workspace, needsRepository: true))
                ?? WorkspaceLocator.locate(explicit: workspaceOption.workspace, needsRepository: rev != nil)
            let reader = PlanReader(location: location)
            let load = WorkspaceLoader.load(from: try reader.open(version).source)
            try ProgramSelection.check(programs, in: load.workspace)
            UnreadableFiles.warn(about: load)
            let catalog = LessonCatalog(load.workspace, programs: programs, openOnly: open, category: category.flatMap(Lesson.Category.init),
                                        changeRequestTitles: titles(of: load.workspace, repository: reader.location.repository))
            Terminal.write(format.render(catalog))
        }
    }

    /// The commit title of each CR id the lessons cite, where the repository has that commit.
    private func titles(of workspace: Workspace, repository: Repository?) -> [String: String] {
        guard let repository else { return [:] }
        var titles: [String: String] = [:]
        for program in workspace.programs {
            for id in program.lessons.flatMap(\.changeRequests) where titles[id] == nil {
                titles[id] = LessonChangeRequests.commit(of: id, in: repository)?.summary
            }
        }
        return titles
    }
}

extension LessonListFormat: ExpressibleByArgument {}
