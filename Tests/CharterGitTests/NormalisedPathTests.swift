@testable import CharterGit
import Testing

/// `normalisedPath` returns an already normal path as it is instead of splitting and joining it
/// (a hook's cost); `splitParent` cuts at the last slash. Both must give what splitting into
/// `pathComponents` and joining gives, for every shape of path.
@Suite struct NormalisedPathTests {
    /// The definition the fast paths replace.
    static func joined(_ path: String) -> String { pathComponents(path).joined(separator: "/") }

    static func splitByParts(_ path: String) -> (parent: String, name: String) {
        let components = pathComponents(path)
        guard let last = components.last else { return ("", "") }
        return (components.dropLast().joined(separator: "/"), String(last))
    }

    @Test("shapes that are normal and shapes that are not", arguments: [
        "", "/", "//", ".", "./", "/.", "a", "a/b", "a/b/c.yaml", "/a", "a/", "a//b", "./a", "a/./b", "a/.", "..",
        "a/../b", ".a", "a/.b", "a./b", "programs/pay/milestones.yaml", "programs//pay/", "./programs/pay/",
        "é/ü", "a/\u{301}b", "/\u{301}", ".\u{301}/a", "a/.\u{301}", "a b/c d",
    ])
    func sameAsSplitAndJoin(path: String) {
        #expect(normalisedPath(path) == Self.joined(path))
        #expect(splitParent(path) == Self.splitByParts(path))
    }

    @Test("random paths over slashes, dots and letters")
    func randomPaths() {
        let alphabet: [String] = ["/", ".", "a", "b", "\u{301}", "é"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let path = (0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            #expect(normalisedPath(path) == Self.joined(path), "\(Array(path.unicodeScalars))")
            #expect(splitParent(path) == Self.splitByParts(path), "\(Array(path.unicodeScalars))")
        }
    }
}
