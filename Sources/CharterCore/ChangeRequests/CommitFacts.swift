/// What a change request needs to know about a commit, without depending on git:
/// the CLI fills it from libgit2, tests fill it by hand.
public struct CommitFacts: Hashable, Sendable {
    public struct Person: Hashable, Sendable {
        public var name: String
        public var email: String
        /// Seconds since 1970, and the offset from UTC the commit was made in.
        public var time: Int64
        public var offsetMinutes: Int

        public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
            self.name = name
            self.email = email
            self.time = time
            self.offsetMinutes = offsetMinutes
        }

        /// The calendar day in the commit's own time zone.
        public var day: PlanDate {
            let local = time + Int64(offsetMinutes) * 60
            return PlanDate(dayNumber: Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400))
        }

        /// ISO 8601 with the commit's own offset, as `git log --date=iso-strict` prints it.
        public var iso8601: String {
            let local = time + Int64(offsetMinutes) * 60
            let seconds = Int(((local % 86_400) + 86_400) % 86_400)
            func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            let sign = offsetMinutes < 0 ? "-" : "+"
            let offset = abs(offsetMinutes)
            return "\(day)T\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))\(sign)\(pad(offset / 60)):\(pad(offset % 60))"
        }
    }

    public var id: String
    public var parentIDs: [String]
    public var message: String
    public var author: Person
    public var committer: Person

    public init(id: String, parentIDs: [String], message: String, author: Person, committer: Person) {
        self.id = id
        self.parentIDs = parentIDs
        self.message = message
        self.author = author
        self.committer = committer
    }

    public var isMerge: Bool { parentIDs.count > 1 }
}
