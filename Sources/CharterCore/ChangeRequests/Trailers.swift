/// One `Key: value` line from the trailer block at the end of a commit message.
public struct Trailer: Hashable, Sendable {
    /// The key as written (or as configured, see `TrailerKeyConfiguration`), without the separator.
    public var key: String
    /// The value with surrounding whitespace trimmed and continuation lines folded into one line.
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// Keys compare as git compares them: ASCII case-insensitively.
    public func hasKey(_ name: String) -> Bool {
        key.utf8.count == name.utf8.count && asciiCaseInsensitiveEqual(key.utf8, name.utf8)
    }
}

/// A trailer that git would know from its configuration: `trailer.<name>.key = <key>`
/// (or any other `trailer.<name>.*` setting, which makes `name` known without a `key`).
///
/// A known trailer changes two things, exactly as in git: a block with one known trailer
/// needs only 25% trailer lines instead of 100%, and a line whose key is a prefix of `name`
/// (case-insensitively, so `reas:` for `reason`) is reported under `key` when one is set.
public struct TrailerKeyConfiguration: Hashable, Sendable {
    public var name: String
    public var key: String?

    public init(name: String, key: String? = nil) {
        self.name = name
        self.key = key
    }
}

/// Where the trailer block of a message is, and what it holds.
public struct TrailerBlock: Hashable, Sendable {
    /// The trailers, in message order, as `git interpret-trailers --parse` prints them.
    public var trailers: [Trailer]
    /// Lines inside the block that are not trailers (such as `(cherry picked from commit …)`),
    /// without their line break; comment lines are left out.
    public var otherLines: [String]
    /// UTF-8 offset in the message where the block starts; equals `end` when there is no block.
    public var start: Int
    /// UTF-8 offset just past the block: trailing comments, blank lines, a `# >8` scissors
    /// line and a `---` patch part are not part of it.
    public var end: Int

    public var isEmpty: Bool { start == end }
}

/// Finds and parses the trailer block of a commit message exactly as git does
/// (`git interpret-trailers --parse`, git 2.39, `trailer.c`). The rules, in order:
///
/// 1. A line starting with `---` followed by whitespace starts a patch; only what comes
///    before it is searched (unless `honorsPatchDivider` is off, git's `--no-divider`).
/// 2. Everything from a `# ------------------------ >8 ------------------------` scissors
///    line on is dropped, then any run of comment lines, empty lines and old-style
///    `Conflicts:` blocks (with their tab-indented paths) at the end.
/// 3. The first paragraph is the title and is never trailers (comment lines inside it do
///    not end it).
/// 4. The block is the last paragraph (after the last blank or whitespace-only line) and
///    counts only if every line in it is a trailer or continuation, or if it holds a
///    git-generated or configured trailer (`Signed-off-by: `, `(cherry picked from commit `,
///    or a `TrailerKeyConfiguration`) and at least 25% of its lines are trailers.
///    Continuation lines (starting with whitespace) count as part of the trailer above
///    them, or as non-trailer lines when a non-trailer precedes them.
/// 5. A trailer line is a token of ASCII letters, digits and `-`, optional spaces or
///    tabs, then `:`. The token may not start with whitespace.
/// 6. Continuation lines are folded into the value, each line break with the whitespace
///    after it becoming one space; key and value are trimmed.
///
/// Keys are not changed (`acked-by` stays lowercase); compare them with `Trailer.hasKey`.
/// Works on bytes, so non-ASCII text never shifts the rules, and treats only space, tab,
/// CR and LF as whitespace, as git's own `isspace` does.
public struct TrailerParser: Hashable, Sendable {
    public var configured: [TrailerKeyConfiguration]
    /// git's `core.commentChar`; `#` by default. Lines starting with it are comments.
    public var commentCharacter: UInt8
    /// Whether a `---` line starts a patch that is not searched for trailers.
    public var honorsPatchDivider: Bool

