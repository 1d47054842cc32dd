"""Dates in metadata fields (ISO strings, RFC 822 feed dates) to YYYY-MM-DD."""
from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"^\s*([0-9]{4})-([0-9]{2})-([0-9]{2})")   # ASCII digits (\d takes ٢٠٢٤ too)


def iso_date(value: object) -> str | None:
    """'2024-03-27T10:00:00+05:00' or 'Wed, 27 Mar 2024 10:00:00 GMT' -> '2024-03-27'; else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    m = _ISO.match(value)
    if m:
        try:
            return datetime(int(m[1]), int(m[2]), int(m[3])).date().isoformat()   # strftime writes 999 for 0999
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
