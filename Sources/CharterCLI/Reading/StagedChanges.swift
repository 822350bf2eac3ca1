import CharterCore
import CharterGit

/// Which plan files a commit of the index would change, by blob id: no file is parsed.
enum StagedChanges {
    /// - Parameter index: the index as the caller read it (the same `prefix`), so it is not read twice.
    static func paths(in location: WorkspaceLocation, index: GitIndexSource) throws -> Set<String> {
        guard let repository = location.repository else { return [] }
        let head = try repository.headCommitID().map { try repository.treeSource(commit: $0, prefix: location.prefix) }
        var changed: Set<String> = []
        func visit(_ folder: String) throws {
            for entry in try index.entries(in: folder) ?? [] {
                let path = folder.isEmpty ? entry.name : folder + "/" + entry.name
                if entry.kind == .directory {
                    if folder.isEmpty ? entry.name == "programs" : folder == "programs" { try visit(path) }
                } else if PlanFileKind.classify(path) != nil, index.objectID(of: path) != (try head?.objectID(of: path)) {
                    changed.insert(path)
                }
            }
        }
        try visit("")
        return changed
    }

    /// Errors wherever they are (a change can break an unchanged file's references), warnings
    /// only where the commit changes something: the hook shows what the commit is responsible for.
    static func keepingWarnings(in location: WorkspaceLocation, index: GitIndexSource, _ diagnostics: [Diagnostic]) throws -> [Diagnostic] {
        let changed: Set<String>
        do {
            changed = try paths(in: location, index: index)
        } catch let error as GitError {
            throw CLIError(error.description)
        }
        return diagnostics.filter { $0.severity == .error || changed.contains($0.location.path) }
    }
}
