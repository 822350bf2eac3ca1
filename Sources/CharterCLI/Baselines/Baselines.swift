import CharterCore
import CharterGit
import Foundation

/// The baselines of a repository: annotated tags `refs/tags/charter/baseline/<name>`.
///
/// The one place commands (`baseline`, `variance`, `report`) find, make and read baselines.
/// Errors are `CLIError`s (exit 2) that say what to do next.
struct Baselines {
    let repository: Repository

    init(repository: Repository) {
        self.repository = repository
    }

    /// Every baseline, newest first (by tag date; a lightweight tag by its commit's date).
    func list() throws -> [Baseline] {
        try Git.call { try repository.tags(under: Baseline.tagPrefix) }
            .map(Self.baseline)
            .sorted(by: Baseline.newestFirst)
    }

    /// The newest baseline, or `nil` when there is none.
    func latest() throws -> Baseline? {
        try list().first
    }

    /// The baseline called `name`; says which names exist (and the likely one) when it is not there.
    func named(_ name: String) throws -> Baseline {
        if let tag = try Git.call({ try repository.tag(named: Baseline.tagPrefix + name) }) {
            return Self.baseline(tag)
        }
        let names = try list().map(\.name)
        if names.isEmpty { throw Self.noBaselines }
        let hint = Suggestion.didYouMean(name, in: names)
        throw CLIError("no baseline '\(name)'\(hint); there are: \(names.joined(separator: ", ")) (charter baseline list)")
    }

    /// The one named, else the newest; explains how to make one when there is none.
    func chosen(_ name: String?) throws -> Baseline {
        if let name { return try named(name) }
        guard let latest = try latest() else { throw Self.noBaselines }
        return latest
    }

    static let noBaselines = CLIError("no baselines yet; make one with charter baseline create NAME")

    /// Makes the baseline `name` on `revision`'s commit, signed as git would sign a tag now.
    func create(_ name: String, revision: String, message: String?, workspacePrefix: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Baseline {
        if let problem = TagName.problem(with: name, under: Baseline.tagPrefix) {
            throw CLIError("'\(name)' is not a valid tag name: \(problem)")
        }
        if let existing = try Git.call({ try repository.tag(named: Baseline.tagPrefix + name) }) {
            throw Self.alreadyExists(Self.baseline(existing))
        }
        let commit = try Git.call { try repository.commit(revision) }
        if let workspacePrefix {
            // No baseline on a damaged commit: its plans must read whole before they are frozen.
            let source = try Git.call { try repository.treeSource(commit: commit.id, prefix: workspacePrefix) }
            _ = WorkspaceLoader.load(from: source)
            try Git.call { try source.throwIfDamaged() }
        }
        let offset = TimeZone.current.secondsFromGMT() / 60
        let tagger = try Git.call {
            try repository.committerIdentity(environment: environment, now: (Int64(Clock.now), offset))
        }
        let text = message.flatMap { $0.isEmpty ? nil : $0 } ?? "Charter baseline \(name)"
        do {
            let tag = try repository.createAnnotatedTag(Baseline.tagPrefix + name, on: commit.id, tagger: tagger, message: text)
            return Self.baseline(tag)
        } catch let error as GitError where error.kind == .alreadyExists {
            // Made by someone else between our check and our write.
            guard let existing = try? repository.tag(named: Baseline.tagPrefix + name) else { throw CLIError(error.description) }
            throw Self.alreadyExists(Self.baseline(existing))
        } catch let error as GitError {
            throw CLIError(error.description)
        }
    }

    /// Deletes the baseline `name` and returns what it was.
    func delete(_ name: String) throws -> Baseline {
        let baseline = try named(name)
        try Git.call { try repository.deleteTag(baseline.tagName) }
        return baseline
    }

    /// The plans as they were at the baseline, for the workspace at `prefix` in the tree: from
    /// the baseline cache when it has the tree the baseline names, else parsed (and then kept).
    func plans(_ baseline: Baseline, prefix: String) throws -> DiffSide {
        guard let id = ObjectID(hex: baseline.commit) else { throw CLIError("baseline '\(baseline.name)' names no commit") }
        let source = try Git.call { try repository.treeSource(commit: id, prefix: prefix) }
        let tree = try Git.call { try source.objectID(of: "") }
        let cache = tree == nil ? nil : BaselinePlanCache.open(repository)
        if let tree, let cached = cache?.plans(tree: tree) { return cached }
        let load = WorkspaceLoader.load(from: source)
        try Git.call { try source.throwIfDamaged() }
        let plans = DiffSide(load)
        if let tree, let cache { cache.store(plans, tree: tree, named: namedTrees(prefix: prefix)) }
        return plans
    }

    /// The trees of the workspace folder at every baseline's commit: the cache entries worth keeping.
    private func namedTrees(prefix: String) -> Set<String> {
        guard let baselines = try? list() else { return [] }
        return Set(baselines.compactMap { baseline in
            ObjectID(hex: baseline.commit).flatMap { commit in
                (try? repository.treeSource(commit: commit, prefix: prefix).objectID(of: ""))??.hex
            }
        })
    }

    private static func alreadyExists(_ baseline: Baseline) -> CLIError {
        let who = baseline.tagger.map { "made by \($0.name) <\($0.email)> on \($0.day)" } ?? "a lightweight tag dated \(baseline.date.day)"
        return CLIError("""
            baseline '\(baseline.name)' already exists (\(who), on commit \(baseline.commit.prefix(8)) \
            "\(baseline.commitSummary)"); pick another name, or delete it first with charter baseline delete \(baseline.name)
            """)
    }

    private static func baseline(_ tag: TagInfo) -> Baseline {
        Baseline(name: String(tag.name.dropFirst(Baseline.tagPrefix.count)), commit: tag.commit.id.hex,
                 commitSummary: tag.commit.summary, date: tag.date, tagger: tag.tagger, message: tag.message)
    }
}
