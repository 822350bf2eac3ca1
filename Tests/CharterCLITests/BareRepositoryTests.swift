import Foundation
import Testing

/// A bare repository (a server, a pre-receive hook) has no worktree: every command that reads
/// "the worktree by default" reads HEAD there, as `--rev HEAD` would, instead of an empty folder.
@Suite struct BareRepositoryTests {
    /// A workspace committed with a dangling dependency (a validation error) and a KPI, cloned
    /// bare inside the worktree: the worktree around it must not be read instead.
    static func bareClone() throws -> (fixture: Fixture, bare: String) {
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace([
            "programs/pay/milestones.yaml": Samples.brokenMilestones,
            "programs/pay/kpis.yaml": """
            kpis:
              - { id: K1, name: Checkout p99, unit: ms, baseline: 420, target: 300, current: 380, as_of: 2026-03-01, direction: decrease }

            """,
        ])
        try fixture.commitAll("Plan")
        try fixture.write("programs/pay/milestones.yaml", Samples.workspace["programs/pay/milestones.yaml"]!)
        try fixture.git("clone", "-q", "--bare", fixture.path, "server.git")
        return (fixture, fixture.path + "/server.git")
    }

    @Test func validateReadsHEAD() throws {
        let (fixture, bare) = try Self.bareClone()
        defer { withExtendedLifetime(fixture) {} }
        let result = try Run.charter(["validate", "--format", "json"], in: bare)
        #expect(result.status == 1, "the committed dangling dependency is found: \(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\"path\" : \"programs/pay/milestones.yaml\""), "\(result.stdout)")
    }

    @Test func validateFromInsideTheGitDirectory() throws {
        let (fixture, bare) = try Self.bareClone()
        defer { withExtendedLifetime(fixture) {} }
        let result = try Run.charter(["validate"], in: bare + "/refs")
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("programs/pay/milestones.yaml:3:"), "\(result.stdout)")
    }

    @Test func scheduleReadsHEADAndSaysSo() throws {
        let (fixture, bare) = try Self.bareClone()
        defer { withExtendedLifetime(fixture) {} }
        let result = try Run.charter(["schedule", "--as-of", "2026-03-01"], in: bare)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("charter schedule · HEAD (commit "), "\(result.stdout)")
        #expect(result.stdout.contains("pay · Payments"), "\(result.stdout)")
    }

    @Test func kpisAndExportReadHEAD() throws {
        let (fixture, bare) = try Self.bareClone()
        defer { withExtendedLifetime(fixture) {} }
        let kpis = try Run.charter(["kpis"], in: bare)
        #expect(kpis.status == 0, "\(kpis.stderr)")
        #expect(kpis.stdout.contains("K1  Checkout p99"), "\(kpis.stdout)")
        let export = try Run.charter(["export", "--format", "csv"], in: bare)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("pay,M2,Beta,"), "\(export.stdout)")
    }

    @Test func anUnbornBareRepositorySaysSo() throws {
        let fixture = try Fixture()
        try fixture.git("init", "-q", "--bare", "empty.git")
        let result = try Run.charter(["validate"], in: fixture.path + "/empty.git")
        #expect(result.status == 2)
        #expect(result.stderr.contains("has no commits yet"), "\(result.stderr)")
    }
}
