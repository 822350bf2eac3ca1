import CharterGit

/// Turns libgit2 errors into usage/I-O errors (exit 2) with git's words.
enum Git {
    static func call<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GitError {
            throw CLIError(error.description)
        }
    }
}
