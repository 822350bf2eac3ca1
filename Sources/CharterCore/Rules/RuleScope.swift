/// What a rule's findings about one program depend on: what incremental validation
/// (`IncrementalValidation`) must re-run after a program changes. A rule that does not say
/// is `workspace` — always correct, never reused.
public enum RuleScope: Sendable {
    /// The program itself, the root files (people, settings) and the day: findings about a
    /// program change only when it does. The rule iterates `context.workspace.programs` and
    /// reports inside each program's folder (findings about the root files come from a run
    /// with no programs).
    case program
    /// The program and what the programs it names define (their milestones and decisions,
    /// through `context`'s lookups over the whole workspace): re-run for a program when it
    /// changes, when a program it names changes what it defines, or when a program comes or goes.
    case references
    /// Anything anywhere (cycles, people across programs, the loader's findings): re-run over
    /// the whole workspace every time.
    case workspace
}
