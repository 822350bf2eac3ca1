/// A value read from a plan file, with where it was written.
///
/// `Value` carries no requirement of its own; the conformances are conditional. A requirement on
/// the generic parameter (`Value: Hashable`) makes the runtime look up `Value`'s conformance when
/// it first builds the metadata of a `Located<Value>` from its mangled name (an array of them, a
/// tuple holding one), and that look-up scans every conformance record of the binary: about a
/// tenth of a millisecond for each `Value`, several in every hook process.
public struct Located<Value> {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
extension Located: Sendable where Value: Sendable {}
