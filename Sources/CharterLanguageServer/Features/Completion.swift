import CharterCore
import JSONRPC

/// Completion where a plan file expects something Charter knows: field names from the schema
/// (in block and flow mappings), people, milestones (`M2`, `identity/M3`), workstreams,
/// decisions and risks for reference fields, the allowed words (statuses, roles) for the rest.
enum Completion {
    /// LSP CompletionItemKind numbers.
    private enum Kind: Int {
        case field = 5, module = 9, value = 12, enumMember = 20, reference = 18, event = 23
    }

    /// Where the cursor is in the YAML structure.
    enum Place: Equatable {
        /// A key of the mapping whose schema the key path leads to.
        case key(path: [String])
        /// The value of a key (or an item of its list).
        case value(path: [String], key: String)
    }

    static func items(at position: LSPPosition, in path: String, _ workspace: EditorWorkspace) -> JSON {
        guard let document = workspace.document(path), let (kind, folder) = PlanFileKind.classify(path) else { return [] }
        let line = document.lineBytes(position.line)
        let cursor = document.offset(of: position)
        let before = Array(document.bytes[line.lowerBound..<cursor])
        var partialStart = before.count
        while partialStart > 0, isWordByte(before[partialStart - 1]) { partialStart -= 1 }
        let partial = String(decoding: before[partialStart...], as: UTF8.self)
        let replace = LSPRange(start: document.position(ofOffset: line.lowerBound + partialStart), end: position)
        guard let place = place(before: Array(before[..<partialStart]), line: position.line, document, root: kind.schema) else { return [] }

        var items: [JSON] = []
        func add(_ label: String, _ kind: Kind, _ detail: String? = nil, insert: String? = nil) {
            guard partial.isEmpty || label.lowercased().hasPrefix(partial.lowercased()) else { return }
            var item: [String: JSON] = ["label": .string(label), "kind": .int(kind.rawValue),
                                        "textEdit": ["range": replace.json, "newText": .string(insert ?? label)]]
            if let detail { item["detail"] = .string(detail) }
            items.append(.object(item))
        }
        switch place {
        case .key(let keys):
            guard let schema = schema(at: keys, from: kind.schema) else { return [] }
            for field in schema.fields { add(field.name, .field, field.summary, insert: field.name + ": ") }
        case .value(let keys, let key):
            guard let schema = schema(at: keys, from: kind.schema), let field = schema.field(named: key) else { return [] }
            values(for: field.type, partial: partial, folder: folder, workspace.navigation, add: add)
        }
        return ["isIncomplete": false, "items": .array(items)]
    }

    private static func values(for type: FieldType, partial: String, folder: String?, _ model: Workspace,
                               add: (String, Kind, String?, String?) -> Void) {
        let program = folder.flatMap { model.program($0) }
        switch type {
        case .list(let element):
            values(for: element, partial: partial, folder: folder, model, add: add)
        case .oneOf(let words), .oneOfOrExtension(let words):
            words.forEach { add($0, .enumMember, nil, nil) }
        case .boolean:
            ["true", "false"].forEach { add($0, .value, nil, nil) }
        case .reference(.person):
            model.people.forEach { add($0.id.value, .reference, $0.name, nil) }
        case .reference(.workstream):
            program?.workstreams.forEach { add($0.id.value, .reference, $0.name, nil) }
        case .reference(.decision):
            program?.decisions.forEach { add($0.id.value, .reference, $0.title, nil) }
        case .reference(.risk):
            program?.risks.forEach { add($0.id.value, .reference, $0.title, nil) }
        case .reference(.lessonSubject):
            program?.milestones.forEach { add($0.id.value, .event, $0.name, nil) }
            program?.risks.forEach { add($0.id.value, .reference, $0.title, nil) }
            program?.decisions.forEach { add($0.id.value, .reference, $0.title, nil) }
        case .reference(.milestone):
            if let slash = partial.firstIndex(of: "/") {
                let other = String(partial[..<slash])
                model.program(other)?.milestones.forEach { add("\(other)/\($0.id.value)", .event, $0.name, nil) }
            } else {
                program?.milestones.forEach { add($0.id.value, .event, $0.name, nil) }
                for other in model.programs where other.folder != folder {
                    add(other.folder + "/", .module, other.name, nil)
                }
            }
        default:
            break
        }
    }

