// A change request's binary form (`BinaryCodable`), as charter's history index keeps it: every
// field in declaration order. Reading one back is what `charter slips`, `history` and `changes`
// do for each indexed commit, so it must be cheap: no keys, no text to parse. The index file's
// version names the build that wrote it, so this order may change freely between builds.

extension BinaryCodable where Self: CaseIterable & RawRepresentable & Equatable, RawValue == String, AllCases == [Self] {
    // By position among the cases: one byte, and no string to compare when read.
    public func write(to writer: inout BinaryWriter) {
        writer.write(Self.allCases.firstIndex(of: self)!)
    }

    public init(from reader: inout BinaryReader) throws {
        let index = try reader.read(Int.self)
        guard Self.allCases.indices.contains(index) else { throw BinaryReader.Malformed() }
        self = Self.allCases[index]
    }
}

extension EntityKind: BinaryCodable {}
extension ChangeKind: BinaryCodable {}
extension ChangeTag: BinaryCodable {}
extension Consequence.Kind: BinaryCodable {}
extension Policy.Reason: BinaryCodable {}
extension Approval.Source: BinaryCodable {} // by its raw value: not CaseIterable

extension PlanDate: BinaryCodable {
    public func write(to writer: inout BinaryWriter) { writer.write(dayNumber) }
    public init(from reader: inout BinaryReader) throws { self.init(dayNumber: try reader.read(Int.self)) }
}

extension QualifiedID: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(program)
        writer.write(id)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(program: try reader.read(String.self), id: try reader.read(String.self))
    }
}

extension DiffValue: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        switch self {
        case .text(let text): writer.write(0); writer.write(text)
        case .number(let number): writer.write(1); writer.write(number)
        case .date(let date): writer.write(2); writer.write(date)
        case .list(let items): writer.write(3); writer.write(items)
        case .flag(let flag): writer.write(4); writer.write(flag)
        }
    }

    public init(from reader: inout BinaryReader) throws {
        switch try reader.read(Int.self) {
        case 0: self = .text(try reader.read(String.self))
        case 1: self = .number(try reader.read(Double.self))
        case 2: self = .date(try reader.read(PlanDate.self))
        case 3: self = .list(try reader.read([String].self))
        case 4: self = .flag(try reader.read(Bool.self))
        default: throw BinaryReader.Malformed()
        }
    }
}

extension FieldChange: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(field)
        writer.write(from)
        writer.write(to)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(field: try reader.read(String.self), from: try reader.read(DiffValue?.self), to: try reader.read(DiffValue?.self))
    }
}

extension EntityCount: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(entity)
        writer.write(count)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(try reader.read(EntityKind.self), try reader.read(Int.self))
    }
}

extension EntityChange: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(program)
        writer.write(entity)
        writer.write(id)
        writer.write(change)
        writer.write(fields)
        writer.write(tags)
        writer.write(name)
        writer.write(movedFrom)
        writer.write(slipDays)
        writer.write(scoreFrom)
        writer.write(scoreTo)
        writer.write(amountDelta)
        writer.write(budgetDelta)
        writer.write(budgetDeltaPercent)
        writer.write(currency)
        writer.write(personDaysDelta)
        writer.write(contents)
        writer.write(unit)
        writer.write(kpiTarget)
        writer.write(improved)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(program: try reader.read(String?.self), entity: try reader.read(EntityKind.self),
                  id: try reader.read(String.self), change: try reader.read(ChangeKind.self),
                  fields: try reader.read([FieldChange].self), tags: try reader.read([ChangeTag].self),
                  name: try reader.read(String?.self))
        movedFrom = try reader.read(String?.self)
        slipDays = try reader.read(Int?.self)
        scoreFrom = try reader.read(Int?.self)
        scoreTo = try reader.read(Int?.self)
        amountDelta = try reader.read(Double?.self)
        budgetDelta = try reader.read(Double?.self)
        budgetDeltaPercent = try reader.read(Double?.self)
        currency = try reader.read(String?.self)
        personDaysDelta = try reader.read(Double?.self)
        contents = try reader.read([EntityCount].self)
        unit = try reader.read(String?.self)
        kpiTarget = try reader.read(Double?.self)
        improved = try reader.read(Bool?.self)
    }
}

