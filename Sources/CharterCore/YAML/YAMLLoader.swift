/// Why a file could not be read as YAML, and where.
public struct YAMLLoadError: Error, Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case encoding
        case syntax
        case limits
    }

    public var kind: Kind
    public var position: TextPosition
    public var message: String
}

/// Turns file bytes into a `YAMLNode` tree: checks the encoding, then composes with `YAMLComposer`.
public enum YAMLLoader {
    /// Limits that keep hostile input cheap: an alias bomb stops after this many nodes per byte
    /// of input (a document without aliases never has more nodes than bytes), and nesting
    /// stops at `maxDepth` levels.
    public static let maxNodesPerByte = 4
    public static let maxDepth = 200

    /// Parses one YAML document. Returns `nil` for a file with no document (empty, or only comments).
    public static func load(_ bytes: [UInt8]) throws(YAMLLoadError) -> YAMLNode? {
        // Plan files as people and generators write them take the fast path; the rest, and
        // every error, go through libyaml.
        if let root = bytes.withUnsafeBufferPointer(PlainYAMLParser.parse) { return root }
        return try loadWithLibYAML(bytes)
    }

    /// The reference path: libyaml's parser for any YAML, with its located errors.
    static func loadWithLibYAML(_ bytes: [UInt8]) throws(YAMLLoadError) -> YAMLNode? {
        _ = try decodeUTF8(bytes)
        var composer = YAMLComposer(budget: max(10_000, bytes.count * maxNodesPerByte), maxDepth: maxDepth)
        do {
            return try bytes.withUnsafeBufferPointer { buffer throws(YAMLLoadError) in try composer.compose(buffer) }
        } catch {
            guard error.kind == .syntax else { throw error }
            return try explainTabs(error, in: bytes)
        }
    }

    /// libyaml's words for a tab in indentation ("found character that cannot start any token")
    /// send people looking for the wrong problem.
    static func explainTabs(_ error: YAMLLoadError, in bytes: [UInt8]) throws(YAMLLoadError) -> YAMLNode? {
        if lineHasTabIndentation(String(decoding: bytes, as: UTF8.self), line: error.position.line) {
            throw YAMLLoadError(kind: .syntax, position: error.position, message: "tab characters cannot indent YAML; use spaces")
        }
        throw error
    }

    static func decodeUTF8(_ bytes: [UInt8]) throws(YAMLLoadError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return text }
        // Find the first bad byte so the user can go straight to it.
        var line = 1, column = 1
        var iterator = body.makeIterator()
        var decoder = Unicode.UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break loop
            case .error:
                break loop
            }
        }
        throw YAMLLoadError(
            kind: .encoding, position: TextPosition(line: line, column: column),
            message: "the file is not valid UTF-8 text; save it as UTF-8"
        )
    }

    static func lineHasTabIndentation(_ text: String, line: Int) -> Bool {
        var current = 1
        var atIndent = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                if current == line { return false }
                current += 1; atIndent = true
                continue
            }
            guard current == line || current == line - 1 else { continue }
            if atIndent {
                if byte == UInt8(ascii: "\t") { return true }
                if byte != UInt8(ascii: " ") { atIndent = false }
            }
        }
        return false
    }
}
