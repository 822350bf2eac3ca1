import CharterCore
import Foundation

/// An independent scheduler for the engine's arithmetic: TaskJuggler (`tj3`). A workspace's
/// milestones become two TaskJuggler projects built from the plan files alone, never from
/// Charter's results:
///
/// - early (ASAP): per milestone a work task `w` (duration `date − start` calendar days, or a
///   `milestone`) that depends on its dependencies' finish tasks and on an anchor milestone at its
///   planned start (or event date); and a finish milestone `n` that depends on `w` and, while the
///   milestone is open, on an anchor at the as-of day. A done milestone is fixed at `done_on`.
///   ES = start of `w`, EF = end of `n`.
/// - late (ALAP): per milestone a task of the early span that precedes its successors and an
///   anchor at its program's deadline (target, else the latest early finish). LS/LF = its dates.
///
/// TaskJuggler's end dates are exclusive instants, the same day boundaries Charter uses: a task
/// ending 2026-03-11 00:00 lets its successor start 2026-03-11 00:00.
struct TaskJugglerOracle {
    struct Dates: Equatable, CustomStringConvertible {
        var earlyStart: PlanDate, earlyFinish: PlanDate, lateStart: PlanDate, lateFinish: PlanDate
        var freeSlack: Int
        var totalSlack: Int { earlyFinish.days(to: lateFinish) }
        var description: String { "ES \(earlyStart) EF \(earlyFinish) LS \(lateStart) LF \(lateFinish) TS \(totalSlack) FS \(freeSlack)" }
    }

    let workspace: Workspace
    let asOf: PlanDate
    private var nodes: [(id: QualifiedID, milestone: Milestone)] = []
    private var index: [QualifiedID: Int] = [:]

    init(_ workspace: Workspace, asOf: PlanDate) {
        self.workspace = workspace
        self.asOf = asOf
        for program in workspace.programs {
            for milestone in program.milestones where milestone.status.value != .cancelled {
                index[QualifiedID(program: program.folder, id: milestone.id.value)] = nodes.count
                nodes.append((QualifiedID(program: program.folder, id: milestone.id.value), milestone))
            }
        }
    }

    /// Runs both projects through `tj3` in `folder`; dates of every milestone by id.
    func schedule(in folder: URL) throws -> [QualifiedID: Dates] {
        let early = try run(earlyProject(), named: "early", in: folder)
        var ends: [String: Int] = [:]
        for (node, entry) in nodes.enumerated() {
            let finish = early["n\(node)"]!.end.dayNumber
            ends[entry.id.program] = max(ends[entry.id.program] ?? finish, finish)
        }
        var deadlines: [String: PlanDate] = [:]
        for program in workspace.programs {
            deadlines[program.folder] = program.target?.value ?? ends[program.folder].map(PlanDate.init(dayNumber:))
        }
        let spans = nodes.indices.map { early["w\($0)"]!.start.days(to: early["n\($0)"]!.end) }
        let late = try run(lateProject(spans: spans, deadlines: deadlines), named: "late", in: folder)
        var result: [QualifiedID: Dates] = [:]
        for (node, entry) in nodes.enumerated() {
            let finish = early["n\(node)"]!.end
            let next = successors(of: node).map { early["w\($0)"]!.start }.min() ?? deadlines[entry.id.program]!
            result[entry.id] = Dates(earlyStart: early["w\(node)"]!.start, earlyFinish: finish,
                                     lateStart: late["l\(node)"]!.start, lateFinish: late["l\(node)"]!.end,
                                     freeSlack: finish.days(to: next))
        }
        return result
    }

    private func dependencies(of node: Int) -> [Int] {
        let home = nodes[node].id.program
        var result: [Int] = []
        for reference in nodes[node].milestone.dependsOn {
            let key = QualifiedID(program: reference.value.program(from: home), id: reference.value.id)
            if let dependency = index[key], !result.contains(dependency) { result.append(dependency) }
        }
        return result
    }

