/// The files a workspace is made of, and where each lives.
public enum PlanFileKind: String, Sendable, CaseIterable, Hashable {
    case settings = "charter"
    case people
    case program
    case milestones
    case risks
    case budget
    case decisions
    case kpis
    case lessons

    /// The file name this kind is read from.
    public var fileName: String { rawValue + ".yaml" }

    /// Kinds that live in `programs/<program-id>/`.
    public static let programFiles: [PlanFileKind] = [.program, .milestones, .risks, .budget, .decisions, .kpis, .lessons]

    public var schema: ObjectSchema { PlanSchemas.root(of: self) }

    /// Where a workspace-relative path belongs, if it is a plan file at all.
    public static func classify(_ path: String) -> (kind: PlanFileKind, programFolder: String?)? {
        // By bytes when the path is ASCII (nearly always), where they split as its Characters
        // do: splitting by Character costs a hook's every staged path more than the rest of this.
        if path.utf8.allSatisfy({ $0 < 0x80 }) {
            return classify(parts: path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { Substring($0) })
        }
        return classify(parts: path.split(separator: "/", omittingEmptySubsequences: false))
    }

    /// Where a path split at its slashes belongs.
    static func classify(parts: [Substring]) -> (kind: PlanFileKind, programFolder: String?)? {
        switch parts.count {
        case 1:
            if parts[0] == "charter.yaml" { return (.settings, nil) }
            if parts[0] == "people.yaml" { return (.people, nil) }
            return nil
        case 3 where parts[0] == "programs":
            guard let kind = programFiles.first(where: { $0.fileName == parts[2] }) else { return nil }
            return (kind, String(parts[1]))
        default:
            return nil
        }
    }
}
