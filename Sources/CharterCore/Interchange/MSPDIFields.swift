/// The parts of Microsoft Project's XML schema (MSPDI, `http://schemas.microsoft.com/project`)
/// that charter writes (`MSPDIExporter`) and reads (`MSPDIReader`), named once for both.
public enum MSPDIFields {
    public static let namespace = "http://schemas.microsoft.com/project"

    /// Task text fields (extended attributes) that keep what MS Project has no field for, so a
    /// round trip through it keeps them: the field ids are MS Project's own for Text1…Text4.
    public enum TaskText: Int, CaseIterable, Sendable {
        /// `program/id` for a milestone, the program id for a program's summary task.
        case charterID = 188_743_731
        case workstream = 188_743_734
        /// charter's status (planned, at-risk, done, missed, cancelled).
        case status = 188_743_737
        /// Deliverables, one per line.
        case deliverables = 188_743_740

        public var fieldName: String {
            switch self {
            case .charterID: return "Text1"
            case .workstream: return "Text2"
            case .status: return "Text3"
            case .deliverables: return "Text4"
            }
        }

        public var alias: String {
            switch self {
            case .charterID: return "Charter id"
            case .workstream: return "Charter workstream"
            case .status: return "Charter status"
            case .deliverables: return "Charter deliverables"
            }
        }
    }

    /// Resource Text1: the person's id in people.yaml.
    public static let resourcePersonID = 205_520_904

    /// `PredecessorLink/Type`: 0 FF, 1 FS, 2 SF, 3 SS. Charter's dependencies are finish-to-start.
    public enum LinkType: Int, Sendable {
        case finishToFinish = 0
        case finishToStart = 1
        case startToFinish = 2
        case startToStart = 3
    }

    /// `ConstraintType` 4: start no earlier than — a planned start, as charter reads it.
    public static let startNoEarlierThan = 4
    /// `DurationFormat` 8: elapsed days (calendar days, as charter counts them).
    public static let elapsedDays = 8

    /// A stable UID in 1…2³¹−1 from an id (FNV-1a), so that UIDs do not change between runs or
    /// when milestones are added; collisions are resolved by the caller in file order.
    public static func uid(for key: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in key.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Int(hash % 2_147_483_646) + 1
    }
}
