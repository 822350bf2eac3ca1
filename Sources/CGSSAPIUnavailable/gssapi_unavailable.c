/*
 * The GSSAPI (Kerberos) entry points that Debian's static libgit2 refers to, for HTTP "Negotiate"
 * authentication to a remote. charter never connects to a remote — it reads repositories on
 * disk — so with libgit2 linked statically (Package.swift) these take the place of the shared
 * libgssapi_krb5, which would bring six more shared libraries into every start of charter
 * (Kerberos, its crypto, keyutils, resolv...): about 80 page faults and 0.4 ms of each hook run
 * (docs/performance.md, "Process start"). Were Negotiate ever attempted, every call reports
 * GSS_S_UNAVAILABLE and libgit2 fails the authentication: nothing is sent.
 */
#include <stddef.h>
#include <stdint.h>

typedef uint32_t charter_gss_status;

/* GSS_S_UNAVAILABLE (RFC 2744): "the operation or option is unavailable". */
static const charter_gss_status unavailable = 16u << 16;

static charter_gss_status refuse(charter_gss_status *minor) {
    if (minor) *minor = 0;
    return unavailable;
}

/* The name type libgit2 passes to gss_import_name; never dereferenced, as that call refuses. */
void *GSS_C_NT_HOSTBASED_SERVICE = NULL;

charter_gss_status gss_indicate_mechs(charter_gss_status *minor, void **mechanisms) {
    if (mechanisms) *mechanisms = NULL;
    return refuse(minor);
}
charter_gss_status gss_import_name(charter_gss_status *minor, const void *name, const void *type, void **output) {
    (void)name; (void)type;
    if (output) *output = NULL;
    return refuse(minor);
}
charter_gss_status gss_init_sec_context(charter_gss_status *minor, const void *credential, void **context,
                                        const void *target, const void *mechanism, charter_gss_status flags,
                                        charter_gss_status lifetime, const void *bindings, const void *input,
                                        void **actual_mechanism, void *output, charter_gss_status *returned_flags,
                                        charter_gss_status *returned_lifetime) {
    (void)credential; (void)context; (void)target; (void)mechanism; (void)flags; (void)lifetime;
    (void)bindings; (void)input; (void)output;
    if (actual_mechanism) *actual_mechanism = NULL;
    if (returned_flags) *returned_flags = 0;
    if (returned_lifetime) *returned_lifetime = 0;
    return refuse(minor);
}
charter_gss_status gss_display_status(charter_gss_status *minor, charter_gss_status status, int type,
                                      const void *mechanism, charter_gss_status *context, void *text) {
    (void)status; (void)type; (void)mechanism; (void)text;
    if (context) *context = 0;
    return refuse(minor);
}
/* Nothing was ever allocated, so releasing succeeds. */
charter_gss_status gss_delete_sec_context(charter_gss_status *minor, void **context, void *output) {
    (void)output;
    if (minor) *minor = 0;
    if (context) *context = NULL;
    return 0;
}
charter_gss_status gss_release_buffer(charter_gss_status *minor, void *buffer) {
    (void)buffer;
    if (minor) *minor = 0;
    return 0;
}
charter_gss_status gss_release_name(charter_gss_status *minor, void **name) {
    if (minor) *minor = 0;
    if (name) *name = NULL;
    return 0;
}
charter_gss_status gss_release_oid_set(charter_gss_status *minor, void **set) {
    if (minor) *minor = 0;
    if (set) *set = NULL;
    return 0;
}
