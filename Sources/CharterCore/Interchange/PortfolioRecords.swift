/// The lines of `charter export --format jsonl`: one flat JSON object per program, milestone,
/// risk, budget line, decision, KPI, change request (one per program it touched) and slip,
/// each stamped with the schema version, repository, commit, program and as-of day, so the
/// files of many repositories can be concatenated and queried together (docs/portfolio.md).
/// Fields are those `PortfolioKind.fields` declares, in that order; absent values are null.
public struct PortfolioRecords: Sendable {
    public struct Stamp: Sendable {
        public var repository: String
        public var commit: String?
        public var asOf: PlanDate
        public init(repository: String, commit: String?, asOf: PlanDate) {
            self.repository = repository
            self.commit = commit
            self.asOf = asOf
        }
    }

    public private(set) var lines: [JSONValue] = []

    /// - Parameters:
    ///   - schedule: `Scheduler.analyze` of the workspace; nil when its dependencies form a cycle.
    ///   - changeRequests: the change log, newest first as `charter changes` lists it.
    ///   - programs: only these programs (all when empty).
    public init(workspace: Workspace, schedule: ScheduleAnalysis?, changeRequests: [ChangeRequest],
                programs: [String] = [], stamp: Stamp) {
        let chosen = workspace.programs
            .filter { programs.isEmpty || programs.contains($0.folder) }
            .sorted { NaturalOrder.less($0.folder, $1.folder) }
        var scheduled: [QualifiedID: ScheduledMilestone] = [:]
        for milestone in schedule?.milestones ?? [] { scheduled[milestone.id] = milestone }
        var forecasts: [String: ProgramForecast] = [:]
        for forecast in schedule?.programs ?? [] { forecasts[forecast.program] = forecast }

        for program in chosen {
            let folder = program.folder
            let forecast = forecasts[folder]
            add(.program, folder, stamp, [
                "id": .string(folder), "name": Self.text(program.name), "owner": Self.text(program.owner?.value),
                "sponsor": Self.text(program.sponsor?.value), "status": Self.text(program.status),
                "start": Self.day(program.start?.value), "target": Self.day(program.target?.value),
                "currency": Self.text(program.currency), "budget_total": Self.number(program.budgetTotal?.value),
                "budget_lines_total": .number(program.budgetLines.reduce(0) { $0 + ($1.amount?.value ?? 0) }),
                "forecast_end": Self.day(forecast?.forecastEnd), "variance_days": Self.integer(forecast?.varianceDays),
                "milestones": .number(Double(program.milestones.count)),
                "open_risks": .number(Double(program.risks.filter(\.isActive).count)),
            ])
            for milestone in program.milestones {
                let ref = QualifiedID(program: folder, id: milestone.id.value)
                let entry = scheduled[ref]
                let open = milestone.isOpen
                add(.milestone, folder, stamp, [
                    "id": .string(ref.id), "ref": .string(ref.description), "name": Self.text(milestone.name),
                    "workstream": Self.text(milestone.workstream?.value), "owner": Self.text(milestone.owner?.value),
                    "start": Self.day(milestone.start?.value), "date": Self.day(milestone.date?.value),
                    "status": .string(Self.status(milestone)), "done_on": Self.day(milestone.doneOn?.value),
                    "depends_on": .array(milestone.dependsOn.map { .string(Self.qualified($0.value, from: folder)) }),
                    "forecast_start": Self.day(entry?.earlyStart), "forecast_finish": Self.day(entry?.earlyFinish),
                    "total_slack": Self.integer(entry?.totalSlack), "critical": entry.map { .bool($0.isCritical) } ?? .null,
                    "overdue": .bool(open && (milestone.date.map { $0.value < stamp.asOf } ?? false)),
                ])
            }
            for risk in program.risks {
                add(.risk, folder, stamp, [
                    "id": .string(risk.id.value), "ref": .string("\(folder)/\(risk.id.value)"), "title": Self.text(risk.title),
                    "owner": Self.text(risk.owner?.value), "probability": Self.integer(risk.probability),
                    "impact": Self.integer(risk.impact), "score": Self.integer(risk.score), "status": Self.text(risk.status),
                    "mitigation": Self.text(risk.mitigation),
                    "affects": .array(risk.affects.map { .string(Self.qualified($0.value, from: folder)) }),
                    "review_by": Self.day(risk.reviewBy?.value),
                ])
            }
            for line in program.budgetLines {
                add(.budgetLine, folder, stamp, [
                    "id": .string(line.id.value), "category": Self.text(line.category), "workstream": Self.text(line.workstream?.value),
                    "amount": Self.number(line.amount?.value), "currency": Self.text(program.currency),
                ])
            }
            for decision in program.decisions {
                add(.decision, folder, stamp, [
                    "id": .string(decision.id.value), "title": Self.text(decision.title), "status": Self.text(decision.status?.value),
                    "date": Self.day(decision.date?.value), "owner": Self.text(decision.owner?.value),
                    "supersedes": Self.text(decision.supersedes?.value), "superseded_by": Self.text(decision.supersededBy?.value),
                ])
            }
            for kpi in program.kpis {
                add(.kpi, folder, stamp, [
                    "id": .string(kpi.id.value), "name": Self.text(kpi.name), "unit": Self.text(kpi.unit),
                    "baseline": Self.number(kpi.baseline?.value), "target": Self.number(kpi.target?.value),
                    "current": Self.number(kpi.current?.value), "measured_on": Self.day(kpi.asOf?.value),
                    "direction": Self.text(kpi.effectiveDirection?.rawValue),
                ])
            }
        }

        let wanted = Set(chosen.map(\.folder))
        for record in changeRequests {
            let touched = Self.programs(of: record)
            for program in touched where wanted.contains(program) {
                add(.changeRequest, program, stamp, [
                    "id": .string(record.id), "change_commit": .string(record.commit), "title": .string(record.title),
                    "author": .string(record.author.name), "author_email": .string(record.author.email),
                    "date": Self.day(PlanDate(String(record.author.date.prefix(10)))), "time": .string(record.author.date),
                    "reason": Self.text(record.reason), "approval_required": .bool(record.approvalRequired),
                    "approved": .bool(record.approved), "max_slip_days": .number(Double(record.impact.maxSlipDays)),
                    "budget_delta": .number(record.impact.budgetDelta),
                    "programs": .array(touched.map { .string($0) }), "types": .array(record.changeTypes.map { .string($0) }),
                ])
            }
        }

        // Slips oldest first, as the ledger holds them, by milestone.
        let history = PlanHistory(chronological: changeRequests.reversed())
        for ref in history.milestoneRefs.sorted() where wanted.contains(ref.program) {
            guard let ledger = history.ledger(of: ref) else { continue }
            for event in ledger.slips {
                add(.slip, ref.program, stamp, [
                    "id": .string("\(event.commit.changeRequest)/\(ref)"), "milestone": .string(ref.id),
                    "ref": .string(ref.description), "name": Self.text(event.name ?? ledger.name),
                    "change_request": .string(event.commit.changeRequest), "change_commit": .string(event.commit.commit),
                    "date": .string(event.commit.day.description), "date_from": Self.day(event.dateFrom),
                    "date_to": Self.day(event.dateTo), "days": Self.integer(event.days),
                    "approval": .string(event.commit.approval.rawValue),
                ])
            }
        }
    }

