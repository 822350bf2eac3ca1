import CharterCore
import Foundation

/// FNV-1a, 64-bit: a small hash that is the same on every platform and in every run
/// (unlike `Hasher`), for fingerprints that must not change between CI runs.
enum StableHash {
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// Sixteen lowercase hex digits.
    static func hex(_ text: String) -> String {
        let digits = String(fnv1a64(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Fields joined with a separator that cannot occur in them (NUL), so `("a b", "c")` and
    /// `("a", "b c")` hash differently.
    static func hex(fields: [String]) -> String {
        hex(fields.joined(separator: "\u{0}"))
    }
}

/// Numbers identical findings in the order they are met (1, 2, …), so two findings with the same
/// rule, file and message get distinct fingerprints while each keeps its own when lines move.
struct OccurrenceCounter {
    private var seen: [String: Int] = [:]

    mutating func next(for key: String) -> Int {
        let count = (seen[key] ?? 0) + 1
        seen[key] = count
        return count
    }
}

/// The identity of a finding that does not depend on where in the file it is.
func findingIdentity(_ diagnostic: Diagnostic, repositoryPath: String) -> [String] {
    [diagnostic.ruleID, repositoryPath, diagnostic.message]
}

/// Sorted keys, two-space pretty printing, `/` left alone: stable output that diffs well.
/// `JSONEncoder`'s text, written by `ReportJSONEncoder` (several times faster on Linux).
func encodeJSON<Value: Encodable>(_ value: Value) -> String {
    do {
        var bytes = try ReportJSON.encode(value)
        bytes.append(10)
        return String(decoding: bytes, as: UTF8.self)
    } catch {
        // Our types hold only strings and integers; encoding them cannot fail.
        preconditionFailure("encoding a report failed: \(error)")
    }
}

extension String {
    /// Percent-encodes every byte except RFC 3986 unreserved characters and `/`, so a
    /// repository-relative path becomes a valid relative URI reference (`a b.yaml` → `a%20b.yaml`).
    var percentEncodedPath: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}

extension String {
    /// A table row without the padding after its last column.
    var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
