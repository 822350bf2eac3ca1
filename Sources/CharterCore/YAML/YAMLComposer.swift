import CYaml

/// Builds `YAMLNode` trees straight from libyaml's events (libyaml as Yams vendors it).
///
/// Why not `Yams.compose`: it builds a second tree we would only copy, decodes every scalar
/// through Foundation, and recurses once per nesting level. Here an explicit stack bounds
/// nesting, and each anchor remembers how many nodes it expands to, so an alias bomb is
/// refused after reading a few lines instead of after allocating gigabytes.
struct YAMLComposer {
    private struct Frame {
        var position: TextPosition
        var isMapping: Bool
        var anchor: String?
        var items: [YAMLNode] = []
        /// Nodes in this subtree with aliases expanded, for the alias budget.
        var size = 1
    }

    private var parser = yaml_parser_t()
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var expanded = 0
    private let budget: Int
    private let maxDepth: Int

    init(budget: Int, maxDepth: Int) {
        self.budget = budget
        self.maxDepth = maxDepth
    }

    /// The document's root, or `nil` when the stream holds no document.
    mutating func compose(_ bytes: UnsafeBufferPointer<UInt8>) throws(YAMLLoadError) -> YAMLNode? {
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLLoadError(kind: .limits, position: .start, message: "out of memory")
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        var root: YAMLNode?
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw parserError() }
            defer { yaml_event_delete(&event) }
            let position = TextPosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw YAMLLoadError(kind: .syntax, position: position,
                                        message: "a plan file holds one YAML document; remove the second '---'")
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = Self.string(scalar.value, count: scalar.length)
                let style: YAMLNode.ScalarStyle
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .quoted
                case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: style = .block
                default: style = .plain
                }
                try add(YAMLNode(.scalar(text, style), at: position), size: 1, anchor: Self.string(scalar.anchor), into: &root)
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let target = anchors[name] else {
                    throw YAMLLoadError(kind: .syntax, position: position, message: "alias '*\(name)' refers to no anchor '&\(name)'")
                }
                try add(target.node, size: target.size, anchor: nil, into: &root)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard stack.count < maxDepth else {
                    throw YAMLLoadError(kind: .limits, position: position,
                                        message: "the YAML nests deeper than \(maxDepth) levels; plan files never need that")
                }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? Self.string(event.data.mapping_start.anchor) : Self.string(event.data.sequence_start.anchor)
                stack.append(Frame(position: position, isMapping: isMapping, anchor: anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                let node = frame.isMapping
                    ? YAMLNode(.mapping(Self.pairs(frame.items)), at: frame.position)
                    : YAMLNode(.sequence(frame.items), at: frame.position)
                try add(node, size: frame.size, anchor: frame.anchor, into: &root, counted: true)
            default:
                break
            }
        }
    }

    /// Attaches a finished node to its parent (or makes it the root) and charges the budget.
    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?, into root: inout YAMLNode?,
                              counted: Bool = false) throws(YAMLLoadError) {
        // Containers were charged node by node as their children arrived; aliases and scalars now.
        if !counted { expanded += size }
        if expanded > budget {
            throw YAMLLoadError(kind: .limits, position: node.position,
                message: "YAML aliases expand this file far beyond its size (an alias bomb?); remove the anchors and aliases")
        }
        if let anchor { anchors[anchor] = (node, size) }
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].items.append(node)
            stack[stack.count - 1].size += size
            if counted { expanded += 1 }
        }
    }

    /// Mapping events arrive as key, value, key, value. A plain `<<` key merges in the keys of
    /// the mapping(s) it names that the mapping does not set itself (YAML's merge key).
    private static func pairs(_ items: [YAMLNode]) -> [YAMLNode.Pair] {
        var pairs: [YAMLNode.Pair] = []
        pairs.reserveCapacity(items.count / 2)
        var merged: [YAMLNode.Pair] = []
        var index = 0
        while index + 1 < items.count {
            let key = items[index], value = items[index + 1]
            index += 2
            if case .scalar("<<", .plain) = key.content {
                for source in value.items ?? [value] { merged += source.pairs ?? [] }
            } else {
                pairs.append(YAMLNode.Pair(key: key, value: value))
            }
        }
        for pair in merged where !pairs.contains(where: { $0.key.scalarText == pair.key.scalarText }) {
            pairs.append(pair)
        }
        return pairs
    }

    private func parserError() -> YAMLLoadError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        if parser.error == YAML_READER_ERROR {
            return YAMLLoadError(kind: .encoding, position: .start, message: "\(problem) at byte \(parser.problem_offset)")
        }
        let mark = parser.problem_mark
        var message = problem
        if let context = parser.context {
            let where_ = parser.context_mark
            message += " (\(String(cString: context)) at line \(where_.line + 1), column \(where_.column + 1))"
        }
        return YAMLLoadError(kind: .syntax, position: TextPosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1),
                             message: message)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, count: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
