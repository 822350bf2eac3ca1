import Foundation
import Testing

/// docs/format.md embeds generated sections; regenerate with Scripts/update-docs.sh.
struct DocumentationTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func section(_ name: String, in text: String) -> String? {
        guard let begin = text.range(of: "<!-- BEGIN GENERATED \(name) -->\n"),
              let end = text.range(of: "\n<!-- END GENERATED \(name) -->") else { return nil }
        return String(text[begin.upperBound..<end.lowerBound])
    }

    @Test("docs/format.md shows the current fields and rules", arguments: [
        ("fields", ["schema", "--markdown"]), ("rules", ["rules", "--format", "markdown"]),
    ])
    func generatedSectionsAreCurrent(name: String, arguments: [String]) throws {
        let doc = try String(contentsOf: Self.packageRoot.appendingPathComponent("docs/format.md"), encoding: .utf8)
        let generated = try Run.charter(arguments, in: "/").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Self.section(name, in: doc) == generated, "run Scripts/update-docs.sh")
    }
}
