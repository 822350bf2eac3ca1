import CharterCore
import Clibgit2

extension Repository {
    /// Who git would record as the committer (or tagger) now, as git picks it:
    /// `GIT_COMMITTER_NAME` and `GIT_COMMITTER_EMAIL`, else `user.name` and `user.email` (then
    /// `EMAIL`) from the configuration; `GIT_COMMITTER_DATE` when set, else `now`. Throws, saying
    /// what to set, when no name or email is known. `now` is the time and the local offset from UTC. libgit2's `git_signature_default` reads the
    /// configuration only, so the environment is read here.
    public func committerIdentity(
        environment: [String: String], now: (time: Int64, offsetMinutes: Int)
    ) throws -> Signature {
        func value(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        let name = try value("GIT_COMMITTER_NAME") ?? configString("user.name")
        let email = try value("GIT_COMMITTER_EMAIL") ?? configString("user.email") ?? value("EMAIL")
        guard let name, !name.isEmpty, let email else {
            throw GitError.plain(.other, """
                git does not know who you are: set user.name and user.email \
                (git config user.name 'Your Name'; git config user.email you@example.com) \
                or GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL
                """)
        }
        guard let dateText = value("GIT_COMMITTER_DATE") else {
            return Signature(name: name, email: email, time: now.time, offsetMinutes: now.offsetMinutes)
        }
        guard let date = GitDate.parse(dateText, zonelessOffsetMinutes: now.offsetMinutes) else {
            throw GitError.plain(.other, "GIT_COMMITTER_DATE '\(dateText)' is not a date charter can read (use 2026-01-12T10:00:00+00:00 or '@1767225600 +0000')")
        }
        return Signature(name: name, email: email, time: date.time, offsetMinutes: date.offsetMinutes)
    }

    /// A libgit2 copy of `signature` that the caller frees with `git_signature_free`.
    func gitSignature(_ signature: Signature) throws -> UnsafeMutablePointer<git_signature> {
        var raw: UnsafeMutablePointer<git_signature>?
        try check("git_signature_new", git_signature_new(
            &raw, signature.name, signature.email, git_time_t(signature.time), Int32(signature.offsetMinutes)))
        return raw!
    }
}
