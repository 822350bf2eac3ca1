/// The LSP base protocol's framing: `Content-Length: N` (and optionally `Content-Type`) header
/// lines ended by an empty line, then N bytes of JSON. Feed it bytes as they arrive; it hands
/// out whole bodies, and reports a broken header instead of stalling, then finds the next
/// header and carries on.
public struct MessageFramer: Sendable {
    public enum Frame: Sendable, Hashable {
        case body([UInt8])
        /// Bytes that were not a valid frame and were skipped, and why.
        case malformed(String)
    }

    /// A body larger than this is refused (its bytes are skipped) rather than buffered.
    public let maxContentLength: Int
    /// A header block longer than this without its empty line is garbage.
    public static let maxHeaderLength = 8 * 1024

    private var buffer: [UInt8] = []
    private var start = 0
    /// Body bytes of a refused frame still to skip as they arrive.
    private var skipping = 0

    public init(maxContentLength: Int = 64 * 1024 * 1024) {
        self.maxContentLength = maxContentLength
    }

    /// Bytes received and not yet handed out.
    public var pendingCount: Int { buffer.count - start }

    public mutating func append(_ bytes: some Collection<UInt8>) {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or `nil` when more bytes are needed.
    public mutating func next() -> Frame? {
        if skipping > 0 {
            let skipped = min(skipping, pendingCount)
            start += skipped
            skipping -= skipped
            if skipping > 0 { return nil }
        }
        // Blank lines between messages are tolerated.
        while start < buffer.count, buffer[start] == UInt8(ascii: "\r") || buffer[start] == UInt8(ascii: "\n") { start += 1 }
        guard start < buffer.count else { return nil }
        guard let headerEnd = headerEnd() else {
            if pendingCount > Self.maxHeaderLength { return resynchronise("a header without its closing empty line") }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd.lowerBound], as: UTF8.self)
        var length: Int?
        for line in header.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) {
            guard let colon = line.firstIndex(of: ":") else {
                return resynchronise("a header line without a colon: \(Self.excerpt(String(line)))")
            }
            let name = line[..<colon].trimmingSpaces.lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces
            if name == "content-length" {
                guard let number = Int(value), number >= 0 else {
                    return resynchronise("Content-Length is not a number: \(Self.excerpt(String(value)))")
                }
                length = number
            }
        }
        guard let length else {
            return resynchronise("a header without Content-Length")
        }
        if length > maxContentLength {
            start = headerEnd.upperBound
            skipping = length
            return .malformed("a body of \(length) bytes, over the limit of \(maxContentLength)")
        }
        guard buffer.count - headerEnd.upperBound >= length else { return nil }
        let body = Array(buffer[headerEnd.upperBound..<(headerEnd.upperBound + length)])
        start = headerEnd.upperBound + length
        return .body(body)
    }

    /// Wraps a body in its header, ready to write.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// Where the header block ends: the empty line (`\r\n\r\n`, or a bare `\n\n` from a sloppy client).
    private func headerEnd() -> Range<Int>? {
        var index = start
        let limit = min(buffer.count, start + Self.maxHeaderLength + 4)
        while index < limit {
            if buffer[index] == UInt8(ascii: "\n") {
                if index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "\n") { return index..<(index + 2) }
                if index + 2 < buffer.count, buffer[index + 1] == UInt8(ascii: "\r"), buffer[index + 2] == UInt8(ascii: "\n") {
                    return (buffer[index - 1] == UInt8(ascii: "\r") ? index - 1 : index)..<(index + 3)
                }
            }
            index += 1
        }
        return nil
    }

    /// Drops bytes up to the next `Content-Length` (or all of them) and reports what was dropped.
    private mutating func resynchronise(_ reason: String) -> Frame {
        let marker = Array("content-length".utf8)
        var index = start + 1
        var found: Int?
        while index + marker.count <= buffer.count {
            if (0..<marker.count).allSatisfy({ Self.lower(buffer[index + $0]) == marker[$0] }) { found = index; break }
            index += 1
        }
        // Without a marker, keep only a tail that may be the start of one ("Content-Len" cut by a
        // read); everything else is dropped, so the framer always moves forward.
        if let found {
            start = found
        } else {
            var kept = min(marker.count - 1, buffer.count - start - 1)
            while kept > 0, !(0..<kept).allSatisfy({ Self.lower(buffer[buffer.count - kept + $0]) == marker[$0] }) { kept -= 1 }
            start = buffer.count - max(0, kept)
        }
        return .malformed(reason)
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func excerpt(_ text: String) -> String {
        text.count > 40 ? "'\(text.prefix(40))…'" : "'\(text)'"
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
