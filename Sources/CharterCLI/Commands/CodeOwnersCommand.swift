import ArgumentParser
import CharterCore
import Foundation

struct CodeOwnersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codeowners",
        abstract: "Write a CODEOWNERS file from the plans, so plan pull requests ask the right people for review.",
        discussion: """
        Each program's folder is owned by the program's owner and its accountable stakeholders; charter.yaml \
        and people.yaml by the people who hold the policy's approver roles (approver_roles) in some program, \
        or every program's owner when the policy names no role. People are written as @login from 'github' in \
        people.yaml; someone without a login is left out with a warning, and a path nobody with a login owns \
        gets no line. Only the block between charter's marker comments is written: every other line of the \
        file stays as it is. The file is .github/CODEOWNERS (or the CODEOWNERS or docs/CODEOWNERS GitHub \
        already reads); with --gitlab, the CODEOWNERS, .gitlab/CODEOWNERS or docs/CODEOWNERS GitLab reads \
        (.gitlab/CODEOWNERS when there is none). Exit status: 0; with --check, 1 when the file is not up \
        to date; 2 on usage or I/O errors.
        """
    )

    @Flag(help: "Write nothing: exit 1 and say what differs when the file is not up to date (for CI).")
    var check = false

    @Option(help: ArgumentHelp("The file to write, relative to the current folder (default: where GitHub or GitLab looks).", valueName: "path"))
    var output: String?

    @Flag(help: "Write GitLab's file rather than GitHub's (same syntax; people.yaml's github login is used as the GitLab username).")
    var gitlab = false

    @OptionGroup var workspaceOption: WorkspaceOption

    func run() throws {
        try UsageErrors.exit2 {
            let reader = try PlanReader(version: .worktree, workspace: workspaceOption.workspace)
            guard let root = reader.location.root else { throw CLIError("a bare repository has no worktree to write CODEOWNERS into") }
            let load = WorkspaceLoader.load(from: try reader.open(.worktree).source)
            UnreadableFiles.warn(about: load)
            let owners = CodeOwners(workspace: load.workspace, prefix: reader.location.prefix)
            for missing in owners.withoutLogin {
                Terminal.warning(missing.unknown
                    ? "\(missing.person) is not in people.yaml: left out of \(missing.pattern)"
                    : "\(missing.person) has no github login in people.yaml: left out of \(missing.pattern)")
            }
            for pattern in owners.unowned { Terminal.warning("nobody with a github login owns \(pattern): it gets no line") }
            let path = output.map { FileSystem.absolute($0) } ?? defaultPath(repositoryTop: repositoryTop(root: root, prefix: reader.location.prefix))
            let existing = FileSystem.exists(path) ? try FileSystem.readText(path) : nil
            let updated: String
            do {
                updated = try CodeOwners.merged(owners.block, into: existing)
            } catch let error as CodeOwners.MergeError {
                throw CLIError("\(path):\(error)")
            }
            let shown = FileSystem.relative(path, to: FileSystem.absolute(".")) ?? path
            if check {
                guard updated != existing else {
                    Terminal.write("\(shown) is up to date")
                    return
                }
                let old = existing.flatMap { try? CodeOwners.blockLines(in: $0) } ?? []
                let new = owners.block.split(separator: "\n").map(String.init)
                var report = existing == nil ? "\(shown) does not exist" : "\(shown) is not up to date"
                report += "; run 'charter codeowners\(gitlab ? " --gitlab" : "")\(output.map { " --output \($0)" } ?? "")' to update it"
                for line in old where !new.contains(line) { report += "\n- " + line }
                for line in new where !old.contains(line) { report += "\n+ " + line }
                Terminal.write(report)
                throw ExitCode(1)
            }
            if updated == existing {
                Terminal.write("\(shown) is up to date")
                return
            }
            try FileSystem.writeAtomically(updated, to: path)
            Terminal.write("\(shown) written: \(Plural.count(owners.entries.count, "owned path"))")
        }
    }

    /// The repository's top folder: the workspace folder less its prefix.
    private func repositoryTop(root: String, prefix: String) -> String {
        guard !prefix.isEmpty, root.hasSuffix("/" + prefix) else { return root }
        return String(root.dropLast(prefix.count + 1))
    }

    /// The file the host reads: the first of its locations that exists, else its usual one.
    private func defaultPath(repositoryTop top: String) -> String {
        let candidates = gitlab ? ["CODEOWNERS", ".gitlab/CODEOWNERS", "docs/CODEOWNERS"]
            : [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"]
        let usual = gitlab ? ".gitlab/CODEOWNERS" : ".github/CODEOWNERS"
        return top + "/" + (candidates.first { FileSystem.exists(top + "/" + $0) } ?? usual)
    }
}
