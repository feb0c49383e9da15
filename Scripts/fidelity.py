#!/usr/bin/env python3
"""How much of a real library ostrom reads, measured against the reference parsers.

    Scripts/fidelity.py [--ostrom PATH] [--show N] [--cache DIR] FOLDER...

Every .bib/.bibtex, .ris/.txt (RIS), .json (CSL-JSON) file under the folders,
and every CSL test-suite fixture (a .txt with an ">>===== INPUT =====>>"
section, whose items are the oracle), is read by `ostrom list --format json`
one file at a time and by its oracles:

  BibTeX   bibtexparser 2 (LaTeX decoding, co-authors and name parts split)
           and `pandoc -f bibtex -t csljson`
  RIS      rispy
  CSL-JSON the items themselves

It prints, per format, the entries ostrom recovered out of those any oracle
read, and per field (title, authors, year, container, volume, issue, pages,
doi, url, publisher) how often ostrom agrees; for BibTeX, agreement is counted
where both oracles agree with each other. --show N lists N differences.

Needs: pip install --pre 'bibtexparser>=2' rispy; apt-get install pandoc.
Nothing here is part of `swift test`: the corpora are other projects' files.
"""

import argparse
import collections
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

FIELDS = ["title", "authors", "year", "container", "volume", "issue", "pages", "doi", "url", "publisher"]

# Entry types that are not references: biblatex's data containers and sets
# (their members are the references), and BibTeX's own blocks.
NOT_REFERENCES = {"xdata", "set", "string", "preamble", "comment"}


# MARK: - Normalising values so that only real differences count

def text(value):
    if value is None:
        return None
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    value = html.unescape(re.sub(r"<[^>]+>", "", str(value)))
    value = unicodedata.normalize("NFC", value).replace("{", "").replace("}", "")
    value = value.translate(str.maketrans({"–": "-", "—": "-", "‐": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " ", "\u2009": " "}))
    value = re.sub(r"\s+", " ", value).strip().casefold()
    return value or None


def pages(value):
    value = text(value)
    return re.sub(r"\s*-+\s*", "-", value) if value else None


def doi(value):
    value = text(value)
    if not value:
        return None
    return re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", value)


def year(value):
    match = re.search(r"-?\d{1,4}", str(value)) if value is not None else None
    return int(match.group()) if match else None


def person(given="", family="", particle="", suffix="", literal=""):
    if literal:
        return text(re.sub(r"[.,]", " ", literal))
    whole = " ".join(part for part in [given, particle, family, suffix] if part)
    whole = re.sub(r"[.,]", " ", whole)
    return text(whole)


def normalised(record):
    return {
        "title": text(record.get("title")),
        "authors": [a for a in (record.get("authors") or []) if a] or None,
        "year": record.get("year"),
        "container": text(record.get("container")),
        "volume": text(record.get("volume")),
        "issue": text(record.get("issue")),
        "pages": pages(record.get("pages")),
        "doi": doi(record.get("doi")),
        "url": text(record.get("url")),
        "publisher": text(record.get("publisher")),
    }


# MARK: - ostrom

def run_ostrom(binary, path):
    done = subprocess.run([binary, "list", "--format", "json", path], capture_output=True, timeout=120)
    try:
        items = json.loads(done.stdout or b"[]")
    except json.JSONDecodeError:
        items = []
    records = []
    for item in items:
        if item.get("source", {}).get("path", "").startswith("builtin:"):
            continue
        names = item.get("authors") or item.get("editors") or item.get("speakers") or []
        records.append((str(item.get("id")), normalised({
            "title": item.get("title"),
            "authors": [person(n.get("given", ""), n.get("family", ""), n.get("particle", ""), n.get("suffix", ""), n.get("literal", "")) for n in names],
            "year": item.get("year"),
            "container": item.get("container"),
            "volume": item.get("volume"),
            "issue": item.get("issue"),
            "pages": item.get("pages"),
            "doi": item.get("doi"),
            "url": item.get("url"),
            "publisher": item.get("publisher"),
        })))
    return records, done.stderr.decode("utf-8", "replace"), done.returncode


# MARK: - Oracles

