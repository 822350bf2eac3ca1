/// One hook's place in a hooks folder, and what occupies it.
struct HookSlot {
    /// What is at `<hooks folder>/<hook>`.
    enum Occupant: Equatable {
        case missing
        /// Charter's script; `current` when it is the one this binary carries.
        case charter(current: Bool)
        /// A hook written by a hook manager: it cannot be chained.
        case manager(HookManager)
        /// Someone else's hook: chained by default, backed up with --force.
        case other
        /// A folder or a dangling link: nothing git can run, nothing charter will move.
        case notAFile
    }

    let hook: HookName
    let directory: String

    var path: String { directory + "/" + hook.rawValue }
    /// The hook that was here before charter's; charter's script runs it first.
    var chainedPath: String { path + ".charter-chained" }
    /// The hook that `--force` replaced; `uninstall` puts it back.
    var backupPath: String { path + ".charter-backup" }

    var occupant: Occupant {
        switch HookFiles.kind(path) {
        case .missing: return .missing
        case .other: return .notAFile
        case .file: break
        }
        let text = HookFiles.text(path)
        if let text, Self.isCharters(text, hook) { return .charter(current: text == hook.script) }
        if let manager = HookManager.detect(script: text ?? "", directory: directory) { return .manager(manager) }
        return .other
    }

    var isExecutable: Bool { HookFiles.isExecutable(path) }
    var hasChained: Bool { HookFiles.kind(chainedPath) != .missing }
    var hasBackup: Bool { HookFiles.kind(backupPath) != .missing }

    /// A charter hook says so in its first lines.
    static func isCharters(_ text: String, _ hook: HookName) -> Bool {
        text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false).prefix(3)
            .contains { $0 == hook.marker }
    }
}
