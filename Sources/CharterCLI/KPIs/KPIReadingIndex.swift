import CharterCore
import CharterGit
import Foundation

/// What `charter kpis --history` and the report's KPI trends read of each version of a
/// `kpis.yaml`, kept by blob id in `<common git dir>/charter/kpis.idx` (a `CacheFile`): a blob
/// never changes, so neither do the readings parsed from it by the same build of charter.
/// Which blob a program had at a commit is read from the commit's tree each time.
///
/// A cache: `--no-cache`/`CHARTER_NO_CACHE=1` turn it off (`HistoryIndexSwitch`), a damaged or
/// foreign file reads as empty (one note on stderr) and is rewritten, and a repository that
/// cannot be written just is not.
final class KPIReadingIndex {
    static let fileName = "kpis.idx"

    let file: CacheFile
    private var contents = CacheFile.Contents()
    private var added: [String: [UInt8]] = [:]
    private var problem: CacheFile.Problem?

    /// `nil` when the cache is off.
    static func open(_ repository: Repository) -> KPIReadingIndex? {
        HistoryIndexSwitch.isOn ? KPIReadingIndex(repository: repository) : nil
    }

    private init(repository: Repository) {
        // Readings come from charter's parser, so a file from another build reads as empty.
        file = CacheFile(repository: repository, name: Self.fileName, version: Self.version)
        let read = file.read()
        contents = read.contents
        problem = read.problem
        if let problem {
            Terminal.warning("the KPI index \(file.path) \(problem); it is rebuilt", quietUnlessTerminal: false)
        }
    }

    /// Raise when what an entry holds changes (besides the build, which the version names too).
    /// 2: readings in `BinaryCodable` form instead of JSON.
    static let formatVersion = 2

    static let version = ChangeRecordIndex.version.replacingOccurrences(
        of: "records \(ChangeRecordIndex.formatVersion) ", with: "kpi-readings \(formatVersion) ")

    func readings(blob: String) -> [KPITrend.Reading]? {
        guard let bytes = added[blob].map({ $0[...] }) ?? contents.value(blob) else { return nil }
        return try? BinaryReader.decode([KPITrend.Reading].self, from: bytes)
    }

    func store(_ readings: [KPITrend.Reading], blob: String) {
        added[blob] = BinaryWriter.encode(readings)
    }

    /// Writes what was added since the file was read (quietly nothing where it cannot).
    func save() {
        guard !added.isEmpty || problem != nil else { return }
        var entries: [(key: String, value: ArraySlice<UInt8>)] = contents.keys.filter { added[$0] == nil }.map { ($0, contents.value($0)!) }
        entries += added.map { ($0.key, $0.value[...]) }
        entries.sort { $0.key < $1.key }
        try? file.write(entries)
    }
}
