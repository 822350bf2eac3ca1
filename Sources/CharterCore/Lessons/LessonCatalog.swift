/// `charter lessons`: the lessons of a workspace, filtered, each with what its refs point at as
/// the plans say now.
public struct LessonCatalog: Sendable {
    /// One `refs` entry, resolved.
    public struct Subject: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case changeRequest = "change-request"
            case milestone
            case risk
            case decision
            /// Names nothing in the plans (`charter validate` reports it).
            case unknown
        }

        /// As written in `refs`.
        public var ref: String
        public var kind: Kind
        /// `payments-v2/M4`; for a CR its id.
        public var qualified: String
        /// "PCI DSS assessment passed · 2026-07-15 · planned"; a CR's commit title when known.
        public var summary: String?
    }

    public struct Listing: Sendable, Hashable {
        public var entry: LessonRegister.Entry
        public var subjects: [Subject]
        public var lesson: Lesson { entry.lesson }
    }

    public var listings: [Listing]

    /// - Parameters:
    ///   - programs: only these program folders (all when empty).
    ///   - changeRequestTitles: the commit title of each CR id, when the caller could read history.
    public init(_ workspace: Workspace, programs: [String] = [], openOnly: Bool = false, category: Lesson.Category? = nil,
                changeRequestTitles: [String: String] = [:]) {
        let wanted = Set(programs)
        let entries = LessonRegister(workspace).entries.filter { entry in
            (wanted.isEmpty || wanted.contains(entry.program))
                && (!openOnly || entry.lesson.effectiveStatus == .open)
                && (category == nil || entry.lesson.category?.value == category)
        }
        listings = entries.map { entry in
            Listing(entry: entry, subjects: entry.lesson.refs.map { Self.resolve($0.value, from: entry.program, workspace, changeRequestTitles) })
        }
    }

    static func resolve(_ ref: LessonReference, from home: String, _ workspace: Workspace, _ titles: [String: String]) -> Subject {
        switch ref {
        case .changeRequest(let id):
            return Subject(ref: id, kind: .changeRequest, qualified: id, summary: titles[id])
        case .entity(let reference):
            let key = QualifiedID(program: reference.program(from: home), id: reference.id)
            let program = workspace.program(key.program)
            if let milestone = program?.milestones.first(where: { $0.id.value == key.id }) {
                let parts = [milestone.name, milestone.date.map { $0.value.description } ?? "unscheduled", milestone.status.value.rawValue]
                return Subject(ref: ref.description, kind: .milestone, qualified: key.description, summary: parts.compactMap { $0 }.joined(separator: " · "))
            }
            if let risk = program?.risks.first(where: { $0.id.value == key.id }) {
                let score = risk.score.map { "score \($0)" }
                return Subject(ref: ref.description, kind: .risk, qualified: key.description,
                               summary: [risk.title, score, risk.status].compactMap { $0 }.joined(separator: " · "))
            }
            if let decision = program?.decisions.first(where: { $0.id.value == key.id }) {
                return Subject(ref: ref.description, kind: .decision, qualified: key.description,
                               summary: [decision.title, decision.status?.value].compactMap { $0 }.joined(separator: " · "))
            }
            return Subject(ref: ref.description, kind: .unknown, qualified: key.description, summary: nil)
        }
    }
}
