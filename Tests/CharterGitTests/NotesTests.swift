import CharterCore
import CharterGit
import Foundation
import Testing

@Suite struct NotesTests {
    let dave = Signature(name: "Dave Kim", email: "dave@example.com", time: 1_767_300_000, offsetMinutes: 60)

    @Test func readsNothingBeforeAnyNoteExists() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let head = try fixture.commitAll("first", in: repo)
            let repository = try Repository.open(at: repo)
            #expect(try repository.note(for: ObjectID(hex: head)!) == nil)
            #expect(try repository.allNotes().isEmpty)
        }
    }

    @Test func writesNotesGitReads() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let head = try fixture.commitAll("first", in: repo)
            let repository = try Repository.open(at: repo)
            let id = ObjectID(hex: head)!

            #expect(try repository.setNote("Approved-by: Dave Kim <dave@example.com>", for: id, author: dave))
            #expect(try fixture.git(["notes", "--ref=charter", "show", head], in: repo) == "Approved-by: Dave Kim <dave@example.com>")
            #expect(try repository.note(for: id) == "Approved-by: Dave Kim <dave@example.com>\n")

            // The notes commit is signed by the given author.
            let author = try fixture.git(["log", "-1", "--format=%an <%ae> %at", "refs/notes/charter"], in: repo)
            #expect(author == "Dave Kim <dave@example.com> 1767300000")
        }
    }

    @Test func appendsWithoutClobberingAndIsIdempotent() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let head = try fixture.commitAll("first", in: repo)
            try fixture.git(["notes", "--ref=charter", "add", "-m", "Reviewed-by: Erin <erin@example.com>", head], in: repo)
            let repository = try Repository.open(at: repo)
            let id = ObjectID(hex: head)!

            #expect(try repository.setNote("Approved-by: Dave Kim <dave@example.com>", for: id, author: dave))
            #expect(try repository.note(for: id) == "Reviewed-by: Erin <erin@example.com>\nApproved-by: Dave Kim <dave@example.com>\n")
            // The same line again changes nothing, not even the notes ref.
            let tip = try fixture.git(["rev-parse", "refs/notes/charter"], in: repo)
            #expect(try !repository.setNote("Approved-by: Dave Kim <dave@example.com>", for: id, author: dave))
            #expect(try fixture.git(["rev-parse", "refs/notes/charter"], in: repo) == tip)
            // Several lines: only the new ones are added.
            #expect(try repository.setNote("Approved-by: Dave Kim <dave@example.com>\nRole: sponsor\n", for: id, author: dave))
            #expect(try repository.note(for: id) == "Reviewed-by: Erin <erin@example.com>\nApproved-by: Dave Kim <dave@example.com>\nRole: sponsor\n")
            // History of the notes ref keeps every step.
            #expect(lines(try fixture.git(["rev-list", "refs/notes/charter"], in: repo)).count == 3)
            // Other notes refs are separate.
            #expect(try repository.note(for: id, notesRef: "refs/notes/commits") == nil)
            #expect(try repository.note(for: id, notesRef: "charter") != nil)
        }
    }

    @Test func listsAllNotesInOnePass() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            // 300 notes (256 or more) make git fan the notes tree out into folders.
            var script = ""
            for index in 1...600 {
                script += "commit refs/heads/main\nmark :\(index)\ncommitter A <a@x> \(1_767_225_600 + index) +0000\ndata <<END\nc\(index)\nEND\n"
                if index > 1 { script += "from :\(index - 1)\n" }
                script += "M 644 inline f.txt\ndata <<END\n\(index)\nEND\n\n"
            }
            script += "commit refs/notes/charter\ncommitter A <a@x> 1767300000 +0000\ndata <<END\nnotes\nEND\n"
            for index in 1...600 where index % 2 == 0 {
                script += "N inline :\(index)\ndata <<END\nApproved-by: p\(index)\nEND\n"
            }
            script += "\n"
            let file = fixture.path("import.txt")
            try Data(script.utf8).write(to: URL(fileURLWithPath: file))
            try fastImport(fixture, file, in: repo)
            let tree = try fixture.git(["ls-tree", "refs/notes/charter"], in: repo)
            #expect(tree.contains(" tree "))  // fanned out

            let repository = try Repository.open(at: repo)
            let notes = try repository.allNotes()
            #expect(notes.count == 300)
            for line in lines(try fixture.git(["notes", "--ref=charter", "list"], in: repo)) {
                let fields = line.split(separator: " ")
                let commit = ObjectID(hex: String(fields[1]))!
                let expected = try fixture.git(["notes", "--ref=charter", "show", String(fields[1])], in: repo) + "\n"
                #expect(notes[commit] == expected)
            }
            // And one note is found in the fanned-out tree too.
            let any = try #require(notes.keys.first)
            #expect(try repository.note(for: any) == notes[any])
        }
    }

    @Test func worksInABareRepository() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let head = try fixture.commitAll("first", in: repo)
            try fixture.git(["clone", "--quiet", "--bare", repo, fixture.path("server.git")], in: fixture.root)
            let bare = try Repository.open(at: fixture.path("server.git"))
            #expect(try bare.setNote("Approved-by: dave", for: ObjectID(hex: head)!, author: dave))
            #expect(try bare.allNotes() == [ObjectID(hex: head)!: "Approved-by: dave\n"])
            #expect(try fixture.git(["notes", "--ref=charter", "show", head], in: fixture.path("server.git")) == "Approved-by: dave")
        }
    }

    @Test func authorFromTheConfiguration() throws {
        try GitFixture.with { fixture in
            let repo = try fixture.makeRepository()
            let head = ObjectID(hex: try fixture.commitAll("first", in: repo))!
            try fixture.git(["config", "user.name", "Carol Config"], in: repo)
            try fixture.git(["config", "user.email", "carol@example.com"], in: repo)
            let repository = try Repository.open(at: repo)
            #expect(try repository.setNote("Approved-by: carol", for: head))
            #expect(try fixture.git(["log", "-1", "--format=%an <%ae>", "refs/notes/charter"], in: repo) == "Carol Config <carol@example.com>")
        }
    }
}
