/// A source whose files can be read on several threads at once, each thread through a reader
/// of its own. A git source cannot share one libgit2 handle between threads, but it can open a
/// handle per reader; the loader then lists, reads and parses on every core instead of taking turns.
public protocol ConcurrentPlanSource: PlanSource {
    /// A reader of this source's folders and files, used by one thread at a time. Made after
    /// the loader has listed the workspace root and `programs`, so a reader may rely on what
    /// that listing learnt.
    func makeFileReader() throws -> any PlanFileReader
}

/// Lists the folders and reads the files of one source for one thread.
public protocol PlanFileReader {
    /// The entries directly inside `directory`, as `PlanSource.entries(in:)` gives them.
    func entries(in directory: String) throws -> [SourceEntry]?
    /// The bytes of the regular file at `path`, as `PlanSource.contents(of:)` gives them.
    func contents(of path: String) throws -> [UInt8]
}
