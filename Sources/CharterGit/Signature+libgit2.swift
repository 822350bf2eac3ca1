import CharterCore
import Clibgit2

extension Signature {
    /// Copies a signature that libgit2 lends for as long as its commit lives.
    init(copying signature: UnsafePointer<git_signature>) {
        let value = signature.pointee
        self.init(name: value.name.map { String(cString: $0) } ?? "",
                  email: value.email.map { String(cString: $0) } ?? "",
                  time: Int64(value.when.time), offsetMinutes: Int(value.when.offset))
    }
}
