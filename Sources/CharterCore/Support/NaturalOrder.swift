/// Orders ids the way people number them: `M2` before `M10`, `R9` before `r10`'s neighbours,
/// digits by value, everything else by bytes. Total and stable, so output order never depends on
/// the order of a file or a dictionary.
public enum NaturalOrder {
    public static func less(_ lhs: String, _ rhs: String) -> Bool {
        var a = Array(lhs.utf8)[...], b = Array(rhs.utf8)[...]
        while let x = a.first, let y = b.first {
            if isDigit(x) && isDigit(y) {
                let runA = a.prefix(while: isDigit), runB = b.prefix(while: isDigit)
                let trimmedA = runA.drop(while: { $0 == UInt8(ascii: "0") })
                let trimmedB = runB.drop(while: { $0 == UInt8(ascii: "0") })
                if trimmedA.count != trimmedB.count { return trimmedA.count < trimmedB.count }
                if !trimmedA.elementsEqual(trimmedB) { return trimmedA.lexicographicallyPrecedes(trimmedB) }
                if runA.count != runB.count { return runA.count < runB.count }
                a = a.dropFirst(runA.count)
                b = b.dropFirst(runB.count)
            } else {
                if x != y { return x < y }
                a = a.dropFirst()
                b = b.dropFirst()
            }
        }
        return a.isEmpty && !b.isEmpty
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
}
