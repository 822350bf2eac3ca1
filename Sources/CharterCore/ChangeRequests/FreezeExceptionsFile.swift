/// The reviewed list of freeze exceptions a policy may point at (as Kubernetes records release
/// exceptions): `exceptions: [{ commit: <sha or prefix of 7+>, approved_by: <person>, reason: … }]`.
public enum FreezeExceptionsFile {
    public static func parse(_ bytes: [UInt8]) -> [ChangeRequestBuilder.FreezeException] {
        guard let root = try? YAMLLoader.load(bytes), let entries = root["exceptions"]?.items else { return [] }
        return entries.compactMap { entry in
            guard let commit = entry["commit"]?.scalarText, let approver = entry["approved_by"]?.scalarText else { return nil }
            return ChangeRequestBuilder.FreezeException(commit: commit, approvedBy: approver)
        }
    }
}
