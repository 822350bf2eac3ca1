import Foundation
import Testing

/// The history index in `<common git dir>/charter/`: a cache only. Every history command gives
/// the same bytes cold (`CHARTER_NO_CACHE=1`), while building the index, and warm; approvals
/// added after indexing show at once; damaged, foreign and unwritable index files and racing
/// runs never change an answer; rewritten and deepened histories are read correctly.
@Suite struct HistoryIndexTests {
    static let cold = ["CHARTER_NO_CACHE": "1"]

    /// The history commands, as a user runs them on `SlipLedgerCommandTests.history()`.
    static func commands(_ ids: [String: String]) -> [[String]] {
        [
            ["changes"], ["changes", "--format", "json"], ["changes", "--all-commits", "--format", "yaml"],
            ["changes", "--format", "markdown", "--program", "web"], ["changes", "--since", "2026-03-01", "--format", "csv"],
            ["changes", "--ids"],
            ["check", "\(ids["plans"]!)..HEAD"], ["check", "--all-commits", "\(ids["plans"]!)..HEAD"],
            ["slips"], ["slips", "--format", "json"], ["slips", "--program", "pay", "--format", "markdown"],
            ["history", "web/M2"], ["history", "M2", "--format", "json"], ["history", "pay/M1"],
            ["report", "--format", "markdown", "--as-of", "2026-03-25", "--since", "2026-02-01"],
            ["kpis", "--history"], ["variance"],
        ]
    }

    /// Output and exit status of a run, what must not depend on the index.
    static func outcome(_ result: Run.Result) -> String { "exit \(result.status)\n\(result.stdout)" }

    static func index(_ repo: HookRepo) -> String { repo.file(".git/charter/history.idx") }

    /// Every command: cold, then with the index being built, then warm, compared byte for byte.
    @Test func everyHistoryCommandGivesTheSameOutputColdBuildingAndWarm() throws {
        let (repo, ids) = try SlipLedgerCommandTests.history()
        let baseline = try repo.charter(["baseline", "create", "kickoff", "--rev", ids["risks"]!, "-m", "Kickoff"],
                                        environment: ["GIT_COMMITTER_NAME": "Test User", "GIT_COMMITTER_EMAIL": "test@example.com"])
        #expect(baseline.status == 0, "\(baseline.stderr)")
        for command in Self.commands(ids) {
            try? FileManager.default.removeItem(atPath: Self.index(repo))
            let cold = try Run.charter(command, in: repo.path, environment: repo.environment.merging(Self.cold) { $1 })
            let noCache = try Run.charter(command + ["--no-cache"], in: repo.path, environment: repo.environment)
            #expect(!FileManager.default.fileExists(atPath: Self.index(repo)), "\(command): --no-cache wrote an index")
            let building = try Run.charter(command, in: repo.path, environment: repo.environment)
            let warm = try Run.charter(command, in: repo.path, environment: repo.environment)
            #expect(cold.status == 0 || cold.status == 1, "\(command): \(cold.stderr)")
            #expect(Self.outcome(noCache) == Self.outcome(cold), "\(command)")
            #expect(Self.outcome(building) == Self.outcome(cold), "\(command)")
            #expect(Self.outcome(warm) == Self.outcome(cold), "\(command)")
            #expect(warm.stderr == cold.stderr, "\(command)")
        }
        // The commands that read change records left them in the index: every plan commit,
        // the merged branch's too (read to carry its approvals to the merge).
        #expect(try repo.charter("changes").status == 0)
        let status = try repo.charter("cache", "status")
        let planCommits = try repo.charter("changes", "--all-commits", "--ids").stdout.split(separator: "\n").count
        #expect(status.status == 0 && status.stdout.contains("commits covered: \(planCommits)\n"), "\(status.stdout)")
    }

