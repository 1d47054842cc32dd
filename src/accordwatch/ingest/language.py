"""The language of an article, told from its script: what the pipeline can and cannot read yet.

Extraction reads English. A text that is mostly Cyrillic (more than half of its letters) is taken to
be Russian: the ingesters set `document.meta["language"]` to "ru" and the command line warns that its
record will be mostly empty, until a Russian pipeline reads it (DESIGN.md: languages are data, chosen
from the document's language). Kazakh, Ukrainian or Kyrgyz in Cyrillic are counted as Russian too
for now: the warning is the same for all of them.
"""
from __future__ import annotations

import re

SAMPLE = 20_000          # characters looked at: the head of an article tells its script
CYRILLIC_SHARE = 0.5     # more than this share of the letters Cyrillic: a Russian text
NAMES = {"en": "English", "ru": "Russian"}
SUPPORTED = ("en",)      # what extraction reads unless it says otherwise (see cli.languages_read)

_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff\u0500-\u052f]")


def language_of(text: str) -> str:
    """"ru" when more than half of the letters (in the first SAMPLE characters) are Cyrillic, "und"
    when there are no letters at all, else "en" (the language extraction reads)."""
    sample = text[:SAMPLE]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return "und"
    if len(_CYRILLIC.findall(sample)) / letters > CYRILLIC_SHARE:
        return "ru"
    return "en"


def unsupported_language(language: str | None, supported: tuple[str, ...] = SUPPORTED) -> str | None:
    """The name of a language extraction cannot read yet ("Russian"), or None when it can (or the
    language is unknown). `supported`: the codes of the languages extraction reads."""
    if language in (None, "und") or language in supported:
        return None
    return NAMES.get(language, language)


def language_warning(source: str, language: str | None, supported: tuple[str, ...] = SUPPORTED) -> str | None:
    """The warning line for an article in a language extraction cannot read yet, else None."""
    name = unsupported_language(language, supported)
    if name is None:
        return None
    return f"{source}: {name} text: {name} extraction is not available yet, the record will be mostly empty"
