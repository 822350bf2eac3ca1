import CharterCore

/// A plan file that cannot be parsed leaves its entities out of whatever a command shows
/// (`validate` reports it as an error): commands that read plans for something else say so on
/// stderr, with the file's position, instead of showing less without a word.
enum UnreadableFiles {
    /// `side` names which plans, when a command reads two ("at baseline q1-plan", "now").
    static func warn(about load: LoadResult, side: String? = nil) {
        warn(about: DiffSide.unreadableFiles(in: load.findings), side: side)
    }

    static func warn(about files: [UnreadableFile], side: String? = nil) {
        for file in files {
            let which = side.map { " \($0)" } ?? ""
            Terminal.warning("\(file.location)\(which) could not be read (\(file.message)); its entities are left out (charter validate shows why)")
        }
    }
}
