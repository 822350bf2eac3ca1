import CharterReporters
import Foundation

/// What `charter hooks status` reports: where git reads hooks, and for each of charter's
/// hooks what is there and whether git would run it.
struct HookStatus {
    struct Entry {
        let hook: HookName
        let path: String
        let occupant: HookSlot.Occupant
        let isExecutable: Bool
        /// The hook charter's runs first, and whether it is executable (else it is skipped).
        let chained: (path: String, executable: Bool)?
        let backup: String?
        /// Whether git runs this file when the hook's event happens in this repository.
        let gitRunsIt: Bool
        /// Why, or why not, in a few words.
        let verdict: String
    }

    let location: HooksLocation
    let folderExists: Bool
    let entries: [Entry]
    /// Charter hooks in the default folder that git ignores because core.hooksPath points elsewhere.
    let ignoredElsewhere: [String]

    init(location: HooksLocation) {
        self.location = location
        let folderExists = FileSystem.isDirectory(location.directory)
        self.folderExists = folderExists
        entries = HookName.allCases.map { Self.entry($0, location: location, folderExists: folderExists) }
        if case .configured = location.source, location.standardDirectory != location.directory {
            ignoredElsewhere = HookName.allCases.compactMap { hook in
                let slot = HookSlot(hook: hook, directory: location.standardDirectory)
                if case .charter = slot.occupant { return slot.path }
                return nil
            }
        } else {
            ignoredElsewhere = []
        }
    }

    private static func entry(_ hook: HookName, location: HooksLocation, folderExists: Bool) -> Entry {
        let slot = HookSlot(hook: hook, directory: location.directory)
        let occupant = slot.occupant
        let executable = slot.isExecutable
        let chained = slot.hasChained ? (slot.chainedPath, HookFiles.isExecutable(slot.chainedPath)) : nil
        let runs: Bool
        let verdict: String
        switch occupant {
        case .missing:
            runs = false
            verdict = folderExists ? "nothing to run" : "the hooks folder does not exist"
        case .notAFile:
            runs = false
            verdict = "not a file: git cannot run it"
        default:
            if !executable {
                runs = false
                verdict = "not executable: git ignores it (chmod +x \(slot.path))"
            } else if hook.isServerHook && !location.isBare {
                runs = true
                verdict = "executable: git runs it only when someone pushes into this repository"
            } else if !hook.isServerHook && location.isBare {
                runs = false
                verdict = "executable, but nobody commits or pushes from a bare repository, so git never runs it here"
            } else {
                runs = true
                verdict = "executable: git runs it \(hook.when)"
            }
        }
        return Entry(hook: hook, path: slot.path, occupant: occupant, isExecutable: executable, chained: chained,
                     backup: slot.hasBackup ? slot.backupPath : nil, gitRunsIt: runs, verdict: verdict)
    }

    /// The text `charter hooks status` prints.
    func render(charter: String?, workspaceRoot: String?) -> String {
        var lines = [location.explanation]
        if !folderExists { lines.append("That folder does not exist yet: git runs no hooks; 'charter hooks install' creates it.") }
        for path in ignoredElsewhere {
            lines.append("Note: \(path) is charter's, but git does not run it while core.hooksPath points elsewhere.")
        }
        lines.append("Workspace the hooks check: " + workspaceLine(workspaceRoot))
        lines.append("charter for the hooks: " + (charter ?? "not found on PATH: the hooks will stop every commit and push until it is installed (or CHARTER is set)"))
        lines.append("")
        let width = HookName.allCases.map(\.rawValue.count).max()! + 2
        for entry in entries {
            let name = entry.hook.rawValue.padded(toDisplayWidth: width)
            let indent = String(repeating: " ", count: width)
            switch entry.occupant {
            case .missing:
                lines.append(name + "not installed" + (entry.hook.isServerHook && !location.isBare ? " (a server hook: install it in the bare repository that receives pushes)" : ""))
            default:
                lines.append(name + entry.occupant.description + "; " + entry.verdict)
            }
            if case .charter = entry.occupant { lines.append(indent + entry.hook.checks) }
            if let chained = entry.chained {
                let name = (chained.path as NSString).lastPathComponent
                lines.append(indent + (chained.executable
                    ? "runs the hook that was here before first: \(name)"
                    : "keeps the hook that was here before as \(name), not executable, so it is skipped"))
            }
            if let backup = entry.backup {
                lines.append(indent + "backup of the hook that --force replaced: \((backup as NSString).lastPathComponent) ('charter hooks uninstall' puts it back)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension HookStatus {
    /// The hooks read `charter.root` only when the top has no workspace of its own (see hooks/).
    private func workspaceLine(_ root: String?) -> String {
        let top = location.isBare ? "the top of the tree" : "the top of the repository"
        guard let root else { return top }
        let topHasWorkspace = !location.isBare && (FileSystem.exists(location.runDirectory + "/charter.yaml")
            || FileSystem.isDirectory(location.runDirectory + "/programs"))
        if topHasWorkspace {
            return top + " (git config charter.root = \(root) is not used: the top has charter.yaml or programs/)"
        }
        return "\(root) (git config charter.root)"
    }
}

extension HookSlot.Occupant: CustomStringConvertible {
    var description: String {
        switch self {
        case .missing: return "not installed"
        case .charter(current: true): return "charter's hook, up to date"
        case .charter(current: false): return "charter's hook, but not this charter's copy (run 'charter hooks install' to update it)"
        case let .manager(manager): return "written by \(manager.rawValue), not charter's"
        case .other: return "someone else's hook, not charter's"
        case .notAFile: return "not a file"
        }
    }
}

extension HookName {
    /// When git runs it.
    var when: String {
        switch self {
        case .preCommit: return "before each commit"
        case .commitMsg: return "on each commit's message"
        case .prePush: return "before each push"
        case .preReceive: return "on each push this repository receives"
        }
    }
}
