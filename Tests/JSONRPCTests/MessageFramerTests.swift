import JSONRPC
import Testing

@Suite struct MessageFramerTests {
    private func bodies(_ input: String, chunk: Int = .max) -> [MessageFramer.Frame] {
        var framer = MessageFramer()
        var frames: [MessageFramer.Frame] = []
        let bytes = Array(input.utf8)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunk)
            framer.append(bytes[offset..<end])
            offset = end
            while let frame = framer.next() { frames.append(frame) }
        }
        return frames
    }

    @Test func readsConsecutiveMessages() {
        let frames = bodies("Content-Length: 2\r\n\r\n{}Content-Length: 7\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n[1,2,3]")
        #expect(frames == [.body(Array("{}".utf8)), .body(Array("[1,2,3]".utf8))])
    }

    @Test func waitsForBytesSplitAnywhere() {
        let body = "{\"a\":\"héllo\"}"
        let text = "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        for chunk in 1...6 {
            #expect(bodies(text, chunk: chunk) == [.body(Array(body.utf8))])
        }
    }

    @Test func lengthCountsBytesNotCharacters() {
        // `"é"` is three characters and four bytes: a length in characters would cut the body short.
        #expect(bodies("Content-Length: 4\r\n\r\n\"é\"Content-Length: 2\r\n\r\n{}")
                == [.body(Array("\"é\"".utf8)), .body(Array("{}".utf8))])
    }

    @Test func headerNamesAreCaseInsensitive() {
        #expect(bodies("content-length: 2\r\n\r\n{}") == [.body(Array("{}".utf8))])
    }

    @Test func skipsABrokenHeaderAndReadsTheNextMessage() {
        let frames = bodies("Content-Length: abc\r\n\r\n{}Content-Length: 2\r\n\r\n[]")
        #expect(frames.count == 2)
        guard case .malformed(let reason) = frames.first else { Issue.record("expected a malformed frame"); return }
        #expect(reason.contains("not a number"))
        #expect(frames.last == .body(Array("[]".utf8)))
    }

    @Test func skipsGarbageWithoutAHeader() {
        let frames = bodies("hello there\r\n\r\nContent-Length: 2\r\n\r\n[]")
        #expect(frames.count == 2)
        #expect(frames.last == .body(Array("[]".utf8)))
    }

    @Test func refusesAnOversizedBodyAndKeepsReading() {
        var framer = MessageFramer(maxContentLength: 10)
        framer.append(Array("Content-Length: 20\r\n\r\n01234567890123456789Content-Length: 2\r\n\r\n{}".utf8))
        guard case .malformed = framer.next() else { Issue.record("expected a malformed frame"); return }
        #expect(framer.next() == .body(Array("{}".utf8)))
        #expect(framer.next() == nil)
    }

    @Test func framesWhatItWrites() {
        let framed = MessageFramer.frame(Array("{\"x\":1}".utf8))
        #expect(String(decoding: framed, as: UTF8.self) == "Content-Length: 7\r\n\r\n{\"x\":1}")
    }

    @Test func aBrokenHeaderAloneDoesNotSwallowTheNextMessage() {
        var framer = MessageFramer()
        framer.append(Array("Content-Length: banana\r\n\r\n".utf8))
        guard case .malformed? = framer.next() else { Issue.record("expected a malformed frame"); return }
        #expect(framer.next() == nil)
        framer.append(Array("Content-Length: 2\r\n\r\n{}".utf8))
        #expect(framer.next() == .body(Array("{}".utf8)))
    }

    @Test func keepsAHeaderCutByARead() {
        var framer = MessageFramer()
        framer.append(Array("garbage\r\n\r\nContent-Len".utf8))
        guard case .malformed? = framer.next() else { Issue.record("expected a malformed frame"); return }
        #expect(framer.next() == nil)
        framer.append(Array("gth: 2\r\n\r\n[]".utf8))
        #expect(framer.next() == .body(Array("[]".utf8)))
    }

    @Test(arguments: 1...200)
    func garbageAlwaysMovesTheFramerForward(seed: Int) {
        // A small deterministic generator: random bytes biased towards header characters.
        var state = UInt64(seed) &* 6364136223846793005 &+ 1442695040888963407
        func nextByte() -> UInt8 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let alphabet = Array("Content-Length: 0123456789\r\n{}x".utf8)
            let pick = Int(state >> 33)
            return pick % 4 == 0 ? UInt8(truncatingIfNeeded: pick >> 8) : alphabet[pick % alphabet.count]
        }
        var framer = MessageFramer(maxContentLength: 64)
        framer.append((0..<300).map { _ in nextByte() })
        var calls = 0
        while framer.next() != nil { calls += 1; if calls > 1_000 { break } }
        #expect(calls <= 1_000)
        // And a real message after the garbage is still read (perhaps after one more skipped piece).
        framer.append(Array("\r\n\r\nContent-Length: 2\r\n\r\n{}".utf8))
        var frames: [MessageFramer.Frame] = []
        while let frame = framer.next(), frames.count < 1_000 { frames.append(frame) }
        #expect(frames.count < 1_000)
    }
}
