import Clibgit2

/// A failed libgit2 call, or a git-level problem explained in git's own words.
public struct GitError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Hashable {
        /// An object, reference, revision or path that does not exist.
        case notFound
        /// A short object id that matches several objects.
        case ambiguous
        /// HEAD names a branch that has no commits yet.
        case unbornBranch
        /// A revision or reference name that is not well formed.
        case invalidSpec
        /// No repository at or above the path.
        case notARepository
        /// The operation needs a worktree and an index, and the repository is bare.
        case bareRepository
        /// The revision names a tree, blob or tag that does not lead to a commit.
        case notACommit
        /// A reference (a tag) that would be overwritten.
        case alreadyExists
        case other
    }

    public let kind: Kind
    /// The C function that failed, e.g. `git_revparse_single`; empty when no call failed.
    public let function: String
    /// libgit2's return code (`GIT_ENOTFOUND` is -3 ...); 0 when no call failed.
    public let code: Int32
    /// libgit2's own message, or a stand-in naming the function and code when it left none.
    public let detail: String
    /// What went wrong in git's terms ("unknown revision 'nope'"), when we know better than libgit2.
    public let summary: String?

    public init(kind: Kind, function: String, code: Int32, detail: String, summary: String?) {
        self.kind = kind
        self.function = function
        self.code = code
        self.detail = detail
        self.summary = summary
    }

    public var description: String {
        let origin = function.isEmpty ? detail : "\(function): \(detail)"
        guard let summary else { return origin }
        return detail.isEmpty ? summary : "\(summary) (\(origin))"
    }

    /// Builds the error from `git_error_last()`, which must be read before any other libgit2 call.
    static func lastError(function: String, code: Int32, summary: String? = nil, kind: Kind? = nil) -> GitError {
        var message: String?
        // libgit2 1.5 returns NULL when the failing function did not set a message.
        if let last = git_error_last(), let text = last.pointee.message {
            message = String(cString: text).trimmingWhitespace()
        }
        return GitError(
            kind: kind ?? Kind(code: code),
            function: function,
            code: code,
            detail: message.flatMap { $0.isEmpty ? nil : $0 } ?? "failed with code \(code)",
            summary: summary
        )
    }

    /// A problem found by our own checks rather than reported by libgit2.
    static func plain(_ kind: Kind, _ summary: String) -> GitError {
        GitError(kind: kind, function: "", code: 0, detail: "", summary: summary)
    }
}

extension GitError.Kind {
    init(code: Int32) {
        switch code {
        case GIT_ENOTFOUND.rawValue: self = .notFound
        case GIT_EAMBIGUOUS.rawValue: self = .ambiguous
        case GIT_EUNBORNBRANCH.rawValue: self = .unbornBranch
        case GIT_EINVALIDSPEC.rawValue: self = .invalidSpec
        case GIT_EBAREREPO.rawValue: self = .bareRepository
        case GIT_EEXISTS.rawValue: self = .alreadyExists
        default: self = .other
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
