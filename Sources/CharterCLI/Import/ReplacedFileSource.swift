import CharterCore

/// A source with one file's bytes replaced (or added): the worktree as it would be after an
/// import writes that file, so the diff and the loader see exactly the text to be written.
struct ReplacedFileSource: PlanSource {
    var base: any PlanSource
    var path: String
    var bytes: [UInt8]

    var sourceDescription: String { base.sourceDescription }

    func entries(in directory: String) throws -> [SourceEntry]? {
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        let name = String(path.split(separator: "/").last ?? "")
        var entries = try base.entries(in: directory)
        if directory == folder {
            entries = (entries ?? []).filter { $0.name != name } + [SourceEntry(name: name, kind: .file, size: bytes.count)]
            return entries?.sorted { $0.name < $1.name }
        }
        return entries
    }

    func contents(of file: String) throws -> [UInt8] {
        file == path ? bytes : try base.contents(of: file)
    }
}
