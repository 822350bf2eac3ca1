import Clibgit2

extension ObjectID {
    /// The id git gives a blob with these bytes (what `git hash-object` prints), computed in
    /// memory: nothing is written to any object database. Lets a file on disk be compared with
    /// the version in a commit or the index without reading that version.
    public static func blob(hashing bytes: [UInt8]) throws -> ObjectID {
        try ensureLibgit2()
        var oid = git_oid()
        let code = bytes.withUnsafeBytes { raw in
            git_odb_hash(&oid, raw.baseAddress, raw.count, GIT_OBJECT_BLOB)
        }
        try check("git_odb_hash", code)
        return ObjectID(oid)
    }
}
