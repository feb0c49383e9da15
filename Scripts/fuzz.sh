#!/usr/bin/env bash
# Fuzzes one parser with libFuzzer and AddressSanitizer:
#   Scripts/fuzz.sh TARGET SECONDS
# (the targets are FuzzTargets.names; an unknown one stops at its first input).
# Seeds are the fixtures and seed documents; what the run finds goes to
# .build-fuzz/TARGET/ (crash-*, timeout-*, oom-*). A finding becomes a test
# by copying its (minimised) input to Tests/FuzzRegressions/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 2 ]; then
  echo "usage: Scripts/fuzz.sh TARGET SECONDS (targets: FuzzTargets.names in Sources/OstromCore/Library/FuzzTargets.swift)" >&2
  exit 2
fi
target=$1 seconds=$2

binary=.build-fuzz/ostrom-fuzz
sources=$(find Sources/OstromCore -name '*.swift' | sort)
mkdir -p .build-fuzz
# One build at a time (fuzzers may run side by side), put in place by a
# rename, so that a fuzzer running the old binary keeps it.
exec 9>.build-fuzz/build.lock
flock 9
if [ ! -x "$binary" ] || [ -n "$(find Sources/OstromCore Fuzz -newer "$binary" -name '*.swift' -print -quit)" ]; then
  echo "building $binary…" >&2
  swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name OstromCore -swift-version 6 \
    -I Sources/CStemmer/include $sources Fuzz/Harness.swift -o "$binary.new"
  mv -f "$binary.new" "$binary"
fi
flock -u 9

corpus=.build-fuzz/$target/corpus
mkdir -p "$corpus"
seeds=(Resources Tests/OstromCoreTests/Fixtures)
[ -d "Tests/FuzzRegressions/$target" ] && seeds+=("Tests/FuzzRegressions/$target")
# Hangs over a second and blow-ups over 256 MB count as findings. Leaks
# are not: LeakSanitizer reports what Swift's globals (compiled regular
# expressions, caches made once) still hold at exit. AddressSanitizer keeps
# 64 MB of freed memory in quarantine and gives the rest back to the system,
# as the memory limit counts what the process holds: a target that
# allocates much in all (the query target parses each input three times)
# otherwise passed the limit with 25 MB live.
OSTROM_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0:quarantine_size_mb=64:allocator_release_to_os_interval_ms=100 "$binary" "$corpus" "${seeds[@]}" \
  -max_total_time="$seconds" -timeout=1 -rss_limit_mb=256 -malloc_limit_mb=256 -max_len=65536 \
  -detect_leaks=0 -artifact_prefix=".build-fuzz/$target/" -print_final_stats=1
