import Clibgit2

/// libgit2 keeps global state (allocators, TLS for errors) that must be set up once per
/// process before any other call. A global `let` is initialised lazily and exactly once,
/// even when several threads race to it; we never shut down, the process exit does that.
private let libgit2InitCount: Int32 = {
    let count = git_libgit2_init()
    guard count >= 0 else { return count }
    // Reading only: trust the object database as git does, and cache the large trees a history walk
    // revisits. Both are process-wide settings, made once here.
    _ = charter_disable_strict_hash_verification()
    _ = charter_set_tree_cache_limit(1 << 20)
    return count
}()

/// Every factory that creates a libgit2 object calls this first.
func ensureLibgit2() throws {
    if libgit2InitCount < 0 {
        throw GitError.lastError(function: "git_libgit2_init", code: libgit2InitCount)
    }
}

/// Runs a libgit2 call and turns a negative return code into a `GitError`.
///
/// The error is read here, right after the failing call, because any later libgit2 call
/// on this thread may replace or clear it.
@discardableResult
func check(_ function: StaticString, _ code: Int32, summary: String? = nil) throws -> Int32 {
    if code < 0 {
        throw GitError.lastError(function: "\(function)", code: code, summary: summary)
    }
    return code
}

/// libgit2 hands out paths of directories with a trailing slash; we keep them without one.
func trimmingTrailingSlash(_ path: String) -> String {
    var path = path
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    return path
}
