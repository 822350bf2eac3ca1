#ifndef CHARTER_CLIBGIT2_SHIM_H
#define CHARTER_CLIBGIT2_SHIM_H
#include <git2.h>
#include <stdio.h>
#include <zlib.h>
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
/* libgit2 1.5 loops forever inflating a truncated loose object (libgit2 issue 7342, fixed in
   later releases): before libgit2 reads a loose object, Charter inflates the file itself and
   stops at the first lack of progress. Returns 1 when the zlib stream is whole, 0 when it is
   truncated or corrupt, -1 when there is no such file (the object is packed, or absent). */
static inline int charter_loose_object_is_whole(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) return -1;
    z_stream stream = {0};
    if (inflateInit(&stream) != Z_OK) { fclose(file); return 0; }
    unsigned char input[16384], output[65536];
    int status = Z_OK, whole = 0;
    while (status != Z_STREAM_END) {
        size_t count = fread(input, 1, sizeof input, file);
        if (count == 0) break;                       /* the file ended before the stream did */
        stream.next_in = input;
        stream.avail_in = (uInt)count;
        while (stream.avail_in > 0 && status != Z_STREAM_END) {
            uInt before = stream.avail_in;
            stream.next_out = output;
            stream.avail_out = sizeof output;
            status = inflate(&stream, Z_NO_FLUSH);
            if (status != Z_OK && status != Z_STREAM_END) { status = Z_DATA_ERROR; break; }
            if (stream.avail_in == before && stream.avail_out == sizeof output) break;  /* no progress */
        }
        if (status == Z_DATA_ERROR) break;
    }
    whole = status == Z_STREAM_END;
    inflateEnd(&stream);
    fclose(file);
    return whole;
}
#endif
