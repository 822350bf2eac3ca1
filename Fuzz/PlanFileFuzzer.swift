// libFuzzer entry point: one input is one plan file. Its first byte picks which file of the
// sample workspace it replaces; the rest is the file's bytes. Each input goes through the
// loader, the schema, every rule, and the semantic diff against the sample (CharterCore only:
// the reporters have their own pass in the Swift Testing fuzzer). Built by Fuzz/build.sh, not
// by the package. See docs/fuzzing.md.

let fuzzSample: [String: String] = [
    "charter.yaml": "version: 1\npolicy:\n  require_approval: { slip_days: 7, budget_increase_percent: 5 }\n",
    "people.yaml": "people:\n  - { id: alice, name: Alice }\n  - { id: carol, name: Carol }\n",
    "programs/pay/program.yaml": """
    id: pay
    name: Payments
    owner: alice
    status: active
    start: 2026-01-01
    target: 2026-12-31
    budget: { currency: USD, total: 1000 }
    allocations:
      - { person: carol, percent: 60 }

    """,
    "programs/pay/milestones.yaml": "milestones:\n  - { id: M1, name: Design, date: 2026-02-01 }\n  - { id: M2, name: Beta, date: 2026-05-01, depends_on: [M1] }\n",
    "programs/pay/budget.yaml": "lines:\n  - { id: B1, amount: 500 }\n",
    "programs/pay/kpis.yaml": "kpis:\n  - { id: K1, name: L, baseline: 400, target: 200, current: 300, as_of: 2026-02-01 }\n",
    "programs/pay/risks.yaml": "risks:\n  - { id: R1, title: T, owner: alice, probability: 4, impact: 5, status: open }\n",
    "programs/pay/decisions.yaml": "decisions:\n  - { id: D1, title: T, status: accepted }\n",
]
let fuzzPaths = fuzzSample.keys.sorted()
let fuzzBase = WorkspaceLoader.load(from: InMemoryPlanSource(files: fuzzSample))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var files = fuzzSample.mapValues { Array($0.utf8) }
    files[fuzzPaths[Int(bytes[0]) % fuzzPaths.count]] = Array(bytes.dropFirst())
    let load = WorkspaceLoader.load(from: InMemoryPlanSource(bytes: files))
    _ = Validator.validate(load, asOf: PlanDate("2026-03-01")!)
    let diff = SemanticDiff.compare(fuzzBase.workspace, load.workspace)
    _ = ChangeRequestBuilder(old: fuzzBase.workspace, new: load.workspace).build(
        commit: CommitFacts(id: "ab", parentIDs: ["cd"], message: "Fuzz\n",
                            author: Signature(name: "F", email: "f@x", time: 0, offsetMinutes: 0),
                            committer: Signature(name: "F", email: "f@x", time: 0, offsetMinutes: 0)),
        diff: diff)
    return 0
}
