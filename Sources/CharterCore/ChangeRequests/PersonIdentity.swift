/// Who a trailer names: `Alice Ng <alice@example.com>`, `<alice@example.com>`,
/// `alice@example.com`, or a bare name or person id such as `alice`.
public struct PersonIdentity: Hashable, Sendable {
    /// The display name (surrounding quotes removed); `nil` when only an address was given.
    public var name: String?
    /// The address between `<` and `>`, or a lone word containing `@`; `nil` when none.
    public var email: String?
    /// Whatever follows the closing `>`, trimmed, such as `(sponsor)`; `nil` when nothing does.
    public var comment: String?

    public init(name: String?, email: String?, comment: String? = nil) {
        self.name = name
        self.email = email
        self.comment = comment
    }

    /// Reads a trailer value; `nil` when it is empty or has an unclosed `<`.
    public init?(parsing value: String) {
        let text = value.trimmingGitSpace()
        guard !text.isEmpty else { return nil }
        if let open = text.firstIndex(of: "<") {
            guard let close = text[open...].firstIndex(of: ">") else { return nil }
            let name = String(text[..<open]).trimmingGitSpace().removingQuotes()
            let email = String(text[text.index(after: open)..<close]).trimmingGitSpace()
            let rest = String(text[text.index(after: close)...]).trimmingGitSpace()
            self.name = name.isEmpty ? nil : name
            self.email = email.isEmpty ? nil : email
            self.comment = rest.isEmpty ? nil : rest
            if self.name == nil && self.email == nil { return nil }
        } else if text.contains("@") && !text.contains(where: { $0 == " " || $0 == "\t" }) {
            self.name = nil
            self.email = text
            self.comment = nil
        } else {
            self.name = text.removingQuotes()
            self.email = nil
            self.comment = nil
        }
    }
}

extension String {
    /// Trims the whitespace git trims (space, tab, CR, LF).
    func trimmingGitSpace() -> String {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isGitSpace(bytes[start]) { start = bytes.index(after: start) }
        while end > start, isGitSpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    fileprivate func removingQuotes() -> String {
        if count >= 2, first == "\"", last == "\"" { return String(dropFirst().dropLast()) }
        return self
    }
}
