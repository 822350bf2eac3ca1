/// The parts of a Microsoft Project XML file (MSPDI) that `charter import mspdi` reads, as
/// written, with where each task, link and resource starts in the file. `MSPDIReader` builds it;
/// `MSPDIImport` gives it meaning (dates, statuses, owners, dependencies).
public struct MSPDIDocument: Sendable, Hashable {
    public struct Task: Sendable, Hashable {
        public var uid: Int?
        public var name: String?
        /// 0 is the project's own summary task; 1 the top level.
        public var outlineLevel: Int?
        public var isSummary = false
        public var isMilestone = false
        /// A blank row in MS Project (`IsNull` 1).
        public var isNull = false
        /// MSPDI date-times as written: `2026-05-01T08:00:00`.
        public var start: String?
        public var finish: String?
        public var actualFinish: String?
        public var percentComplete: String?
        public var notes: String?
        /// Extended attributes (Text1…): field id → value.
        public var texts: [Int: String] = [:]
        public var links: [Link] = []
        public var position: TextPosition

        public init(position: TextPosition) { self.position = position }

        public func text(_ field: MSPDIFields.TaskText) -> String? {
            texts[field.rawValue].flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// A `PredecessorLink` of a task.
    public struct Link: Sendable, Hashable {
        public var predecessorUID: Int?
        /// `MSPDIFields.LinkType`'s raw value as written; absent means finish-to-start.
        public var type: String?
        /// In tenths of a minute.
        public var lag: String?
        public var crossProject = false
        public var position: TextPosition

        public init(position: TextPosition) { self.position = position }
    }

    public struct Resource: Sendable, Hashable {
        public var uid: Int?
        public var name: String?
        public var email: String?
        /// Resource extended attributes: field id → value (charter keeps the person id in Text1).
        public var texts: [Int: String] = [:]
        public var position: TextPosition

        public init(position: TextPosition) { self.position = position }
    }

    public struct Assignment: Sendable, Hashable {
        public var taskUID: Int?
        public var resourceUID: Int?
        public var position: TextPosition

        public init(position: TextPosition) { self.position = position }
    }

    /// In file order, which is outline order.
    public var tasks: [Task] = []
    public var resources: [Resource] = []
    public var assignments: [Assignment] = []

    public init() {}
}
