import CharterCore

/// The `notify` list of each record, judged in one workspace (the plans at the range's tip): read
/// time, not the history index, decides who owns what and who holds which role.
enum NotifyLists {
    static func byRecord(_ records: [ChangeRequest], in workspace: Workspace) -> [String: NotifyList] {
        let audience = ChangeAudience(workspace: workspace)
        // Each record's list is its own pure function of the record and the audience: on all
        // cores for a long history (a warm `changes` otherwise spends a third of its time here).
        let lists = ParallelMap.map(records, minimumCount: 64) { NotifyList($0, audience: audience) }
        var byID: [String: NotifyList] = [:]
        byID.reserveCapacity(records.count)
        for (record, list) in zip(records, lists) { byID[record.id] = list }
        return byID
    }
}
