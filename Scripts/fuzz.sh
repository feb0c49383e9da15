#!/usr/bin/env bash
# Fuzzes one parser with libFuzzer and AddressSanitizer:
#   Scripts/fuzz.sh TARGET SECONDS
# (the targets are FuzzTargets.names, and config for the config file's parser;
# an unknown one stops at its first input).
# Seeds are the fixtures and seed documents; what the run finds goes to
# .build-fuzz/TARGET/ (crash-*, timeout-*, oom-*). A finding becomes a test
# by copying its (minimised) input to Tests/FuzzRegressions/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 2 ]; then
  echo "usage: Scripts/fuzz.sh TARGET SECONDS (targets: FuzzTargets.names in Sources/OstromCore/Library/FuzzTargets.swift, and config)" >&2
  exit 2
fi
target=$1 seconds=$2

mkdir -p .build-fuzz
corpus=.build-fuzz/$target/corpus
mkdir -p "$corpus"
# One build at a time (fuzzers may run side by side), put in place by a
# rename, so that a fuzzer running the old binary keeps it.
exec 9>.build-fuzz/build.lock
flock 9
if [ "$target" = config ]; then
  # The config file's parser is C++ (toml++, in TOMLKit) under the
  # Configuration module: SwiftPM builds them with the sanitizers in a
  # folder of their own, and the harness is linked with their objects.
  binary=.build-fuzz/ostrom-fuzz-config
  build=.build-fuzz/config-build
  if [ ! -x "$binary" ] || [ -n "$(find Sources Fuzz -newer "$binary" \( -name '*.swift' -o -name '*.c' -o -name '*.h' \) -print -quit)" ]; then
    echo "building $binary…" >&2
    swift build --build-path "$build" --sanitize fuzzer --sanitize address --target Configuration >&2
    products=$(swift build --build-path "$build" --sanitize fuzzer --sanitize address --show-bin-path)
    maps=()
    for map in "$products"/*.build/module.modulemap; do maps+=(-Xcc "-fmodule-map-file=$map"); done
    swiftc -sanitize=fuzzer,address -parse-as-library -I "$products/Modules" "${maps[@]}" -I Sources/CStemmer/include \
      Fuzz/ConfigHarness.swift $(find "$products" -path '*.build/*.o' | sort) -lncursesw -lsqlite3 -lstemmer -lstdc++ \
      -o "$binary.new" 2> >(grep -v "Cannot export local symbol '__asan" >&2)
    mv -f "$binary.new" "$binary"
  fi
  # TOMLKit 0.6 leaks a little of every parse (the table, its keys, each
  # string read: LeakSanitizer shows them), which over a run of hundreds of
  # thousands of inputs passes 256 MB; one allocation over 256 MB still counts.
  rss_limit=4096
  # The seed: the default file, which has every setting.
  swift build --product ostrom >&2
  "$(swift build --show-bin-path)/ostrom" config --print-default > "$corpus/default.toml"
  seeds=()
else
  binary=.build-fuzz/ostrom-fuzz
  sources=$(find Sources/OstromCore -name '*.swift' | sort)
  if [ ! -x "$binary" ] || [ -n "$(find Sources/OstromCore Fuzz -newer "$binary" -name '*.swift' -print -quit)" ]; then
    echo "building $binary…" >&2
    swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name OstromCore -swift-version 6 \
      -I Sources/CStemmer/include $sources Fuzz/Harness.swift -lstemmer -o "$binary.new"
    mv -f "$binary.new" "$binary"
  fi
  seeds=(Resources Tests/OstromCoreTests/Fixtures)
  rss_limit=256
fi
flock -u 9

[ -d "Tests/FuzzRegressions/$target" ] && seeds+=("Tests/FuzzRegressions/$target")
# Hangs over a second and blow-ups over 256 MB count as findings. Leaks
# are not: LeakSanitizer reports what Swift's globals (compiled regular
# expressions, caches made once) still hold at exit. AddressSanitizer keeps
# 64 MB of freed memory in quarantine and gives the rest back to the system,
# as the memory limit counts what the process holds: a target that
# allocates much in all (the query target parses each input three times)
# otherwise passed the limit with 25 MB live.
# Swift's own backtracer stays out of the way of libFuzzer's report.
OSTROM_FUZZ_TARGET=$target SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:quarantine_size_mb=64:allocator_release_to_os_interval_ms=100 "$binary" "$corpus" "${seeds[@]}" \
  -max_total_time="$seconds" -timeout=1 -rss_limit_mb="$rss_limit" -malloc_limit_mb=256 -max_len=65536 \
  -detect_leaks=0 -artifact_prefix=".build-fuzz/$target/" -print_final_stats=1
