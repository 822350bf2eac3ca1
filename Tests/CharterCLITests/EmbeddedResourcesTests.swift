import Foundation
import Testing
@testable import CharterCLI

/// The binary carries templates/ and hooks/; this fails when they drift from the folders.
/// Fix with: python3 Scripts/embed-resources.py
struct EmbeddedResourcesTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func folderContents(_ name: String) throws -> [String: String] {
        let base = packageRoot.appendingPathComponent(name)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        var files: [String: String] = [:]
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    @Test func templatesMatchFolder() throws {
        #expect(EmbeddedResources.templates == (try Self.folderContents("templates")))
    }

    @Test func hooksMatchFolder() throws {
        #expect(EmbeddedResources.hooks == (try Self.folderContents("hooks")))
    }
}
