import CharterCore

/// The `notify` list of each record, judged in one workspace (the plans at the range's tip): read
/// time, not the history index, decides who owns what and who holds which role.
enum NotifyLists {
    static func byRecord(_ records: [ChangeRequest], in workspace: Workspace) -> [String: NotifyList] {
        let audience = ChangeAudience(workspace: workspace)
        var lists: [String: NotifyList] = [:]
        for record in records { lists[record.id] = NotifyList(record, audience: audience) }
        return lists
    }
}
