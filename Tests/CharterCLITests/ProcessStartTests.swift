import Foundation
import Testing

/// What a charter process does before its first byte of work, which a git hook pays twice per
/// commit: libgit2's initialisation must not read the CA bundle or OpenSSL's configuration
/// (Sources/CharterGit/CertificateBundle.swift), however libgit2 is linked (Package.swift).
@Suite struct ProcessStartTests {
    @Test("a staged validate opens neither the CA bundle nor OpenSSL's configuration (strace)")
    func libgit2StartsWithoutTLSOrSSHSetUp() throws {
        #if os(Linux)
        try #require(InstallTests.available("strace"), "strace is needed: Scripts/install-dependencies.sh installs it")
        let fixture = try Fixture()
        try fixture.git("init", "-q")
        try fixture.writeWorkspace()
        try fixture.git("add", "-A")
        let trace = fixture.url("trace").path
        let result = try Run.process("/usr/bin/env", ["strace", "-f", "-e", "trace=open,openat", "-o", trace,
                                                       Run.charterBinary, "validate", "--staged"], in: fixture.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let opened = try fixture.read("trace").split(separator: "\n")
        #expect(opened.contains { $0.contains("/.git/index") }, "the trace should show the index being read")
        let tls = opened.filter { $0.contains("ca-certificates") || $0.contains("/etc/ssl/") || $0.contains("openssl.cnf") }
        #expect(tls.isEmpty, "\(tls)")
        #endif
    }

    @Test("the executable loads no shared libgit2 where Package.swift links it statically (ldd)")
    func executableLinksLibgit2AsPackageSwiftDecides() throws {
        #if os(Linux)
        let result = try Run.process("/usr/bin/env", ["ldd", Run.charterBinary], in: "/")
        #expect(result.status == 0, "\(result.stderr)")
        let archives = ["git2", "mbedtls", "mbedx509", "mbedcrypto", "http_parser", "ssh2", "crypto", "pcre2-8"]
        let folder = "/usr/lib/x86_64-linux-gnu"
        let installed = (archives.map { "lib\($0).a" } + ["libgit2.so.1.5"])
            .allSatisfy { FileManager.default.fileExists(atPath: "\(folder)/\($0)") }
        #expect(result.stdout.contains("libgit2.so") != installed, "\(result.stdout)")
        #endif
    }
}
