import CharterCore
import JSONRPC

/// What hovering an id shows: a milestone's name, date, status, owner, forecast and slack; a
/// person's name and allocations; a workstream's, decision's or risk's essentials.
enum HoverText {
    static func hover(at position: LSPPosition, in path: String, _ workspace: EditorWorkspace, _ index: SymbolIndex,
                      forecasts: () -> [QualifiedID: ScheduleAdapter.Forecast]?) -> JSON {
        guard let document = workspace.document(path),
              let occurrence = index.occurrence(at: position, in: path, document: document),
              let text = markdown(for: occurrence.key, workspace.navigation, forecasts: forecasts) else { return .null }
        return ["contents": ["kind": "markdown", "value": .string(text)],
                "range": document.token(at: occurrence.location.position).json]
    }

    static func markdown(for key: SymbolKey, _ workspace: Workspace,
                         forecasts: () -> [QualifiedID: ScheduleAdapter.Forecast]?) -> String? {
        switch key {
        case .milestone(let id):
            guard let milestone = workspace.program(id.program)?.milestones.first(where: { $0.id.value == id.id }) else {
                return "**\(id)**: no such milestone"
            }
            var lines = ["**\(id)** · \(milestone.name ?? "(no name)")", ""]
            lines.append("- date: \(milestone.date.map { "\($0.value)" } ?? "none")")
            lines.append("- status: \(ScheduleAdapter.status(of: milestone))"
                         + (milestone.doneOn.map { " (done on \($0.value))" } ?? ""))
            if let owner = milestone.owner { lines.append("- owner: \(personName(owner.value, workspace))") }
            if !milestone.dependsOn.isEmpty { lines.append("- depends on: " + milestone.dependsOn.map { "\($0.value)" }.joined(separator: ", ")) }
            if let all = forecasts() {
                if let forecast = all[id] {
                    lines.append("- forecast: \(forecast.finish.map { "\($0)" } ?? "unscheduled")")
                    if let slack = forecast.totalSlack {
                        lines.append("- slack: \(slack) day\(abs(slack) == 1 ? "" : "s")\(forecast.isCritical ? " (critical path)" : "")")
                    }
                }
            } else {
                lines.append("- forecast: none (the dependencies form a cycle)")
            }
            return lines.joined(separator: "\n")
        case .person(let id):
            guard let person = workspace.people.first(where: { $0.id.value == id }) else { return "**\(id)**: not in people.yaml" }
            var lines = ["**\(person.name ?? id)** (`\(id)`)"]
            let details = [person.title, person.team, person.email].compactMap { $0 }
            if !details.isEmpty { lines.append(details.joined(separator: " · ")) }
            let allocations = workspace.programs.flatMap { program in
                program.allocations.filter { $0.person.value == id }.map { (program, $0) }
            }
            if !allocations.isEmpty {
                lines.append("")
                lines.append("Allocations:")
                for (program, allocation) in allocations {
                    let stream = allocation.workstream.map { " · \($0.value)" } ?? ""
                    let from = allocation.from ?? program.start?.value
                    let to = allocation.to ?? program.target?.value
                    let span = "\(from.map { "\($0)" } ?? "…") to \(to.map { "\($0)" } ?? "…")"
                    lines.append("- \(program.folder)\(stream): \(percent(allocation.percent))% from \(span)")
                }
            }
            return lines.joined(separator: "\n")
        case .workstream(let id):
            guard let stream = workspace.program(id.program)?.workstreams.first(where: { $0.id.value == id.id }) else { return nil }
            return "**workstream \(id)** · \(stream.name ?? "(no name)")" + (stream.owner.map { "\n\nowner: \(personName($0.value, workspace))" } ?? "")
        case .decision(let id):
            guard let decision = workspace.program(id.program)?.decisions.first(where: { $0.id.value == id.id }) else { return nil }
            var text = "**decision \(id)** · \(decision.title ?? "(no title)")"
            if let status = decision.status { text += "\n\nstatus: \(status.value)" }
            if let by = decision.supersededBy { text += ", superseded by \(by.value)" }
            return text
        case .risk(let id):
            guard let risk = workspace.program(id.program)?.risks.first(where: { $0.id.value == id.id }) else { return nil }
            return "**risk \(id)** · \(risk.title ?? "(no title)")" + (risk.score.map { "\n\nscore \($0)" } ?? "")
                + (risk.status.map { ", \($0)" } ?? "")
        }
    }

    private static func percent(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }

    private static func personName(_ id: String, _ workspace: Workspace) -> String {
        workspace.people.first { $0.id.value == id }?.name.map { "\($0) (\(id))" } ?? id
    }
}
