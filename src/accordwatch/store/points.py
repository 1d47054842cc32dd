"""The point key: what lets the database group figures into points and order the points, so that a
page of a time series costs a page, not the whole table.

A point (rows.figure_points) is the figures with the same indicator, parties, direction, unit, period,
kind and value (rounded to 6 places); points are shown in time (query.common.period_key), then by indicator,
parties, kind, from and value. `figures.point_key` holds one string per figure that says both:

    period_end SEP period_start SEP indicator SEP parties SEP kind SEP from SEP value  | SEP to SEP unit SEP period ...
    '--------------------------- the order of the points -------------------------'   '-- the rest of its identity --'

SEP sorts below every character of the fields, so comparing two keys (bytewise: SQLite's BINARY,
PostgreSQL's "C" collation of the column) compares their fields in turn, as Python compares the tuples;
the value is written so that its text sorts as the number. Two figures have the same key exactly when
they belong to the same point. Keys that share the first seven fields (a "block": points that differ
only in direction, unit or how the period is written) tie in the order; rows.point_page orders each
block as figure_points always did (by the first value, then by the first article that reports it).

store.write fills the key (and period_start/period_end) on insert, the schema's column default does
for any other insert, and migration 0004 fills it for figures written before it; all three use
point_columns below.
"""
from __future__ import annotations

import struct
from typing import Any

SEP = "\x1f"          # below every character of a code, an indicator, a unit or a period
BLOCK_FIELDS = 7      # the fields that order the points; the rest only tell tied points apart


def _month(part: str, end: bool) -> str:
    part = part.strip()[:7]
    if len(part) == 4:
        return f"{part}-12" if end else f"{part}-01"
    return part


def period_bounds(period: str | None) -> tuple[str, str] | None:
    """(first month, last month) of a period: "2023" -> ("2023-01", "2023-12"), "2023-01/2023-09" ->
    ("2023-01", "2023-09"), "2023-05" -> ("2023-05", "2023-05"); None for no period."""
    if not period:
        return None
    start, _, stop = period.partition("/")
    return _month(start, False), _month(stop or start, True)


def partial_year(period: str | None) -> bool | None:
    """Whether a period covers less than whole years ("2024-01/2024-09", "2024-03": True; "2023",
    "2021/2023": False); None for no period."""
    bounds = period_bounds(period)
    if bounds is None:
        return None
    return not (bounds[0].endswith("-01") and bounds[1].endswith("-12"))


def value_code(value: float) -> str:
    """The value rounded to 6 places as 16 hex digits that sort as the numbers do (IEEE 754 bits,
    the sign flipped for positives and every bit for negatives)."""
    v = round(float(value), 6) + 0.0          # + 0.0: -0.0 is 0.0, as it is for a dict key
    bits = struct.unpack(">Q", struct.pack(">d", v))[0]
    bits = (~bits & 0xFFFF_FFFF_FFFF_FFFF) if bits >> 63 else bits | (1 << 63)
    return f"{bits:016x}"


def _opt(value: str | None) -> str:
    return "-" if value is None else "+" + value


def point_columns(indicator: str, parties: str, from_code: str | None, to_code: str | None, unit: str,
                  period: str | None, kind: str, value: float) -> dict[str, Any]:
    """{"period_start", "period_end", "point_key"} of a figure ('' for the period columns when it has
    no period)."""
    start, end = period_bounds(period) or ("", "")
    joined = "|".join(x for x in (parties or "").split("|") if x)   # as a point shows its parties
    fields = [end, start, indicator or "", joined, kind or "", from_code or "",
              "" if value is None else value_code(value),   # None: an insert the database will refuse
              _opt(to_code), unit or "", _opt(period), _opt(from_code)]
    if joined != parties:                 # only for a parties cell with empty parts
        fields.append("~" + (parties or ""))
    return {"period_start": start, "period_end": end, "point_key": SEP.join(fields)}


def row_point_columns(row: dict[str, Any]) -> dict[str, Any]:
    """point_columns of a figure row given as a dict of its columns (missing ones are None)."""
    return point_columns(row.get("indicator"), row.get("parties"), row.get("from_code"), row.get("to_code"),
                         row.get("unit"), row.get("period"), row.get("kind"), row.get("value"))


def block_of(key: str) -> str:
    """The part of a point key that orders it: points whose keys share it tie in the order."""
    return SEP.join(key.split(SEP)[:BLOCK_FIELDS])


def block_range(block: str) -> tuple[str, str]:
    """(low, high): the keys of a block are those with low <= key < high."""
    return block + SEP, block + chr(ord(SEP) + 1)
