#!/usr/bin/env python
"""Sanity checks for the organization/outlet/title/cue lexicons in src/accordwatch/data/.

Checks headers, cell counts, codes and kinds, finds names/aliases that more than one row
claims (case-insensitively, as the gazetteer's lower-cased indexes see them), reports terms
that also appear in countries.tsv / blocs.tsv, and prints counts.

    .venv/bin/python scripts/check_orgs.py [--quiet]

Exit status 1 when there are errors (warnings alone do not fail).
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "accordwatch" / "data"

HEADERS = {
    "organizations.tsv": ["name", "aliases", "country", "kind"],
    "outlets.tsv": ["name", "aliases", "country"],
    "titles.tsv": ["title", "kind"],
    "org_cues.tsv": ["word", "kind", "position"],
}
ORG_KINDS = {"company", "bank", "fund", "ministry", "agency", "international_organization",
             "association", "chamber", "exchange", "university", "commission"}
TITLE_KINDS = {"head_of_state", "head_of_government", "minister", "diplomat", "regional",
               "legislator", "executive", "official", "royal"}
CUE_POSITIONS = {"suffix", "prefix_descriptor", "legal_form"}
CODE = re.compile(r"^(?:[A-Z]{3}|EU)$")

ORIGINAL: dict[str, set[str]] = {}   # lower-cased term -> its spellings in the data


def case_sensitive(term: str) -> bool:
    """As in accordwatch.extract.gazetteer: acronyms and camel case match only as written."""
    letters = [c for c in term if c.isalpha()]
    return bool(letters) and (sum(c.isupper() for c in letters) >= 2 or term.isupper())


errors: list[str] = []
warnings: list[str] = []


def load(name: str) -> list[tuple[int, dict[str, str]]]:
    path = DATA / name
    if not path.exists():
        errors.append(f"{name}: missing")
        return []
    text = path.read_text(encoding="utf-8")
    if text.startswith("\ufeff"):
        errors.append(f"{name}: starts with a BOM")
    lines = text.split("\n")
    header = lines[0].split("\t")
    want = HEADERS.get(name)
    if want and header != want:
        errors.append(f"{name}: header {header} != {want}")
    rows = []
    for i, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        if "\r" in line:
            errors.append(f"{name}:{i}: carriage return")
        cells = line.split("\t")
        if len(cells) != len(header):
            errors.append(f"{name}:{i}: {len(cells)} cells, header has {len(header)}: {line!r}")
            continue
        for c in cells:
            if c != c.strip():
                errors.append(f"{name}:{i}: cell with outer spaces: {c!r}")
            if "||" in c or c.startswith("|") or c.endswith("|"):
                errors.append(f"{name}:{i}: empty value in a |-list: {c!r}")
            if c.startswith('"') and c.endswith('"') and len(c) > 1:
                warnings.append(f"{name}:{i}: quoted cell (files are unquoted): {c!r}")
        rows.append((i, dict(zip(header, cells, strict=False))))
    return rows


def split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def known_codes() -> set[str]:
    codes = set()
    for f in ("countries.tsv", "blocs.tsv"):
        p = DATA / f
        if p.exists():
            for line in p.read_text(encoding="utf-8").splitlines()[1:]:
                if line.strip():
                    codes.add(line.split("\t")[0])
    return codes


def country_terms() -> dict[str, str]:
    """lower-cased country/bloc name, alias or demonym -> code."""
    out: dict[str, str] = {}
    for f in ("countries.tsv", "blocs.tsv"):
        p = DATA / f
        if not p.exists():
            continue
        lines = p.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        for line in lines[1:]:
            if not line.strip():
                continue
            row = dict(zip(head, line.split("\t"), strict=False))
            for col in ("name", "aliases", "demonyms"):
                for t in split(row.get(col, "")):
                    out.setdefault(t.lower(), row["code"])
    return out


def place_terms() -> dict[str, str]:
    """lower-cased place name or alias -> canonical place name (places.tsv, when present)."""
    out: dict[str, str] = {}
    p = DATA / "places.tsv"
    if not p.exists():
        return out
    lines = [ln for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    head = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(head, line.split("\t"), strict=False))
        for t in [row.get("name", "")] + split(row.get("aliases", "")):
            if t:
                out.setdefault(t.lower(), row["name"])
    return out


def check_named(name: str, rows, with_kind: bool, codes: set[str]) -> dict[str, list[str]]:
    """Validate a name/aliases/country[/kind] file; return lower term -> [canonical names]."""
    terms: dict[str, list[str]] = defaultdict(list)
    names = Counter()
    for i, r in rows:
        canon = r["name"]
        if not canon:
            errors.append(f"{name}:{i}: empty name")
            continue
        names[canon] += 1
        cc = r["country"]
        if cc and not CODE.match(cc):
            errors.append(f"{name}:{i}: bad country code {cc!r} ({canon})")
        elif cc and codes and cc not in codes:
            errors.append(f"{name}:{i}: country code {cc!r} not in countries.tsv/blocs.tsv ({canon})")
        if with_kind:
            if r["kind"] not in ORG_KINDS:
                errors.append(f"{name}:{i}: bad kind {r['kind']!r} ({canon})")
            if cc == "EU" and r["kind"] == "company":
                warnings.append(f"{name}:{i}: company with country EU ({canon})")
        forms = [canon] + split(r["aliases"])
        seen = set()
        for t in forms:
            if len(t) < 2:
                errors.append(f"{name}:{i}: term shorter than 2 characters: {t!r}")
            if t in seen:
                errors.append(f"{name}:{i}: {t!r} listed twice in one row")
            seen.add(t)
        for t in forms:
            ORIGINAL.setdefault(t.lower(), set()).add(t)
        for low in {t.lower() for t in forms}:
            terms[low].append(canon)
    for n, k in names.items():
        if k > 1:
            errors.append(f"{name}: name {n!r} on {k} rows")
    for low, owners in terms.items():
        if len(set(owners)) > 1:
            errors.append(f"{name}: {low!r} claimed by {sorted(set(owners))}")
    return terms


def main() -> int:
    quiet = "--quiet" in sys.argv
    codes = known_codes()
    orgs = load("organizations.tsv")
    outs = load("outlets.tsv")
    titles = load("titles.tsv")
    cues = load("org_cues.tsv")

    org_terms = check_named("organizations.tsv", orgs, True, codes)
    out_terms = check_named("outlets.tsv", outs, False, codes)

    for low in sorted(set(org_terms) & set(out_terms)):
        errors.append(f"{low!r} is both an organization {sorted(set(org_terms[low]))} "
                      f"and an outlet {sorted(set(out_terms[low]))}")

    ct = country_terms()
    for label, terms in (("organization", org_terms), ("outlet", out_terms)):
        for low in sorted(set(terms) & set(ct)):
            warnings.append(f"{label} term {low!r} ({terms[low][0]}) is also a country/bloc term ({ct[low]})")

    # the gazetteer drops a place that lies inside an org/outlet match, so a shared term
    # turns every mention of that place into the organization or outlet
    pt = place_terms()
    for label, terms in (("organization", org_terms), ("outlet", out_terms)):
        for low in sorted(set(terms) & set(pt)):
            if all(case_sensitive(t) for t in ORIGINAL.get(low, ())):
                continue      # an acronym (ICA, NIS) never matches the place's ordinary spelling
            warnings.append(f"{label} term {low!r} ({terms[low][0]}) is also a place ({pt[low]})")

    seen_titles: dict[str, int] = {}
    for i, r in titles:
        t = r["title"]
        if not t:
            errors.append(f"titles.tsv:{i}: empty title")
        if r["kind"] not in TITLE_KINDS:
            errors.append(f"titles.tsv:{i}: bad kind {r['kind']!r} ({t})")
        if t.lower() in seen_titles:
            errors.append(f"titles.tsv:{i}: {t!r} repeats line {seen_titles[t.lower()]}")
        seen_titles.setdefault(t.lower(), i)

    seen_cues: dict[tuple[str, str], int] = {}
    for i, r in cues:
        w, pos = r["word"], r["position"]
        if not w:
            errors.append(f"org_cues.tsv:{i}: empty word")
        if r["kind"] not in ORG_KINDS:
            errors.append(f"org_cues.tsv:{i}: bad kind {r['kind']!r} ({w})")
        if pos not in CUE_POSITIONS:
            errors.append(f"org_cues.tsv:{i}: bad position {pos!r} ({w})")
        if pos == "prefix_descriptor" and w != w.lower():
            warnings.append(f"org_cues.tsv:{i}: descriptor {w!r} is not lower case")
        key = (w.lower(), pos) if pos != "legal_form" else (w, pos)
        if key in seen_cues:
            errors.append(f"org_cues.tsv:{i}: {w!r}/{pos} repeats line {seen_cues[key]}")
        seen_cues.setdefault(key, i)

    # ---- counts ----
    print(f"organizations.tsv: {len(orgs)} rows, "
          f"{sum(len(split(r['aliases'])) for _, r in orgs)} aliases, {len(org_terms)} distinct terms")
    print("  by kind:", dict(Counter(r["kind"] for _, r in orgs).most_common()))
    print("  by country:", dict(Counter(r["country"] or "-" for _, r in orgs).most_common()))
    print(f"outlets.tsv: {len(outs)} rows, {sum(len(split(r['aliases'])) for _, r in outs)} aliases, "
          f"{len(out_terms)} distinct terms, {len({r['country'] for _, r in outs})} countries")
    print(f"titles.tsv: {len(titles)} rows;", dict(Counter(r["kind"] for _, r in titles).most_common()))
    print(f"org_cues.tsv: {len(cues)} rows;", dict(Counter(r["position"] for _, r in cues).most_common()))

    if warnings and not quiet:
        print(f"\n{len(warnings)} warning(s):")
        for w in warnings:
            print("  W", w)
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  E", e)
        return 1
    print("\nno errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
