import Foundation

/// "reading history: 120 of 1571 commits" on stderr while a cold walk runs, for a person at a
/// terminal: only when stderr is one, never in charter's hooks (CHARTER_HOOK) or CI, and only
/// once the walk has taken a second.
enum HistoryProgress {
    static func reporter() -> ((Int, Int) -> Void)? {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDERR_FILENO) == 1, environment["CHARTER_HOOK"] == nil, environment["CI"] == nil else { return nil }
        let started = Date()
        nonisolated(unsafe) var shown = false
        return { done, total in
            guard Date().timeIntervalSince(started) > 1 else { return }
            shown = true
            FileHandle.standardError.write(Data("\rcharter: reading history: \(done) of \(total) commits\u{1B}[K".utf8))
            if done == total && shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
