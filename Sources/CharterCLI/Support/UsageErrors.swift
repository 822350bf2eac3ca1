import ArgumentParser
import CharterCore
import CharterGit

/// What every command does with a usage or I/O problem: say it on stderr as
/// `charter: error: …` and exit 2. Findings (exit 1) stay the command's own business, and an
/// `ExitCode` thrown inside passes through untouched.
///
/// Git and plan-source errors are caught here too, so one that a command forgot to wrap in
/// `Git.call` still exits 2 with git's words instead of argument-parser's `Error:` and exit 1.
enum UsageErrors {
    static func exit2<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CLIError {
            Terminal.error(error.description)
        } catch let error as GitError {
            Terminal.error(error.description)
        } catch let error as PlanSourceError {
            Terminal.error(error.description)
        }
        throw ExitCode(2)
    }
}
