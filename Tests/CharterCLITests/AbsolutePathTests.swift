@testable import CharterCLI
import Foundation
import Testing

/// `FileSystem.absolute` answers a plain path (absolute, normalised, no symbolic link on the way)
/// without Foundation's URL; every other path still goes through URL. Either way the answer is
/// what URL's standardising and symlink resolution give.
@Suite struct AbsolutePathTests {
    /// What `absolute` computed before its plain-path shortcut.
    static func throughURL(_ path: String, relativeTo base: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: base).appendingPathComponent(path)
        return url.standardizedFileURL.resolvingSymlinksInPath().path
    }

    @Test("plain, relative, dotted, doubled, trailing, missing and symlinked paths: the same answer as URL's")
    func sameAsURL() throws {
        let fixture = try Fixture()
        try fixture.write("real/sub/file.yaml", "x")
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/link", withDestinationPath: fixture.path + "/real")
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/real/up", withDestinationPath: "..")
        // The fixture's own folder may sit behind a symbolic link (a temporary folder often does).
        let base = Self.throughURL(fixture.path, relativeTo: "/")
        let paths = [
            ".", "real", "real/sub", "real/sub/file.yaml", "./real", "real/./sub", "real/../real", "real//sub", "real/sub/",
            "link", "link/sub", "real/up", "real/up/real", "missing", "real/missing/x", "..", "/", base, base + "/real",
            base + "/link/sub", base + "//real", base + "/real/.", fixture.path, fixture.path + "/real/sub",
        ]
        for path in paths {
            #expect(FileSystem.absolute(path, relativeTo: base) == Self.throughURL(path, relativeTo: base), "\(path)")
            #expect(FileSystem.absolute(path, relativeTo: base + "/real") == Self.throughURL(path, relativeTo: base + "/real"), "\(path)")
        }
        // The shortcut is taken for the plain ones and declined for the rest.
        #expect(FileSystem.plainAbsolute("real/sub", relativeTo: base) == base + "/real/sub")
        #expect(FileSystem.plainAbsolute(".", relativeTo: base) == base)
        #expect(FileSystem.plainAbsolute("link/sub", relativeTo: base) == nil)
        #expect(FileSystem.plainAbsolute("real/../real", relativeTo: base) == nil)
        #expect(FileSystem.plainAbsolute("missing", relativeTo: base) == nil)
    }
}
