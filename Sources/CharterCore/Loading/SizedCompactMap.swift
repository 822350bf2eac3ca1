extension Array {
    /// `compactMap` into an array sized for every element up front. The model keeps the arrays
    /// the loader builds for the whole run, and an array grown by appending has up to half its
    /// capacity unused: at 10,000 programs the lists of milestones, references, risks and budget
    /// lines held about 60 MB they never used (docs/performance.md).
    func compactMapSized<Result>(_ transform: (Element) throws -> Result?) rethrows -> [Result] {
        guard !isEmpty else { return [] }
        var results: [Result] = []
        results.reserveCapacity(count)
        for element in self {
            if let result = try transform(element) { results.append(result) }
        }
        return results.isEmpty ? [] : results
    }
}
