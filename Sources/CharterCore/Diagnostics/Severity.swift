/// How much a finding matters. `charter.yaml` can lower or raise any rule, or turn it off.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Information that never fails a command, not even with --strict: a lesson learned that a
    /// change brings back. No rule of `charter.yaml` can be set to it.
    case note
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A severity as `charter.yaml` may set it: a severity, or `off`.
public enum SeveritySetting: Sendable, Hashable {
    case severity(Severity)
    case off

    public init?(_ text: String) {
        switch text {
        case "error": self = .severity(.error)
        case "warning": self = .severity(.warning)
        case "off": self = .off
        default: return nil
        }
    }

    public static let allNames = ["error", "warning", "off"]
}
