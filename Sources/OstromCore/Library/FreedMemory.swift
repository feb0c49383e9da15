/// Memory freed but kept by the allocator, given back to the system
/// (glibc's `malloc_trim`): a large file read on another thread leaves its
/// parser's garbage in that thread's arena, which is otherwise kept.
public enum FreedMemory {
    public static func giveBack() {
        #if canImport(Glibc)
        _ = mallocTrim(0)
        #endif
    }

    /// Blocks of 128 KiB and more are always mapped on their own, never
    /// taken from the heap. glibc raises that limit as such blocks are
    /// freed; a large file's parse and its records then shared the heap
    /// with arrays of its entries, whose holes stayed among the records:
    /// the browser kept 5 % more of 100 000 records made while the file
    /// was parsed (`RecordsWhileParsing`), and peaked 17 MiB higher either way.
    public static func keepLargeBlocksApart() {
        #if canImport(Glibc)
        _ = mallopt(mmapThreshold, 128 << 10)
        #endif
    }
}

#if canImport(Glibc)
// malloc.h is not in the Glibc module.
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32

@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// `M_MMAP_THRESHOLD` (malloc.h).
private let mmapThreshold: Int32 = -3
#endif
