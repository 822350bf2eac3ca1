import Foundation
import Testing

/// `.pre-commit-hooks.yaml` under the real pre-commit framework (pip install pre-commit):
/// a repository whose `.pre-commit-config.yaml` points at a copy of this manifest.
@Suite struct HookPreCommitFrameworkTests {
    /// The framework on PATH, when it is new enough for the manifest (3.2: `stages: [pre-commit]`).
    static let preCommit: String? = {
        guard let path = try? HookCommitTests.which("pre-commit"),
              let result = try? Run.process(path, ["--version"], in: "/"), result.status == 0 else { return nil }
        // "pre-commit 4.7.0"
        let version = result.stdout.split(separator: " ").last.map { $0.split(separator: ".").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } } ?? []
        return version.lexicographicallyPrecedes([3, 2]) ? nil : path
    }()

    static let manifest = EmbeddedResourcesTests.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml")

    @Test("the manifest is valid for the framework")
    func manifestIsValid() throws {
        let text = try String(contentsOf: Self.manifest, encoding: .utf8)
        #expect(text.contains("- id: charter-validate"))
        #expect(text.contains("entry: charter validate --staged"))
        guard let preCommit = Self.preCommit else { return }
        let result = try Run.process(preCommit, ["validate-manifest", Self.manifest.path], in: "/")
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("git commit with the framework's hook: a broken staged plan fails, a valid one passes",
          .enabled(if: HookPreCommitFrameworkTests.preCommit != nil, "pre-commit 3.2 or newer (pip install pre-commit) is not on PATH"))
    func frameworkRunsCharterValidate() throws {
        let repo = try HookRepo()
        // A hook repository holding this package's manifest, as a team would reference ours.
        let hooks = try HookRepo("charter-hooks", fixture: repo.fixture)
        try hooks.write(".pre-commit-hooks.yaml", try String(contentsOf: Self.manifest, encoding: .utf8))
        try hooks.gitOK("add", "-A")
        try hooks.gitOK("commit", "-q", "-m", "manifest")
        let rev = try hooks.gitOK("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)

        try repo.write(".pre-commit-config.yaml", """
        repos:
          - repo: \(hooks.path)
            rev: \(rev)
            hooks:
              - id: charter-validate

        """)
        try repo.commitWorkspace()
        let environment = ["PRE_COMMIT_HOME": repo.fixture.url("pre-commit-cache").path]
        let install = try Run.process(Self.preCommit!, ["install"], in: repo.path, environment: repo.environment.merging(environment) { $1 })
        #expect(install.status == 0, "\(install.output)")

        try repo.write("programs/pay/milestones.yaml", HookSamples.brokenMilestones)
        try repo.gitOK("add", "programs/pay/milestones.yaml")
        let refused = try repo.git("commit", "-m", "broken", environment: environment)
        #expect(refused.status != 0)
        #expect(refused.output.contains("charter validate (staged plans)"), "\(refused.output)")
        #expect(refused.output.contains(HookSamples.finding), "\(refused.output)")
        #expect(try repo.commitCount == 1)

        try repo.write("programs/pay/milestones.yaml", HookSamples.validMilestones.replacingOccurrences(of: "Beta", with: "GA"))
        try repo.gitOK("add", "programs/pay/milestones.yaml")
        let accepted = try repo.git("commit", "-m", "valid", environment: environment)
        #expect(accepted.status == 0, "\(accepted.output)")
        #expect(accepted.output.contains("charter validate (staged plans)"))
        #expect(try repo.commitCount == 2)

        // A commit without plan files skips the hook (files: filter).
        try repo.write("README.md", "# plans\n")
        try repo.gitOK("add", "README.md")
        let unrelated = try repo.git("commit", "-m", "readme", environment: environment)
        #expect(unrelated.status == 0, "\(unrelated.output)")
        #expect(unrelated.output.contains("(no files to check)Skipped"), "\(unrelated.output)")
    }
}
