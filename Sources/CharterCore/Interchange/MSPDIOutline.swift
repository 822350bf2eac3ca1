/// The task outline of an MSPDI file, and which of its tasks are one program's milestones.
///
/// Summary tasks stand for programs (charter writes one per program, its id in Text1) and are
/// never milestones themselves. The program's tasks are the ones under its summary task (matched
/// by the kept id, else by name); a file with no such summary — a flat list, or one plan saved by
/// another tool — is the program as a whole, less the subtrees of summaries that are other
/// programs of the workspace.
struct MSPDIOutline {
    let tasks: [MSPDIDocument.Task]
    /// Index of each task's parent in `tasks`.
    let parent: [Int?]
    let hasChildren: [Bool]
    let indexByUID: [Int: Int]

    init(_ document: MSPDIDocument) {
        // Blank rows and the project's own summary task (level 0) are not part of any plan.
        tasks = document.tasks.filter { !$0.isNull && $0.uid != nil && ($0.outlineLevel ?? 1) >= 1 }
        var parent: [Int?] = []
        var hasChildren = Array(repeating: false, count: tasks.count)
        var open: [(level: Int, index: Int)] = []
        for (index, task) in tasks.enumerated() {
            let level = task.outlineLevel ?? 1
            while let last = open.last, last.level >= level { open.removeLast() }
            parent.append(open.last?.index)
            if let up = open.last?.index { hasChildren[up] = true }
            open.append((level, index))
        }
        self.parent = parent
        self.hasChildren = hasChildren
        var byUID: [Int: Int] = [:]
        for (index, task) in tasks.enumerated() where byUID[task.uid!] == nil { byUID[task.uid!] = index }
        indexByUID = byUID
    }

    func isSummary(_ index: Int) -> Bool { tasks[index].isSummary || hasChildren[index] }

    func ancestors(of index: Int) -> [Int] {
        var result: [Int] = []
        var current = parent[index]
        while let up = current {
            result.append(up)
            current = parent[up]
        }
        return result
    }

    /// The workspace program a summary task stands for: its kept id, else its name.
    func program(of index: Int, in workspace: Workspace) -> String? {
        guard isSummary(index) else { return nil }
        let task = tasks[index]
        if let kept = task.text(.charterID), workspace.program(kept) != nil { return kept }
        let name = task.name?.trimmed ?? ""
        return workspace.programs.first { $0.name == name }?.folder ?? workspace.programs.first { $0.folder == name }?.folder
    }

    /// The program the task is under (its nearest summary that is a workspace program).
    func enclosingProgram(of index: Int, in workspace: Workspace) -> String? {
        ancestors(of: index).lazy.compactMap { program(of: $0, in: workspace) }.first
    }

    /// The milestone tasks of `program`, in file order.
    func milestoneTasks(of program: String, in workspace: Workspace) -> [Int] {
        let summaries = tasks.indices.filter { isSummary($0) }
        let own = summaries.first { tasks[$0].text(.charterID) == program }
            ?? summaries.first { self.program(of: $0, in: workspace) == program }
        return tasks.indices.filter { index in
            guard !isSummary(index) else { return false }
            if let own { return ancestors(of: index).contains(own) }
            return enclosingProgram(of: index, in: workspace) == nil
        }
    }
}

extension String {
    var trimmed: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
