import Clibgit2
import Foundation

/// An open git repository: the one owner of its `git_repository` handle.
///
/// libgit2 objects are not safe to share between threads, so a `Repository` (and every
/// source made from it) serves one task; open another one for concurrent work.
public final class Repository {
    let handle: OpaquePointer
    /// Set from `GIT_INDEX_FILE`: git points hooks at a temporary index (`index.lock`
    /// during `git commit -a`), and that, not `.git/index`, is what is being committed.
    let indexFileOverride: String?
    /// Object folders added from `GIT_OBJECT_DIRECTORY` and `GIT_ALTERNATE_OBJECT_DIRECTORIES`
    /// (a pre-receive quarantine): a handle opened again for another thread adds them too.
    private var extraObjectDirectories: [String] = []

    private init(handle: OpaquePointer, indexFileOverride: String? = nil) {
        self.handle = handle
        self.indexFileOverride = indexFileOverride
    }

    deinit {
        git_repository_free(handle)
    }

    /// Opens the repository at `path` exactly: a worktree holding `.git`, or a git directory.
    public static func open(at path: String) throws -> Repository {
        try ensureLibgit2()
        var raw: OpaquePointer?
        let code = git_repository_open(&raw, path)
        if code < 0 {
            throw GitError.lastError(
                function: "git_repository_open", code: code,
                summary: "not a git repository: \(path)",
                kind: code == GIT_ENOTFOUND.rawValue ? .notARepository : nil)
        }
        return Repository(handle: raw!)
    }

    /// Opens the repository that contains `path`, searching upward, the way git itself finds it.
    ///
    /// Honours the variables git sets for hooks and that users set by hand: `GIT_DIR`
    /// (then `path` is not searched), `GIT_WORK_TREE`, `GIT_INDEX_FILE` (pre-commit),
    /// `GIT_OBJECT_DIRECTORY` and `GIT_ALTERNATE_OBJECT_DIRECTORIES` (the quarantine of
    /// pushed objects in pre-receive), `GIT_NAMESPACE`, `GIT_CEILING_DIRECTORIES` and
    /// `GIT_DISCOVERY_ACROSS_FILESYSTEM`. Relative paths in them are relative to the
    /// current directory, as in git. `GIT_COMMON_DIR` is not supported (git sets it only
    /// for its own plumbing); a linked worktree's `GIT_DIR` already leads to its common dir.
    ///
    /// We read these ourselves instead of using `GIT_REPOSITORY_OPEN_FROM_ENV`: in
    /// libgit2 1.5 that flag ignores `GIT_DIR` whenever a start path is given, fails
    /// outright when `GIT_WORK_TREE` is set, and cannot be handed a test environment.
    public static func discover(
        from path: String,
        environment: [String: String]? = nil
    ) throws -> Repository {
        try ensureLibgit2()
        // Without an environment given, the variables git reads, from this process.
        let env = GitEnvironment(environment ?? GitEnvironment.processVariables())
        var raw: OpaquePointer?
        if let gitDir = env.gitDir {
            let flags = GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue | GIT_REPOSITORY_OPEN_NO_DOTGIT.rawValue
            let code = git_repository_open_ext(&raw, gitDir, flags, nil)
            if code < 0 {
                throw GitError.lastError(
                    function: "git_repository_open_ext", code: code,
                    summary: "not a git repository: '\(gitDir)' (from GIT_DIR)", kind: .notARepository)
            }
        } else {
            let flags = env.discoveryAcrossFilesystem ? GIT_REPOSITORY_OPEN_CROSS_FS.rawValue : 0
            let code = git_repository_open_ext(&raw, path, flags, env.ceilingDirectories)
            if code < 0 {
                throw GitError.lastError(
                    function: "git_repository_open_ext", code: code,
                    summary: "not a git repository (or any of the parent directories): \(path)",
                    kind: code == GIT_ENOTFOUND.rawValue ? .notARepository : nil)
            }
        }
        let repository = Repository(handle: raw!, indexFileOverride: env.indexFile)
        try repository.apply(env)
        return repository
    }

    private func apply(_ env: GitEnvironment) throws {
        if let workTree = env.workTree {
            try check("git_repository_set_workdir", git_repository_set_workdir(handle, workTree, 0))
        }
        if let namespace = env.namespace {
            try check("git_repository_set_namespace", git_repository_set_namespace(handle, namespace))
        }
        let extraObjectDirectories = [env.objectDirectory].compactMap { $0 } + env.alternateObjectDirectories
        try addObjectDirectories(extraObjectDirectories)
    }

    private func addObjectDirectories(_ directories: [String]) throws {
        guard !directories.isEmpty else { return }
        // Replacing the object database needs the unexported sys/ headers; adding the
        // quarantine as an alternate gives the same union of objects for reading.
        let odb = try ObjectDatabase(of: self)
        for directory in directories {
            try odb.addAlternate(directory)
        }
        extraObjectDirectories += directories
    }

    /// Another handle on the same repository, with the same objects, for another thread to read
    /// through: a libgit2 handle must be used by one thread at a time. Reading objects is all it
    /// is for (it has no worktree or index settings of its own).
    public func openedAgain() throws -> Repository {
        try ensureLibgit2()
        var raw: OpaquePointer?
        let flags = GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue | GIT_REPOSITORY_OPEN_NO_DOTGIT.rawValue
        let code = git_repository_open_ext(&raw, gitDir, flags, nil)
        if code < 0 {
            throw GitError.lastError(function: "git_repository_open_ext", code: code,
                                     summary: "cannot open '\(gitDir)' again", kind: .notARepository)
        }
        let again = Repository(handle: raw!, indexFileOverride: indexFileOverride)
        try again.addObjectDirectories(extraObjectDirectories)
        return again
    }

    /// The top of the worktree, absolute, without a trailing slash; `nil` for a bare repository.
    public var workdir: String? {
        git_repository_workdir(handle).map { trimmingTrailingSlash(String(cString: $0)) }
    }

    /// The git directory: `.git`, a linked worktree's `.git/worktrees/<name>`, or the bare repository.
    public var gitDir: String {
        trimmingTrailingSlash(String(cString: git_repository_path(handle)))
    }

    /// The directory shared by all worktrees (objects, refs, config, hooks).
    public var commonDir: String {
        trimmingTrailingSlash(String(cString: git_repository_commondir(handle)))
    }

    public var isBare: Bool { git_repository_is_bare(handle) == 1 }

    public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

    /// HEAD names a branch that has no commit yet (a fresh `git init`, an orphan branch).
    public var isHeadUnborn: Bool { git_repository_head_unborn(handle) == 1 }

    public var isHeadDetached: Bool { git_repository_head_detached(handle) == 1 }

    /// The short name of the branch HEAD points at, even if it has no commits; `nil` when detached.
    public var headBranchName: String? {
        var reference: OpaquePointer?
        guard git_reference_lookup(&reference, handle, "HEAD") == 0, let reference else { return nil }
        defer { git_reference_free(reference) }
        guard git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC,
              let target = git_reference_symbolic_target(reference) else { return nil }
        let name = String(cString: target)
        let heads = "refs/heads/"
        return name.hasPrefix(heads) ? String(name.dropFirst(heads.count)) : name
    }
}

@available(*, unavailable, message: "libgit2 handles serve one task; open a Repository per task")
extension Repository: Sendable {}
