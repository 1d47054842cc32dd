#!/usr/bin/env python3
"""Sanity checks for the gazetteer files in src/accordwatch/data/.

Checks countries.tsv, blocs.tsv and places.tsv: the header, the number of
cells per row, codes (ISO alpha-3 or a known bloc code), flags and kinds, and
that no name, alias or demonym belongs to two different codes across
countries.tsv and blocs.tsv.  Place aliases must not be country or bloc names,
and a place may share a name only with its own country (Singapore, Djibouti).
Prints what it finds and the row counts; exits 1 on any error.

Usage: .venv/bin/python scripts/check_gazetteers.py [DATA_DIR]
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "accordwatch" / "data"

CODE_HEADER = ["code", "name", "aliases", "demonyms", "flags"]
PLACE_HEADER = ["name", "country", "kind", "aliases", "population"]
BLOC_CODES = {"EU", "EAEU", "CIS", "SCO", "CSTO", "OTS", "ASEAN", "GCC", "UN", "C5"}
FLAGS = {"ambiguous", "side_only"}
KINDS = {"capital", "city", "region"}
ISO3 = re.compile(r"^[A-Z]{3}$")


def key(s: str) -> str:
    """Collision key: no diacritics, case, periods, leading "the", extra spaces."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = s.replace(".", "").replace("-", " ")
    s = re.sub(r"^the ", "", s)
    return " ".join(s.split())


class Checker:
    def __init__(self) -> None:
        self.errors = 0

    def error(self, msg: str) -> None:
        self.errors += 1
        print(f"ERROR: {msg}")

    def read(self, path: Path, header: list[str]) -> list[dict[str, str]]:
        rows = []
        with path.open(encoding="utf-8", newline="") as fh:
            lines = fh.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if not lines or lines[0].split("\t") != header:
            self.error(f"{path.name}: header should be {chr(9).join(header)!r}")
            return rows
        for n, line in enumerate(lines[1:], start=2):
            cells = line.split("\t")
            if len(cells) != len(header):
                self.error(f"{path.name}:{n}: {len(cells)} cells, expected {len(header)}")
                continue
            for cell in cells:
                if cell != cell.strip() or "\r" in cell or cell.startswith('"'):
                    self.error(f"{path.name}:{n}: stray whitespace or quoting in {cell!r}")
                if "|" in cell and "" in cell.split("|"):
                    self.error(f"{path.name}:{n}: empty value in {cell!r}")
            row = dict(zip(header, cells, strict=True))
            row["_line"] = str(n)
            rows.append(row)
        return rows


def split(cell: str) -> list[str]:
    return [v for v in cell.split("|") if v]


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else DATA
    ck = Checker()
    countries = ck.read(data / "countries.tsv", CODE_HEADER)
    blocs = ck.read(data / "blocs.tsv", CODE_HEADER)
    places = ck.read(data / "places.tsv", PLACE_HEADER)

    # codes and flags
    seen_codes: Counter[str] = Counter()
    for fname, rows, is_bloc in (("countries.tsv", countries, False), ("blocs.tsv", blocs, True)):
        for r in rows:
            code = r["code"]
            seen_codes[code] += 1
            if is_bloc and code not in BLOC_CODES:
                ck.error(f"{fname}:{r['_line']}: unknown bloc code {code!r}")
            if not is_bloc and not ISO3.match(code):
                ck.error(f"{fname}:{r['_line']}: code {code!r} is not 3 upper-case letters")
            if not r["name"]:
                ck.error(f"{fname}:{r['_line']}: empty name")
            for f in split(r["flags"]):
                if f not in FLAGS:
                    ck.error(f"{fname}:{r['_line']}: unknown flag {f!r}")
    for code, n in seen_codes.items():
        if n > 1:
            ck.error(f"code {code} appears {n} times")
    missing_blocs = BLOC_CODES - {r["code"] for r in blocs}
    if missing_blocs:
        ck.error(f"blocs.tsv lacks {sorted(missing_blocs)}")

    # one surface form, one code
    owners: dict[str, set[str]] = defaultdict(set)
    forms: dict[str, set[str]] = defaultdict(set)
    for r in countries + blocs:
        for v in [r["name"], *split(r["aliases"]), *split(r["demonyms"])]:
            owners[key(v)].add(r["code"])
            forms[key(v)].add(v)
    collisions = {k: c for k, c in owners.items() if len(c) > 1}
    for k, codes in sorted(collisions.items()):
        ck.error(f"{sorted(forms[k])} used by {sorted(codes)}")

    # places
    valid = {r["code"] for r in countries}
    kinds: Counter[str] = Counter()
    place_alias_total = 0
    same_as_country = []
    last_pop = None
    for r in places:
        where = f"places.tsv:{r['_line']}"
        if r["country"] not in valid:
            ck.error(f"{where}: country {r['country']!r} not in countries.tsv")
        if r["kind"] not in KINDS:
            ck.error(f"{where}: unknown kind {r['kind']!r}")
        kinds[r["kind"]] += 1
        if not r["population"].isdigit():
            ck.error(f"{where}: population {r['population']!r} is not a number")
        else:
            pop = int(r["population"])
            if last_pop is not None and pop > last_pop:
                ck.error(f"{where}: rows not sorted by population")
            last_pop = pop
        if not r["name"]:
            ck.error(f"{where}: empty name")
        if key(r["name"]) in owners:
            others = sorted(owners[key(r["name"])])
            if others != [r["country"]]:
                ck.error(f"{where}: place {r['name']!r} ({r['country']}) is a name of {others}")
            else:
                same_as_country.append(f"{r['name']} ({r['country']})")
        aliases = split(r["aliases"])
        place_alias_total += len(aliases)
        for a in aliases:
            if key(a) in owners:
                ck.error(
                    f"{where}: alias {a!r} of {r['name']} is a country/bloc name ({sorted(owners[key(a)])})"
                )

    print(
        f"countries.tsv: {len(countries)} rows, "
        f"{sum(len(split(r['aliases'])) for r in countries)} aliases, "
        f"{sum(len(split(r['demonyms'])) for r in countries)} demonyms, "
        f"{sum(1 for r in countries if 'ambiguous' in split(r['flags']))} flagged ambiguous"
    )
    print(f"blocs.tsv: {len(blocs)} rows, {sum(len(split(r['aliases'])) for r in blocs)} aliases")
    print(
        f"places.tsv: {len(places)} rows ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}), "
        f"{place_alias_total} aliases"
    )
    if same_as_country:
        print(
            f"note: {len(same_as_country)} places share a country's name (fine for city-states): "
            + ", ".join(same_as_country)
        )
    print(f"{len(collisions)} collisions, {ck.errors} errors")
    return 1 if ck.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
