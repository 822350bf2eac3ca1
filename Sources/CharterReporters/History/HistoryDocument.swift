import CharterCore

/// The JSON shapes of `charter history` and `charter slips`: snake_case keys, sorted.
struct HistoryCommitJSON: Encodable {
    struct Author: Encodable {
        var name: String
        var email: String
        var person: String?
    }

    var commit: String
    var changeRequest: String
    var date: String
    var author: Author
    var why: String
    /// "yes", "no" or "not required".
    var approved: String

    init(_ commit: HistoryCommit) {
        self.commit = commit.commit
        changeRequest = commit.changeRequest
        date = commit.date
        author = Author(name: commit.author, email: commit.authorEmail, person: commit.person)
        why = commit.why
        approved = commit.approval.rawValue
    }

    enum CodingKeys: String, CodingKey {
        case commit, date, author, why, approved
        case changeRequest = "change_request"
    }
}

/// Absent values are null, so every event has the same keys.
struct MilestoneEventJSON: Encodable {
    var kinds: [String]
    var milestone: String
    var commit: HistoryCommitJSON
    @Nullable var dateFrom: String?
    @Nullable var dateTo: String?
    @Nullable var days: Int?
    @Nullable var statusFrom: String?
    @Nullable var statusTo: String?
    @Nullable var movedFrom: String?
    var fields: [String]
    var withProgram: Bool

    init(_ event: MilestoneEvent) {
        kinds = event.kinds.map(\.rawValue)
        milestone = event.ref.description
        commit = HistoryCommitJSON(event.commit)
        dateFrom = event.dateFrom?.description
        dateTo = event.dateTo?.description
        days = event.days
        statusFrom = event.statusFrom
        statusTo = event.statusTo
        movedFrom = event.movedFrom
        fields = event.fields
        withProgram = event.withProgram
    }

    enum CodingKeys: String, CodingKey {
        case kinds, milestone, commit, days, fields
        case dateFrom = "date_from", dateTo = "date_to", statusFrom = "status_from", statusTo = "status_to"
        case movedFrom = "moved_from", withProgram = "with_program"
    }
}

struct SlipEntryJSON: Encodable {
    var milestone: String
    var formerRefs: [String]
    @Nullable var name: String?
    var slips: Int
    var pullIns: Int
    var daysSlipped: Int
    var daysPulledIn: Int
    var largestSlip: Int
    @Nullable var firstPlanned: String?
    @Nullable var current: String?
    @Nullable var netDrift: Int?
    @Nullable var status: String?
    @Nullable var lastSlipped: String?

    init(_ entry: SlipRanking.Entry) {
        milestone = entry.ref.description
        formerRefs = entry.formerRefs.map(\.description)
        name = entry.name
        slips = entry.slips
        pullIns = entry.pullIns
        daysSlipped = entry.daysSlipped
        daysPulledIn = entry.daysPulledIn
        largestSlip = entry.largestSlip
        firstPlanned = entry.firstPlanned?.description
        current = entry.current?.description
        netDrift = entry.netDrift
        status = entry.status
        lastSlipped = entry.lastSlipped?.description
    }

    enum CodingKeys: String, CodingKey {
        case milestone, name, slips, current, status
        case formerRefs = "former_refs", pullIns = "pull_ins", daysSlipped = "days_slipped", daysPulledIn = "days_pulled_in"
        case largestSlip = "largest_slip", firstPlanned = "first_planned", netDrift = "net_drift", lastSlipped = "last_slipped"
    }
}

struct RiskAgeJSON: Encodable {
    var risk: String
    @Nullable var title: String?
    @Nullable var status: String?
    var openSince: String
    var openSinceKnown: Bool
    @Nullable var openedBy: String?
    var ageDays: Int
    @Nullable var closedOn: String?
    @Nullable var closedBy: String?
    var timesRescored: Int
    @Nullable var lastRescored: String?
    @Nullable var scoreThen: Int?
    @Nullable var scoreNow: Int?

    init(_ age: RiskAge) {
        risk = age.ref.description
        title = age.title
        status = age.status
        openSince = age.openSince.description
        openSinceKnown = age.openSinceKnown
        openedBy = age.openedBy?.changeRequest
        ageDays = age.ageDays
        closedOn = age.closedOn?.description
        closedBy = age.closedBy?.changeRequest
        timesRescored = age.timesRescored
        lastRescored = age.lastRescored?.description
        scoreThen = age.scoreThen
        scoreNow = age.scoreNow
    }

    enum CodingKeys: String, CodingKey {
        case risk, title, status
        case openSince = "open_since", openSinceKnown = "open_since_known", openedBy = "opened_by", ageDays = "age_days"
        case closedOn = "closed_on", closedBy = "closed_by", timesRescored = "times_rescored", lastRescored = "last_rescored"
        case scoreThen = "score_then", scoreNow = "score_now"
    }
}
