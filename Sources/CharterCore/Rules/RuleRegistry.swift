/// Every rule, in the order the catalogue lists them. A test checks that this list and the
/// files under `Rules/` agree, so a new rule is one new file plus one line here.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        // Files and YAML
        YAMLSyntaxRule(),
        FileEncodingRule(),
        FileUnreadableRule(),
        EmptyFileRule(),
        UnknownFileRule(),
        // Schema
        WrongTypeRule(),
        UnknownKeyRule(),
        DuplicateKeyRule(),
        MissingFieldRule(),
        InvalidValueRule(),
        InvalidDateRule(),
        // Ids and references
        ProgramIDMismatchRule(),
        DuplicateIDRule(),
        UnknownPersonRule(),
        UnknownReferenceRule(),
        // Schedule
        DependencyCycleRule(),
        MilestoneBeforeDependencyRule(),
        DateOutsideWindowRule(),
        DoneWithoutDateRule(),
        MilestoneOverdueRule(),
        // Risks, budget, resources, decisions
        HighRiskWithoutMitigationRule(),
        BudgetOverTotalRule(),
        OverAllocationRule(),
        DecisionLinkRule(),
        SupersededWithoutLinkRule(),
        // KPIs
        KPIDirectionUnknownRule(),
        KPITargetDirectionRule(),
        KPICurrentWithoutAsOfRule(),
        KPIAsOfInFutureRule(),
        // Lessons learned
        LessonClosedWithoutRecommendationRule(),
        LessonActionedWithoutRefRule(),
    ]

    public static func rule(id: String) -> (any Rule)? {
        all.first { $0.description.id == id }
    }
}
