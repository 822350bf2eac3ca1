/// What a change request needs to know about a commit, without depending on git:
/// the CLI fills it from libgit2, tests fill it by hand.
public struct CommitFacts: Hashable, Sendable {
    public var id: String
    public var parentIDs: [String]
    public var message: String
    public var author: Signature
    public var committer: Signature

    public init(id: String, parentIDs: [String], message: String, author: Signature, committer: Signature) {
        self.id = id
        self.parentIDs = parentIDs
        self.message = message
        self.author = author
        self.committer = committer
    }

    public var isMerge: Bool { parentIDs.count > 1 }
}
