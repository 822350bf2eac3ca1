import CharterCore
import Clibgit2

/// A tag, read back: where it leads and, for an annotated tag, who made it, when and why.
public struct TagInfo: Sendable, Hashable {
    /// The name under `refs/tags/`, e.g. `charter/baseline/q1-plan`.
    public var name: String
    /// The commit the tag leads to (an annotated tag peeled).
    public var commit: CommitInfo
    /// Who made an annotated tag and when; `nil` for a lightweight tag (or an annotated one
    /// written without a tagger).
    public var tagger: Signature?
    /// An annotated tag's message, without the trailing newline; `nil` for a lightweight tag.
    public var message: String?

    public init(name: String, commit: CommitInfo, tagger: Signature?, message: String?) {
        self.name = name
        self.commit = commit
        self.tagger = tagger
        self.message = message
    }

    /// When the tag was made: its tagger's date, or, for a lightweight tag, which records no
    /// date, its commit's.
    public var date: Signature { tagger ?? commit.committer }
}

extension Repository {
    /// Every tag whose name starts with `prefix` (e.g. `charter/baseline/`) and that leads to a
    /// commit, annotated or lightweight, in name order. Tags of trees or blobs are skipped.
    public func tags(under prefix: String) throws -> [TagInfo] {
        let referencePrefix = "refs/tags/" + prefix
        return try referenceNames(matching: referencePrefix + "*")
            .filter { $0.hasPrefix(referencePrefix) }
            .compactMap { try tag(named: String($0.dropFirst("refs/tags/".count))) }
    }

    /// The tag `refs/tags/<name>`, or `nil` when there is none or it does not lead to a commit.
    public func tag(named name: String) throws -> TagInfo? {
        try ensureLibgit2()
        var id = git_oid()
        let lookup = git_reference_name_to_id(&id, handle, "refs/tags/" + name)
        if lookup == GIT_ENOTFOUND.rawValue || lookup == GIT_EINVALIDSPEC.rawValue {
            git_error_clear()
            return nil
        }
        try check("git_reference_name_to_id", lookup)
        var object: OpaquePointer?
        try check("git_object_lookup", git_object_lookup(&object, handle, &id, GIT_OBJECT_ANY))
        defer { git_object_free(object) }

        var tagger: Signature?
        var message: String?
        if git_object_type(object) == GIT_OBJECT_TAG {
            // A git_object of type tag is a git_tag.
            tagger = git_tag_tagger(object).map { Signature(copying: $0) }
            message = git_tag_message(object).map { String(cString: $0) }.map(Self.withoutTrailingNewlines)
        }
        var peeled: OpaquePointer?
        let peel = git_object_peel(&peeled, object, GIT_OBJECT_COMMIT)
        if peel < 0 {
            git_error_clear()
            return nil
        }
        defer { git_object_free(peeled) }
        return TagInfo(name: name, commit: try commitInfo(copying: peeled!), tagger: tagger, message: message)
    }

    /// Makes the annotated tag `refs/tags/<name>` on `commit`; never moves an existing tag
    /// (throws `.alreadyExists`). Works in bare repositories.
    @discardableResult
    public func createAnnotatedTag(
        _ name: String, on commit: ObjectID, tagger: Signature, message: String
    ) throws -> TagInfo {
        try ensureLibgit2()
        var target: OpaquePointer?
        var commitID = commit.oid
        try check("git_object_lookup", git_object_lookup(&target, handle, &commitID, GIT_OBJECT_COMMIT))
        defer { git_object_free(target) }
        let signature = try gitSignature(tagger)
        defer { git_signature_free(signature) }
        // `git tag -m` ends the message with a newline; so do we, so both read back alike.
        let text = message.hasSuffix("\n") ? message : message + "\n"
        var tagID = git_oid()
        let code = git_tag_create(&tagID, handle, name, target, signature, text, 0)
        if code == GIT_EEXISTS.rawValue {
            throw GitError.lastError(function: "git_tag_create", code: code,
                                     summary: "tag '\(name)' already exists", kind: .alreadyExists)
        }
        try check("git_tag_create", code, summary: "cannot create the tag '\(name)'")
        guard let created = try tag(named: name) else {
            throw GitError.plain(.notFound, "the tag '\(name)' vanished right after it was created")
        }
        return created
    }

    /// Deletes the tag `refs/tags/<name>` (throws `.notFound` when there is none).
    public func deleteTag(_ name: String) throws {
        try ensureLibgit2()
        let code = git_tag_delete(handle, name)
        if code == GIT_ENOTFOUND.rawValue {
            throw GitError.lastError(function: "git_tag_delete", code: code,
                                     summary: "no tag '\(name)'", kind: .notFound)
        }
        try check("git_tag_delete", code, summary: "cannot delete the tag '\(name)'")
    }

    private static func withoutTrailingNewlines(_ text: String) -> String {
        var text = Substring(text)
        while text.last == "\n" { text.removeLast() }
        return String(text)
    }
}
