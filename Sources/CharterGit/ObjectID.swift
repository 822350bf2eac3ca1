import Clibgit2

/// The SHA-1 name of a git object, kept as lowercase hex so it is `Sendable` and printable.
public struct ObjectID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 40 lowercase hex digits.
    public let hex: String

    /// Accepts exactly 40 hex digits, in either case. For prefixes, use `Repository.commit(_:)`.
    public init?(hex: String) {
        let utf8 = hex.utf8
        guard utf8.count == 40, utf8.allSatisfy({ ObjectID.hexValue($0) != nil }) else { return nil }
        self.hex = hex.lowercased()
    }

    /// The first 8 digits: what reports show ("commit 1a2b3c4d").
    public var short: String { String(hex.prefix(8)) }

    public var description: String { hex }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.hex < rhs.hex }

    init(_ oid: git_oid) {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(40)
        withUnsafeBytes(of: oid.id) { raw in
            for byte in raw {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0f)])
            }
        }
        self.hex = String(decoding: text, as: UTF8.self)
    }

    /// The libgit2 form, for passing back into calls.
    var oid: git_oid {
        var oid = git_oid()
        let bytes = Array(hex.utf8)
        withUnsafeMutableBytes(of: &oid.id) { raw in
            for index in 0..<raw.count {
                let high = ObjectID.hexValue(bytes[2 * index])!
                let low = ObjectID.hexValue(bytes[2 * index + 1])!
                raw[index] = high << 4 | low
            }
        }
        return oid
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
