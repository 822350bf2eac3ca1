#ifndef CHARTER_CLIBGIT2_SHIM_H
#define CHARTER_CLIBGIT2_SHIM_H
#include <git2.h>
/* The in-memory object store that keeps scenario merges out of the repository. */
#include <git2/sys/mempack.h>

/* git_libgit2_opts is variadic, which Swift cannot call: these wrap the settings Charter uses. */

/* Charter only reads objects git wrote; like git itself, skip re-hashing every object read. */
static inline int charter_disable_strict_hash_verification(void) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}

/* libgit2 caches only trees up to 4 KiB; a programs/ folder with hundreds of entries is larger
   and would be read again for every commit of a history walk. */
static inline int charter_set_tree_cache_limit(size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, bytes);
}
#endif
