// swift-tools-version:6.0
import PackageDescription
import Foundation

/// libgit2 is linked statically where Debian 12's archives of it and of what it links are installed
/// (`libgit2-dev` 1.5 and the -dev packages it depends on). A git hook starts charter twice per
/// commit, and the shared libgit2 brings 15 more shared libraries for the dynamic linker to load and
/// bind at every start (docs/performance.md, "Process start: libgit2 linked statically").
/// Anywhere else — another distribution, another libgit2 whose build needs other libraries —
/// charter links the shared libgit2 that pkg-config names, as before.
let staticLibgit2: (folder: String, archives: [String])? = {
    #if os(Linux)
    // What Debian's libgit2 1.5 is built with (`pkg-config --static --libs libgit2`), and OpenSSL's
    // libcrypto, which libssh2 needs. zlib stays shared (the module map links it for Clibgit2's own
    // use); Kerberos (GSSAPI, for HTTP "Negotiate" to a remote), of which Debian ships no archive,
    // is replaced by CGSSAPIUnavailable: charter never connects to a remote.
    let archives = ["git2", "mbedtls", "mbedx509", "mbedcrypto", "http_parser", "ssh2", "crypto", "pcre2-8"]
    for folder in ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu"] {
        let present = { (name: String) in FileManager.default.fileExists(atPath: "\(folder)/\(name)") }
        if present("libgit2.so.1.5"), archives.allSatisfy({ present("lib\($0).a") }) {
            return (folder, archives)
        }
    }
    #endif
    return nil
}()

/// The linker flags for the static libgit2: the whole archive, because SwiftPM may place these
/// flags before the object files that call libgit2, then what it needs. charter's replacements for
/// the CA bundle load and `libssh2_init` (Sources/CharterGit/CertificateBundle.swift) take libgit2's
/// calls through `--wrap`, since a static link leaves no dynamic symbol to interpose.
let libgit2LinkerSettings: [LinkerSetting] = staticLibgit2.map { linked in
    let dependencies = linked.archives.dropFirst().flatMap { ["-Xlinker", "\(linked.folder)/lib\($0).a"] }
    return [.unsafeFlags(
        ["-Xlinker", "--whole-archive", "-Xlinker", "\(linked.folder)/libgit2.a", "-Xlinker", "--no-whole-archive"]
            + ["-Xlinker", "--start-group"] + dependencies + ["-Xlinker", "--end-group"]
            + ["-Xlinker", "--wrap=mbedtls_x509_crt_parse_file", "-Xlinker", "--wrap=libssh2_init"]
    )]
} ?? []

let package = Package(
    name: "Charter",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "charter", targets: ["charter"]),
        .library(name: "CharterCore", targets: ["CharterCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // 5.0.1 on purpose: it composes plan-like YAML about 4x faster than 6.x (docs/performance.md).
        .package(url: "https://github.com/jpsim/Yams", exact: "5.0.1"),
        // Tests only: property-based checks over generated plans (diff consequences = schedule).
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "Clibgit2",
            pkgConfig: staticLibgit2 == nil ? "libgit2" : nil,
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        // Model, YAML loading with source positions, rules, reporters: no file system, no git, no printing.
        .target(name: "CharterCore", dependencies: ["Yams"]),
        // Pure functions from findings to text: text, JSON, SARIF, GitHub annotations, GitLab Code Quality.
        .target(name: "CharterReporters", dependencies: ["CharterCore"]),
        // What the static libgit2 refers to for Kerberos authentication to remotes, refused (no remotes here).
        .target(name: "CGSSAPIUnavailable"),
        // The libgit2 wrapper: one owner per handle, errors from git_error_last.
        .target(
            name: "CharterGit",
            dependencies: ["Clibgit2", "CharterCore"] + (staticLibgit2 == nil ? [] : ["CGSSAPIUnavailable"]),
            swiftSettings: staticLibgit2 == nil ? [] : [.define("CHARTER_STATIC_LIBGIT2")],
            linkerSettings: libgit2LinkerSettings
        ),
        // JSON-RPC 2.0 over LSP's Content-Length framing: messages, error codes, a connection on two file descriptors.
        .target(name: "JSONRPC"),
        // `charter lsp`: the language features in terms of Core's model (positions from the YAML marks).
        .target(name: "CharterLanguageServer", dependencies: ["CharterCore", "JSONRPC"]),
        // Commands and the readers that bring plan files from the worktree, the index or a commit.
        .target(
            name: "CharterCLI",
            dependencies: [
                "CharterCore", "CharterGit", "CharterReporters", "CharterLanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildCommit"]
        ),
        // Writes the git commit being built into the CLI, for `charter --version`.
        .plugin(name: "BuildCommit", capability: .buildTool()),
        .executableTarget(name: "charter", dependencies: ["CharterCLI"]),
        .testTarget(name: "CharterCoreTests", dependencies: [
            "CharterCore", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "CharterReportersTests", dependencies: ["CharterReporters", "CharterCore"], exclude: ["Fixtures"]),
        .testTarget(name: "CharterGitTests", dependencies: ["CharterGit", "CharterCore"]),
        .testTarget(name: "CharterCLITests", dependencies: ["CharterCLI", "CharterCore"]),
        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC"]),
        .testTarget(name: "CharterLanguageServerTests", dependencies: ["CharterLanguageServer", "CharterCore", "JSONRPC"]),
    ]
)
