import CharterCore
import JSONRPC

/// The outline of one plan file: its program, workstreams, milestones, risks, budget lines,
/// decisions, KPIs or people, each at its id.
enum DocumentOutline {
    /// LSP SymbolKind numbers.
    private enum Kind: Int {
        case module = 2, namespace = 3, field = 8, event = 24, object = 19, key = 20, number = 16, constant = 14, enumMember = 22
    }

    static func symbols(in path: String, _ workspace: EditorWorkspace) -> JSON {
        guard let document = workspace.document(path), let (kind, folder) = PlanFileKind.classify(path) else { return [] }
        let model = workspace.navigation
        var symbols: [JSON] = []
        func add(_ name: String, _ detail: String?, _ kind: Kind, _ location: SourceLocation, children: [JSON] = []) {
            guard location.path == path else { return }
            let range = document.token(at: location.position)
            var symbol: [String: JSON] = ["name": .string(name), "kind": .int(kind.rawValue),
                                          "range": range.json, "selectionRange": range.json]
            if let detail, !detail.isEmpty { symbol["detail"] = .string(detail) }
            if !children.isEmpty { symbol["children"] = .array(children) }
            symbols.append(.object(symbol))
        }
        switch kind {
        case .people:
            for person in model.people { add(person.id.value, person.name, .object, person.id.location) }
        case .settings:
            return []
        default:
            guard let folder, let program = model.program(folder) else { return [] }
            switch kind {
            case .program:
                if let id = program.id { add(id.value, program.name, .module, id.location) }
                for stream in program.workstreams { add(stream.id.value, stream.name, .namespace, stream.id.location) }
            case .milestones:
                for milestone in program.milestones {
                    let date = milestone.date.map { "\($0.value)" } ?? "no date"
                    add(milestone.id.value, [milestone.name, date, ScheduleAdapter.status(of: milestone)].compactMap { $0 }.joined(separator: " · "),
                        .event, milestone.id.location)
                }
            case .risks:
                for risk in program.risks { add(risk.id.value, risk.title, .key, risk.id.location) }
            case .budget:
                for line in program.budgetLines { add(line.id.value, line.category, .number, line.id.location) }
            case .decisions:
                for decision in program.decisions { add(decision.id.value, decision.title, .constant, decision.id.location) }
            case .kpis:
                for kpi in program.kpis { add(kpi.id.value, kpi.name, .field, kpi.id.location) }
            case .lessons:
                for lesson in program.lessons { add(lesson.id.value, lesson.title, .enumMember, lesson.id.location) }
            case .people, .settings:
                break
            }
        }
        return .array(symbols)
    }
}