    /// The programs a change request changed, in natural order.
    static func programs(of record: ChangeRequest) -> [String] {
        Set(record.changes.compactMap(\.program)).sorted { NaturalOrder.less($0, $1) }
    }

    private mutating func add(_ kind: PortfolioKind, _ program: String, _ stamp: Stamp, _ values: [String: JSONValue]) {
        var pairs: [(String, JSONValue)] = [
            ("schema_version", .number(Double(PortfolioKind.schemaVersion))), ("kind", .string(kind.rawValue)),
            ("repository", .string(stamp.repository)), ("commit", stamp.commit.map(JSONValue.string) ?? .null),
            ("program", .string(program)), ("as_of", .string(stamp.asOf.description)),
        ]
        assert(Set(values.keys).isSubset(of: Set(kind.fields.map(\.name))), "undeclared field in \(kind)")
        for field in kind.fields { pairs.append((field.name, values[field.name] ?? .null)) }
        lines.append(.object(pairs))
    }

    /// The one read of a milestone's status here (it becomes a typed `MilestoneStatus`).
    private static func status(_ milestone: Milestone) -> String { milestone.status.value.rawValue }
    private static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    private static func day(_ value: PlanDate?) -> JSONValue { value.map { .string($0.description) } ?? .null }
    private static func integer(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
    private static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
    private static func qualified(_ reference: EntityReference, from home: String) -> String {
        "\(reference.program(from: home))/\(reference.id)"
    }
}
