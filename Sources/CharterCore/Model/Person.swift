/// An entry of `people.yaml`.
public struct Person: Hashable, Sendable {
    public var id: Located<String>
    public var name: String?
    public var email: String?
    public var team: String?
    public var title: String?
}
