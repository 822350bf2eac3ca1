/// Squash merges. GitHub's "Squash and merge" (with the default commit message) writes the
/// pull request's title with `(#N)`, then each squashed commit's message as a `* subject`
/// item. Git reads trailers only from the last paragraph, so the approvals of all but the last
/// commit would be lost; a change request takes the union of every item's trailers.
enum SquashMessage {
    /// The squashed commits' messages, or `nil` when the message is not a squash merge's.
    static func items(in message: String, summary: String) -> [String]? {
        guard summary.hasSuffix(")"), let open = summary.lastIndex(of: "("),
              summary[summary.index(after: open)...].hasPrefix("#"),
              Int(summary[summary.index(open, offsetBy: 2)..<summary.index(before: summary.endIndex)]) != nil else { return nil }
        var items: [[Substring]] = []
        for line in message.split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
            if line.hasPrefix("* ") {
                items.append([line.dropFirst(2)])
            } else if !items.isEmpty {
                items[items.count - 1].append(line)
            }
        }
        return items.count > 1 ? items.map { $0.joined(separator: "\n") } : nil
    }

    /// The message's trailers, plus those of every squashed commit, without repeats.
    static func trailers(of message: CommitMessage, full: String) -> [Trailer] {
        guard let items = items(in: full, summary: message.summary) else { return message.trailers }
        var all = message.trailers
        for item in items {
            for trailer in CommitMessage(item).trailers where !all.contains(trailer) { all.append(trailer) }
        }
        return all
    }
}
