/// An entry of `people.yaml`.
public struct Person: Hashable, Sendable {
    public var id: Located<String>
    public var name: String?
    public var email: String?
    /// GitHub login, for approvals given as pull-request reviews.
    public var github: String?
    public var team: String?
    public var title: String?
}
