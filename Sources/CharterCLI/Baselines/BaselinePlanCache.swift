import CharterCore
import CharterGit
import Foundation

/// The plans of baselines as charter parsed them, kept by the git id of the workspace folder's
/// tree at the baseline's commit in `<common git dir>/charter/baselines.idx` (a `CacheFile`):
/// a tree never changes, so neither does what the same build of charter reads from it. `variance`
/// and `report` would otherwise parse the baseline's plans again on every run.
///
/// Which tree a baseline names is read from its tag every time, so a baseline deleted and made
/// again elsewhere, or a tag re-pointed by hand, is simply another key. Only the plans are kept:
/// the current plans, today's date and anything decided at read time are never in it.
///
/// A cache: `--no-cache`/`CHARTER_NO_CACHE=1` turn it off (`HistoryIndexSwitch`), a damaged or
/// foreign file reads as empty (one note on stderr) and is rewritten, and a repository that
/// cannot be written just is not.
final class BaselinePlanCache {
    /// Raise when what an entry holds changes (besides the build, which the version names too).
    static let formatVersion = 1
    static let fileName = "baselines.idx"
    /// Plans of trees no baseline names any more are dropped when the file is written, but only
    /// beyond this many, so comparing with a baseline just deleted and made again stays warm.
    static let keptUnnamed = 2

    let file: CacheFile
    private let contents: CacheFile.Contents
    private let problem: CacheFile.Problem?

    /// `nil` when the cache is off.
    static func open(_ repository: Repository) -> BaselinePlanCache? {
        HistoryIndexSwitch.isOn ? BaselinePlanCache(repository: repository, noting: true) : nil
    }

    /// The file as it is, without a note (for `charter cache status`).
    static func inspect(_ repository: Repository) -> BaselinePlanCache {
        BaselinePlanCache(repository: repository, noting: false)
    }

    private init(repository: Repository, noting: Bool) {
        // Plans come from charter's parser, so a file from another build reads as empty.
        file = CacheFile(repository: repository, name: Self.fileName, version: Self.version)
        let read = file.read()
        contents = read.contents
        problem = read.problem
        if noting, let problem {
            Terminal.warning("the baseline cache \(file.path) \(problem); it is rebuilt", quietUnlessTerminal: false)
        }
    }

    static let version = ChangeRecordIndex.version.replacingOccurrences(
        of: "records \(ChangeRecordIndex.formatVersion) ", with: "baseline-plans \(formatVersion) ")

    var count: Int { contents.count }
    var notUsedBecause: CacheFile.Problem? { problem }

    /// The plans of `tree`, or `nil` when the file has none (or a damaged entry) for it.
    func plans(tree: ObjectID) -> DiffSide? {
        contents.value(tree.hex).flatMap { try? PlansBinaryReader.decode($0) }
    }

    /// Adds the plans of `tree` and writes the file, keeping the entries of `named` (the trees the
    /// baselines name now); quietly nothing where the repository cannot be written.
    func store(_ plans: DiffSide, tree: ObjectID, named: Set<String>) {
        var entries: [(key: String, value: ArraySlice<UInt8>)] = [(tree.hex, PlansBinaryWriter.encode(plans)[...])]
        var unnamed = 0
        for key in contents.keys.sorted() where key != tree.hex {
            if !named.contains(key) {
                unnamed += 1
                if unnamed > Self.keptUnnamed { continue }
            }
            entries.append((key, contents.value(key)!))
        }
        entries.sort { $0.key < $1.key }
        try? file.write(entries)
    }
}
