/// A usage or I/O problem: printed as `charter: error: …` on stderr, exit code 2.
struct CLIError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
