import Clibgit2

/// A configuration value and the file it came from.
public struct ConfigEntry: Sendable, Equatable {
    /// Which configuration file set the value; the most specific one wins, as in git.
    public enum Level: Sendable, Equatable {
        /// `/etc/gitconfig`.
        case system
        /// `~/.config/git/config`.
        case xdg
        /// `~/.gitconfig`.
        case global
        /// The repository's own `config` (shared by all its worktrees).
        case local
        /// Anything else libgit2 loaded (per-worktree or application config).
        case other

        /// How `git config --show-scope` names it.
        public var name: String {
            switch self {
            case .system: return "system"
            case .xdg, .global: return "global"
            case .local: return "local"
            case .other: return "worktree"
            }
        }
    }

    public let value: String
    public let level: Level
}

extension Repository {
    /// A configuration value as git reads it for this repository: system, global (XDG and
    /// `~/.gitconfig`), then the repository's own file, the later winning; `nil` when unset.
    ///
    /// Unlike git, libgit2 does not see `git -c key=value` or `GIT_CONFIG_*` variables.
    public func configEntry(_ key: String) throws -> ConfigEntry? {
        let config = try snapshotConfig()
        defer { git_config_free(config) }
        var raw: UnsafeMutablePointer<git_config_entry>?
        let code = git_config_get_entry(&raw, config, key)
        if code == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try check("git_config_get_entry", code, summary: "cannot read '\(key)' from the git configuration")
        guard let entry = raw else { return nil }
        defer { git_config_entry_free(entry) }
        // A key given without `=` (`[core] hooksPath`) has no value; git reads it as true.
        let value = entry.pointee.value.map { String(cString: $0) } ?? ""
        return ConfigEntry(value: value, level: ConfigEntry.Level(entry.pointee.level))
    }

    /// The value of `key`, or `nil` when no configuration file sets it.
    public func configString(_ key: String) throws -> String? {
        try configEntry(key)?.value
    }

    /// Sets `key` in the repository's own configuration file (what `git config key value` does).
    public func setLocalConfig(_ key: String, to value: String) throws {
        try withLocalConfig { local in
            try check("git_config_set_string", git_config_set_string(local, key, value),
                      summary: "cannot set '\(key)' in the repository's configuration")
        }
    }

    /// A read-only view that cannot change under us while we read several keys.
    private func snapshotConfig() throws -> OpaquePointer {
        var raw: OpaquePointer?
        try check("git_repository_config_snapshot", git_repository_config_snapshot(&raw, handle),
                  summary: "cannot read the git configuration")
        return raw!
    }

    private func withLocalConfig(_ body: (OpaquePointer) throws -> Void) throws {
        var all: OpaquePointer?
        try check("git_repository_config", git_repository_config(&all, handle), summary: "cannot open the git configuration")
        defer { git_config_free(all) }
        var local: OpaquePointer?
        try check("git_config_open_level", git_config_open_level(&local, all, GIT_CONFIG_LEVEL_LOCAL),
                  summary: "cannot open the repository's configuration file")
        defer { git_config_free(local) }
        try body(local!)
    }
}

extension ConfigEntry.Level {
    init(_ level: git_config_level_t) {
        switch level {
        case GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_PROGRAMDATA: self = .system
        case GIT_CONFIG_LEVEL_XDG: self = .xdg
        case GIT_CONFIG_LEVEL_GLOBAL: self = .global
        case GIT_CONFIG_LEVEL_LOCAL: self = .local
        default: self = .other
        }
    }
}
