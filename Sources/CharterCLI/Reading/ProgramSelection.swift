import CharterCore

/// The `PROGRAM…` arguments of commands that show some programs: each must be a program folder
/// of the workspace read, else a usage error with "did you mean".
enum ProgramSelection {
    static func check(_ programs: [String], in workspace: Workspace) throws {
        let known = workspace.programs.map(\.folder)
        for program in programs where !known.contains(program) {
            throw CLIError("no program '\(program)' in the workspace\(Suggestion.didYouMean(program, in: known))")
        }
    }
}
