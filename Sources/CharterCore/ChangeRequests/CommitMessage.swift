/// A commit message taken apart the way a change-request record needs it: the title,
/// the body in between, and the trailers at the end.
public struct CommitMessage: Hashable, Sendable {
    /// The first paragraph joined into one line, as `git log --format=%s` shows it
    /// (whitespace runs that hold a line break become one space).
    public var summary: String
    /// The paragraphs after the title and before the trailer block (and before trailing
    /// comments, or a `---` patch part when the parser honours one), trimmed; `""` when
    /// there are none.
    public var body: String
    /// The trailers, as git reads them (see `init(_:parser:)`).
    public var trailers: [Trailer]

    public init(summary: String, body: String, trailers: [Trailer]) {
        self.summary = summary
        self.body = body
        self.trailers = trailers
    }

    /// Reads a stored commit's message as git reads it (`TrailerParser.commit`); pass
    /// `.interpretTrailers` for a message still being written, where `---` starts a patch.
    public init(_ message: String, parser: TrailerParser = .commit) {
        let bytes = Array(message.utf8)
        let block = parser.block(in: message)

        // Leading blank lines are not part of the title (git strips them when committing).
        var position = 0
        while position < bytes.count, let end = lineEnd(bytes, position), isBlank(bytes[position..<end]) {
            position = min(end + 1, bytes.count)
        }
        let titleStart = position
        while position < bytes.count, let end = lineEnd(bytes, position), !isBlank(bytes[position..<end]) {
            position = min(end + 1, bytes.count)
        }
        summary = squashedSummary(bytes[titleStart..<position])

        let bodyEnd = max(position, block.isEmpty ? block.end : block.start)
        body = String(decoding: trimmingBlankEdges(bytes[position..<max(position, min(bodyEnd, bytes.count))]), as: UTF8.self)
        trailers = block.trailers
    }

    /// The values of every trailer named `key` (ASCII case-insensitive), in order.
    public func values(for key: String) -> [String] {
        trailers.filter { $0.hasKey(key) }.map(\.value)
    }

    /// Why the change was made: the `Reason:` trailers (several are joined line by line),
    /// else the body; `nil` when the message gives neither.
    public var reason: String? {
        let stated = values(for: "Reason").filter { !$0.isEmpty }
        if !stated.isEmpty { return stated.joined(separator: "\n") }
        return body.isEmpty ? nil : body
    }
}

/// The index of the line break ending the line at `position`, or the end of the bytes.
private func lineEnd(_ bytes: [UInt8], _ position: Int) -> Int? {
    guard position < bytes.count else { return nil }
    return bytes[position...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
}

private func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
    line.allSatisfy(isGitSpace)
}

/// libgit2's `git_commit_summary`: whitespace runs are kept, except that a run holding a
/// line break becomes one space; leading and trailing whitespace is dropped.
private func squashedSummary(_ title: ArraySlice<UInt8>) -> String {
    var out: [UInt8] = []
    var spaceStart: Int?
    for index in title.indices {
        let byte = title[index]
        if isGitSpace(byte) {
            if spaceStart == nil { spaceStart = index }
            continue
        }
        if let start = spaceStart, !out.isEmpty {
            let run = title[start..<index]
            if run.contains(UInt8(ascii: "\n")) { out.append(UInt8(ascii: " ")) } else { out.append(contentsOf: run) }
        }
        spaceStart = nil
        out.append(byte)
    }
    return String(decoding: out, as: UTF8.self)
}

/// Drops whole blank lines at both ends and trailing whitespace at the end, keeping the
/// indentation of the first line that has text.
private func trimmingBlankEdges(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var slice = text
    while let first = slice.first, isGitSpace(first) {
        guard let newline = slice.firstIndex(of: UInt8(ascii: "\n")),
              slice[slice.startIndex..<newline].allSatisfy(isGitSpace) else { break }
        slice = slice[(newline + 1)...]
    }
    while let last = slice.last, isGitSpace(last) { slice.removeLast() }
    return slice
}
