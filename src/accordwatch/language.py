"""The language of a text told from its script: one rule for the ingesters (which warn about what
extraction cannot read) and for extraction (which chooses the data it reads, extract/lang.py).

A text whose letters are mostly Cyrillic (more than half, in its first SAMPLE characters) is taken
to be Russian; Kazakh, Kyrgyz or Ukrainian in Cyrillic count as Russian too for now.
"""
from __future__ import annotations

import re

SAMPLE = 20_000          # characters looked at: the head of an article tells its script
CYRILLIC_SHARE = 0.5     # more than this share of the letters Cyrillic: a Russian text
CODES = ("en", "ru")     # the languages an article may be given as (--lang, a JSON Lines key)

_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff\u0500-\u052f]")
_NOT_LETTER = re.compile(r"[\W\d_]")                      # every character _LETTER does not match
_NOT_CYRILLIC = re.compile(r"[^\u0400-\u04ff\u0500-\u052f]")  # every character _CYRILLIC does not match


def script_language(text: str) -> str:
    """"ru" when more than half of the letters are Cyrillic, "und" when there are no letters at
    all, else "en"."""
    sample = text[:SAMPLE]
    if not _CYRILLIC.search(sample):   # most articles: one scan, no counting
        return "en" if _LETTER.search(sample) else "und"
    # counted as the sample's length less the characters that are not (fewer matches to collect)
    letters = len(sample) - len(_NOT_LETTER.findall(sample))
    if (len(sample) - len(_NOT_CYRILLIC.findall(sample))) / letters > CYRILLIC_SHARE:
        return "ru"
    return "en"
