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
