import CharterCore
import Clibgit2

/// What a commit records, copied out of libgit2 so it outlives the commit object.
public struct CommitInfo: Sendable, Hashable {
    public var id: ObjectID
    public var treeID: ObjectID
    /// The parents as git sees them: in a shallow clone the boundary commit has none.
    public var parentIDs: [ObjectID]
    /// The first paragraph of the message, joined into one line.
    public var summary: String
    /// The full message, without leading blank lines.
    public var message: String
    public var author: Signature
    public var committer: Signature

    public init(
        id: ObjectID, treeID: ObjectID, parentIDs: [ObjectID], summary: String, message: String,
        author: Signature, committer: Signature
    ) {
        self.id = id
        self.treeID = treeID
        self.parentIDs = parentIDs
        self.summary = summary
        self.message = message
        self.author = author
        self.committer = committer
    }

    public var isMerge: Bool { parentIDs.count > 1 }

    /// Copies everything the commit lends before the caller frees it.
    init(copying commit: OpaquePointer) {
        id = ObjectID(git_commit_id(commit).pointee)
        treeID = ObjectID(git_commit_tree_id(commit).pointee)
        parentIDs = (0..<git_commit_parentcount(commit)).map {
            ObjectID(git_commit_parent_id(commit, $0).pointee)
        }
        // Both return NULL only when libgit2 cannot allocate.
        summary = git_commit_summary(commit).map { String(cString: $0) } ?? ""
        message = git_commit_message(commit).map { String(cString: $0) } ?? ""
        author = Signature(copying: git_commit_author(commit))
        committer = Signature(copying: git_commit_committer(commit))
    }
}
