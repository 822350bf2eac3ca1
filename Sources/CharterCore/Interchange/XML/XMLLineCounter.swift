/// Turns byte offsets into 1-based line and column (in characters) lazily: it counts forward
/// from the last position it gave, so the scanner's loops need not track lines and asking
/// for every tag of a one-line file is still linear. A line ends at LF, CR LF or a lone CR.
struct XMLLineCounter {
    private var index = 0
    private var line = 1
    private var column = 1

    mutating func position(at target: Int, in bytes: [UInt8]) -> TextPosition {
        if target < index { self = XMLLineCounter() }  // rare: an error about something earlier
        bytes.withUnsafeBufferPointer { buffer in
            while index < target {
                let byte = buffer[index]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte == 0x0D {
                    if index + 1 >= buffer.count || buffer[index + 1] != 0x0A {
                        line += 1
                        column = 1
                    }
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                index += 1
            }
        }
        return TextPosition(line: line, column: column)
    }
}
