/// A stakeholder's role in a program (RACI): who does the work, who answers for it, whose
/// opinion is sought, who is kept up to date. The raw value is the name in `program.yaml`.
public enum RACIRole: String, Hashable, Sendable, CaseIterable, Comparable {
    case responsible
    case accountable
    case consulted
    case informed

    public static func < (lhs: RACIRole, rhs: RACIRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension Program.Stakeholder {
    /// The role as the enum; `nil` when absent or not one of the four (validation reports that).
    public var raci: RACIRole? { role.flatMap { RACIRole(rawValue: $0.lowercased()) } }
}
