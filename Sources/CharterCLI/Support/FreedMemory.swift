#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the process has freed back to the system. A history walk parses and drops
/// hundreds of megabytes on every core (an import of 10,000 programs is 121 MB of YAML); glibc
/// keeps what each thread freed in that thread's arena, so without this the peak a later phase
/// reaches stacks on top of what the walk no longer uses.
enum FreedMemory {
    static func release() {
        #if canImport(Glibc)
        // glibc's `malloc_trim`, which Swift's Glibc module does not declare (it is in malloc.h).
        typealias Trim = @convention(c) (Int) -> Int32
        if let trim = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(trim, to: Trim.self)(0) }
        #endif
    }
}
