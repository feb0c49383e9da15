/// Memory freed but kept by the allocator, given back to the system
/// (glibc's `malloc_trim`): a large file read on another thread leaves its
/// parser's garbage in that thread's arena, which is otherwise kept.
public enum FreedMemory {
    public static func giveBack() {
        #if canImport(Glibc)
        _ = mallocTrim(0)
        #endif
    }
}

#if canImport(Glibc)
// malloc.h is not in the Glibc module.
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32
#endif
