#!/usr/bin/env bash
# Writes ostrom.1 anew from the command definitions, with
# swift-argument-parser's generate-manual plugin (a test fails when the
# checked-in page misses a command or option). Read it with `man ./ostrom.1`.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package generate-manual --date "$(date +%Y-%m-%d)" >/dev/null
cp .build/plugins/GenerateManual/outputs/ostrom/ostrom.1 ostrom.1
echo "wrote ostrom.1"
