import CharterGit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The repository the hook commands work on, and where its hooks live.
struct HookContext {
    let repository: Repository
    let location: HooksLocation

    /// The git config key the hook scripts read the workspace folder from.
    static let rootKey = "charter.root"

    init(directory: String?) throws {
        let start = FileSystem.absolute(directory ?? ".")
        guard FileSystem.isDirectory(start) else { throw CLIError("\(directory ?? start) is not a folder") }
        do {
            repository = try Repository.discover(from: start)
            location = try HooksLocation.resolve(repository)
        } catch let error as GitError {
            if error.kind == .notARepository {
                throw CLIError("not in a git repository: \(start); hooks belong to a repository (run 'git init' first)")
            }
            throw CLIError("\(error)")
        }
    }

    /// The workspace folder the hooks check (`git config charter.root`), if set.
    func configuredRoot() throws -> String? {
        do {
            return try repository.configString(Self.rootKey).flatMap { $0.isEmpty ? nil : $0 }
        } catch {
            throw CLIError("\(error)")
        }
    }

    func setRoot(_ root: String) throws {
        do {
            try repository.setLocalConfig(Self.rootKey, to: root)
        } catch {
            throw CLIError("\(error)")
        }
    }

    /// The `charter` the hooks will run: `$CHARTER` if set, else the first on PATH; `nil` when
    /// there is none, which is what the hooks will find too (git adds only its own folder to PATH).
    static func charterForHooks(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let name = environment["CHARTER"].flatMap { $0.isEmpty ? nil : $0 } ?? "charter"
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for folder in (environment["PATH"] ?? "").split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (folder.isEmpty ? "." : String(folder)) + "/" + name
            if HookFiles.isExecutable(candidate) { return candidate }
        }
        return nil
    }
}