def csl_record(item):
    names = item.get("author") or item.get("editor") or []
    issued = item.get("issued") or {}
    parts = issued.get("date-parts") if isinstance(issued, dict) else None
    first = parts[0][0] if parts and parts[0] else (issued.get("raw") if isinstance(issued, dict) else issued)
    return normalised({
        "title": item.get("title"),
        "authors": [person(n.get("given", ""), n.get("family", ""),
                           " ".join(p for p in [n.get("dropping-particle", ""), n.get("non-dropping-particle", "")] if p),
                           n.get("suffix", ""), n.get("literal", "")) for n in names if isinstance(n, dict)],
        "year": year(first),
        "container": item.get("container-title"),
        "volume": item.get("volume"),
        "issue": item.get("issue"),
        "pages": item.get("page"),
        "doi": item.get("DOI"),
        "url": item.get("URL"),
        "publisher": item.get("publisher"),
    })


PANDOC_CACHE = None


def pandoc_bibtex(path):
    """pandoc's reading, kept in --cache (by the file's hash) when given."""
    cached = None
    if PANDOC_CACHE:
        with open(path, "rb") as handle:
            cached = os.path.join(PANDOC_CACHE, hashlib.sha1(handle.read()).hexdigest() + ".json")
    try:
        if cached and os.path.exists(cached):
            with open(cached, "rb") as handle:
                output = handle.read()
        else:
            # pandoc takes minutes and gigabytes on a few of biber's test files: past a minute it reads nothing.
            try:
                output = subprocess.run(["pandoc", "-f", "bibtex", "-t", "csljson", path], capture_output=True, timeout=60).stdout
            except subprocess.TimeoutExpired:
                output = b"[]"
            if cached:
                with open(cached, "wb") as handle:
                    handle.write(output)
        return [(str(item["id"]), csl_record(item)) for item in json.loads(output or b"[]")]
    except json.JSONDecodeError:
        return []


def bibtexparser_entries(path):
    """The references, and the keys of the entries that are not references."""
    import bibtexparser
    from bibtexparser import middlewares as m
    try:
        library = bibtexparser.parse_file(path, append_middleware=[
            m.LatexDecodingMiddleware(), m.SeparateCoAuthors(), m.SplitNameParts()])
    except Exception:
        return [], set()
    records = []
    others = set()
    for entry in library.entries:
        if entry.entry_type.lower() in NOT_REFERENCES:
            others.add(entry.key)
            continue
        fields = {f.key.lower(): f.value for f in entry.fields}
        names = fields.get("author") or fields.get("editor") or []
        authors = []
        for name in names if isinstance(names, list) else []:
            if hasattr(name, "first"):
                authors.append(person(" ".join(name.first), " ".join(name.last), " ".join(name.von), " ".join(name.jr)))
            else:
                authors.append(text(name))
        records.append((entry.key, normalised({
            "title": fields.get("title"),
            "authors": authors,
            "year": year(fields.get("year") or fields.get("date")),
            "container": fields.get("journal") or fields.get("journaltitle") or fields.get("booktitle"),
            "volume": fields.get("volume"),
            "issue": fields.get("number") or fields.get("issue"),
            "pages": fields.get("pages"),
            "doi": fields.get("doi"),
            "url": fields.get("url"),
            "publisher": fields.get("publisher"),
        })))
    return records, others


def rispy_entries(path):
    import rispy
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            entries = rispy.load(handle)
    except Exception:
        return []
    records = []
    for index, entry in enumerate(entries):
        # A1 (first_authors) and AU (authors) are both primary authors.
        names = (entry.get("first_authors") or []) + (entry.get("authors") or [])
        authors = []
        for name in names:
            family, _, given = name.partition(",")
            authors.append(person(given.strip(), family.strip()) if given else text(name))
        start, end = entry.get("start_page"), entry.get("end_page")
        records.append((str(index), normalised({
            "title": entry.get("title") or entry.get("primary_title"),
            "authors": authors,
            "year": year(entry.get("year") or entry.get("publication_year") or entry.get("date")),
            "container": entry.get("secondary_title") or entry.get("journal_name") or entry.get("alternate_title3"),
            "volume": entry.get("volume"),
            "issue": entry.get("number"),
            "pages": f"{start}-{end}" if start and end else start,
            "doi": entry.get("doi"),
            "url": (entry.get("urls") or [None])[0],
            "publisher": entry.get("publisher"),
        })))
    return records


# MARK: - Files

CSL_INPUT = re.compile(r">>=+ INPUT =+>>(.*?)<<=+ INPUT =+<<", re.S)


