extension PlanDiff {
    /// Only what concerns these program folders: their changes (a move counts for both ends),
    /// consequences and unreadable files, with people and settings changes kept. What a diff of
    /// the two sides narrowed to those programs says, without comparing again.
    public func only(_ folders: Set<String>) -> PlanDiff {
        let changes = changes.filter { change in
            guard let program = change.program else { return true }
            return folders.contains(program) || change.movedFrom.map(folders.contains) == true
        }
        let unreadable = unreadable.filter { report in
            PlanFileKind.classify(report.file.path)?.programFolder.map(folders.contains) ?? true
        }
        var result = PlanDiff(changes: changes, consequences: consequences.filter { folders.contains($0.program) },
                              unreadable: unreadable)
        let mentioned = Set(result.programs)
        result.programNames = programNames.filter { mentioned.contains($0.key) }
        return result
    }
}
