/// An optional that JSON shows as `null` instead of leaving the key out: the documented shapes
/// keep every key. As a property wrapper (`@Nullable var owner: String?`) it lets a document's
/// synthesized `Encodable` write explicit nulls, with no hand-written `encode(to:)`; plain
/// optionals stay absent when nil.
@propertyWrapper
struct Nullable<Wrapped: Encodable>: Encodable {
    var wrappedValue: Wrapped?

    init(wrappedValue: Wrapped?) {
        self.wrappedValue = wrappedValue
    }

    init(_ value: Wrapped?) {
        wrappedValue = value
    }

    var value: Wrapped? { wrappedValue }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension Nullable: Sendable where Wrapped: Sendable {}
extension Nullable: Equatable where Wrapped: Equatable {}
extension Nullable: Hashable where Wrapped: Hashable {}
