/// People are shared across programs; a plan that needs someone at 150% is a plan that slips.
public struct OverAllocationRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "over-allocation",
        name: "Person over-allocated",
        summary: "On no day is a person allocated more than 100% across all programs.",
        category: .resources,
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample([
                ("programs/demo/program.yaml", """
                id: demo
                name: Demo Program
                owner: alice
                status: active
                start: 2026-01-01
                target: 2026-12-31
                allocations:
                  - ↓{ person: carol, percent: 60, from: 2026-03-01, to: 2026-06-30 }
                """),
                ("programs/identity/program.yaml", """
                id: identity
                name: Identity
                owner: bob
                status: active
                start: 2026-01-01
                allocations:
                  - { person: carol, percent: 50, from: 2026-01-01, to: 2026-04-30 }
                """),
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                ("programs/demo/program.yaml", """
                id: demo
                name: Demo Program
                owner: alice
                status: active
                start: 2026-01-01
                allocations:
                  - { person: carol, percent: 60, from: 2026-05-01, to: 2026-06-30 }
                  - { person: carol, percent: 50, from: 2026-01-01, to: 2026-04-30 }
                  - { person: dave, percent: 100 }
                """),
            ]),
        ]
    )

    private struct Span {
        var program: String
        var percent: Double
        var from: Int
        var to: Int
        var location: SourceLocation
    }

    public func check(_ context: RuleContext) -> [Finding] {
        var spans: [String: [Span]] = [:]
        for program in context.workspace.programs {
            for allocation in program.allocations where allocation.percent > 0 {
                // Open ends default to the program's window, or to forever when it has none.
                let from = allocation.from ?? program.start?.value
                let to = allocation.to ?? program.target?.value
                let span = Span(program: program.folder, percent: allocation.percent,
                                from: from?.dayNumber ?? Int.min, to: to?.dayNumber ?? Int.max,
                                location: allocation.location)
                guard span.from <= span.to else { continue }
                spans[allocation.person.value, default: []].append(span)
            }
        }
        return spans.keys.sorted().compactMap { person in
            overload(of: person, spans[person]!)
        }
    }

    /// The first stretch of days on which the person is over 100%, reported at the allocation
    /// that tipped it over.
    private func overload(of person: String, _ spans: [Span]) -> Finding? {
        guard spans.count > 1 || spans[0].percent > 100 else { return nil }
        var events: [(day: Int, delta: Double, span: Int)] = []
        for (index, span) in spans.enumerated() {
            events.append((span.from, span.percent, index))
            if span.to < Int.max { events.append((span.to + 1, -span.percent, index)) }
        }
        events.sort { $0.day != $1.day ? $0.day < $1.day : $0.delta < $1.delta }
        var load = 0.0
        // Which spans are running, by index: a flag per span, not a `Set<Int>`, whose first use
        // in a process costs the pre-commit hook a scan of every conformance record.
        var active = [Bool](repeating: false, count: spans.count)
        for (position, event) in events.enumerated() {
            load += event.delta
            active[event.span] = event.delta > 0
            guard load > 100.0001, position + 1 == events.count || events[position + 1].day != event.day else { continue }
            let next = position + 1 < events.count ? events[position + 1].day - 1 : Int.max
            let members = spans.indices.filter { active[$0] }.sorted { spans[$0].location < spans[$1].location }
            let tipping = spans[members.max { spans[$0].from < spans[$1].from }!]
            let breakdown = members.map { "\(spans[$0].program) \(Money.format(spans[$0].percent))%" }.joined(separator: ", ")
            let when = event.day == Int.min ? "from the start" : "from \(PlanDate(dayNumber: event.day))"
            let until = next == Int.max ? "" : " to \(PlanDate(dayNumber: next))"
            let notes = members.filter { spans[$0].location != tipping.location }.map {
                Diagnostic.Note("\(spans[$0].program): \(Money.format(spans[$0].percent))%", at: spans[$0].location)
            }
            return Finding(at: tipping.location,
                "\(person) is allocated \(Money.format(load))% \(when)\(until) (\(breakdown))", notes: notes)
        }
        return nil
    }
}
