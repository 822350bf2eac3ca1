import CharterGit
import Foundation

/// Where git reads a repository's hooks from, and why.
struct HooksLocation {
    enum Source: Equatable {
        /// `core.hooksPath` is set (by husky, a team's convention, a server's configuration...).
        case configured(value: String, scope: String)
        /// The default: `hooks/` in the git directory shared by all worktrees.
        case standard
    }

    /// Absolute, normalised.
    var directory: String
    var source: Source
    /// `hooks/` of the common git directory: where git looks when `core.hooksPath` is unset.
    var standardDirectory: String
    var isBare: Bool
    /// The folder git runs hooks in (the worktree top, or the git directory when bare);
    /// a relative `core.hooksPath` is relative to it.
    var runDirectory: String

    /// Finds the hooks folder as git does: `core.hooksPath` when set (`~/` is the home
    /// folder; a relative path is relative to where hooks run, the worktree top or the bare
    /// repository), else `<common git dir>/hooks`, so linked worktrees share the main one's.
    static func resolve(_ repository: Repository, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> HooksLocation {
        let isBare = repository.workdir == nil
        let runDirectory = FileSystem.absolute(repository.workdir ?? repository.gitDir)
        let standard = FileSystem.absolute(repository.commonDir + "/hooks")
        guard let entry = try repository.configEntry("core.hooksPath"), !entry.value.isEmpty else {
            return HooksLocation(directory: standard, source: .standard, standardDirectory: standard,
                                 isBare: isBare, runDirectory: runDirectory)
        }
        var path = entry.value
        if path == "~" || path.hasPrefix("~/") {
            let home = environment["HOME"] ?? NSHomeDirectory()
            path = home + path.dropFirst()
        }
        return HooksLocation(directory: FileSystem.absolute(path, relativeTo: runDirectory),
                             source: .configured(value: entry.value, scope: entry.level.name),
                             standardDirectory: standard, isBare: isBare, runDirectory: runDirectory)
    }

    /// One line on where the hooks are read from and why, for people.
    var explanation: String {
        switch source {
        case .standard:
            return "Hooks are read from \(directory) (git's default: core.hooksPath is not set)."
        case let .configured(value, scope):
            return "Hooks are read from \(directory) (core.hooksPath = \(value), in the \(scope) git config)."
        }
    }
}
