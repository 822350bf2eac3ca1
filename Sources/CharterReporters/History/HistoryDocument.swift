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

struct MilestoneEventJSON: Encodable {
    var kinds: [String]
    var milestone: String
    var commit: HistoryCommitJSON
    var dateFrom: String?
    var dateTo: String?
    var days: Int?
    var statusFrom: String?
    var statusTo: String?
    var movedFrom: String?
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

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kinds, forKey: .kinds)
        try container.encode(milestone, forKey: .milestone)
        try container.encode(commit, forKey: .commit)
        // Absent values are null, so every event has the same keys.
        try container.encode(dateFrom, forKey: .dateFrom)
        try container.encode(dateTo, forKey: .dateTo)
        try container.encode(days, forKey: .days)
        try container.encode(statusFrom, forKey: .statusFrom)
        try container.encode(statusTo, forKey: .statusTo)
        try container.encode(movedFrom, forKey: .movedFrom)
        try container.encode(fields, forKey: .fields)
        try container.encode(withProgram, forKey: .withProgram)
    }
}

struct SlipEntryJSON: Encodable {
    var milestone: String
    var formerRefs: [String]
    var name: String?
    var slips: Int
    var pullIns: Int
    var daysSlipped: Int
    var daysPulledIn: Int
    var largestSlip: Int
    var firstPlanned: String?
    var current: String?
    var netDrift: Int?
    var status: String?
    var lastSlipped: String?

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

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(milestone, forKey: .milestone)
        try container.encode(formerRefs, forKey: .formerRefs)
        try container.encode(name, forKey: .name)
        try container.encode(slips, forKey: .slips)
        try container.encode(pullIns, forKey: .pullIns)
        try container.encode(daysSlipped, forKey: .daysSlipped)
        try container.encode(daysPulledIn, forKey: .daysPulledIn)
        try container.encode(largestSlip, forKey: .largestSlip)
        try container.encode(firstPlanned, forKey: .firstPlanned)
        try container.encode(current, forKey: .current)
        try container.encode(netDrift, forKey: .netDrift)
        try container.encode(status, forKey: .status)
        try container.encode(lastSlipped, forKey: .lastSlipped)
    }
}

struct RiskAgeJSON: Encodable {
    var risk: String
    var title: String?
    var status: String?
    var openSince: String
    var openSinceKnown: Bool
    var openedBy: String?
    var ageDays: Int
    var closedOn: String?
    var closedBy: String?
    var timesRescored: Int
    var lastRescored: String?
    var scoreThen: Int?
    var scoreNow: Int?

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

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(risk, forKey: .risk)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encode(openSince, forKey: .openSince)
        try container.encode(openSinceKnown, forKey: .openSinceKnown)
        try container.encode(openedBy, forKey: .openedBy)
        try container.encode(ageDays, forKey: .ageDays)
        try container.encode(closedOn, forKey: .closedOn)
        try container.encode(closedBy, forKey: .closedBy)
        try container.encode(timesRescored, forKey: .timesRescored)
        try container.encode(lastRescored, forKey: .lastRescored)
        try container.encode(scoreThen, forKey: .scoreThen)
        try container.encode(scoreNow, forKey: .scoreNow)
    }
}
