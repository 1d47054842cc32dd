"""Keys for matching names across articles: case, accents, punctuation and "the" do not count."""
from __future__ import annotations

import re
import unicodedata


def name_key(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"['’‘`ʼ]s\b", "", s)
    s = re.sub(r"[^\w\s]|_", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)
