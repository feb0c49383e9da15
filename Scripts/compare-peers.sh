#!/usr/bin/env bash
# ostrom side by side with the tools users would pick instead, on the same
# generated files, in one run (not part of `swift test`):
#   Scripts/compare-peers.sh [ENTRIES]
# ENTRIES (100 000 by default) is the size of the generated .bib; pandoc,
# much slower, reads a 10 000-entry one. What is missing is installed
# first: fzf, ripgrep, pandoc, less and tmux with apt-get, bibtexparser
# with pip. Prints a Markdown table: each command's median wall time over
# three runs, and the peer's time divided by ostrom's; then the pager
# benchmark, which drives `ostrom page` and `less` in tmux, and the
# start-up benchmark, which times their first screens on a pseudo-terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
entries=${1:-100000}
runs=3

missing=()
command -v fzf >/dev/null 2>&1 || missing+=(fzf)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v pandoc >/dev/null 2>&1 || missing+=(pandoc)
command -v less >/dev/null 2>&1 || missing+=(less)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
python3 -c 'import bibtexparser' 2>/dev/null || python3 -m pip install -q bibtexparser >&2

swift build -c release --product ostrom-bench >&2
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d "${TMPDIR:-/tmp}/ostrom-peers.XXXXXXXX")
trap 'rm -rf "$work"' EXIT
# ostrom as a user installs it (the benchmarks find it beside themselves too).
Scripts/install "$work/prefix" >&2
ostrom="$work/prefix/bin/ostrom"
# ostrom's own library and config stay out of it.
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
"$bin/ostrom-bench" generate --entries "$entries" --output "$work/big.bib"
"$bin/ostrom-bench" generate --entries 10000 --output "$work/small.bib"

# bibtexparser's way to JSON, for either of its APIs (2.x, or 1.x's load).
cat > "$work/bibtexparser-json.py" <<'PYTHON'
import json, sys
import bibtexparser
if hasattr(bibtexparser, "parse_file"):
    library = bibtexparser.parse_file(sys.argv[1])
    entries = [{**{key: field.value for key, field in entry.fields_dict.items()}, "ID": entry.key, "ENTRYTYPE": entry.entry_type}
               for entry in library.entries]
else:
    with open(sys.argv[1], encoding="utf-8") as file:
        entries = bibtexparser.load(file).entries
json.dump(entries, sys.stdout)
PYTHON

# The median wall time, in seconds, of $runs runs of a shell command (its
# output thrown away; each run reads its own input).
seconds() {
  local times=() start end
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    sh -c "$1" > /dev/null || true
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

# One row: what is compared, ostrom's command, the peer's name and command.
row() {
  local ours theirs
  ours=$(seconds "$2")
  theirs=$(seconds "$4")
  awk -v task="$1" -v ours="$ours" -v name="$3" -v theirs="$theirs" \
    'BEGIN { r = theirs / ours; printf "| %s | %.2f s | %s | %.2f s | " (r >= 10 ? "%.0f" : "%.2g") "× |\n", task, ours, name, theirs, r }'
}

# The library a user searches: the big file imported (the command line
# reads its records and indexes them on each run; the browser keeps its index).
"$ostrom" import "$work/big.bib" > /dev/null
"$ostrom" search 'public services' > /dev/null || true

size=$(du -m "$work/big.bib" | cut -f1)
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m); $entries entries ($size MB) and 10 000 for pandoc"
echo
echo "| task | ostrom | peer | peer's time | peer ÷ ostrom |"
echo "|---|---|---|---|---|"
query="'public services'"
row "BibTeX to JSON, $entries entries" "'$ostrom' list --format json '$work/big.bib'" \
  "bibtexparser $(python3 -c 'import bibtexparser; print(bibtexparser.__version__)')" "python3 '$work/bibtexparser-json.py' '$work/big.bib'"
row "BibTeX to CSL-JSON, 10 000 entries" "'$ostrom' export --format csljson --from '$work/small.bib'" \
  "pandoc $(pandoc --version | head -1 | cut -d' ' -f2)" "pandoc -f bibtex -t csljson '$work/small.bib'"
row "a search of the .bib file (read, indexed, ranked)" "'$ostrom' search $query '$work/big.bib'" \
  "rg -c $(rg --version | head -1 | cut -d' ' -f2)" "rg -c $query '$work/big.bib'"
row "a search of your library holding it" "'$ostrom' search $query" \
  "rg -c" "rg -c $query '$work/big.bib'"
row "a search of your library holding it" "'$ostrom' search $query" \
  "fzf --filter $(fzf --version | cut -d' ' -f1)" "fzf --filter $query < '$work/big.bib'"
echo
"$bin/ostrom-bench" pager --runs "$runs"
echo
"$bin/ostrom-bench" start --runs 21 --ostrom "$ostrom"
