"""Loading the bundled gazetteers and lexicons (TSV files in accordwatch/data/)."""
from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from .errors import DataError


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of data/<name> as dicts; `|`-separated cells stay strings (see `split`)."""
    try:
        text = resources.files("accordwatch").joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as e:
        raise DataError(f"bundled data file data/{name} is missing: reinstall accordwatch") from e
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for i, row in enumerate(reader, start=2):
        if None in row:
            raise DataError(f"data/{name} line {i}: more cells than the header has")
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


def split(cell: str) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


@cache
def lexicon(name: str) -> tuple[dict[str, str], ...]:
    """A cached, read-only view of a data file."""
    return tuple(read_tsv(name))
