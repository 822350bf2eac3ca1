import Yams

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

/// Turns file bytes into a `YAMLNode` tree. The only place in Charter that imports Yams.
public enum YAMLLoader {
    /// Limits that keep hostile input cheap: an alias bomb stops after this many nodes per byte
    /// of input (a document without aliases never has more nodes than bytes), and nesting
    /// stops at `maxDepth` levels, long before any parser stack could overflow.
    public static let maxNodesPerByte = 4
    public static let maxDepth = 200

    /// Parses one YAML document. Returns `nil` for a file with no document (empty, or only comments).
    public static func load(_ bytes: [UInt8]) throws(YAMLLoadError) -> YAMLNode? {
        let text = try decodeUTF8(bytes)
        try checkNesting(text)
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw describe(error, in: text)
        } catch {
            throw YAMLLoadError(kind: .syntax, position: .start, message: "\(error)")
        }
        guard let composed else { return nil }
        var converter = Converter(budget: max(10_000, bytes.count * maxNodesPerByte))
        return try converter.convert(composed, depth: 0)
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

    /// A cheap upper bound on nesting (indentation, block-sequence dashes and flow brackets),
    /// checked before the composer recurses into the document.
    static func checkNesting(_ text: String) throws(YAMLLoadError) {
        var depth = 0, line = 1, column = 0, lineStart = true, indent = 0, dashes = 0
        var quote: UInt8? = nil
        for byte in text.utf8 {
            column += 1
            if byte == UInt8(ascii: "\n") {
                line += 1; column = 0; lineStart = true; indent = 0; dashes = 0
                continue
            }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: " ") where lineStart: indent += 1
            case UInt8(ascii: "-") where lineStart: dashes += 1
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1; lineStart = false
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1); lineStart = false
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte; lineStart = false
            case UInt8(ascii: "#"): lineStart = false
            default: lineStart = false
            }
            // Two columns of indentation per level is the tightest nesting YAML allows in practice.
            if depth + dashes + indent / 2 > maxDepth {
                throw YAMLLoadError(
                    kind: .limits, position: TextPosition(line: line, column: column),
                    message: "the YAML nests deeper than \(maxDepth) levels; plan files never need that"
                )
            }
        }
    }

    static func describe(_ error: YamlError, in text: String) -> YAMLLoadError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let position = TextPosition(line: mark.line, column: mark.column)
            if lineHasTabIndentation(text, line: mark.line) || problem.contains("tab") {
                return YAMLLoadError(
                    kind: .syntax, position: position,
                    message: "tab characters cannot indent YAML; use spaces"
                )
            }
            var message = problem
            if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            return YAMLLoadError(kind: .syntax, position: position, message: message)
        case .reader(let problem, _, _, _):
            return YAMLLoadError(kind: .encoding, position: .start, message: problem)
        default:
            return YAMLLoadError(kind: .syntax, position: .start, message: "\(error)")
        }
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

    /// Copies Yams' tree into ours. Aliases share storage in Yams but expand here, so a budget
    /// stops alias bombs before they cost memory.
    private struct Converter {
        var budget: Int

        mutating func convert(_ node: Node, depth: Int) throws(YAMLLoadError) -> YAMLNode {
            budget -= 1
            let position = node.mark.map { TextPosition(line: $0.line, column: $0.column) } ?? .start
            guard budget >= 0 else {
                throw YAMLLoadError(
                    kind: .limits, position: position,
                    message: "YAML aliases expand this file far beyond its size (an alias bomb?); remove the anchors and aliases"
                )
            }
            guard depth <= YAMLLoader.maxDepth else {
                throw YAMLLoadError(kind: .limits, position: position,
                                    message: "the YAML nests deeper than \(YAMLLoader.maxDepth) levels")
            }
            switch node {
            case .scalar(let scalar):
                return YAMLNode(.scalar(scalar.string, Self.style(scalar.style)), at: position)
            case .sequence(let sequence):
                var items: [YAMLNode] = []
                items.reserveCapacity(sequence.count)
                for item in sequence { items.append(try convert(item, depth: depth + 1)) }
                return YAMLNode(.sequence(items), at: position)
            case .mapping(let mapping):
                var pairs: [YAMLNode.Pair] = []
                pairs.reserveCapacity(mapping.count)
                var merged: [YAMLNode.Pair] = []
                for (key, value) in mapping {
                    let convertedValue = try convert(value, depth: depth + 1)
                    if case .scalar(let scalar) = key, scalar.string == "<<", scalar.style == .plain {
                        // YAML merge key: `<<: *defaults` copies the keys the mapping does not set itself.
                        let sources = convertedValue.items ?? [convertedValue]
                        for source in sources { merged.append(contentsOf: source.pairs ?? []) }
                        continue
                    }
                    pairs.append(YAMLNode.Pair(key: try convert(key, depth: depth + 1), value: convertedValue))
                }
                for pair in merged where !pairs.contains(where: { $0.key.scalarText == pair.key.scalarText }) {
                    pairs.append(pair)
                }
                return YAMLNode(.mapping(pairs), at: position)
            }
        }

        static func style(_ style: Node.Scalar.Style) -> YAMLNode.ScalarStyle {
            switch style {
            case .singleQuoted, .doubleQuoted: return .quoted
            case .literal, .folded: return .block
            default: return .plain
            }
        }
    }
}
