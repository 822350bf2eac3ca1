import CharterCore
import Clibgit2

extension Repository {
    /// Where charter keeps approvals given after the fact (`charter approve`).
    public static let charterNotesRef = "refs/notes/charter"

    /// The note attached to `commit` on `notesRef`, or `nil` when it has none (or the
    /// notes ref does not exist yet). `notesRef` may be short (`charter`), as with
    /// `git notes --ref`.
    public func note(for commit: ObjectID, notesRef: String = Repository.charterNotesRef) throws -> String? {
        try ensureLibgit2()
        var note: OpaquePointer?
        var id = commit.oid
        let code = git_note_read(&note, handle, Repository.canonicalNotesRef(notesRef), &id)
        if code == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try check("git_note_read", code)
        defer { git_note_free(note) }
        return git_note_message(note).map { String(cString: $0) }
    }

    /// Adds `line` (one line or several) to the end of `commit`'s note on `notesRef`,
    /// keeping what the note already says; returns `false`, writing nothing, when every
    /// line is already in the note, so recording the same approval twice changes nothing.
    ///
    /// The new notes commit replaces the ref only if the ref still points where it did
    /// when the note was read (libgit2's compare-and-swap), retrying otherwise: two
    /// writers at once both keep their lines. Works in bare repositories.
    ///
    /// `author` signs the notes commit (as author and committer); `nil` takes `user.name`
    /// and `user.email` from the git configuration and throws when they are not set.
    @discardableResult
    public func setNote(
        _ line: String, for commit: ObjectID, author: Signature? = nil,
        notesRef: String = Repository.charterNotesRef
    ) throws -> Bool {
        try ensureLibgit2()
        let refName = Repository.canonicalNotesRef(notesRef)
        let signature = try makeSignature(author)
        defer { git_signature_free(signature) }
        let added = line.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0) }
            .reversed().drop(while: { $0.isEmpty }).reversed()
        guard !added.isEmpty else { return false }

        for _ in 0..<8 {
            var tip = git_oid()
            let lookup = git_reference_name_to_id(&tip, handle, refName)
            let tipExists: Bool
            if lookup == GIT_ENOTFOUND.rawValue {
                git_error_clear()
                tipExists = false
            } else {
                try check("git_reference_name_to_id", lookup)
                tipExists = true
            }

            var notesCommit: OpaquePointer?
            if tipExists {
                try check("git_commit_lookup", git_commit_lookup(&notesCommit, handle, &tip))
            }
            defer { git_commit_free(notesCommit) }

            var target = commit.oid
            var existing = ""
            if let notesCommit {
                var note: OpaquePointer?
                let read = git_note_commit_read(&note, handle, notesCommit, &target)
                if read == GIT_ENOTFOUND.rawValue {
                    git_error_clear()
                } else {
                    try check("git_note_commit_read", read)
                    existing = git_note_message(note).map { String(cString: $0) } ?? ""
                    git_note_free(note)
                }
            }
            let present = Set(existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            let missing = added.filter { !present.contains($0) }
            if missing.isEmpty { return false }

            var text = existing
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            text += missing.joined(separator: "\n") + "\n"

            var newCommit = git_oid()
            var blob = git_oid()
            try check("git_note_commit_create", git_note_commit_create(
                &newCommit, &blob, handle, notesCommit, signature, signature, &target, text, 1))

            var reference: OpaquePointer?
            let message = "charter: note for \(commit.short)"
            let update = tipExists
                ? git_reference_create_matching(&reference, handle, refName, &newCommit, 1, &tip, message)
                : git_reference_create(&reference, handle, refName, &newCommit, 0, message)
            if update == GIT_EMODIFIED.rawValue || update == GIT_EEXISTS.rawValue || update == GIT_ELOCKED.rawValue {
                // Someone else moved the notes ref meanwhile: read their note and try again.
                git_error_clear()
                continue
            }
            try check(tipExists ? "git_reference_create_matching" : "git_reference_create", update)
            git_reference_free(reference)
            return true
        }
        throw GitError.plain(.other, "the notes ref \(refName) kept changing while the note was being written; try again")
    }

    /// Every note on `notesRef`, by the object it annotates, read in one pass over the
    /// notes tree; empty when the ref does not exist.
    public func allNotes(notesRef: String = Repository.charterNotesRef) throws -> [ObjectID: String] {
        try ensureLibgit2()
        final class Collected {
            var pairs: [(blob: git_oid, target: git_oid)] = []
        }
        let collected = Collected()
        let code = withExtendedLifetime(collected) {
            git_note_foreach(handle, Repository.canonicalNotesRef(notesRef), { blob, target, payload in
                guard let blob, let target, let payload else { return 0 }
                Unmanaged<Collected>.fromOpaque(payload).takeUnretainedValue().pairs.append((blob.pointee, target.pointee))
                return 0
            }, Unmanaged.passUnretained(collected).toOpaque())
        }
        if code == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return [:]
        }
        try check("git_note_foreach", code)
        var notes: [ObjectID: String] = [:]
        notes.reserveCapacity(collected.pairs.count)
        for pair in collected.pairs {
            notes[ObjectID(pair.target)] = String(decoding: try blobContents(pair.blob), as: UTF8.self)
        }
        return notes
    }

    /// `charter` → `refs/notes/charter`, as `git notes --ref` expands it.
    static func canonicalNotesRef(_ name: String) -> String {
        if name.hasPrefix("refs/notes/") { return name }
        if name.hasPrefix("notes/") { return "refs/" + name }
        return "refs/notes/" + name
    }

    /// A libgit2 signature the caller frees: from `author`, else from the configuration.
    private func makeSignature(_ author: Signature?) throws -> UnsafeMutablePointer<git_signature> {
        if let author { return try gitSignature(author) }
        var signature: UnsafeMutablePointer<git_signature>?
        let code = git_signature_default(&signature, handle)
        if code < 0 {
            throw GitError.lastError(
                function: "git_signature_default", code: code,
                summary: "no author for the note: set user.name and user.email, or name the author")
        }
        return signature!
    }
}

extension Repository {
    /// The notes recorded in a notes commit (rather than at a notes ref): what a push that
    /// carries `refs/notes/charter` will hold once accepted, which pre-receive must judge
    /// before the ref moves.
    public func allNotes(inNotesCommit notesCommit: ObjectID) throws -> [ObjectID: String] {
        try ensureLibgit2()
        var commitID = notesCommit.oid
        var commit: OpaquePointer?
        try check("git_commit_lookup", git_commit_lookup(&commit, handle, &commitID))
        defer { git_commit_free(commit) }
        var iterator: OpaquePointer?
        try check("git_note_commit_iterator_new", git_note_commit_iterator_new(&iterator, commit))
        defer { git_note_iterator_free(iterator) }
        var notes: [ObjectID: String] = [:]
        var blob = git_oid(), target = git_oid()
        while true {
            let code = git_note_next(&blob, &target, iterator)
            if code == GIT_ITEROVER.rawValue { git_error_clear(); break }
            try check("git_note_next", code)
            notes[ObjectID(target)] = String(decoding: try blobContents(blob), as: UTF8.self)
        }
        return notes
    }
}