extension Consequence: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(kind)
        writer.write(program)
        writer.write(milestone)
        writer.write(message)
        writer.write(dependency)
        writer.write(date)
        writer.write(dependencyEnd)
        writer.write(slackFrom)
        writer.write(slackTo)
        writer.write(target)
        writer.write(earliestEnd)
        writer.write(pushedBy)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(kind: try reader.read(Kind.self), program: try reader.read(String.self),
                  milestone: try reader.read(String.self), message: try reader.read(String.self))
        dependency = try reader.read(QualifiedID?.self)
        date = try reader.read(PlanDate?.self)
        dependencyEnd = try reader.read(PlanDate?.self)
        slackFrom = try reader.read(Int?.self)
        slackTo = try reader.read(Int?.self)
        target = try reader.read(PlanDate?.self)
        earliestEnd = try reader.read(PlanDate?.self)
        pushedBy = try reader.read(QualifiedID?.self)
    }
}

extension Approval: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(name)
        writer.write(email)
        writer.write(person)
        writer.write(statedRole)
        writer.write(roles)
        writer.write(kind)
        writer.write(source)
        writer.write(counts)
        writer.write(note)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(name: try reader.read(String.self), email: try reader.read(String?.self), person: try reader.read(String?.self),
                  statedRole: try reader.read(String?.self), roles: try reader.read([String].self),
                  kind: try reader.read(String.self), source: try reader.read(Source.self),
                  counts: try reader.read(Bool.self), note: try reader.read(String?.self))
    }
}

extension ChangeRequest.Identity: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(name)
        writer.write(email)
        writer.write(date)
        writer.write(person)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(name: try reader.read(String.self), email: try reader.read(String.self),
                  date: try reader.read(String.self), person: try reader.read(String?.self))
    }
}

extension ChangeRequest.Impact: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(maxSlipDays)
        writer.write(budgetDelta)
        writer.write(budgetLinesDelta)
        writer.write(personDaysAdded)
        writer.write(personDaysRemoved)
        writer.write(milestonesAdded)
        writer.write(milestonesRemoved)
        writer.write(milestonesSlipped)
        writer.write(risksAdded)
        writer.write(risksClosed)
        writer.write(risksRescored)
        writer.write(scopeAdded)
        writer.write(scopeRemoved)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init()
        maxSlipDays = try reader.read(Int.self)
        budgetDelta = try reader.read(Double.self)
        budgetLinesDelta = try reader.read(Double.self)
        personDaysAdded = try reader.read(Double.self)
        personDaysRemoved = try reader.read(Double.self)
        milestonesAdded = try reader.read([String].self)
        milestonesRemoved = try reader.read([String].self)
        milestonesSlipped = try reader.read([String].self)
        risksAdded = try reader.read([String].self)
        risksClosed = try reader.read([String].self)
        risksRescored = try reader.read([String].self)
        scopeAdded = try reader.read([String].self)
        scopeRemoved = try reader.read([String].self)
    }
}

extension ChangeRequest.Requirement: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(reason)
        writer.write(program)
        writer.write(detail)
        writer.write(roles)
        writer.write(satisfiedBy)
        writer.write(missing)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(reason: try reader.read(Policy.Reason.self), program: try reader.read(String?.self),
                  detail: try reader.read(String.self), roles: try reader.read([String].self),
                  satisfiedBy: try reader.read([String].self), missing: try reader.read(String?.self))
    }
}

extension ChangeRequest.ContradictedClaim: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(trailer)
        writer.write(claimed)
        writer.write(actual)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(trailer: try reader.read(String.self), claimed: try reader.read(String.self), actual: try reader.read(String.self))
    }
}

extension ChangeRequest: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(id)
        writer.write(commit)
        writer.write(parents)
        writer.write(title)
        writer.write(description)
        writer.write(author)
        writer.write(committer)
        writer.write(reason)
        writer.write(pullRequest)
        writer.write(approvals)
        writer.write(changes)
        writer.write(consequences)
        writer.write(impact)
        writer.write(changeTypes)
        writer.write(requirements)
        writer.write(contradictedClaims)
        writer.write(unreadableFiles)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(id: try reader.read(String.self), commit: try reader.read(String.self),
                  parents: try reader.read([String].self), title: try reader.read(String.self),
                  description: try reader.read(String.self), author: try reader.read(Identity.self),
                  committer: try reader.read(Identity.self), reason: try reader.read(String?.self),
                  pullRequest: try reader.read(Int?.self), approvals: try reader.read([Approval].self),
                  changes: try reader.read([EntityChange].self), consequences: try reader.read([Consequence].self),
                  impact: try reader.read(Impact.self), changeTypes: try reader.read([String].self),
                  requirements: try reader.read([Requirement].self),
                  contradictedClaims: try reader.read([ContradictedClaim].self),
                  unreadableFiles: try reader.read([String].self))
    }
}