    private func successors(of node: Int) -> [Int] {
        nodes.indices.filter { dependencies(of: $0).contains(node) }
    }

    private func earlyProject() -> String {
        var tasks: [String] = ["task asof \"as of\" { start \(asOf) milestone }"]
        for (node, entry) in nodes.enumerated() {
            let milestone = entry.milestone
            if milestone.status.value == .done {
                let finish = (milestone.doneOn ?? milestone.date)!.value
                let start = min(milestone.start?.value ?? finish, finish)
                tasks.append("task w\(node) \"\(entry.id)\" { start \(start) \(length(start.days(to: finish))) }")
                tasks.append("task n\(node) \"\(entry.id) finish\" { depends w\(node) milestone }")
                continue
            }
            var after = dependencies(of: node).map { "n\($0)" }
            if let planned = (milestone.start ?? milestone.date)?.value {
                tasks.append("task f\(node) \"\(entry.id) planned\" { start \(planned) milestone }")
                after.append("f\(node)")
            }
            var span = 0
            if let start = milestone.start?.value, let date = milestone.date?.value { span = start.days(to: date) }
            tasks.append("task w\(node) \"\(entry.id)\" { depends \(after.joined(separator: ", ")) \(length(span)) }")
            tasks.append("task n\(node) \"\(entry.id) finish\" { depends w\(node), asof milestone }")
        }
        return project(tasks)
    }

    private func lateProject(spans: [Int], deadlines: [String: PlanDate]) -> String {
        var tasks: [String] = []
        for program in workspace.programs {
            if let deadline = deadlines[program.folder] {
                tasks.append("task d_\(program.folder.replacingOccurrences(of: "-", with: "_")) \"deadline\" { start \(deadline) milestone }")
            }
        }
        for (node, entry) in nodes.enumerated() {
            let before = successors(of: node).map { "l\($0)" } + ["d_\(entry.id.program.replacingOccurrences(of: "-", with: "_"))"]
            tasks.append("task l\(node) \"\(entry.id)\" { scheduling alap precedes \(before.joined(separator: ", ")) \(length(spans[node])) }")
        }
        return project(tasks)
    }

    /// Calendar days (`duration`, not working-time `effort` or `length`); 0 is a milestone.
    private func length(_ days: Int) -> String { days == 0 ? "milestone" : "duration \(days)d" }

    private func project(_ tasks: [String]) -> String {
        """
        project oracle "Charter schedule oracle" 2024-01-01 - 2029-12-31 {
          timezone "UTC"
        }
        \(tasks.joined(separator: "\n"))
        taskreport dates "dates" {
          formats csv
          columns id, start, end
          timeformat "%Y-%m-%d %H:%M"
          hidetask 0
        }

        """
    }

    /// Writes the project, runs `tj3`, reads `dates.csv`: `"id";"start";"end"`, instants at 00:00.
    private func run(_ text: String, named name: String, in folder: URL) throws -> [String: (start: PlanDate, end: PlanDate)] {
        let directory = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: directory.appendingPathComponent("\(name).tjp"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tj3", "--silent", "--no-color", "\(name).tjp"]
        process.currentDirectoryURL = directory
        let log = directory.appendingPathComponent("tj3.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        guard process.terminationStatus == 0 else {
            throw OracleError("tj3 failed on \(name).tjp: \(try String(contentsOf: log, encoding: .utf8))\n\(text)")
        }
        var dates: [String: (start: PlanDate, end: PlanDate)] = [:]
        for line in try String(contentsOf: directory.appendingPathComponent("dates.csv"), encoding: .utf8).split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ";").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) }
            guard cells.count == 3, cells[1].hasSuffix(" 00:00"), cells[2].hasSuffix(" 00:00"),
                  let start = PlanDate(String(cells[1].prefix(10))), let end = PlanDate(String(cells[2].prefix(10))) else {
                throw OracleError("unexpected tj3 row: \(line)")
            }
            dates[cells[0]] = (start, end)
        }
        return dates
    }
}

struct OracleError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
