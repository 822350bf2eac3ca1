/// Everything a workspace says, as read from one source (worktree, index or commit).
public struct Workspace: Hashable, Sendable {
    public var settings: Settings
    /// `charter.yaml`'s path when the workspace has one.
    public var settingsPath: String?
    public var people: [Person]
    public var programs: [Program]
    /// Every plan file that was read, workspace-relative.
    public var planFiles: [String]

    public init(settings: Settings = Settings(), settingsPath: String? = nil, people: [Person] = [],
                programs: [Program] = [], planFiles: [String] = []) {
        self.settings = settings
        self.settingsPath = settingsPath
        self.people = people
        self.programs = programs
        self.planFiles = planFiles
    }

    public func program(_ folder: String) -> Program? {
        programs.first { $0.folder == folder }
    }
}
