import CharterCore

/// Budget lines by category as horizontal bars against the program's total: how much is
/// planned, where, and how much of the total is left (or how far over it the lines go).
enum BudgetChart {
    static let width = 520.0
    static let labelWidth = 130.0
    static let valueWidth = 120.0
    static let rowHeight = 26.0

    static func render(_ program: ProgramStatus, idPrefix: String) -> String {
        let categories = program.budget
        let planned = categories.reduce(0) { $0 + $1.amount }
        let scaleMax = max(program.budgetTotal ?? 0, planned, categories.map(\.amount).max() ?? 0, 1)
        let barWidth = width - labelWidth - valueWidth - 20
        var rows: [(label: String, amount: Double, kind: String)] = categories.map { ($0.name, $0.amount, "category") }
        rows.append(("planned (all lines)", planned, "planned"))
        if let total = program.budgetTotal { rows.append(("total", total, "total")) }
        let height = Double(rows.count) * rowHeight + 8
        let titleID = idPrefix + "-budget-title"
        var summary = "Budget of \(program.name): \(money(planned, program)) planned in \(categories.count) categories"
        if let total = program.budgetTotal { summary += " of a \(money(total, program)) total" }
        var svg = Markup.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "budget"), ("role", "img"),
                                      ("viewBox", "0 0 \(Markup.number(width)) \(Markup.number(height))"),
                                      ("aria-labelledby", titleID)])
        svg += Markup.element("title", [("id", titleID)], text: summary)
        for (index, row) in rows.enumerated() {
            let y = 4 + Double(index) * rowHeight
            let over = row.kind == "planned" && (program.budgetTotal.map { planned > $0 } ?? false)
            let barLength = max(row.amount > 0 ? 2 : 0, row.amount / scaleMax * barWidth)
            svg += Markup.open("g", [("class", "row \(row.kind)" + (over ? " over" : ""))])
            svg += Markup.element("text", [("class", "label"), ("x", Markup.number(labelWidth - 8)), ("y", Markup.number(y + 17)),
                                           ("text-anchor", "end")], text: Markup.cut(row.label, 22))
            svg += Markup.empty("rect", [("x", Markup.number(labelWidth)), ("y", Markup.number(y + 4)),
                                         ("width", Markup.number(barLength)), ("height", Markup.number(rowHeight - 8)), ("rx", "2")])
            var value = money(row.amount, program)
            if row.kind != "total", let total = program.budgetTotal, total > 0,
               let share = SafeNumber.wholePercent(row.amount, of: total) {
                value += " (\(share)%)"
            }
            svg += Markup.element("text", [("class", "value"), ("x", Markup.number(labelWidth + barWidth + 8)),
                                           ("y", Markup.number(y + 17))], text: value)
            svg += "</g>"
        }
        if let total = program.budgetTotal, total > 0 {
            let x = Markup.number(labelWidth + total / scaleMax * barWidth)
            svg += Markup.empty("line", [("class", "total-line"), ("x1", x), ("x2", x), ("y1", "0"), ("y2", Markup.number(height))])
        }
        return svg + "</svg>"
    }

    static func money(_ amount: Double, _ program: ProgramStatus) -> String {
        DiffFormatting.money(amount, currency: program.currency)
    }
}
