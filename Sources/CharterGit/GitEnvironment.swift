import Foundation

/// The environment variables through which git tells a hook (or a user tells any git
/// command) which repository, worktree, index and objects to use.
struct GitEnvironment {
    var gitDir: String?
    var workTree: String?
    var indexFile: String?
    var objectDirectory: String?
    var alternateObjectDirectories: [String]
    var namespace: String?
    var ceilingDirectories: String?
    var discoveryAcrossFilesystem: Bool

    /// Every variable this reads.
    static let names = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
                        "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM"]

    /// Those of `names` this process has, read one by one: copying the whole environment
    /// (`ProcessInfo.environment`, a dictionary of every variable) costs a hook more.
    static func processVariables() -> [String: String] {
        var variables: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { variables[name] = String(cString: value) }
        }
        return variables
    }

    init(_ environment: [String: String]) {
        // git treats an empty value as unset.
        func value(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        func path(_ name: String) -> String? {
            value(name).map(GitEnvironment.absolute)
        }
        gitDir = path("GIT_DIR")
        workTree = path("GIT_WORK_TREE")
        indexFile = path("GIT_INDEX_FILE")
        objectDirectory = path("GIT_OBJECT_DIRECTORY")
        alternateObjectDirectories = (value("GIT_ALTERNATE_OBJECT_DIRECTORIES") ?? "")
            .split(separator: ":", omittingEmptySubsequences: true)
            .map { GitEnvironment.absolute(String($0)) }
        namespace = value("GIT_NAMESPACE")
        ceilingDirectories = value("GIT_CEILING_DIRECTORIES")
        switch value("GIT_DISCOVERY_ACROSS_FILESYSTEM")?.lowercased() {
        case "1", "true", "yes", "on": discoveryAcrossFilesystem = true
        default: discoveryAcrossFilesystem = false
        }
    }

    /// Resolved now, against the directory the hook was started in, so a later change of
    /// directory cannot make them point elsewhere.
    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let base = FileManager.default.currentDirectoryPath
        return path == "." ? base : base + "/" + path
    }
}
