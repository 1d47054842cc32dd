"""The bundled gazetteers and lexicons load, have their columns, and do not contradict each other."""
from __future__ import annotations

import re

import pytest

from accordwatch.data import lexicon, read_tsv, split
from accordwatch.errors import DataError

BLOCS = {"EU", "EAEU", "CIS", "SCO", "CSTO", "OTS", "ASEAN", "GCC", "UN", "C5"}
COLUMNS = {
    "countries.tsv": {"code", "name", "aliases", "demonyms", "flags"},
    "blocs.tsv": {"code", "name", "aliases", "demonyms", "flags"},
    "places.tsv": {"name", "country", "kind", "aliases", "population"},
    "organizations.tsv": {"name", "aliases", "country", "kind"},
    "outlets.tsv": {"name", "aliases", "country"},
    "side_regions.tsv": {"name"},
    "titles.tsv": {"title", "kind"},
    "org_cues.tsv": {"word", "kind", "position"},
    "people.tsv": {"name", "aliases", "country", "title"},
    "title_words.tsv": {"word"},
    "not_names.tsv": {"word"},
    "not_org_words.tsv": {"word", "only_after"},
}


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_files_have_their_columns(name):
    rows = lexicon(name)
    assert rows, f"{name} is empty"
    assert set(rows[0]) == COLUMNS[name]


def test_codes_are_iso_or_blocs():
    codes = {r["code"] for r in lexicon("countries.tsv")}
    assert {"KAZ", "ROU", "TUR", "BLR", "AZE", "NOR"} <= codes
    assert {r["code"] for r in lexicon("blocs.tsv")} == BLOCS
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    known = codes | BLOCS
    for f in ("organizations.tsv", "outlets.tsv", "places.tsv", "people.tsv"):
        bad = [r for r in lexicon(f) if r["country"] and r["country"] not in known]
        assert bad == [], f"{f}: unknown country codes {bad[:3]}"


def test_blocs_are_not_organizations():
    bloc_terms = {t.lower() for r in lexicon("blocs.tsv") for t in [r["name"], *split(r["aliases"])]}
    orgs = {t.lower() for r in lexicon("organizations.tsv") for t in [r["name"], *split(r["aliases"])]}
    assert bloc_terms & orgs == set()


def test_former_names_point_to_today():
    countries = {t: r["code"] for r in lexicon("countries.tsv") for t in [r["name"], *split(r["aliases"])]}
    assert countries["Turkey"] == "TUR"
    places = {t: r["name"] for r in lexicon("places.tsv") for t in [r["name"], *split(r["aliases"])]}
    assert places["Nur-Sultan"] == "Astana"
    assert places["Alma-Ata"] == "Almaty"


def test_missing_file_is_a_clear_error():
    with pytest.raises(DataError, match="AW201.*no_such.tsv"):
        read_tsv("no_such.tsv")


@pytest.mark.parametrize("name, readers", [
    # (amounts reads three patterns of figure_cues.tsv; events its word sets too)
    ("figure_cues.tsv", [("figures", "CUE_NAMES"), ("amounts", None)]),
    ("event_cues.tsv", [("events", "CUE_NAMES"), ("events", "CUE_SETS"), (None, "NUMBERS")]),
    ("party_cues.tsv", [("parties", "CUE_NAMES")]),
])
def test_every_pattern_of_a_cue_file_is_one_its_finder_reads(name, readers):
    """A misspelt name in data/<code>/*_cues.tsv would never be read (each finder takes the names it knows)."""
    import importlib

    from accordwatch.extract import lang

    names: set[str] = set()
    for module, attr in readers:
        if module is None:
            names.add(attr)   # one name its finder reads apart
        elif attr is None:
            names |= {"YEAR_BEFORE", "NUMBER_OF", "LEVEL"}   # (amounts.py)
        else:
            names |= set(getattr(importlib.import_module(f"accordwatch.extract.{module}"), attr))
    for language in lang.LANGUAGES.values():
        if language.code == "en":
            continue   # English's patterns are the finder's constants
        rows = language.lexicon(name)
        assert rows, f"{language.code}/{name} is missing or empty"
        unknown = {r["name"] for r in rows} - names
        assert not unknown, f"{language.code}/{name}: {sorted(unknown)}"
        for r in rows:
            if "pattern" in r and r["name"] not in ("NUMBERS",):
                re.compile(r["pattern"])
