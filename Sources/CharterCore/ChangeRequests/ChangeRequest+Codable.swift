// The kinds a change request holds, stored by their raw values (their JSON names), so a record
// can be kept in charter's history index and read back equal (`ChangeRequest: Codable`).
extension EntityKind: Codable {}
extension ChangeKind: Codable {}
extension ChangeTag: Codable {}
extension Consequence.Kind: Codable {}
extension Policy.Reason: Codable {}
