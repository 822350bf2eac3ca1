import Foundation
import Testing

@Suite struct InitCommandTests {
    @Test("init --workspace, then a program from each template, validates clean")
    func initValidates() throws {
        let fixture = try Fixture()
        let workspace = try Run.charter(["init", "--workspace"], in: fixture.path)
        #expect(workspace.status == 0, "\(workspace.stderr)")
        for file in ["charter.yaml", "people.yaml"] { #expect(FileManager.default.fileExists(atPath: fixture.url(file).path)) }
        for (id, template) in [("checkout", "minimal"), ("launch", "software-launch")] {
            let result = try Run.charter(["init", "--template", template, id], in: fixture.path)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: fixture.url("programs/\(id)/program.yaml").path))
        }
        let validate = try Run.charter(["validate"], in: fixture.path)
        #expect(validate.status == 0, "\(validate.stdout)")
        #expect(!validate.stdout.contains("warning"), "\(validate.stdout)")
    }

    @Test func neverOverwrites() throws {
        let fixture = try Fixture()
        try fixture.write("charter.yaml", "version: 1\n# mine\n")
        let result = try Run.charter(["init", "--workspace"], in: fixture.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not overwriting"))
        #expect(try fixture.read("charter.yaml").contains("# mine"))
        #expect(!FileManager.default.fileExists(atPath: fixture.url("people.yaml").path))
        #expect(try Run.charter(["init", "x y"], in: fixture.path).status != 0)
        #expect(try Run.charter(["init", "--template", "minimall", "x"], in: fixture.path).stderr.contains("did you mean 'minimal'"))
    }

    @Test("a copy of the binary alone is a complete install")
    func embeddedTemplates() throws {
        let fixture = try Fixture()
        let copy = fixture.url("bin/charter")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Run.charterBinary, toPath: copy.path)
        try FileManager.default.createDirectory(at: fixture.url("ws"), withIntermediateDirectories: true)
        #expect(try Run.process(copy.path, ["init", "--workspace"], in: fixture.url("ws").path).status == 0)
        #expect(try Run.process(copy.path, ["init", "--template", "software-launch", "app"], in: fixture.url("ws").path).status == 0)
        #expect(try fixture.read("ws/programs/app/milestones.yaml").contains("milestones:"))
    }
}

extension InitCommandTests {
    @Test("a program name with YAML punctuation is quoted, not broken")
    func nameIsQuoted() throws {
        let fixture = try Fixture()
        #expect(try Run.charter(["init", "--workspace"], in: fixture.path).status == 0)
        #expect(try Run.charter(["init", "ops", "--name", "Ops: phase #2"], in: fixture.path).status == 0)
        #expect(try fixture.read("programs/ops/program.yaml").contains("name: \"Ops: phase #2\""))
        #expect(try Run.charter(["validate"], in: fixture.path).status == 0)
    }
}
