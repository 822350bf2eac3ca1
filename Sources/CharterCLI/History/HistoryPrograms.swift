import CharterCore

extension PlanHistoryReader {
    /// `--program ID` of the commands that walk history (`changes`, `slips`): a program is known
    /// when it is in the plans at the range's tip or some commit of the range changed it (it may
    /// have been removed or renamed since); else the usage error every program argument gets.
    func checkPrograms(_ programs: [String], tip: Workspace) throws {
        let known = tip.programs.map(\.folder)
        let builder = ChangeLogBuilder(repository: repository, prefix: reader.location.prefix)
        for program in programs where !known.contains(program) {
            let selection = ChangeLogSelection(range: try RangeArgument.parse(range, in: repository), programs: [program],
                                               allCommits: true, maxCount: 1)
            if try Git.call({ try builder.planCommits(selection) }).isEmpty {
                throw ProgramSelection.unknown(program, among: known)
            }
        }
    }
}
