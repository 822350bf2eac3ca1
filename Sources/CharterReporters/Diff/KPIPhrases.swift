import CharterCore

/// How a KPI's numbers read in a diff: `420 → 380 ms (target 300, better)`.
enum KPIPhrases {
    static func measurement(_ field: FieldChange, in change: EntityChange) -> String {
        let from = field.from?.number.map(KPIFormat.number) ?? "none"
        let to = field.to?.number.map { KPIFormat.value($0, unit: change.unit) } ?? "none"
        var text = "\(from) → \(to)"
        guard field.field == "current", field.to != nil else { return text }
        var notes: [String] = []
        if let target = change.kpiTarget { notes.append("target \(KPIFormat.number(target))") }
        if let improved = change.improved { notes.append(improved ? "better" : "worse") }
        if !notes.isEmpty { text += " (\(notes.joined(separator: ", ")))" }
        return text
    }
}
