#if os(Linux)
/// charter never talks to a remote: it reads repositories on disk, so libgit2's TLS is never
/// used. A libgit2 built with mbedTLS (Debian's and Ubuntu's) nonetheless parses the whole CA
/// bundle (`/etc/ssl/certs/ca-certificates.crt`, 140 certificates) inside `git_libgit2_init`,
/// several milliseconds of every run — most of what a git hook waits for before charter starts
/// working — and libgit2 offers no option to skip it (`GIT_OPT_SET_SSL_CERT_LOCATIONS` can only
/// be set after init). This function takes that call, so the load reads nothing. Were TLS ever
/// used, certificate checks would fail closed: no CA is trusted. A libgit2 built with OpenSSL
/// never calls it.
///
/// How it takes the call depends on how libgit2 is linked (Package.swift): linked statically,
/// the linker sends libgit2's calls to `__wrap_<name>` (`--wrap`); linked as a shared library,
/// the executable's own definition of the name comes first in the dynamic linker's search.
#if CHARTER_STATIC_LIBGIT2
@_cdecl("__wrap_mbedtls_x509_crt_parse_file")
public func charterSkipsLoadingCertificateBundle(_ chain: UnsafeMutableRawPointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    0
}
#else
@_cdecl("mbedtls_x509_crt_parse_file")
public func charterSkipsLoadingCertificateBundle(_ chain: UnsafeMutableRawPointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    0
}
#endif

/// For the same reason, libgit2's SSH transport is never used: `git_libgit2_init` nonetheless
/// calls `libssh2_init`, which initialises OpenSSL (its algorithm tables, error strings and
/// configuration file), about half a millisecond to a millisecond of every run, twice per
/// commit in the hooks. This function takes that call as above (libgit2's shutdown then finds
/// libssh2 not initialised and does nothing); charter opens no SSH session, and OpenSSL 3 would
/// initialise itself on first use if one were ever opened.
#if CHARTER_STATIC_LIBGIT2
@_cdecl("__wrap_libssh2_init")
public func charterSkipsInitialisingSSH(_ flags: Int32) -> Int32 {
    0
}
#else
@_cdecl("libssh2_init")
public func charterSkipsInitialisingSSH(_ flags: Int32) -> Int32 {
    0
}
#endif
#endif