    /// Follows a key path from a file's root schema through mappings and lists of mappings.
    static func schema(at keys: [String], from root: ObjectSchema) -> ObjectSchema? {
        var schema = root
        for key in keys {
            guard let field = schema.field(named: key) else { return nil }
            switch field.type {
            case .object(let inner), .list(.object(let inner)): schema = inner
            default: return nil
            }
        }
        return schema
    }

    /// What the text before the word being typed says about where the cursor is.
    static func place(before: [UInt8], line: Int, _ document: TextDocument, root: ObjectSchema) -> Place? {
        var keys = parentKeys(line: line, document)
        let text = String(decoding: before, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: " \t")
        // In a flow collection: the innermost open bracket decides.
        if let open = innermostOpenBracket(before) {
            let inside = String(decoding: before[(open + 1)...], as: UTF8.self)
            let outer = String(decoding: before[..<open], as: UTF8.self).trimmingCharacters(in: " \t")
            let lastKey = inside.components(separatedBy: ",").last?.trimmingCharacters(in: " \t") ?? ""
            if before[open] == UInt8(ascii: "{") {
                if outer.hasSuffix(":"), let key = lastWord(of: String(outer.dropLast())) { keys.append(key) }
                if lastKey.hasSuffix(":"), let key = lastWord(of: String(lastKey.dropLast())) { return .value(path: keys, key: key) }
                return lastKey.isEmpty ? .key(path: keys) : nil
            }
            // A list: its key is the one before the bracket.
            guard outer.hasSuffix(":"), let key = lastWord(of: String(outer.dropLast())) else { return nil }
            if let enclosing = innermostOpenBracket(Array(before[..<open])), before[enclosing] == UInt8(ascii: "{") {
                let outerOfMapping = String(decoding: before[..<enclosing], as: UTF8.self).trimmingCharacters(in: " \t")
                if outerOfMapping.hasSuffix(":"), let mappingKey = lastWord(of: String(outerOfMapping.dropLast())) { keys.append(mappingKey) }
            }
            return .value(path: keys, key: key)
        }
        if trimmed.hasSuffix(":"), let key = lastWord(of: String(trimmed.dropLast())) {
            return .value(path: keys, key: key)
        }
        if trimmed.isEmpty || trimmed == "-" {
            // A bare list item under a key whose items are scalars is a value of that key.
            if trimmed == "-", let key = keys.last {
                let parent = Array(keys.dropLast())
                if let schema = schema(at: parent, from: root), let field = schema.field(named: key),
                   case .list(let element) = field.type {
                    if case .object = element { return .key(path: keys) }
                    return .value(path: parent, key: key)
                }
            }
            return .key(path: keys)
        }
        return nil
    }

    /// The block keys that enclose a line, outermost first, found by indentation.
    static func parentKeys(line: Int, _ document: TextDocument) -> [String] {
        let current = document.lineText(line)
        var indent = leadingSpaces(current)
        var itemIndent: Int? = current.drop { $0 == " " }.hasPrefix("-") ? indent : nil
        var keys: [String] = []
        var index = line - 1
        while index >= 0, indent > 0 || itemIndent != nil {
            let text = document.lineText(index)
            index -= 1
            let content = text.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") { continue }
            let lineIndent = leadingSpaces(text)
            if content.hasPrefix("-") {
                if lineIndent < indent { indent = lineIndent; itemIndent = lineIndent }
                continue
            }
            let opens = content.hasSuffix(":") && lastWord(of: String(content.dropLast())) == String(content.dropLast())
            if opens, lineIndent < indent || (itemIndent.map { lineIndent <= $0 } ?? false) {
                keys.insert(String(content.dropLast()), at: 0)
                indent = lineIndent
                itemIndent = nil
                if lineIndent == 0 { break }
            } else if lineIndent < indent {
                indent = lineIndent
            }
        }
        return keys
    }

    private static func innermostOpenBracket(_ bytes: [UInt8]) -> Int? {
        var stack: [Int] = []
        var quote: UInt8?
        for (index, byte) in bytes.enumerated() {
            if let open = quote { if byte == open { quote = nil }; continue }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "["), UInt8(ascii: "{"): stack.append(index)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): _ = stack.popLast()
            default: break
            }
        }
        return stack.last
    }

    private static func lastWord(of text: String) -> String? {
        let word = String(text.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }.reversed())
        return word.isEmpty ? nil : word
    }

    private static func leadingSpaces(_ text: String) -> Int { text.prefix { $0 == " " }.count }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"):
            return true
        default:
            return byte >= 0x80
        }
    }
}

private extension String {
    func trimmingCharacters(in characters: String) -> String {
        var text = Substring(self)
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
