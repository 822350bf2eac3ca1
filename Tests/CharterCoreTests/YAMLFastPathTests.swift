import Foundation
import Testing
@testable import CharterCore

/// The fast path (`PlainYAMLParser`) must build exactly libyaml's tree, positions included,
/// for every text it accepts, and must hand everything else (every error too) to libyaml.
struct YAMLFastPathTests {
    /// What libyaml makes of the text: the tree, or `nil` for "no document" or an error.
    private static func reference(_ text: [UInt8]) -> YAMLNode?? {
        do { return .some(try YAMLLoader.loadWithLibYAML(text)) } catch { return .none }
    }

    /// Fails when the fast path accepts a text and differs from libyaml; returns whether it accepted.
    @discardableResult
    private static func agree(_ text: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        guard let fast = text.withUnsafeBufferPointer(PlainYAMLParser.parse) else { return false }
        let slow = reference(text)
        #expect(slow == .some(fast), "fast path differs from libyaml on:\n\(String(decoding: text, as: UTF8.self))",
                sourceLocation: sourceLocation)
        return true
    }

    static let planFiles: [[UInt8]] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let examples = root.appendingPathComponent("examples")
        let files = FileManager.default.enumerator(at: examples, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path } ?? []
        return files.compactMap { try? Array(Data(contentsOf: $0)) }
    }()

    @Test("the example plan files: the fast path reads them, exactly as libyaml does")
    func examples() {
        #expect(Self.planFiles.count >= 20)
        var accepted = 0
        for file in Self.planFiles where Self.agree(file) { accepted += 1 }
        // Most example files are plain YAML; those with block scalars or non-ASCII text go to libyaml.
        #expect(accepted * 2 >= Self.planFiles.count)
    }

    @Test("the shapes plan files use, and the edges of the subset", arguments: [
        "a: 1\n",
        "a: 1",
        "a:\n",
        "a:\nb: 2\n",
        "a:   # comment\n  b: 2\n",
        "a: b # comment\n",
        "a: b#c\n",
        "a: b:c\n",
        "a: b: c\n",
        "a: 'it''s'\nb: \"q \\\"x\\\" \\\\ y\"\n",
        "a: \"\\n\"\n",
        "a: [x, y, 'z']\nb: []\nc: {}\n",
        "a: [x, y,]\n",
        "a: { id: M1, name: \"N\", deps: [M2, x/M3] }\n",
        "a: {id: M1}\n",
        "a: { id: M1, }\n",
        "a: [x: 1]\n",
        "a: [a , b ]\n",
        "a: [-, b]\n",
        "a: [-1, -x]\n",
        "a: [x\n, y]\n",
        "list:\n- a\n- b\nnext: 1\n",
        "list:\n  - a\n  - b\n",
        "list:\n  - id: M1\n    name: x\n    deps:\n    - M2\n  - id: M2\n    deps:\n      - M3\n",
        "list:\n  -   id: M1\n      name: x\n",
        "list:\n  - id: M1\n   name: x\n",
        "list:\n  - id: M1\n     name: x\n",
        "list:\n  - - a\n",
        "list:\n  -\n    a: 1\n",
        "list:\n  - # c\n",
        "list:\n  - a\n    b\n",
        "a: x\n  y\n",
        "a:\n  x\n",
        "a: 1\n- b\n",
        "a:\n  b: 1\n c: 2\n",
        "a:\n    b: 1\n  c: 2\n",
        "- a\n- b\n",
        "  a: 1\n  b: 2\n",
        "---\na: 1\n",
        "a: 1\n...\n",
        "a: 1\n---\nb: 2\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: &x 1\nb: *x\n",
        "a: !tag 1\n",
        "a: |\n  text\n",
        "a: >\n  text\n",
        "? a\n: 1\n",
        "a : 1\n",
        "'a': 1\n\"b\": 2\n",
        "a:b\n",
        "a:\tb\n",
        "a: b\r\n",
        "a: caf\u{e9}\n",
        "\u{feff}a: 1\n",
        "# only a comment\n",
        "",
        "\n\n  \n",
        "a: 1\n\n\n# trailing\n   \n",
        "a: ~\nb: null\nc: \n",
        "a: -5\nb: .5\nc: +1\nd: 1e3\ne: 2026-05-01\nf: 1_000\n",
        "a: x, y\nb: x [y] {z}\n",
        "a: @x\n",
        "a: `x\n",
        "a: ,x\n",
        "a: x\nb: y\na: z\n",
        "<<: {a: 1}\nb: 2\n",
        "a: [[x], {b: [c]}]\n",
        "a: {b: {c: {d: 1}}}\n",
        "a: 'x'y\n",
        "a: \"x\" # c\n",
        "a: \"x\"# c\n",
        "a: 'unterminated\n",
        "a: [unterminated\n",
        "a:\n  - x\n  - y\n b: 1\n",
        "a:\n- x\n  - y\n",
        "---x: 1\n",
        "--x: 1\n",
        "-x: 1\n",
        "...x: 1\n",
        "a: 'multi\n  line'\n",
    ])
    func shapes(text: String) {
        Self.agree(Array(text.utf8))
    }

    // `agree` passes without comparing when the fast path declines a text; these plain shapes
    // must be taken by it, so the comparison above cannot pass by declining everything.
    @Test("the plainest plan shapes are read by the fast path itself", arguments: [
        "a: 1\n",
        "a:\nb: 2\n",
        "a: [x, y, 'z']\nb: []\nc: {}\n",
        "a: { id: M1, name: \"N\", deps: [M2, x/M3] }\n",
    ])
    func plainShapesTakeTheFastPath(text: String) {
        #expect(Self.agree(Array(text.utf8)), "the fast path declined:\n\(text)")
    }

    @Test("generated plan files are read by the fast path")
    func generatedShapes() {
        let program = """
        id: demo
        name: "Demo: the program"
        owner: alice
        budget: { currency: EUR, total: 1250000 }
        objectives:
          - Ship it
        scope:
          in: [a, "b c"]
          out: []
        workstreams:
          - { id: api, name: Public API, owner: bob }
        allocations:
          - { person: bob, workstream: api, percent: 50, from: 2026-01-05, to: 2026-06-30 }

        """
        #expect(Self.agree(Array(program.utf8)))
        let milestones = """
        milestones:
          - id: M1
            name: Requirements signed off
            workstream: api
            owner: bob
            date: 2026-02-01
            status: done
            done_on: 2026-02-03
          - id: M2
            name: "Beta"
            date: 2026-03-01
            depends_on: [M1, other/M4]
            deliverables: ["SDK", Docs]

        """
        #expect(Self.agree(Array(milestones.utf8)))
    }

    @Test("mutated plan files: whatever the fast path accepts, libyaml reads the same way")
    func mutations() {
        var random = SplitMix64(seed: 12)
        let alphabet = Array(" \n:-#'\"[]{},&*!|>?%@`\\ab1.\t~".utf8)
        let seeds = Self.planFiles.filter { $0.count < 20_000 }
        var accepted = 0
        for _ in 0..<4000 {
            var text = seeds[Int(random.next() % UInt64(seeds.count))]
            for _ in 0...Int(random.next() % 3) {
                let at = Int(random.next() % UInt64(text.count + 1))
                let byte = alphabet[Int(random.next() % UInt64(alphabet.count))]
                switch random.next() % 4 {
                case 0: text.insert(byte, at: at)
                case 1: if at < text.count { text.remove(at: at) }
                case 2: if at < text.count { text[at] = byte }
                default:
                    // Re-indent a line: the mistakes people make most.
                    let lineStart = text[..<min(at, text.count)].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                    if random.next() % 2 == 0 { text.insert(UInt8(ascii: " "), at: lineStart) }
                    else if lineStart < text.count, text[lineStart] == UInt8(ascii: " ") { text.remove(at: lineStart) }
                }
            }
            if Self.agree(text) { accepted += 1 }
        }
        // The mutations must exercise the fast path, not only the fallback.
        #expect(accepted > 1000)
    }
}