    public init(configured: [TrailerKeyConfiguration] = [], commentCharacter: Character = "#", honorsPatchDivider: Bool = true) {
        self.configured = configured
        self.commentCharacter = commentCharacter.asciiValue ?? UInt8(ascii: "#")
        self.honorsPatchDivider = honorsPatchDivider
    }

    /// The trailers of `message`, as `git interpret-trailers --parse` lists them.
    public func parse(_ message: String) -> [Trailer] {
        block(in: message).trailers
    }

    public func block(in message: String) -> TrailerBlock {
        let bytes = Array(message.utf8)
        return bytes.withUnsafeBufferPointer { block(in: $0) }
    }

    private func block(in buf: UnsafeBufferPointer<UInt8>) -> TrailerBlock {
        let patchStart = honorsPatchDivider ? findPatchStart(buf) : buf.count
        let end = findTrailerEnd(buf, patchStart)
        let start = findTrailerStart(buf, end)

        // Split the block into lines (each keeping its line break) and glue continuation
        // lines onto the trailer before them.
        var strings: [ArraySlice<UInt8>] = []
        var lastIsTrailer = false
        var position = start
        while position < end {
            let next = nextLine(buf, position, limit: end)
            let line = ArraySlice(buf[position..<next])
            if lastIsTrailer, let first = line.first, isGitSpace(first) {
                strings[strings.count - 1].append(contentsOf: line)
            } else {
                strings.append(line)
                lastIsTrailer = findSeparator(line) >= 1
            }
            position = next
        }

        var trailers: [Trailer] = []
        var others: [String] = []
        for string in strings {
            if string.first == commentCharacter { continue }
            let separator = findSeparator(string)
            if separator >= 1 {
                let tokenBytes = trim(string[string.startIndex..<(string.startIndex + separator)])
                let valueBytes = trim(string[(string.startIndex + separator + 1)...])
                trailers.append(Trailer(key: canonicalKey(tokenBytes), value: unfold(valueBytes)))
            } else {
                var line = string
                if line.last == UInt8(ascii: "\n") { line.removeLast() }
                others.append(String(decoding: line, as: UTF8.self))
            }
        }
        return TrailerBlock(trailers: trailers, otherLines: others, start: start, end: end)
    }

    // MARK: - git's trailer.c, line by line

    private static let generatedPrefixes: [[UInt8]] = [
        Array("Signed-off-by: ".utf8),
        Array("(cherry picked from commit ".utf8),
    ]
    private static let scissors = Array(" ------------------------ >8 ------------------------".utf8)

    /// The start of the line after the one at `position` (or `limit`).
    private func nextLine(_ buf: UnsafeBufferPointer<UInt8>, _ position: Int, limit: Int) -> Int {
        var index = position
        while index < limit {
            if buf[index] == UInt8(ascii: "\n") { return index + 1 }
            index += 1
        }
        return limit
    }

    /// The start of the last line before `length`, whose final line break belongs to that
    /// line; -1 when `length` is 0.
    private func lastLine(_ buf: UnsafeBufferPointer<UInt8>, _ length: Int) -> Int {
        if length == 0 { return -1 }
        if length == 1 { return 0 }
        var index = length - 2
        while index >= 0 {
            if buf[index] == UInt8(ascii: "\n") { return index + 1 }
            index -= 1
        }
        return 0
    }

    private func isBlankLine(_ buf: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
        var index = position
        while index < buf.count, buf[index] != UInt8(ascii: "\n") {
            if !isGitSpace(buf[index]) { return false }
            index += 1
        }
        return true
    }

    private func startsWith(_ buf: UnsafeBufferPointer<UInt8>, at position: Int, _ prefix: [UInt8]) -> Bool {
        guard position + prefix.count <= buf.count else { return false }
        for (offset, byte) in prefix.enumerated() where buf[position + offset] != byte { return false }
        return true
    }