def collect(folders, scratch):
    """(format, path, display name) for every file worth reading."""
    for folder in folders:
        for root, _, files in os.walk(folder, followlinks=True):
            for name in sorted(files):
                path = os.path.join(root, name)
                lower = name.lower()
                if lower.endswith((".bib", ".bibtex")):
                    yield "bibtex", path, path
                elif lower.endswith(".ris"):
                    yield "ris", path, path
                elif lower.endswith(".json"):
                    yield "csl-json", path, path
                elif lower.endswith(".txt"):
                    with open(path, encoding="utf-8", errors="replace") as handle:
                        content = handle.read()
                    match = CSL_INPUT.search(content)
                    if match:
                        extracted = os.path.join(scratch, f"{len(os.listdir(scratch))}-{name[:-4]}.json")
                        with open(extracted, "w", encoding="utf-8") as out:
                            out.write(match.group(1))
                        yield "csl-json", extracted, path
                    elif re.search(r"^TY  ?- ", content, re.M):
                        yield "ris", path, path


def csl_items(path):
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    if isinstance(data, dict):
        data = data.get("items", [data]) if "items" in data else [data]
    if not isinstance(data, list) or not all(isinstance(i, dict) and "id" in i and "type" in i for i in data):
        return None
    return [(str(item["id"]), csl_record(item)) for item in data]


# MARK: - Comparison

class Tally:
    def __init__(self):
        self.wanted = 0
        self.found = 0
        self.fields = collections.defaultdict(lambda: [0, 0])
        self.differences = []

    def compare(self, name, key, ours, theirs, field_names):
        for field in field_names:
            if theirs[field] is None:
                continue
            counts = self.fields[field]
            counts[1] += 1
            if ours[field] == theirs[field]:
                counts[0] += 1
            else:
                self.differences.append(f"{name} {key} {field}: ostrom {ours[field]!r} / oracle {theirs[field]!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--ostrom", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "ostrom"))
    parser.add_argument("--show", type=int, default=20, help="differences to list per format")
    parser.add_argument("--cache", help="a folder where pandoc's readings are kept between runs")
    arguments = parser.parse_args()
    global PANDOC_CACHE
    if arguments.cache:
        os.makedirs(arguments.cache, exist_ok=True)
        PANDOC_CACHE = arguments.cache

    tallies = collections.defaultdict(Tally)
    missing = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as scratch:
        for kind, path, name in collect(arguments.folders, scratch):
            if kind == "bibtex":
                entries, others = bibtexparser_entries(path)
                first, second = dict(entries), dict(pandoc_bibtex(path))
                wanted = [key for key in dict.fromkeys(list(first) + list(second)) if key not in others]
            elif kind == "ris":
                first, second = dict(rispy_entries(path)), {}
                wanted = list(first)
            else:
                items = csl_items(path)
                if items is None:
                    continue
                # By position: a test file may give two items one id.
                first, second = {str(i): record for i, (_, record) in enumerate(items)}, {}
                wanted = list(first)
            if not wanted:
                continue
            records, _, _ = run_ostrom(arguments.ostrom, path)
            ours = dict(records) if kind == "bibtex" else {str(i): r for i, (_, r) in enumerate(records)}
            tally = tallies[kind]
            tally.wanted += len(wanted)
            for key in wanted:
                if key not in ours:
                    missing[kind].append(f"{name} {key}")
                    continue
                tally.found += 1
                if kind == "bibtex":
                    if key in first and key in second:
                        agreed = [f for f in FIELDS if first[key][f] == second[key][f]]
                        tally.compare(name, key, ours[key], first[key], agreed)
                else:
                    tally.compare(name, key, ours[key], first[key], FIELDS)

    for kind, tally in sorted(tallies.items()):
        share = 100 * tally.found / tally.wanted if tally.wanted else 100
        print(f"{kind}: {tally.found} / {tally.wanted} entries ({share:.1f} %)")
        total = [0, 0]
        for field in FIELDS:
            agree, compared = tally.fields.get(field, [0, 0])
            total[0] += agree
            total[1] += compared
            if compared:
                print(f"  {field:10} {agree:5} / {compared:5} ({100 * agree / compared:.1f} %)")
        if total[1]:
            print(f"  {'all':10} {total[0]:5} / {total[1]:5} ({100 * total[0] / total[1]:.1f} %)")
        for line in missing[kind][:arguments.show]:
            print(f"  missing: {line}")
        for line in tally.differences[:arguments.show]:
            print(f"  differs: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
