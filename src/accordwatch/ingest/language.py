"""The language of an article, and what the pipeline can and cannot read.

The ingesters set `document.language` when the article says it (a JSON Lines "language" key,
`--lang`), and `document.meta["language"]` from the script otherwise (accordwatch.language); the
command line warns about an article in a language extraction does not read.
"""
from __future__ import annotations

from ..language import script_language

NAMES = {"en": "English", "ru": "Russian"}
SUPPORTED = ("en",)      # what extraction reads unless it says otherwise (see cli.languages_read)


def language_of(text: str) -> str:
    """"ru", "en" or "und" (no letters): the script test of accordwatch.language."""
    return script_language(text)


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
