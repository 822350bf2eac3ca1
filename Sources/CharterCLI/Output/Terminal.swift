import CharterReporters
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where output goes and whether it may be coloured.
enum Terminal {
    /// Colour only on a terminal, never with `NO_COLOR` set (https://no-color.org) or `TERM=dumb`.
    static var stdoutSupportsColor: Bool {
        // The two variables it reads, not a copy of the whole environment (a hook's cost).
        var environment: [String: String] = [:]
        for name in ["NO_COLOR", "TERM"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return TerminalStyle.colorEnabled(isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment)
    }

    /// Results, on stdout, ending with a newline.
    static func write(_ text: String) {
        guard !text.isEmpty else { return }
        // By bytes: "\r\n" (CSV) is one Character, so `hasSuffix("\n")` is false for it.
        put(text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n", to: STDOUT_FILENO)
    }

    /// Results already in UTF-8 (a long JSON document), on stdout, ending with a newline: no
    /// `String` made of them first.
    static func write(bytes: [UInt8]) {
        guard let last = bytes.last else { return }
        if last == UInt8(ascii: "\n") {
            put(bytes[...], to: STDOUT_FILENO)
        } else {
            put(bytes + [UInt8(ascii: "\n")], to: STDOUT_FILENO)
        }
    }

    static func error(_ text: String) {
        put("charter: error: \(text)\n", to: STDERR_FILENO)
    }

    /// A message as it is, on stderr.
    static func writeError(_ text: String) {
        put(text.hasSuffix("\n") ? text : text + "\n", to: STDERR_FILENO)
    }

    static func warning(_ text: String) {
        put("charter: warning: \(text)\n", to: STDERR_FILENO)
    }

    /// A note on stderr for people at a terminal; silent in CI logs and hooks' pipes.
    static func warning(_ text: String, quietUnlessTerminal: Bool) {
        guard !quietUnlessTerminal || isatty(STDERR_FILENO) == 1 else { return }
        put("charter: \(text)\n", to: STDERR_FILENO)
    }

    /// Unbuffered and complete: loops over short writes, gives up quietly on a closed pipe.
    private static func put(_ text: String, to descriptor: Int32) {
        put(Array(text.utf8)[...], to: descriptor)
    }

    private static func put(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) {
        var bytes = bytes
        while !bytes.isEmpty {
            #if canImport(Glibc)
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            #else
            let written = bytes.withUnsafeBytes { Darwin.write(descriptor, $0.baseAddress, $0.count) }
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
