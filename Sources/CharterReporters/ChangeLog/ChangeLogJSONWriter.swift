import CharterCore

/// `charter changes --format json`, written straight from the records into bytes: the text
/// `encodeJSON` writes for `ChangeLogDocument.record`s, byte for byte, without building the
/// `Encodable` documents or a tree of them. On a long history the document is megabytes and
/// building it was most of a warm `changes --format json`.
///
/// Keys are written in sorted order (by their bytes, as `JSONEncoder` sorts them; a debug build
/// checks it). `ChangeLogJSONWriterTests` compares the output with `JSONEncoder`'s encoding of
/// `ChangeLogDocument` on varied records, so the two cannot drift apart: a key added to the
/// document must be added here too.
struct ChangeLogJSONWriter {
    private(set) var json: PrettyJSONWriter

    /// The whole document: an array of records.
    static func document(_ records: [ChangeRequest], context: ChangeLogContext) -> [UInt8] {
        // About 4 KB a record on a real history: one allocation, not a dozen doublings.
        var writer = ChangeLogJSONWriter(json: PrettyJSONWriter(capacity: records.count * 4_096 + 64))
        writer.json.beginArray()
        for record in records {
            writer.json.element()
            writer.record(record, lessons: context.lessons.map { _ in context.lessons(for: record) },
                          notify: context.notify[record.id])
        }
        writer.json.endArray()
        return writer.json.bytes
    }

    /// One record, as `ChangeLogDocument.record(cr, lessons:, notify:)` encodes.
    mutating func record(_ cr: ChangeRequest, lessons: [RecalledLesson]?, notify: NotifyList?) {
        json.beginObject()
        json.member("approval_required", cr.approvalRequired)
        json.key("approvals")
        json.beginArray()
        for approval in cr.approvals {
            json.element()
            self.approval(approval)
        }
        json.endArray()
        json.member("approved", cr.approved)
        json.key("author")
        identity(cr.author)
        json.key("change_types")
        json.strings(cr.changeTypes)
        json.key("changes")
        json.beginArray()
        for change in cr.changes {
            json.element()
            entityChange(change)
        }
        json.endArray()
        json.member("commit", cr.commit)
        json.key("committer")
        identity(cr.committer)
        json.key("consequences")
        json.beginArray()
        for consequence in cr.consequences {
            json.element()
            json.string(consequence.message)
        }
        json.endArray()
        json.key("contradicted_claims")
        json.beginArray()
        for claim in cr.contradictedClaims {
            json.element()
            json.beginObject()
            json.member("actual", claim.actual)
            json.member("claimed", claim.claimed)
            json.member("trailer", claim.trailer)
            json.endObject()
        }
        json.endArray()
        json.member("date", cr.author.date)
        json.member("description", cr.description)
        json.member("id", cr.id)
        json.key("impact")
        impact(cr.impact)
        if let lessons {
            json.key("lessons")
            json.beginArray()
            for lesson in lessons {
                json.element()
                // Rare (a record that brings a lesson back) and only strings: the generic encoder.
                json.rawValue(encodedJSON(RecalledLessonEntry(lesson)))
            }
            json.endArray()
        }
        json.key("notify")
        self.notify(notify)
        json.key("parents")
        json.strings(cr.parents)
        json.member("policy_met", cr.policyMet)
        json.member("pull_request", cr.pullRequest)
        json.member("reason", cr.reason)
        json.key("requirements")
        json.beginArray()
        for requirement in cr.requirements {
            json.element()
            self.requirement(requirement)
        }
        json.endArray()
        json.member("title", cr.title)
        json.key("unreadable_files")
        json.strings(cr.unreadableFiles)
        json.endObject()
    }

    private mutating func identity(_ identity: ChangeRequest.Identity) {
        json.beginObject()
        json.member("date", identity.date)
        json.member("email", identity.email)
        json.member("name", identity.name)
        json.member("person", identity.person)
        json.endObject()
    }

    private mutating func approval(_ approval: Approval) {
        json.beginObject()
        json.member("counts", approval.counts)
        json.member("email", approval.email)
        json.member("kind", approval.kind)
        json.member("name", approval.name)
        json.member("note", ifPresent: approval.note)
        json.member("person", approval.person)
        json.member("role", ChangeLogDocument.shownRole(approval))
        json.key("roles")
        json.strings(approval.roles)
        json.member("source", approval.source.rawValue)
        json.endObject()
    }

