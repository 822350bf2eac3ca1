/// Installs and removes charter's hooks in one hooks folder. Returns what it did, hook by
/// hook; the commands print it.
struct HookInstaller {
    let directory: String

    enum InstallOutcome: Equatable {
        case installed
        /// Replaced an older (or edited) copy of charter's own hook.
        case updated
        case unchanged
        /// Someone else's hook was kept as `<hook>.charter-chained`; charter's runs it first.
        case chained(executable: Bool)
        /// `--force`: someone else's hook was kept as `<hook>.charter-backup` and replaced.
        case replaced
        /// Nothing was changed, for this reason (which says what to do).
        case refused(String)
    }

    enum UninstallOutcome: Equatable {
        case removed
        /// Charter's hook was removed and the hook kept at this path put back in its place.
        case restored(from: String)
        case notInstalled
        /// The hook there is not charter's; it was left alone.
        case notCharters
    }

    func install(_ hook: HookName, force: Bool) throws -> InstallOutcome {
        let slot = HookSlot(hook: hook, directory: directory)
        switch slot.occupant {
        case .missing:
            try HookFiles.writeExecutable(hook.script, to: slot.path)
            return .installed
        case .charter(current: true) where slot.isExecutable:
            return .unchanged
        case .charter:
            try HookFiles.writeExecutable(hook.script, to: slot.path)
            return .updated
        case .notAFile:
            return .refused("\(slot.path) is not a file (a folder or a broken link); move it away and install again")
        case let .manager(manager) where !force:
            return .refused("\(slot.path) belongs to \(manager.rawValue), which cannot be chained: \(manager.advice(for: hook)); or replace it with --force (a backup is kept)")
        case .manager, .other:
            if force {
                if slot.hasBackup {
                    return .refused("\(slot.backupPath) is still there from an earlier --force; move it away first, so that it is not lost")
                }
                try HookFiles.keep(slot.path, as: slot.backupPath)
                try HookFiles.writeExecutable(hook.script, to: slot.path)
                return .replaced
            }
            if slot.hasChained {
                return .refused("\(slot.path) is someone else's hook, and \(slot.chainedPath) already holds an earlier one; merge the two into one hook, or replace it with --force (a backup is kept)")
            }
            let executable = slot.isExecutable
            try HookFiles.keep(slot.path, as: slot.chainedPath)
            try HookFiles.writeExecutable(hook.script, to: slot.path)
            return .chained(executable: executable)
        }
    }

    func uninstall(_ hook: HookName) throws -> UninstallOutcome {
        let slot = HookSlot(hook: hook, directory: directory)
        let occupant = slot.occupant
        switch occupant {
        case .charter, .missing:
            // The most recent hook charter set aside goes back: a --force backup was the active
            // hook when charter's replaced it; a chained one ran only through charter's.
            for kept in [slot.backupPath, slot.chainedPath] where HookFiles.kind(kept) != .missing {
                try HookFiles.move(kept, to: slot.path)
                return .restored(from: kept)
            }
            if occupant == .missing { return .notInstalled }
            try HookFiles.remove(slot.path)
            return .removed
        case .manager, .other, .notAFile:
            return .notCharters
        }
    }
}
