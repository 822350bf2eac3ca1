import Testing

/// Every command that takes program names (`PROGRAM…` or `--program ID`) refuses an unknown one
/// with the same words and exit 2, from the built binary.
@Suite struct ProgramArgumentTests {
    static let typo = "charter: error: no program 'payy'; did you mean 'pay'? (programs: pay)\n"

    static func repository() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        try fixture.commitAll("Plans")
        #expect(try Run.charter(["baseline", "create", "q1"], in: fixture.path).status == 0)
        return fixture
    }

    @Test func everyCommandWordsAnUnknownProgramTheSameWay() throws {
        let fixture = try Self.repository()
        let commands: [[String]] = [
            ["schedule", "payy"], ["variance", "payy"], ["kpis", "payy"], ["report", "payy"],
            ["export", "--format", "csv", "payy"], ["slips", "--program", "payy"], ["changes", "--program", "payy"],
        ]
        for command in commands {
            let result = try Run.charter(command, in: fixture.path)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr == Self.typo, "\(command): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(command)")
        }
    }

    @Test func withNothingCloseTheListIsAllThereIs() throws {
        let fixture = try Self.repository()
        let result = try Run.charter(["schedule", "zzz"], in: fixture.path)
        #expect(result.status == 2 && result.stderr == "charter: error: no program 'zzz' (programs: pay)\n", "\(result.stderr)")
    }

    @Test func aProgramRemovedWithinTheRangeIsStillKnownToTheHistoryCommands() throws {
        let fixture = try Self.repository()
        try fixture.git("rm", "-q", "-r", "programs/pay")
        try fixture.commitAll("Drop pay")
        #expect(try Run.charter(["changes", "--program", "pay"], in: fixture.path).status == 0)
        #expect(try Run.charter(["slips", "--program", "pay"], in: fixture.path).status == 0)
        #expect(try Run.charter(["schedule", "pay"], in: fixture.path).status == 2)
    }
}
