import ArgumentParser
import CharterCore
import CharterGit

/// Which version of the plans a command reads.
enum PlanVersion {
    case worktree
    case index
    case revision(String)
}

extension PlanVersion {
    /// What `--staged` and `--rev` choose: the worktree without either.
    init(staged: Bool, rev: String?) {
        if staged { self = .index } else if let rev { self = .revision(rev) } else { self = .worktree }
    }

    /// The usage checks of a command with `--staged`, `--rev` and `--as-of`, for its `validate()`.
    static func checkOptions(staged: Bool, rev: String?, asOf: String?) throws {
        if staged && rev != nil { throw ValidationError("--staged and --rev choose different versions; give one of them") }
        if let asOf, PlanDate(asOf) == nil { throw ValidationError("--as-of takes a date as YYYY-MM-DD, not '\(asOf)'") }
    }
}

/// Opens a `PlanSource` for a version of the plans: the one reader abstraction every command uses.
struct PlanReader {
    let location: WorkspaceLocation

    init(version: PlanVersion, workspace explicit: String?) throws {
        if case .worktree = version {
            location = try WorkspaceLocator.locate(explicit: explicit, needsRepository: false)
        } else {
            location = try WorkspaceLocator.locate(explicit: explicit, needsRepository: true)
        }
    }

    /// A reader for a workspace already located (a command that wants the repository even for the worktree).
    init(location: WorkspaceLocation) {
        self.location = location
    }

    /// The version actually read: a bare repository has no worktree, so "the worktree" there is
    /// HEAD, read exactly as `--rev HEAD` (judged by HEAD's date). The one place that decides it.
    func resolved(_ version: PlanVersion) -> PlanVersion {
        if case .worktree = version, location.root == nil { return .revision("HEAD") }
        return version
    }

    /// A source and the day its overdue checks are judged against when `--as-of` is not given.
    func open(_ version: PlanVersion) throws -> (source: any PlanSource, defaultAsOf: PlanDate, conflicts: [String]) {
        let opened = try openSource(version)
        return (opened.source.planSource, opened.defaultAsOf, opened.conflicts)
    }

    /// The source `open` gives, by its kind: for a command that treats git's sources apart
    /// (`validate` checks a tree for missing objects, compares the index with HEAD) without
    /// casting an existential, which costs a hook a scan of the binary's conformance records.
    enum Source {
        case worktree(WorktreeSource)
        case index(GitIndexSource)
        case tree(GitTreeSource)

        var planSource: any PlanSource {
            switch self {
            case .worktree(let source): return source
            case .index(let source): return source
            case .tree(let source): return source
            }
        }
    }

    /// `open`, with the source by its kind.
    func openSource(_ version: PlanVersion) throws -> (source: Source, defaultAsOf: PlanDate, conflicts: [String]) {
        switch resolved(version) {
        case .worktree:
            guard let root = location.root else { throw CLIError("a bare repository has no worktree; use --rev") }
            return (.worktree(WorktreeSource(root: root)), Clock.today(), [])
        case .index:
            let source = try Git.call { try repository().indexSource(prefix: location.prefix) }
            return (.index(source), Clock.today(), source.conflictedPaths)
        case .revision(let revision):
            let repository = try repository()
            let commit = try Git.call { try repository.commit(revision) }
            let source = try Git.call { try repository.treeSource(commit: commit.id, prefix: location.prefix) }
            // Judge an old commit by its own date, so its verdict does not change as time passes.
            return (.tree(source), commit.committer.day, [])
        }
    }

    /// What `open` read, for a report's header: `worktree`, `index`, `HEAD (commit 9a250f5c)`.
    func describe(_ version: PlanVersion, source: any PlanSource) -> String {
        guard case .revision(let revision) = resolved(version) else { return source.sourceDescription }
        return "\(revision) (\(source.sourceDescription))"
    }

    private func repository() throws -> Repository {
        guard let repository = location.repository else { throw CLIError("not in a git repository") }
        return repository
    }
}
