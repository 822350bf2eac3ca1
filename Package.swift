// swift-tools-version:6.0
import PackageDescription

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
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        // Model, YAML loading with source positions, rules, reporters: no file system, no git, no printing.
        .target(name: "CharterCore", dependencies: ["Yams"]),
        // Pure functions from findings to text: text, JSON, SARIF, GitHub annotations, GitLab Code Quality.
        .target(name: "CharterReporters", dependencies: ["CharterCore"]),
        // The libgit2 wrapper: one owner per handle, errors from git_error_last.
        .target(name: "CharterGit", dependencies: ["Clibgit2", "CharterCore"]),
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
