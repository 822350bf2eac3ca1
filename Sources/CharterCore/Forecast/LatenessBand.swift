/// How late an open milestone already is against its first planned date: the band says which
/// milestones of the history are comparable (those that were once that late and still open).
public enum LatenessBand: String, CaseIterable, Hashable, Sendable {
    case notDue = "not-due"
    case upTo30 = "1-30"
    case upTo90 = "31-90"
    case upTo180 = "91-180"
    case upTo365 = "181-365"
    case over365 = "365+"

    public init(lateness days: Int) {
        switch days {
        case ..<1: self = .notDue
        case ...30: self = .upTo30
        case ...90: self = .upTo90
        case ...180: self = .upTo180
        case ...365: self = .upTo365
        default: self = .over365
        }
    }
}