    private mutating func impact(_ impact: ChangeRequest.Impact) {
        json.beginObject()
        json.key("budget_delta")
        json.double(impact.budgetDelta)
        json.key("budget_lines_delta")
        json.double(impact.budgetLinesDelta)
        json.member("max_slip_days", impact.maxSlipDays)
        json.key("milestones_added")
        json.strings(impact.milestonesAdded)
        json.key("milestones_removed")
        json.strings(impact.milestonesRemoved)
        json.key("milestones_slipped")
        json.strings(impact.milestonesSlipped)
        json.key("person_days_added")
        json.double(roundedTenth(impact.personDaysAdded))
        json.key("person_days_removed")
        json.double(roundedTenth(impact.personDaysRemoved))
        json.key("risks_added")
        json.strings(impact.risksAdded)
        json.key("risks_closed")
        json.strings(impact.risksClosed)
        json.key("risks_rescored")
        json.strings(impact.risksRescored)
        json.key("scope_added")
        json.strings(impact.scopeAdded)
        json.key("scope_removed")
        json.strings(impact.scopeRemoved)
        json.endObject()
    }

    private mutating func requirement(_ requirement: ChangeRequest.Requirement) {
        json.beginObject()
        json.member("detail", requirement.detail)
        json.member("missing", ifPresent: requirement.missing)
        json.member("program", ifPresent: requirement.program)
        json.member("reason", requirement.reason.rawValue)
        json.key("roles")
        json.strings(requirement.roles)
        json.key("satisfied_by")
        json.strings(requirement.satisfiedBy)
        json.endObject()
    }

    private mutating func notify(_ list: NotifyList?) {
        json.beginArray()
        for recipient in list?.recipients ?? [] {
            json.element()
            json.beginObject()
            json.member("login", recipient.login)
            json.member("name", recipient.name)
            json.member("person", recipient.person)
            json.key("reasons")
            json.beginArray()
            for reason in recipient.reasons {
                json.element()
                json.beginObject()
                json.member("depends_on", reason.dependsOn)
                json.member("kind", reason.kind.rawValue)
                json.member("role", reason.role)
                json.member("subject", reason.subject)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
    }

    /// One entity change, as `DiffJSONReporter.Entry` encodes: optional keys only when set.
    private mutating func entityChange(_ change: EntityChange) {
        json.beginObject()
        if let amount = change.amountDelta {
            json.key("amount_delta")
            json.number(amount)
        }
        if let budget = change.budgetDelta {
            json.key("budget_delta")
            json.number(budget)
        }
        if let percent = change.budgetDeltaPercent {
            json.key("budget_delta_percent")
            json.number(roundedPercent(percent))
        }
        json.member("change", change.change.rawValue)
        if !change.contents.isEmpty {
            json.key("contents")
            contents(change.contents)
        }
        json.member("currency", ifPresent: change.currency)
        json.member("entity", change.entity.rawValue)
        json.key("fields")
        json.beginArray()
        for field in change.fields {
            json.element()
            json.beginObject()
            json.member("field", field.field)
            json.key("from")
            value(field.from)
            json.key("to")
            value(field.to)
            json.endObject()
        }
        json.endArray()
        json.member("from_program", ifPresent: change.movedFrom)
        json.member("id", change.id)
        json.member("improved", ifPresent: change.improved)
        json.member("name", ifPresent: change.name)
        if let days = change.personDaysDelta {
            json.key("person_days_delta")
            json.number(roundedTenth(days))
        }
        json.member("program", change.program)
        json.member("score_from", ifPresent: change.scoreFrom)
        json.member("score_to", ifPresent: change.scoreTo)
        json.member("slip_days", ifPresent: change.slipDays)
        json.key("tags")
        json.beginArray()
        for tag in change.tags {
            json.element()
            json.string(tag.rawValue)
        }
        json.endArray()
        json.member("unit", ifPresent: change.unit)
        json.endObject()
    }

    /// An added or removed program's counts, by entity kind, keys sorted.
    private mutating func contents(_ counts: [EntityCount]) {
        let byKind = Dictionary(counts.map { ($0.entity.rawValue, $0.count) }, uniquingKeysWith: +)
        json.beginObject()
        for kind in byKind.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            json.key(text: kind)
            json.integer(byKind[kind]!)
        }
        json.endObject()
    }

    /// A field value, as `DiffJSONReporter.Value` encodes.
    private mutating func value(_ value: DiffValue?) {
        switch value {
        case nil: json.null()
        case .text(let text)?: json.string(text)
        case .number(let number)?: json.number(number)
        case .date(let date)?: json.string(date.description)
        case .list(let items)?: json.strings(items)
        case .flag(let flag)?: json.bool(flag)
        }
    }

    private func encodedJSON<Value: Encodable>(_ value: Value) -> [UInt8] {
        do {
            return try ReportJSON.encode(value)
        } catch {
            // Lessons hold only strings; encoding them cannot fail.
            preconditionFailure("encoding a report failed: \(error)")
        }
    }
}
