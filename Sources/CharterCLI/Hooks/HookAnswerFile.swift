import CharterGit
import Foundation

/// The one-line file the pre-commit hook leaves for the commit-msg hook of the same
/// `git commit` ("<pid of git> none|plans", in each worktree's git directory), so that
/// commit-msg need not ask git again whether the commit stages a plan change. The scripts
/// write and read it; charter only removes it when its hooks go.
enum HookAnswerFile {
    static let name = "CHARTER_PRE_COMMIT"

    /// Whether removing this hook removes the answer files: pre-commit writes them and
    /// commit-msg reads them, so either one going leaves them of no use.
    static func goesWith(_ hook: HookName) -> Bool {
        hook == .preCommit || hook == .commitMsg
    }

    /// Every worktree's answer file: the main git directory's, each linked worktree's
    /// (`<common dir>/worktrees/<name>/`), and this repository's own git directory's, since
    /// hooks are shared by all worktrees. Those that are not there are skipped.
    static func paths(in repository: Repository) -> [String] {
        let common = FileSystem.absolute(repository.commonDir)
        var folders = [common, FileSystem.absolute(repository.gitDir)]
        let worktrees = common + "/worktrees"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: worktrees))?.sorted() ?? [] {
            folders.append(worktrees + "/" + entry)
        }
        var seen: Set<String> = []
        return folders.filter { seen.insert($0).inserted }.map { $0 + "/" + name }
    }

    /// Removes every worktree's answer file; one that cannot be removed is an error.
    static func removeAll(in repository: Repository) throws {
        for path in paths(in: repository) {
            try HookFiles.remove(path)
        }
    }
}
