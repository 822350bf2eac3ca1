import CharterCore
import CharterGit

/// Baselines as git tags `refs/tags/charter/baseline/NAME`, read through the git layer.
/// (The baselines feature owns creating them; the report only reads.)
enum BaselineTags {
    static let prefix = "refs/tags/charter/baseline/"

    struct Found {
        var name: String
        var commit: CommitInfo
    }

    /// The named baseline, or the latest one (by the date of the commit it freezes, then by name)
    /// when `name` is `nil`; `nil` when the repository has none.
    static func find(_ name: String?, in repository: Repository) throws -> Found? {
        if let name {
            guard let commit = try? repository.commit(prefix + name) else {
                let known = (try? all(in: repository).map(\.name)) ?? []
                throw CLIError("no baseline '\(name)' (no tag \(prefix)\(name))"
                               + (known.isEmpty ? "; charter baseline create NAME makes one" : "; baselines: " + known.joined(separator: ", ")))
            }
            return Found(name: name, commit: commit)
        }
        return try all(in: repository).max { a, b in
            a.commit.committer.time != b.commit.committer.time ? a.commit.committer.time < b.commit.committer.time
                : NaturalOrder.less(a.name, b.name)
        }
    }

    static func all(in repository: Repository) throws -> [Found] {
        try repository.referenceNames(matching: prefix + "*").compactMap { reference in
            guard let commit = try? repository.commit(reference) else { return nil }
            return Found(name: String(reference.dropFirst(prefix.count)), commit: commit)
        }
    }
}
