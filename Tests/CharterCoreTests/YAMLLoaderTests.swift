import Foundation
import Testing
@testable import CharterCore

struct YAMLLoaderTests {
    @Test("scalars keep their text: no YAML 1.1 booleans, octal or dates")
    func scalarsStayText() throws {
        let node = try #require(try YAMLLoader.load(Array("name: no\nid: 0012\non: yes\ndate: 2026-05-01\n".utf8)))
        #expect(node["name"]?.scalarText == "no")
        #expect(node["id"]?.scalarText == "0012")
        #expect(node["on"]?.scalarText == "yes")
        #expect(node["date"]?.scalarText == "2026-05-01")
    }

    @Test("positions are 1-based line and column of where a node starts")
    func positions() throws {
        let node = try #require(try YAMLLoader.load(Array("a:\n  - x\n  - { b: 2 }\n".utf8)))
        let items = try #require(node["a"]?.items)
        #expect(items[0].position == TextPosition(line: 2, column: 5))
        #expect(items[1]["b"]?.position == TextPosition(line: 3, column: 10))
    }

    @Test("an empty file or one with only comments has no document")
    func emptyDocument() throws {
        #expect(try YAMLLoader.load([]) == nil)
        #expect(try YAMLLoader.load(Array("# nothing yet\n".utf8)) == nil)
    }

    @Test("a billion-laughs alias bomb stops with an error, fast")
    func aliasBomb() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let clock = ContinuousClock()
        let started = clock.now
        #expect(throws: YAMLLoadError.self) { try YAMLLoader.load(Array(text.utf8)) }
        // Generous bound: the point is "not minutes and gigabytes", not a benchmark.
        #expect(clock.now - started < .seconds(5))
        do { _ = try YAMLLoader.load(Array(text.utf8)) } catch {
            #expect(error.kind == .limits)
            #expect(error.message.contains("alias"))
        }
    }

    @Test("merge keys work for modest reuse")
    func mergeKeys() throws {
        let text = "base: &base { owner: carol, status: planned }\nm: { <<: *base, name: Beta }\n"
        let node = try #require(try YAMLLoader.load(Array(text.utf8)))
        #expect(node["m"]?["owner"]?.scalarText == "carol")
        #expect(node["m"]?["name"]?.scalarText == "Beta")
    }

    @Test("5,000-deep nesting is refused with a position, not a crash", arguments: ["[", "- ", "{a: "])
    func deepNesting(opener: String) {
        let closer = opener == "[" ? "]" : opener == "{a: " ? "}" : ""
        let text = String(repeating: opener, count: 5000) + "x" + String(repeating: closer, count: 5000) + "\n"
        do {
            _ = try YAMLLoader.load(Array(text.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .limits)
            #expect(error.position.line == 1)
        }
    }

    @Test("tabs used for indentation get a plain explanation")
    func tabs() {
        do {
            _ = try YAMLLoader.load(Array("a:\n\t- b\n".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("tab"))
            #expect(error.position.line == 2)
        }
    }

    @Test("non-UTF-8 bytes are located")
    func nonUTF8() {
        do {
            _ = try YAMLLoader.load(Array("a: 1\nb: caf".utf8) + [0xE9] + Array(" ok\n".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .encoding)
            #expect(error.position == TextPosition(line: 2, column: 7))
        }
    }

    @Test("a UTF-8 byte order mark is accepted")
    func byteOrderMark() throws {
        let node = try YAMLLoader.load([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8))
        #expect(node?["a"]?.scalarText == "1")
    }
}
