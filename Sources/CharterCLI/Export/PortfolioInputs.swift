import CharterCore
import CharterGit
import Foundation

/// What `charter export --format jsonl` stamps its lines with and the history it adds: the
/// repository's name, the commit exported, and the change log (`ChangeLogBuilder`, the one walk
/// `charter changes`, `history` and `slips` share) up to that commit.
struct PortfolioInputs {
    var repositoryName: String
    var commit: String?
    var changeRequests: [ChangeRequest]

    /// - Parameters:
    ///   - name: `--repository`; else `remote.origin.url` without credentials; else the folder's name.
    ///   - rev: the commit exported (`--rev`), else HEAD.
    init(location: WorkspaceLocation, name: String?, rev: String?) throws {
        guard let repository = location.repository else { throw CLIError("--format jsonl reads git: not in a git repository") }
        let tip: ObjectID? = try Git.call { try rev.map { try repository.commit($0).id } ?? repository.headCommitID() }
        commit = tip?.hex
        repositoryName = try name ?? Git.call { try repository.configString("remote.origin.url") }.map(Self.withoutCredentials)
            ?? Self.folderName(repository)
        if let tip {
            let builder = ChangeLogBuilder(repository: repository, prefix: location.prefix)
            let range = try RangeArgument.parse(tip.hex, in: repository)
            changeRequests = try Git.call { try builder.records(ChangeLogSelection(range: range)).records }
        } else {
            changeRequests = []
        }
    }

    /// `https://user:token@host/org/repo.git` → `https://host/org/repo.git`: a published file
    /// must not carry a secret. scp-like `git@host:org/repo.git` keeps its user (it is no secret).
    static func withoutCredentials(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<scheme.upperBound]) + rest[rest.index(after: at)...]
    }

    private static func folderName(_ repository: Repository) -> String {
        let folder = repository.workdir ?? repository.commonDir
        let name = URL(fileURLWithPath: folder).lastPathComponent
        return name.hasSuffix(".git") ? String(name.dropLast(4)) : name
    }
}
