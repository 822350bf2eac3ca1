@testable import CharterCore
import PropertyBased
import Testing

/// The consequences found from the change outwards (`ChangedCone` over `ConeSchedule`) are the
/// ones the whole networks of both sides give: over generated plans and edits, with and without a
/// `DiffScope`, and with dependency cycles on either side.
@Suite struct ChangedConeTests {
    @Test("the changed cone finds what the whole networks find, for generated plans, edits and cycles")
    func coneEqualsWholeNetworks() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...999).array(of: 8...120)) { tape in
            var plan = GeneratedPlan(tape: tape)
            // From the tape's tail: sometimes a back edge (a cycle) on the old side, the new side or both.
            let cycle = tape.count > 4 ? tape[tape.count - 1] % 4 : 0
            if cycle != 0, plan.before.count > 1 {
                let from = tape[tape.count - 2] % plan.before.count, to = tape[tape.count - 3] % plan.before.count
                let reference = plan.before[to].program == plan.before[from].program ? plan.before[to].id
                    : "p\(plan.before[to].program)/\(plan.before[to].id)"
                if cycle & 1 != 0 { plan.before[min(from, plan.before.count - 1)].dependsOn.append(reference) }
                if cycle & 2 != 0, let index = plan.after.firstIndex(where: { $0.id == plan.before[from].id }) {
                    plan.after[index].dependsOn.append(reference)
                }
            }
            let old = GeneratedPlan.load(plan.files(plan.before)), new = GeneratedPlan.load(plan.files(plan.after))
            let diff = SemanticDiff.compare(old, new, asOf: plan.asOf)
            let changed = Set(diff.changes.compactMap(\.program)).union(diff.changes.compactMap(\.movedFrom))
            for scope in [nil, DiffScope.programs(old, new)] {
                let cone = ScheduleImpact.consequences(old: old, new: new, changedPrograms: changed, asOf: plan.asOf, scope: scope)
                let whole = ScheduleImpact.consequences(old: old, new: new, changedPrograms: changed, asOf: plan.asOf,
                                                        scope: scope, everyFileRead: false)
                #expect(cone == whole, "edit: \(plan.edit), cycle \(cycle), as of \(plan.asOf)")
            }
            #expect(diff.consequences == ScheduleImpact.consequences(old: old, new: new, changedPrograms: changed,
                                                                     asOf: plan.asOf, everyFileRead: false))
        }
    }

    @Test("an import (no programs before) finds what the whole network finds, with and without a cycle")
    func importEqualsWholeNetwork() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...999).array(of: 8...120)) { tape in
            var plan = GeneratedPlan(tape: tape)
            if tape.count > 4, tape[tape.count - 1] % 2 == 1, plan.after.count > 1 {
                // A back edge: a cycle among the imported milestones.
                let from = tape[tape.count - 2] % plan.after.count, to = tape[tape.count - 3] % plan.after.count
                plan.after[from].dependsOn.append(plan.after[to].program == plan.after[from].program ? plan.after[to].id
                    : "p\(plan.after[to].program)/\(plan.after[to].id)")
            }
            let files = plan.files(plan.after)
            let empty = GeneratedPlan.load(files.filter { !$0.key.hasPrefix("programs/") })
            let new = GeneratedPlan.load(files)
            let changed = Set(new.programs.map(\.folder))
            let imported = ScheduleImpact.consequences(old: empty, new: new, changedPrograms: changed, asOf: plan.asOf)
            let whole = ScheduleImpact.consequences(old: empty, new: new, changedPrograms: changed, asOf: plan.asOf, everyFileRead: false)
            #expect(imported == whole, "as of \(plan.asOf)")
            #expect(SemanticDiff.compare(empty, new, asOf: plan.asOf).consequences == whole)
        }
    }

    @Test("a milestone moved within its slack stops the cone: nothing after it is scheduled")
    func slackStopsTheCone() throws {
        let before = scheduleWorkspace([
            "a": (target: nil, milestones: "milestones:\n  - { id: M1, name: M1, date: 2026-03-01 }\n  - { id: M2, name: M2, date: 2026-06-01, depends_on: [M1] }\n"),
            "b": (target: nil, milestones: "milestones:\n  - { id: M1, name: M1, date: 2026-07-01, depends_on: [a/M2] }\n"),
        ])
        let after = scheduleWorkspace([
            "a": (target: nil, milestones: "milestones:\n  - { id: M1, name: M1, date: 2026-03-10 }\n  - { id: M2, name: M2, date: 2026-06-01, depends_on: [M1] }\n"),
            "b": (target: nil, milestones: "milestones:\n  - { id: M1, name: M1, date: 2026-07-01, depends_on: [a/M2] }\n"),
        ])
        let old = try #require(ConeSchedule(before, scope: nil, asOf: day("2026-01-01")))
        let new = try #require(ConeSchedule(after, scope: nil, asOf: day("2026-01-01")))
        let cone = ChangedCone(changedPrograms: ["a"], before: old, after: new)
        // a/M1 moved; a/M2 keeps its finish (it has slack), so b is never looked at.
        #expect(cone.milestones == [qid("a/M1"), qid("a/M2")])
        #expect(cone.programs == ["a"])
    }
}
