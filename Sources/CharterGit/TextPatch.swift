import Clibgit2

/// A plain line diff of two texts, for files a semantic diff cannot read.
public enum TextPatch {
    /// The unified diff git would show between two versions of a file (`--- a/… +++ b/…`), or
    /// `""` when they are the same. `nil` paths stand for a missing side (`/dev/null`).
    public static func unified(old: [UInt8], oldPath: String?, new: [UInt8], newPath: String?) throws -> String {
        try ensureLibgit2()
        var options = git_diff_options()
        try check("git_diff_options_init", git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)))
        var patch: OpaquePointer?
        let code = old.withUnsafeBytes { oldRaw in
            new.withUnsafeBytes { newRaw in
                git_patch_from_buffers(&patch, oldRaw.baseAddress, oldRaw.count, oldPath,
                                       newRaw.baseAddress, newRaw.count, newPath, &options)
            }
        }
        try check("git_patch_from_buffers", code)
        defer { git_patch_free(patch) }
        guard git_patch_num_hunks(patch) > 0 else { return "" }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try check("git_patch_to_buf", git_patch_to_buf(&buffer, patch))
        guard let pointer = buffer.ptr else { return "" }
        // The buffer belongs to libgit2: copy it before it is disposed.
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: buffer.size), as: UTF8.self)
    }
}
