import ArgumentParser

/// The git hooks charter ships in hooks/, named as git names them.
enum HookName: String, CaseIterable, Comparable, Sendable {
    case preCommit = "pre-commit"
    case commitMsg = "commit-msg"
    case prePush = "pre-push"
    case preReceive = "pre-receive"

    /// What `charter hooks install` installs when no hook is named: the client hooks in a
    /// repository people commit in, the server hook in a bare repository that receives pushes.
    static func defaults(bare: Bool) -> [HookName] {
        bare ? [.preReceive] : [.preCommit, .commitMsg, .prePush]
    }

    /// The script, from the copy embedded in the binary.
    var script: String {
        guard let text = EmbeddedResources.hooks[rawValue] else {
            preconditionFailure("hooks/\(rawValue) is not embedded; run python3 Scripts/embed-resources.py")
        }
        return text
    }

    /// The line that marks a hook file as charter's.
    var marker: String { "# charter-hook: \(rawValue)" }

    /// What the hook checks, for `charter hooks status`.
    var checks: String {
        switch self {
        case .preCommit: return "validates the staged plans (charter validate --staged)"
        case .commitMsg: return "checks the approval trailer the policy asks for (charter check --staged --message-file)"
        case .prePush: return "checks each pushed range (charter check)"
        case .preReceive: return "checks every pushed ref update on the server (charter check)"
        }
    }

    /// Server hooks run in the repository that receives a push; client hooks where people commit.
    var isServerHook: Bool { self == .preReceive }

    static func < (lhs: HookName, rhs: HookName) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension HookName: ExpressibleByArgument {}
