/// The block of a CODEOWNERS file that `charter codeowners` keeps, so GitHub and GitLab request
/// the right reviews on a plan pull request: each program's folder is owned by its owner and its
/// accountable stakeholders; `charter.yaml` and `people.yaml` (the policy and the registry) by the
/// people who hold the policy's approver roles in some program.
///
/// People are written by their GitHub login (`github` in people.yaml); someone without one cannot
/// be an owner, so they are left out and reported (`withoutLogin`), and a path nobody with a login
/// owns gets no line (`unowned`). Patterns are rooted at the repository (`/programs/x/`); in both
/// GitHub's and GitLab's syntax the last matching line wins, so the block goes at the file's end.
public struct CodeOwners: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        /// Rooted: `/programs/payments-v2/`, `/plans/charter.yaml`.
        public var pattern: String
        /// GitHub logins, without `@`, in the order the plans name the people.
        public var owners: [String]

        /// `pattern @a @b`.
        public var line: String { ([pattern] + owners.map { "@" + $0 }).joined(separator: " ") }
    }

    /// A person an owner list would name, left out for having no GitHub login.
    public struct MissingLogin: Hashable, Sendable {
        public var person: String
        public var pattern: String
        /// Also not in people.yaml at all.
        public var unknown: Bool
    }

    public static let beginMarker = "# BEGIN charter codeowners (written by `charter codeowners`; lines between these markers are replaced)"
    public static let endMarker = "# END charter codeowners"

    public var entries: [Entry] = []
    public var withoutLogin: [MissingLogin] = []
    /// Patterns left out because nobody who owns them has a login.
    public var unowned: [String] = []

    /// - Parameter prefix: the workspace's folder in the repository (empty at its root).
    public init(workspace: Workspace, prefix: String) {
        let base = "/" + (prefix.isEmpty ? "" : Self.escaped(prefix) + "/")
        let people = Dictionary(workspace.people.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        let programs = workspace.programs.sorted { $0.folder < $1.folder }
        for program in programs {
            var owners = program.owner.map { [$0.value] } ?? []
            owners += program.stakeholders.filter { $0.raci == .accountable }.map(\.person.value)
            add(pattern: base + "programs/" + Self.escaped(program.folder) + "/", people: owners, directory: people)
        }
        let roles = Set(workspace.settings.policy.approverRoles.values.joined() + workspace.settings.policy.defaultApproverRoles)
        let anyone = roles.isEmpty || roles.contains("any")
        let approvers = programs.flatMap { program in
            ChangeAudience.roles(in: program).filter { anyone ? $0.role == "owner" : roles.contains($0.role) }.map(\.person)
        }
        for file in [PlanFileKind.settings.fileName, PlanFileKind.people.fileName] {
            add(pattern: base + file, people: approvers, directory: people)
        }
    }

    private mutating func add(pattern: String, people ids: [String], directory: [String: Person]) {
        var logins: [String] = []
        var seen: Set<String> = []
        for id in ids where seen.insert(id).inserted {
            if let login = directory[id]?.github.flatMap(NotifyList.login) {
                if !logins.contains(login) { logins.append(login) }
            } else {
                withoutLogin.append(MissingLogin(person: id, pattern: pattern, unknown: directory[id] == nil))
            }
        }
        if logins.isEmpty { unowned.append(pattern) } else { entries.append(Entry(pattern: pattern, owners: logins)) }
    }

    /// The marked block, markers included, one line each, ending in a newline.
    public var block: String {
        ([Self.beginMarker] + entries.map(\.line) + [Self.endMarker]).joined(separator: "\n") + "\n"
    }

    /// A path as a CODEOWNERS pattern: spaces and a leading `#` or `!` escaped with a backslash.
    static func escaped(_ path: String) -> String {
        var out = ""
        for character in path {
            if character == " " || character == "\\" { out += "\\" }
            out.append(character)
        }
        return out
    }

    public enum MergeError: Error, Equatable, CustomStringConvertible {
        /// A begin marker with no end marker after it (1-based line).
        case unterminatedBlock(line: Int)
        case duplicateBlock(line: Int)

        public var description: String {
            switch self {
            case .unterminatedBlock(let line): return "line \(line): the charter block starts but has no '\(CodeOwners.endMarker)' line after it"
            case .duplicateBlock(let line): return "line \(line): a second charter block; keep one"
            }
        }
    }

    /// `existing` with its marked block replaced by `block` (appended when it has none), every
    /// other line kept as it was.
    public static func merged(_ block: String, into existing: String?) throws -> String {
        guard let existing, !existing.isEmpty else { return block }
        let lines = existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let range = try markedRange(lines) else {
            return existing + (existing.hasSuffix("\n") ? "" : "\n") + (existing.hasSuffix("\n\n") ? "" : "\n") + block
        }
        var result = lines
        result.replaceSubrange(range, with: block.split(separator: "\n").map(String.init))
        let text = result.joined(separator: "\n")
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    /// The lines of the marked block in `existing` (markers included), empty when it has none.
    public static func blockLines(in existing: String) throws -> [String] {
        let lines = existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let range = try markedRange(lines) else { return [] }
        return Array(lines[range])
    }

    private static func markedRange(_ lines: [String]) throws -> ClosedRange<Int>? {
        let trimmed = lines.map { $0.trimmingCharacters(in: " \t\r") }
        guard let begin = trimmed.firstIndex(where: { $0.hasPrefix("# BEGIN charter codeowners") }) else { return nil }
        guard let end = trimmed[(begin + 1)...].firstIndex(of: endMarker) else { throw MergeError.unterminatedBlock(line: begin + 1) }
        if let second = trimmed[(end + 1)...].firstIndex(where: { $0.hasPrefix("# BEGIN charter codeowners") }) {
            throw MergeError.duplicateBlock(line: second + 1)
        }
        return begin...end
    }
}
