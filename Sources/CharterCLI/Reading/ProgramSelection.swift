import CharterCore

/// The program arguments of every command that shows some programs (`PROGRAM…`, `--program ID`):
/// each must name a program the command knows, else one usage error (exit 2), worded the same
/// everywhere: `no program 'paymnets-v2'; did you mean 'payments-v2'? (programs: identity, payments-v2)`.
enum ProgramSelection {
    /// At most this many program names in the message.
    static let listed = 20

    static func check(_ programs: [String], in workspace: Workspace) throws {
        try check(programs, among: workspace.programs.map(\.folder))
    }

    static func check(_ programs: [String], among known: some Sequence<String>) throws {
        let known = Set(known)
        if let missing = programs.first(where: { !known.contains($0) }) { throw unknown(missing, among: known) }
    }

    /// The error for one program that is not among `known`.
    static func unknown(_ program: String, among known: some Sequence<String>) -> CLIError {
        let names = Set(known).sorted(by: NaturalOrder.less)
        let list = names.isEmpty
            ? " (there are no programs)"
            : " (programs: \(names.prefix(listed).joined(separator: ", "))\(names.count > listed ? ", … \(names.count - listed) more" : ""))"
        return CLIError("no program '\(program)'\(Suggestion.didYouMean(program, in: names))\(list)")
    }
}
