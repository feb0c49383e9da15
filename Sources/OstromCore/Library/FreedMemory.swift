import Foundation

/// Memory freed but kept by the allocator, given back to the system
/// (glibc's `malloc_trim`): a large file read on another thread leaves its
/// parser's garbage in that thread's arena, which is otherwise kept.
public enum FreedMemory {
    public static func giveBack() {
        #if canImport(Glibc)
        _ = mallocTrim(0)
        #endif
    }

    /// Lets go of `value` on another thread: the last holder of a million
    /// records releasing them takes 0.1 s and more (their every string).
    /// The caller hands its last reference over (`consume`).
    public static func release<Value: Sendable>(inBackground value: consuming Value) {
        let held = Held(consume value)
        DispatchQueue.global(qos: .utility).async { held.value = nil }
    }

    private final class Held<Value: Sendable>: @unchecked Sendable {
        var value: Value?

        init(_ value: consuming Value) {
            self.value = value
        }
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