    private func findPatchStart(_ buf: UnsafeBufferPointer<UInt8>) -> Int {
        var position = 0
        let dash = UInt8(ascii: "-")
        while position < buf.count {
            if position + 3 < buf.count, buf[position] == dash, buf[position + 1] == dash,
               buf[position + 2] == dash, isGitSpace(buf[position + 3]) {
                return position
            }
            position = nextLine(buf, position, limit: buf.count)
        }
        return buf.count
    }

    /// `wt_status_locate_end`: where a `# >8` scissors line cuts the message.
    private func locateScissors(_ buf: UnsafeBufferPointer<UInt8>, _ length: Int) -> Int {
        let pattern = [commentCharacter] + TrailerParser.scissors
        if startsWith(buf, at: 0, pattern) { return 0 }
        guard buf.count > pattern.count else { return length }
        for position in 0..<(buf.count - pattern.count) where buf[position] == UInt8(ascii: "\n") {
            if startsWith(buf, at: position + 1, pattern) { return min(position + 1, length) }
        }
        return length
    }

    /// `ignore_non_trailer`: drops trailing comments, blank lines and `Conflicts:` blocks.
    private func findTrailerEnd(_ buf: UnsafeBufferPointer<UInt8>, _ length: Int) -> Int {
        let cutoff = locateScissors(buf, length)
        var beginningOfComments = 0
        var line = 0
        var inConflicts = false
        let conflicts = Array("Conflicts:\n".utf8)
        while line < cutoff {
            let next = nextLine(buf, line, limit: length)
            let first = buf[line]
            if first == commentCharacter || first == UInt8(ascii: "\n") {
                if beginningOfComments == 0 { beginningOfComments = line }
            } else if startsWith(buf, at: line, conflicts) {
                inConflicts = true
                if beginningOfComments == 0 { beginningOfComments = line }
            } else if inConflicts && first == UInt8(ascii: "\t") {
                // a path in the conflicts block
            } else if beginningOfComments != 0 {
                beginningOfComments = 0
                inConflicts = false
            }
            line = next
        }
        return beginningOfComments != 0 ? beginningOfComments : cutoff
    }

    private func findTrailerStart(_ buf: UnsafeBufferPointer<UInt8>, _ length: Int) -> Int {
        // The first paragraph is the title and cannot be trailers.
        var position = 0
        while position < length {
            if buf[position] != commentCharacter && isBlankLine(buf, position) { break }
            position = nextLine(buf, position, limit: buf.count)
        }
        let endOfTitle = position

        var onlySpaces = true
        var recognizedPrefix = false
        var trailerLines = 0
        var nonTrailerLines = 0
        var possibleContinuationLines = 0
        var line = lastLine(buf, length)
        outer: while line >= endOfTitle && line >= 0 {
            defer { line = lastLine(buf, line) }
            let first = buf[line]
            if first == commentCharacter {
                nonTrailerLines += possibleContinuationLines
                possibleContinuationLines = 0
                continue
            }
            if isBlankLine(buf, line) {
                if onlySpaces { continue }
                nonTrailerLines += possibleContinuationLines
                if recognizedPrefix && trailerLines * 3 >= nonTrailerLines {
                    return nextLine(buf, line, limit: buf.count)
                } else if trailerLines > 0 && nonTrailerLines == 0 {
                    return nextLine(buf, line, limit: buf.count)
                }
                return length
            }
            onlySpaces = false

            for prefix in TrailerParser.generatedPrefixes where startsWith(buf, at: line, prefix) {
                trailerLines += 1
                possibleContinuationLines = 0
                recognizedPrefix = true
                continue outer
            }

            let lineBytes = buf[line..<nextLine(buf, line, limit: buf.count)]
            let separator = findSeparator(lineBytes)
            if separator >= 1 && !isGitSpace(first) {
                trailerLines += 1
                possibleContinuationLines = 0
                if recognizedPrefix { continue }
                let token = lineBytes.prefix(separator)
                if configured.contains(where: { matches(token, $0) }) {
                    recognizedPrefix = true
                }
            } else if isGitSpace(first) {
                possibleContinuationLines += 1
            } else {
                nonTrailerLines += 1 + possibleContinuationLines
                possibleContinuationLines = 0
            }
        }
        return length
    }

