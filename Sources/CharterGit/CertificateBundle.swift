#if os(Linux)
/// charter never talks to a remote: it reads repositories on disk, so libgit2's TLS is never
/// used. A libgit2 built with mbedTLS (Debian's and Ubuntu's) nonetheless parses the whole CA
/// bundle (`/etc/ssl/certs/ca-certificates.crt`, 140 certificates) inside `git_libgit2_init`,
/// several milliseconds of every run — most of what a git hook waits for before charter starts
/// working — and libgit2 offers no option to skip it (`GIT_OPT_SET_SSL_CERT_LOCATIONS` can only
/// be set after init). This definition takes the place of mbedTLS's for the libraries charter
/// loads (the executable's symbols come first in the dynamic linker's search), so that load
/// reads nothing. Were TLS ever used, certificate checks would fail closed: no CA is trusted.
/// A libgit2 built with OpenSSL never calls it.
@_cdecl("mbedtls_x509_crt_parse_file")
public func charterSkipsLoadingCertificateBundle(_ chain: UnsafeMutableRawPointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    0
}
#endif

#if os(Linux)
/// For the same reason, libgit2's SSH transport is never used: `git_libgit2_init` nonetheless
/// calls `libssh2_init`, which initialises OpenSSL (its algorithm tables, error strings and
/// configuration file), about half a millisecond to a millisecond of every run, twice per
/// commit in the hooks. This definition takes the place of libssh2's as above (libgit2's
/// shutdown then finds libssh2 not initialised and does nothing); charter opens no SSH session,
/// and OpenSSL 3 would initialise itself on first use if one were ever opened.
@_cdecl("libssh2_init")
public func charterSkipsInitialisingSSH(_ flags: Int32) -> Int32 {
    0
}
#endif
