/// A merge is judged on its whole branch, but the approvals were usually given on the branch's
/// commits (their trailers, their notes), not in the merge's message. So a requirement the merge
/// leaves unmet (a reason, in a program) is met when commits of the merged branch had that same
/// requirement and every one of them met it, each judged with its own author, people and policy.
/// What no branch commit needed on its own (two small slips adding up, a merge landing in a
/// freeze) still needs approval on the merge.
public enum MergeApprovals {
    /// `merge` with the requirements its branch's records (`branch`, the non-merge commits the
    /// merge brings in) met, credited to their approvers "(CR-… on the merged branch)".
    public static func carry(to merge: ChangeRequest, from branch: [ChangeRequest]) -> ChangeRequest {
        var result = merge
        for index in result.requirements.indices where !result.requirements[index].isSatisfied {
            let wanted = result.requirements[index]
            let same = branch.flatMap { record in
                record.requirements.filter { $0.reason == wanted.reason && $0.program == wanted.program }.map { (record.id, $0) }
            }
            guard !same.isEmpty, same.allSatisfy({ $0.1.isSatisfied }) else { continue }
            var names: [String] = []
            for (id, met) in same {
                for name in met.satisfiedBy where !names.contains("\(name) (\(id) on the merged branch)") {
                    names.append("\(name) (\(id) on the merged branch)")
                }
            }
            result.requirements[index].satisfiedBy = names
            result.requirements[index].missing = nil
        }
        return result
    }

    /// Whether `carry` could change anything: some requirement is unmet.
    public static func mayCarry(to merge: ChangeRequest) -> Bool {
        !merge.requirements.allSatisfy(\.isSatisfied)
    }
}
