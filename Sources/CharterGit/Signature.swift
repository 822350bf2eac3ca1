import Clibgit2

/// Who made a commit, and when, as recorded in it.
public struct Signature: Sendable, Hashable {
    public var name: String
    public var email: String
    /// Seconds since the Unix epoch.
    public var time: Int64
    /// The author's offset from UTC in minutes (east positive), as written in the commit.
    public var offsetMinutes: Int

    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// Copies a signature that libgit2 lends for as long as its commit lives.
    init(copying signature: UnsafePointer<git_signature>) {
        let value = signature.pointee
        self.name = value.name.map { String(cString: $0) } ?? ""
        self.email = value.email.map { String(cString: $0) } ?? ""
        self.time = Int64(value.when.time)
        self.offsetMinutes = Int(value.when.offset)
    }
}
