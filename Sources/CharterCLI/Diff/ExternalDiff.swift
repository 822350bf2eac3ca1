import CharterCore
import CharterGit
import CharterReporters
import Foundation

/// `charter diff --git-external-diff`: git's external diff contract (GIT_EXTERNAL_DIFF, or
/// `diff.<driver>.command` chosen by `.gitattributes`). git calls it once per changed file with
///
///     path old-file old-hex old-mode new-file new-hex new-mode            (7 arguments)
///     path old-file old-hex old-mode new-file new-hex new-mode new-path xfrm   (9: a rename)
///     path                                                                (1: unmerged)
///
/// where a missing side is `/dev/null` (hex and mode `.`), file paths are relative to the top of
/// the worktree (git runs the driver there), and the temporary files are git's to delete.
///
/// Only one file is seen, so the diff is of that file's entities: the file is placed at its
/// workspace path on each side and both sides are loaded as workspaces of one file. Programs are
/// taken to exist on both sides unless the file is `program.yaml` itself, so a new
/// `milestones.yaml` lists its milestones instead of saying "program added". Files that are not
/// plan files get a plain line diff.
struct ExternalDiff {
    struct Side {
        var path: String
        var file: String
        var hex: String
        var mode: String

        var isMissing: Bool { file == "/dev/null" || mode == "." }
    }

    var old: Side
    var new: Side
    /// git's rename description (`similarity index 100%` …) for the 9-argument form.
    var renameInfo: String?
    var unmergedPath: String?

    init(arguments: [String]) throws {
        switch arguments.count {
        case 1:
            unmergedPath = arguments[0]
            old = Side(path: arguments[0], file: "/dev/null", hex: ".", mode: ".")
            new = old
        case 7, 9:
            old = Side(path: arguments[0], file: arguments[1], hex: arguments[2], mode: arguments[3])
            new = Side(path: arguments.count == 9 ? arguments[7] : arguments[0], file: arguments[4], hex: arguments[5], mode: arguments[6])
            renameInfo = arguments.count == 9 ? arguments[8] : nil
        default:
            throw CLIError("--git-external-diff takes the 1, 7 or 9 arguments git passes to an external diff (path old-file old-hex old-mode new-file new-hex new-mode [new-path info]), not \(arguments.count)")
        }
    }

    /// The output for git, and whether the file changed in meaning.
    func render(format: DiffFormat, useColor: Bool) throws -> (text: String, changed: Bool) {
        if let unmergedPath { return ("* Unmerged path \(unmergedPath)\n", true) }
        let oldBytes = old.isMissing ? nil : try read(old.file)
        let newBytes = new.isMissing ? nil : try read(new.file)
        let oldPlan = Self.workspacePath(old.path), newPlan = Self.workspacePath(new.path)
        let symlink = [old.mode, new.mode].contains { $0 == "120000" || $0 == "160000" }
        guard let oldPlan, let newPlan, !symlink else {
            let patch = try TextPatch.unified(old: oldBytes ?? [], oldPath: oldBytes == nil ? nil : old.path,
                                              new: newBytes ?? [], newPath: newBytes == nil ? nil : new.path)
            return (patch, !patch.isEmpty)
        }

        var before = WorkspaceLoader.load(from: InMemoryPlanSource(bytes: oldBytes.map { [oldPlan: $0] } ?? [:]))
        var after = WorkspaceLoader.load(from: InMemoryPlanSource(bytes: newBytes.map { [newPlan: $0] } ?? [:]))
        if PlanFileKind.classify(newPlan)?.kind != .program || PlanFileKind.classify(oldPlan)?.kind != .program {
            let folders = [oldPlan, newPlan].compactMap { PlanFileKind.classify($0)?.programFolder }
            for folder in folders {
                if before.workspace.program(folder) == nil { before.workspace.programs.append(Program(folder: folder)) }
                if after.workspace.program(folder) == nil { after.workspace.programs.append(Program(folder: folder)) }
            }
        }
        let diff = SemanticDiff.compare(DiffSide(before), DiffSide(after), asOf: Clock.today())
        let context = DiffReportContext(
            fromLabel: "a/" + old.path, toLabel: "b/" + new.path,
            fromCommit: nil, toCommit: nil, useColor: useColor, compact: true)
        return (DiffReporters.render(diff, as: format, context: context), diff.hasChanges)
    }

    private func read(_ file: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError("cannot read '\(file)', which git passed as a version of '\(old.path)'")
        }
        return [UInt8](data)
    }

    /// `plans/programs/pay/milestones.yaml` → `programs/pay/milestones.yaml`;
    /// `plans/people.yaml` → `people.yaml`; nil for anything that is not a plan file.
    static func workspacePath(_ repositoryPath: String) -> String? {
        let parts = repositoryPath.split(separator: "/").map(String.init)
        if parts.count >= 3, parts[parts.count - 3] == "programs" {
            let path = parts.suffix(3).joined(separator: "/")
            return PlanFileKind.classify(path) == nil ? nil : path
        }
        if let last = parts.last, PlanFileKind.classify(last) != nil { return last }
        return nil
    }
}