    /// `find_separator`: the offset of the `:` after a token (letters, digits, `-`) and
    /// optional spaces or tabs; -1 when the line is not of that form.
    private func findSeparator<Bytes: Collection<UInt8>>(_ line: Bytes) -> Int {
        var whitespaceFound = false
        var offset = 0
        for byte in line {
            if byte == UInt8(ascii: ":") { return offset }
            if !whitespaceFound && (isGitAlnum(byte) || byte == UInt8(ascii: "-")) {
                offset += 1
                continue
            }
            if offset != 0 && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) {
                whitespaceFound = true
                offset += 1
                continue
            }
            break
        }
        return -1
    }

    /// `token_matches_item`: the first `token.count` bytes equal the configured name or key,
    /// ignoring ASCII case (so a configured name longer than the token still matches).
    private func matches<Bytes: Collection<UInt8>>(_ token: Bytes, _ item: TrailerKeyConfiguration) -> Bool {
        func prefixMatch(_ name: String) -> Bool {
            let name = Array(name.utf8)
            guard name.count >= token.count else { return false }
            return asciiCaseInsensitiveEqual(token, name.prefix(token.count))
        }
        return prefixMatch(item.name) || (item.key.map(prefixMatch) ?? false)
    }

    /// `parse_trailer`: a token that matches a configured trailer is reported under its key.
    private func canonicalKey(_ token: ArraySlice<UInt8>) -> String {
        // token_len_without_separator: ignore trailing non-alphanumerics when matching.
        var length = token.count
        while length > 0 && !isGitAlnum(token[token.startIndex + length - 1]) { length -= 1 }
        let significant = token.prefix(length)
        if let item = configured.first(where: { matches(significant, $0) }), let key = item.key {
            return key
        }
        return String(decoding: token, as: UTF8.self)
    }

    /// `unfold_value`: each line break and the whitespace after it become one space.
    private func unfold(_ value: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        var index = value.startIndex
        while index < value.endIndex {
            let byte = value[index]
            index += 1
            if byte == UInt8(ascii: "\n") {
                while index < value.endIndex && isGitSpace(value[index]) { index += 1 }
                out.append(UInt8(ascii: " "))
            } else {
                out.append(byte)
            }
        }
        return String(decoding: trim(out[...]), as: UTF8.self)
    }

    private func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, isGitSpace(first) { slice.removeFirst() }
        while let last = slice.last, isGitSpace(last) { slice.removeLast() }
        return slice
    }
}

extension TrailerParser {
    /// `git interpret-trailers --parse` in a repository that sets nothing under `trailer.*`:
    /// for a message still being written (a `commit-msg` hook's file, a patch e-mail), where
    /// a `---` line starts the patch.
    public static let interpretTrailers = TrailerParser()

    /// How git reads the trailers of a commit it has stored (`git log
    /// --format=%(trailers)`, `for-each-ref`, the sequencer): the same rules, except that a
    /// `---` line is ordinary text, since a stored message has no patch after it (and a
    /// Markdown rule in a squash message must not hide the trailers below it).
    public static let commit = TrailerParser(honorsPatchDivider: false)
}

/// git's `isspace` (from its own ctype table): space, tab, LF and CR only.
@inline(__always)
func isGitSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}

@inline(__always)
func isGitAlnum(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
}

func asciiCaseInsensitiveEqual<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
    guard a.count == b.count else { return false }
    for (x, y) in zip(a, b) {
        let lx = x >= 0x41 && x <= 0x5A ? x | 0x20 : x
        let ly = y >= 0x41 && y <= 0x5A ? y | 0x20 : y
        if lx != ly { return false }
    }
    return true
}
