import ArgumentParser

/// `--no-cache`, shared by the commands that read history: the same output, computed without
/// charter's history index (as `CHARTER_NO_CACHE=1` does).
struct CacheOption: ParsableArguments {
    @Flag(name: .customLong("no-cache"), help: "Read history without charter's index in the git directory (same output, computed afresh; also CHARTER_NO_CACHE=1).")
    var noCache = false

    /// Turns the index off for this process when asked to; call first in `run()`.
    func apply() {
        if noCache { HistoryIndexSwitch.disabledByFlag = true }
    }
}
