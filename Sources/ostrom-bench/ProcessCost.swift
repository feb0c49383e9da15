import Foundation

/// What a piece of work (a keystroke, placing a library) cost the
/// process: the time it took, the processor time of all its threads, and
/// the pages it touched for the first time (minor faults). On a shared
/// machine the time swings with the load of others; the processor time
/// and the faults say whether the work changed.
struct ProcessCost {
    var nanoseconds: UInt64
    var processorNanoseconds: UInt64
    var faults: Int

    static func measure(_ body: () -> Void) -> ProcessCost {
        let (startTime, startProcessor, startFaults) = (DispatchTime.now().uptimeNanoseconds, processorTime(), minorFaults())
        body()
        return ProcessCost(nanoseconds: DispatchTime.now().uptimeNanoseconds - startTime,
                           processorNanoseconds: processorTime() - startProcessor, faults: minorFaults() - startFaults)
    }

    /// The median of each figure over runs of one piece of work.
    static func median(_ runs: [ProcessCost]) -> ProcessCost {
        func middle<Value: Comparable>(_ values: [Value]) -> Value { values.sorted()[values.count / 2] }
        return ProcessCost(nanoseconds: middle(runs.map(\.nanoseconds)), processorNanoseconds: middle(runs.map(\.processorNanoseconds)),
                           faults: middle(runs.map(\.faults)))
    }

    private static func processorTime() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    private static func minorFaults() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_minflt
    }
}
