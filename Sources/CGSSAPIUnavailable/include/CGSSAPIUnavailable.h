#ifndef CHARTER_CGSSAPI_UNAVAILABLE_H
#define CHARTER_CGSSAPI_UNAVAILABLE_H
/* No declarations: this target only defines the GSSAPI entry points the static libgit2 refers
   to (see gssapi_unavailable.c). Swift never calls them. */
#endif