    @Test func anApprovalRecordedAfterIndexingShowsAtOnce() throws {
        let (repo, ids) = try SlipLedgerCommandTests.history()
        let before = try repo.charter("changes", "--format", "json")
        #expect(FileManager.default.fileExists(atPath: Self.index(repo)))
        #expect(before.stdout.contains("\"approved\" : false") || before.stdout.contains("\"approved\":false"))
        let approve = try repo.charter("approve", ids["slip2"]!, "--as", "carol")
        #expect(approve.status == 0, "\(approve.stderr)")
        let warm = try repo.charter("changes", "--format", "json")
        let cold = try repo.charter("changes", "--format", "json", environment: Self.cold)
        #expect(warm.stdout == cold.stdout)
        #expect(warm.stdout != before.stdout)
        #expect(warm.stdout.contains("\"source\" : \"note\"") || warm.stdout.contains("\"source\":\"note\""), "\(warm.stdout)")
    }

    @Test(arguments: ["truncated", "garbage", "foreign", "flipped", "empty", "folder"])
    func aDamagedIndexIsIgnoredAndRebuilt(_ damage: String) throws {
        let (repo, _) = try SlipLedgerCommandTests.history()
        let cold = try repo.charter("changes", "--format", "json", environment: Self.cold)
        #expect(try repo.charter("cache", "build").status == 0)
        let path = Self.index(repo)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        switch damage {
        case "truncated": bytes = Array(bytes.prefix(bytes.count / 2))
        case "garbage": bytes = Array("not an index at all\n".utf8) + Array(repeating: 0xFF, count: 300)
        case "foreign": bytes = Array("charter-cache 1\nrecords 999 charter 9.9.9\n".utf8) + Array(repeating: 0, count: 40)
        case "flipped": bytes[bytes.count / 2] ^= 0x5A
        case "empty": bytes = []
        default: break
        }
        if damage == "folder" {
            try FileManager.default.removeItem(atPath: path)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } else {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        let damaged = try repo.charter("changes", "--format", "json")
        #expect(damaged.status == 0)
        #expect(damaged.stdout == cold.stdout, "\(damage)")
        #expect(damaged.stderr.split(separator: "\n").count <= 1, "\(damaged.stderr)")
        if damage != "folder" {
            // Rebuilt: the next run reads it without a note.
            let again = try repo.charter("changes", "--format", "json")
            #expect(again.stdout == cold.stdout && again.stderr.isEmpty, "\(damage): \(again.stderr)")
            let status = try repo.charter("cache", "status").stdout
            #expect(status.contains("commits covered: 9\n") && !status.contains("not used"), "\(status)")
        }
    }

    /// A whole file (right version, right checksum) whose records are not what this build reads:
    /// each such record is built again, silently, and the answer is the cold one.
    @Test func recordsThatDoNotDecodeAreBuiltAgain() throws {
        let (repo, _) = try SlipLedgerCommandTests.history()
        let cold = try repo.charter("changes", "--format", "json", environment: Self.cold)
        #expect(try repo.charter("cache", "build").status == 0)
        let path = Self.index(repo)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // `charter-cache 1`, the version line, a count, then (key, value) pairs, then the SHA-1.
        var at = bytes.firstIndex(of: 10)! + 1
        at = bytes[at...].firstIndex(of: 10)! + 1
        func uint32(_ offset: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) } }
        let count = uint32(at)
        var rewritten = Array(bytes[..<(at + 4)])
        at += 4
        for entry in 0..<count {
            let keyLength = uint32(at)
            rewritten += bytes[at..<(at + 4 + keyLength)]
            at += 4 + keyLength
            let valueLength = uint32(at)
            // Half the records cut short, half replaced by bytes of another shape.
            let value: [UInt8] = entry % 2 == 0 ? Array(bytes[(at + 4)..<(at + 4 + valueLength / 2)]) : Array(repeating: 0xFE, count: 9)
            withUnsafeBytes(of: UInt32(value.count).littleEndian) { rewritten += $0 }
            rewritten += value
            at += 4 + valueLength
        }
        #expect(at == bytes.count - 20)
        let unhashed = repo.fixture.url("unhashed").path
        try Data(rewritten).write(to: URL(fileURLWithPath: unhashed))
        let hex = try repo.gitOK("hash-object", unhashed).trimmingCharacters(in: .whitespacesAndNewlines)
        var checksum: [UInt8] = []
        var digits = Substring(hex)
        while !digits.isEmpty { checksum.append(UInt8(digits.prefix(2), radix: 16)!); digits = digits.dropFirst(2) }
        try Data(rewritten + checksum).write(to: URL(fileURLWithPath: path))
        let damaged = try repo.charter("changes", "--format", "json")
        #expect(damaged.status == 0 && damaged.stdout == cold.stdout)
        #expect(damaged.stderr.split(separator: "\n").count <= 1, "\(damaged.stderr)")
        for command in [["slips", "--format", "json"], ["history", "web/M2"]] {
            let warm = try repo.charter(command), coldRun = try repo.charter(command, environment: Self.cold)
            #expect(Self.outcome(warm) == Self.outcome(coldRun), "\(command)")
        }
    }

    @Test func aRepositoryThatCannotBeWrittenIsReadWithoutAnIndex() throws {
        let (repo, ids) = try SlipLedgerCommandTests.history()
        let expected = try Self.commands(ids).prefix(3).map { try repo.charter($0, environment: Self.cold) }
        // Where the index would go cannot be made: a file named `charter` (this also holds when
        // the tests run as root, whom a read-only mode does not stop), and the folder read-only.
        try Data("occupied".utf8).write(to: URL(fileURLWithPath: repo.file(".git/charter")))
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: repo.file(".git"))
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.file(".git")) }
        for (command, cold) in zip(Self.commands(ids).prefix(3), expected) {
            let result = try repo.charter(command)
            #expect(Self.outcome(result) == Self.outcome(cold), "\(command)")
            #expect(result.stderr == cold.stderr, "\(command): \(result.stderr)")
        }
    }

    @Test func twoRunsAtOnceLeaveAWholeIndex() throws {
        let (repo, _) = try SlipLedgerCommandTests.history()
        let cold = try repo.charter("changes", "--all-commits", "--format", "json", environment: Self.cold)
        for _ in 0..<3 {
            try? FileManager.default.removeItem(atPath: Self.index(repo))
            let processes = try (0..<4).map { _ -> Process in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: Run.charterBinary)
                process.arguments = ["changes", "--all-commits", "--format", "json"]
                process.currentDirectoryURL = URL(fileURLWithPath: repo.path)
                process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
                    .merging(repo.environment) { $1 }
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in processes { process.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 })
            let after = try repo.charter("changes", "--all-commits", "--format", "json")
            #expect(after.stdout == cold.stdout && after.stderr.isEmpty, "\(after.stderr)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.file(".git/charter")).filter { $0 != "history.idx" }
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
    }

    @Test func amendedAndRebasedCommitsAreReadAsTheyAreNow() throws {
        let (repo, _) = try SlipLedgerCommandTests.history()
        #expect(try repo.charter("cache", "build").status == 0)
        // Amend the last commit: another date, another message.
        try repo.write("programs/web/milestones.yaml", SlipLedgerCommandTests.webMilestones.replacingOccurrences(of: "DATE", with: "2026-07-30"))
        try repo.gitOK("commit", "-q", "-a", "--amend", "-m", "Slip Beta in web, further")
        for command in [["changes", "--format", "json"], ["slips", "--format", "json"], ["history", "web/M2"]] {
            let warm = try repo.charter(command), cold = try repo.charter(command, environment: Self.cold)
            #expect(Self.outcome(warm) == Self.outcome(cold), "\(command)")
        }
        #expect(try repo.charter("changes").stdout.contains("Slip Beta in web, further"))
        // Rebase: the last two commits replayed with new ids onto an edited parent.
        try repo.gitOK("rebase", "-q", "--exec", "true", "HEAD~2")
        try repo.gitOK("commit", "-q", "--amend", "--allow-empty", "-m", "Beta moves to the web program (reworded)")
        try repo.gitOK("-c", "core.editor=true", "rebase", "-q", "HEAD")
        let warm = try repo.charter("changes", "--format", "json"), cold = try repo.charter("changes", "--format", "json", environment: Self.cold)
        #expect(warm.stdout == cold.stdout)
    }

    @Test func aShallowCloneDeepenedIsReadWhole() throws {
        let (repo, _) = try SlipLedgerCommandTests.history()
        let clone = repo.fixture.url("shallow").path
        try repo.gitOK("clone", "-q", "--depth", "3", "file://" + repo.path, clone)
        let commands = [["changes", "--format", "json"], ["slips", "--format", "json"], ["history", "web/M2", "--format", "json"]]
        for command in commands {
            let warm = try Run.charter(command, in: clone, environment: repo.environment)
            let cold = try Run.charter(command, in: clone, environment: repo.environment.merging(Self.cold) { $1 })
            #expect(Self.outcome(warm) == Self.outcome(cold), "\(command)")
        }
        try repo.gitOK("fetch", "-q", "--unshallow", in: clone)
        for command in commands {
            let warm = try Run.charter(command, in: clone, environment: repo.environment)
            let cold = try Run.charter(command, in: clone, environment: repo.environment.merging(Self.cold) { $1 })
            let full = try repo.charter(command, environment: Self.cold)
            #expect(Self.outcome(warm) == Self.outcome(cold), "\(command)")
            #expect(Self.outcome(warm) == Self.outcome(full), "\(command)")
        }
    }

    @Test func aBareRepositoryJudgesPushesInPreReceiveWithTheIndex() throws {
        let (repo, ids) = try SlipLedgerCommandTests.history()
        let server = try HookRepo("server.git", bare: true, fixture: repo.fixture)
        #expect(try server.charter("hooks", "install").status == 0)
        let first = try repo.git("push", "-q", server.path, "\(ids["slip1"]!):refs/heads/main")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: server.file("charter/history.idx")))
        // The rest holds a slip without approval: refused the same with the index and without.
        func remoteLines(_ result: Run.Result) -> [Substring] {
            result.stderr.split(separator: "\n").filter { $0.hasPrefix("remote:") }
        }
        let warm = try repo.git("push", "-q", server.path, "main:refs/heads/main")
        let cold = try repo.git("push", "-q", server.path, "main:refs/heads/main", environment: Self.cold)
        #expect(warm.status != 0 && cold.status != 0)
        #expect(remoteLines(warm) == remoteLines(cold) && !remoteLines(warm).isEmpty, "\(warm.stderr)")
        // Once approved (a note pushed with the branch), accepted.
        #expect(try repo.charter("approve", ids["slip2"]!, "--as", "carol").status == 0)
        #expect(try repo.charter("approve", ids["merge"]!, "--as", "carol").status == 0)
        #expect(try repo.charter("approve", ids["slip4"]!, "--as", "carol").status == 0)
        let approved = try repo.git("push", "-q", server.path, "main:refs/heads/main", "refs/notes/charter:refs/notes/charter")
        #expect(approved.status == 0, "\(approved.stderr)")
        let warmLog = try server.charter("changes", "--format", "json")
        let coldLog = try server.charter("changes", "--format", "json", environment: Self.cold)
        #expect(warmLog.stdout == coldLog.stdout && warmLog.status == 0)
    }
}

extension HookRepo {
    /// `charter` with its arguments as an array.
    func charter(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Run.Result {
        try Run.charter(arguments, in: path, environment: environment.merging(extra) { $1 })
    }
}
