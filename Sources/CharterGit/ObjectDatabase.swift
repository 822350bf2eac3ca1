import Clibgit2

/// The repository's object store, for questions that need no parsed object: does it
/// exist, how big is it.
final class ObjectDatabase {
    private let handle: OpaquePointer

    /// libgit2 reference-counts the database, so it may outlive the repository handle.
    init(of repository: Repository) throws {
        try ensureLibgit2()
        var raw: OpaquePointer?
        try check("git_repository_odb", git_repository_odb(&raw, repository.handle))
        handle = raw!
    }

    deinit {
        git_odb_free(handle)
    }

    func contains(_ id: git_oid) -> Bool {
        var id = id
        return git_odb_exists(handle, &id) == 1
    }

    /// Reads only the object header: for a loose object that is a few inflated bytes
    /// rather than the whole blob.
    func size(of id: git_oid) -> Int? {
        var id = id
        var length = 0
        var type = GIT_OBJECT_ANY
        guard git_odb_read_header(&length, &type, handle, &id) == 0 else {
            git_error_clear()
            return nil
        }
        return length
    }

    func addAlternate(_ objectsDirectory: String) throws {
        try check("git_odb_add_disk_alternate", git_odb_add_disk_alternate(handle, objectsDirectory))
    }
}
