/// The namespace prefixes in scope (Namespaces in XML 1.0): what each open element declared
/// with `xmlns="…"` and `xmlns:p="…"`, undone when it closes. `xml` is always bound; the
/// empty prefix stands for the default namespace, and `xmlns=""` takes it away.
struct XMLNamespaceScope {
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
    static let xmlnsNamespace = "http://www.w3.org/2000/xmlns/"

    private var bindings: [(prefix: String, namespace: String)] = []

    /// How many bindings are in scope: an element remembers it to `restore` when it closes.
    var depth: Int { bindings.count }

    mutating func restore(_ depth: Int) { bindings.removeLast(bindings.count - depth) }

    /// Applies one attribute if it is a namespace declaration; false when it is an ordinary one.
    mutating func declare(_ qualified: String, _ value: String) throws(XMLError.Reason) -> Bool {
        if qualified == "xmlns" {
            if value == Self.xmlNamespace || value == Self.xmlnsNamespace { throw .reservedPrefix(qualified) }
            bindings.append(("", value))
            return true
        }
        guard qualified.hasPrefix("xmlns:") else { return false }
        let prefix = String(qualified.dropFirst(6))
        if prefix == "xmlns" || value == Self.xmlnsNamespace { throw .reservedPrefix(qualified) }
        if (prefix == "xml") != (value == Self.xmlNamespace) { throw .reservedPrefix(qualified) }
        if value.isEmpty { throw .emptyPrefixedNamespace(qualified) }
        bindings.append((prefix, value))
        return true
    }

    /// `p:local` to its namespace. Unprefixed elements take the default namespace, unprefixed
    /// attributes none.
    func resolve(_ qualified: String, isAttribute: Bool) throws(XMLError.Reason) -> XMLName {
        let parts = qualified.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard !isAttribute else { return XMLName(local: qualified) }
            let namespace = lookup("")
            return XMLName(local: qualified, namespace: namespace?.isEmpty == false ? namespace : nil)
        case 2 where !parts[0].isEmpty && !parts[1].isEmpty:
            let prefix = String(parts[0])
            guard let namespace = prefix == "xml" ? Self.xmlNamespace : lookup(prefix) else { throw .undeclaredPrefix(qualified) }
            return XMLName(prefix: prefix, local: String(parts[1]), namespace: namespace)
        default:
            throw .badQualifiedName(qualified)
        }
    }

    private func lookup(_ prefix: String) -> String? {
        bindings.last { $0.prefix == prefix }?.namespace
    }
}
