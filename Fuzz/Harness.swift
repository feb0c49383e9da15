// The libFuzzer entry point, compiled with OstromCore's sources by
// Scripts/fuzz.sh (never by SwiftPM). The target is $OSTROM_FUZZ_TARGET.
import Foundation

private let target = ProcessInfo.processInfo.environment["OSTROM_FUZZ_TARGET"] ?? ""

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    guard FuzzTargets.run(target, Data(bytes: bytes, count: count)) else { fatalError("no fuzz target “\(target)”") }
    return 0
}
