// The libFuzzer entry point for the config file's parser (TOMLKit's
// toml++ and ostrom's reading of what it parsed), linked by Scripts/fuzz.sh
// with the Configuration module as SwiftPM builds it with the sanitizers
// (never part of the package's own build).
import Configuration

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    _ = Config.parse(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self), file: "config.toml")
    return 0
}
