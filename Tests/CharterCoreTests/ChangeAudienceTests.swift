@testable import CharterCore
import PropertyBased
import Testing

/// `ChangeAudience` finds the dependents of changed milestones on the network of only the programs
/// they can be in (the changed milestones' programs and those naming them); who it names must be
/// who the whole network of the plans names, over generated plans and edits, moves included.
@Suite struct ChangeAudienceTests {
    @Test("the dependents told are the whole network's, for generated plans, edits and moves")
    func dependentsAreTheWholeNetworks() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...999).array(of: 8...120)) { tape in
            var plan = GeneratedPlan(tape: tape)
            if tape.count > 3, tape[tape.count - 1] % 3 == 0, !plan.after.isEmpty, plan.programs.count > 1 {
                // Move a milestone to another program: references to it from elsewhere now dangle.
                let moved = tape[tape.count - 2] % plan.after.count
                plan.after[moved].program = (plan.after[moved].program + 1) % plan.programs.count
            }
            let old = Self.owned(GeneratedPlan.load(plan.files(plan.before)))
            let new = Self.owned(GeneratedPlan.load(plan.files(plan.after)))
            let changes = SemanticDiff.compare(old, new, asOf: plan.asOf).changes
            let told = ChangeAudience(workspace: new).concerns(changes).filter { $0.kind == .dependentOwner }
            let expected = Self.dependentOwners(of: changes, in: new)
            #expect(Set(told) == expected, "edit: \(plan.edit); changes: \(changes.map { "\($0.qualifiedID) \($0.change)" })")
            #expect(told.count == expected.count)
        }
    }

    /// Every milestone owned by a person named after it.
    static func owned(_ workspace: Workspace) -> Workspace {
        var workspace = workspace
        for program in workspace.programs.indices {
            for index in workspace.programs[program].milestones.indices {
                let id = workspace.programs[program].milestones[index].id
                workspace.programs[program].milestones[index].owner = Located("\(workspace.programs[program].folder).\(id.value)", at: id.location)
            }
        }
        return workspace
    }

    /// On the whole network: for each changed milestone that moves what others wait for, the
    /// milestones outside its program that depend on it directly or through milestones of its
    /// own program only; for one the plans no longer hold there (removed, or moved away), those
    /// that still name it.
    static func dependentOwners(of changes: [EntityChange], in workspace: Workspace) -> Set<ChangeAudience.Concern> {
        let network = MilestoneNetwork(workspace)
        var found: Set<ChangeAudience.Concern> = []
        for change in changes where change.entity == .milestone && ChangeAudience.reachesDependents(change) {
            guard let program = change.program else { continue }
            let key = QualifiedID(program: program, id: change.id)
            let named = [key] + (change.movedFrom.map { [QualifiedID(program: $0, id: change.id)] } ?? [])
            var direct: [MilestoneNetwork.Node] = network.node(key).map { [$0] } ?? []
            for node in network.ids.indices where network.milestones[node].dependsOn.contains(where: {
                let target = MilestoneNetwork.key($0.value, from: network.ids[node].program)
                return named.contains(target) && network.node(target) == nil && !network.cancelled.contains(target)
            }) { direct.append(node) }
            // The milestones of its own program that wait on it: reached through that program only.
            var inside = Set(direct.filter { network.ids[$0].program == program })
            var frontier = Array(inside)
            while let node = frontier.popLast() {
                for next in network.successors[node] where network.ids[next].program == program && inside.insert(next).inserted {
                    frontier.append(next)
                }
            }
            let outside = direct.filter { network.ids[$0].program != program } + inside.flatMap { network.successors[$0] }
            for node in outside where network.ids[node].program != program {
                guard let owner = network.milestones[node].owner?.value else { continue }
                found.insert(ChangeAudience.Concern(person: owner, kind: .dependentOwner, subject: network.ids[node].description,
                                                    dependsOn: key.description))
            }
        }
        return found
    }
}
