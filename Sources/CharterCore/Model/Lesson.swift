/// An entry of a program's lessons-learned register (`programs/<id>/lessons.yaml`), with PMBOK's
/// fields: what happened, what it taught, what to do next time. Its `refs` tie it to the change
/// requests and the milestones, risks and decisions it is about, so that a later change to one
/// of them (or a change of the same kind) brings it back (see `LessonRecall`).
public struct Lesson: Hashable, Sendable {
    /// What the lesson is about. The raw value is the word in YAML; `x-…` words are the team's own.
    public enum Category: Hashable, Sendable, CustomStringConvertible {
        case schedule, budget, scope, risk, resources, vendor, process, technical
        /// A team's own category, written `x-something`.
        case extensionCategory(String)

        public static let standard: [Category] = [.schedule, .budget, .scope, .risk, .resources, .vendor, .process, .technical]
        public static let words = standard.map(\.description)

        public init?(_ text: String) {
            if let known = Self.standard.first(where: { $0.description == text }) {
                self = known
            } else if ObjectSchema.isExtensionKey(text) && text.count > 2 {
                self = .extensionCategory(text)
            } else {
                return nil
            }
        }

        public var description: String {
            switch self {
            case .schedule: return "schedule"
            case .budget: return "budget"
            case .scope: return "scope"
            case .risk: return "risk"
            case .resources: return "resources"
            case .vendor: return "vendor"
            case .process: return "process"
            case .technical: return "technical"
            case .extensionCategory(let word): return word
            }
        }
    }

    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Learned, nothing done about it yet.
        case open
        /// Its recommendation has been acted on (a process changed, a template updated).
        case actioned
        /// Nothing more to do; it stays in the register to be recalled.
        case closed
    }

    public var id: Located<String>
    public var title: String?
    public var category: Located<Category>?
    /// What happened.
    public var trigger: String?
    /// What it taught.
    public var lesson: String?
    /// What to do next time.
    public var recommendation: Located<String>?
    public var owner: Located<String>?
    public var status: Located<Status>?
    public var date: Located<PlanDate>?
    /// As written: `CR-…` ids, and milestone, risk or decision ids (`M2`, `identity/R3`).
    public var refs: [Located<LessonReference>]

    public init(id: Located<String>, title: String? = nil, category: Located<Category>? = nil, trigger: String? = nil,
                lesson: String? = nil, recommendation: Located<String>? = nil, owner: Located<String>? = nil,
                status: Located<Status>? = nil, date: Located<PlanDate>? = nil, refs: [Located<LessonReference>] = []) {
        self.id = id
        self.title = title
        self.category = category
        self.trigger = trigger
        self.lesson = lesson
        self.recommendation = recommendation
        self.owner = owner
        self.status = status
        self.date = date
        self.refs = refs
    }

    /// `open` when the file does not say.
    public var effectiveStatus: Status { status?.value ?? .open }

    /// The change requests it cites, in the order written.
    public var changeRequests: [String] {
        refs.compactMap { if case .changeRequest(let id) = $0.value { return id } else { return nil } }
    }

    /// The milestones, risks and decisions it cites, in the order written.
    public var entityReferences: [Located<EntityReference>] {
        refs.compactMap { ref in
            if case .entity(let reference) = ref.value { return Located(reference, at: ref.location) } else { return nil }
        }
    }
}

/// One entry of a lesson's `refs`: a change request (`CR-` and a commit's first 12 hex digits),
/// or a milestone, risk or decision, local (`M2`) or another program's (`identity/R3`).
public enum LessonReference: Hashable, Sendable, CustomStringConvertible {
    case changeRequest(String)
    case entity(EntityReference)

    public init(_ text: String) {
        if Self.isChangeRequestID(text) {
            self = .changeRequest(text)
        } else {
            self = .entity(EntityReference(text))
        }
    }

    /// `CR-` followed by hex digits: what `ChangeRequest.id(forCommit:)` makes. Milestone, risk
    /// and decision ids do not start with `CR-` in practice; one that does is read as a CR id.
    public static func isChangeRequestID(_ text: String) -> Bool {
        guard text.hasPrefix("CR-") else { return false }
        let digits = text.dropFirst(3)
        return digits.count >= 7 && digits.count <= 40 && digits.allSatisfy(\.isHexDigit)
    }

    public var description: String {
        switch self {
        case .changeRequest(let id): return id
        case .entity(let reference): return reference.description
        }
    }
}
