import CharterCore

/// The text of one plan file as the editor has it (or as it is on disk), kept as UTF-8 bytes
/// with a table of line starts. Converts between LSP positions (0-based lines, UTF-16 offsets)
/// and the YAML parser's marks (1-based lines, 1-based columns counted in Unicode scalars).
public struct TextDocument: Sendable {
    public private(set) var bytes: [UInt8]
    /// Byte offset where each line starts; line breaks are `\n`, `\r\n` or `\r`, as for LSP and YAML.
    private var lineStarts: [Int]
    public var version: Int

    public init(_ text: String, version: Int = 0) {
        self.init(bytes: Array(text.utf8), version: version)
    }

    public init(bytes: [UInt8], version: Int = 0) {
        self.bytes = bytes
        self.version = version
        self.lineStarts = Self.lineStarts(of: bytes)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
    public var lineCount: Int { lineStarts.count }

    /// Replaces `range` (or everything, when `nil`) with `replacement`: an LSP content change.
    public mutating func apply(_ range: LSPRange?, _ replacement: String) {
        guard let range else {
            self = TextDocument(replacement, version: version)
            return
        }
        let lower = offset(of: range.start), upper = max(lower, offset(of: range.end))
        bytes.replaceSubrange(lower..<upper, with: replacement.utf8)
        lineStarts = Self.lineStarts(of: bytes)
    }

    /// The byte range of a line, without its line break; empty past the end.
    public func lineBytes(_ line: Int) -> Swift.Range<Int> {
        guard line >= 0, line < lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    public func lineText(_ line: Int) -> String { String(decoding: bytes[lineBytes(line)], as: UTF8.self) }

    /// The byte offset of an LSP position, clamped to its line (a client may point past the end).
    public func offset(of position: LSPPosition) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        let line = lineBytes(position.line)
        var offset = line.lowerBound, units = 0
        while offset < line.upperBound, units < position.character {
            let length = Self.sequenceLength(bytes[offset])
            units += length == 4 ? 2 : 1
            offset = min(line.upperBound, offset + length)
        }
        return offset
    }

    /// The LSP position of a byte offset.
    public func position(ofOffset target: Int) -> LSPPosition {
        let target = min(max(0, target), bytes.count)
        let line = lineIndex(containing: target)
        var offset = lineStarts[line], units = 0
        while offset < target {
            let length = Self.sequenceLength(bytes[offset])
            units += length == 4 ? 2 : 1
            offset += length
        }
        return LSPPosition(line: line, character: units)
    }

    /// The byte offset of a YAML mark (1-based line, 1-based column in Unicode scalars).
    public func offset(of mark: TextPosition) -> Int {
        let line = lineBytes(mark.line - 1)
        var offset = line.lowerBound, scalars = 1
        while offset < line.upperBound, scalars < mark.column {
            offset = min(line.upperBound, offset + Self.sequenceLength(bytes[offset]))
            scalars += 1
        }
        return offset
    }

    public func position(of mark: TextPosition) -> LSPPosition { position(ofOffset: offset(of: mark)) }

    /// The YAML mark of an LSP position.
    public func mark(of position: LSPPosition) -> TextPosition {
        let target = offset(of: position)
        let line = lineIndex(containing: target)
        var offset = lineStarts[line], scalars = 1
        while offset < target {
            offset += Self.sequenceLength(bytes[offset])
            scalars += 1
        }
        return TextPosition(line: line + 1, column: scalars)
    }

    /// The scalar written at a mark, as a range: a quoted scalar with its quotes, a plain one up
    /// to where YAML would end it (`: `, ` #`, and in a flow collection `,`, `]`, `}`), a key
    /// up to its colon. An empty token (a mark on an empty value) spans the rest of the line.
    public func token(at mark: TextPosition) -> LSPRange {
        let (lower, upper) = tokenBytes(at: mark)
        return LSPRange(start: position(ofOffset: lower), end: position(ofOffset: upper))
    }

    /// The token's text without its quotes, and its range without them (where an edit of the value goes).
    public func tokenValue(at mark: TextPosition) -> (text: String, range: LSPRange) {
        var (lower, upper) = tokenBytes(at: mark)
        if upper - lower >= 2, let quote = [UInt8(ascii: "\""), UInt8(ascii: "'")].first(where: { $0 == bytes[lower] }),
           bytes[upper - 1] == quote {
            lower += 1
            upper -= 1
        }
        return (String(decoding: bytes[lower..<upper], as: UTF8.self),
                LSPRange(start: position(ofOffset: lower), end: position(ofOffset: upper)))
    }

    private func tokenBytes(at mark: TextPosition) -> (Int, Int) {
        let line = lineBytes(mark.line - 1)
        let start = offset(of: mark)
        guard start < line.upperBound else { return (start, start) }
        let first = bytes[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var index = start + 1
            while index < line.upperBound {
                if first == UInt8(ascii: "\""), bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
                if bytes[index] == first {
                    if first == UInt8(ascii: "'"), index + 1 < line.upperBound, bytes[index + 1] == first { index += 2; continue }
                    return (start, index + 1)
                }
                index += 1
            }
            return (start, line.upperBound)
        }
        let inFlow = flowDepth(from: line.lowerBound, to: start) > 0
        var end = start
        while end < line.upperBound {
            let byte = bytes[end]
            let next = end + 1 < line.upperBound ? bytes[end + 1] : UInt8(ascii: " ")
            if byte == UInt8(ascii: ":") && (next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")) { break }
            if byte == UInt8(ascii: ":") && end + 1 == line.upperBound { break }
            if byte == UInt8(ascii: "#") && end > start && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")) { break }
            if inFlow && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")) { break }
            end += 1
        }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        if end == start {
            end = line.upperBound
            while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        }
        return (start, end)
    }

    /// How many `[` / `{` are open (outside quotes) between two offsets of a line.
    func flowDepth(from lower: Int, to upper: Int) -> Int {
        var depth = 0, quote: UInt8?
        for index in lower..<upper {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "#") where index > lower && bytes[index - 1] == UInt8(ascii: " "): return depth
            default: break
            }
        }
        return depth
    }

    private func lineIndex(containing offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Bytes in the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                starts.append(index + 1)
            } else if byte == UInt8(ascii: "\r") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }
}
