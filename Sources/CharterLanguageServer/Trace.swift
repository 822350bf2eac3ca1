#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock stamps for the optional timing log (`CHARTER_LSP_TRACE=1`).
enum Trace {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// CPU seconds used by the whole process (every thread).
    static func cpu() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func ms(_ start: Double, _ end: Double) -> String {
        let value = (end - start) * 1000
        return value < 10 ? "\(Double(Int(value * 10)) / 10) ms" : "\(Int(value)) ms"
    }
}
