"""The languages extraction reads, and what differs between them (DESIGN.md: languages are data).

A Language names its data folder (data/ for English, data/ru/ for Russian, the same file names and
columns), its spaCy blank tokenizer, and whether its words are compared by lemma: Russian inflects
names and nouns ("Казахстан", "Казахстана", "Казахстаном"), so its gazetteers, triggers, cues and
sector words are matched on lemmas (morph.py) instead of on lower-cased forms.

The language of an article comes with it (a JSON Lines "language" key, `--lang`) or is told from
its script: a text whose letters are mostly Cyrillic is read as Russian.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from ..data import lexicon
from ..document import Document
from ..language import script_language
from .pipeline import component


@dataclass(frozen=True)
class Language:
    code: str               # "en", "ru"
    spacy: str              # the spaCy blank pipeline
    by_lemma: bool          # gazetteer words compared by lemma (inflecting languages)
    decimal_comma: bool     # "2,9 млрд": the comma is the decimal mark
    # the grammatical case a receiver of money is named in ("предоставит Внешэкономбанку кредит": dative),
    # for languages that mark it (morph.py's case names); None where word order or a preposition tells
    recipient_case: str | None = None

    def data(self, name: str) -> str:
        """The data file `name` of this language, relative to data/."""
        return name if self.code == "en" else f"{self.code}/{name}"

    def has(self, name: str) -> bool:
        return resources.files("accordwatch").joinpath("data", self.data(name)).is_file()

    def lexicon(self, name: str) -> tuple[dict[str, str], ...]:
        """The rows of this language's data file `name` (none where the language has no such file)."""
        return lexicon(self.data(name)) if self.has(name) else ()


ENGLISH = Language("en", "en", by_lemma=False, decimal_comma=False)
RUSSIAN = Language("ru", "ru", by_lemma=True, decimal_comma=True, recipient_case="datv")
LANGUAGES = {lang.code: lang for lang in (ENGLISH, RUSSIAN)}


def detect(text: str) -> str:
    """The language read for a text whose language is not given: the script test of
    language.script_language ("ru" for a mostly Cyrillic text), English otherwise."""
    found = script_language(text)
    return found if found in LANGUAGES else "en"


def of(doc: Document) -> Language:
    """The Language a document is read in (English for a language not supported)."""
    return LANGUAGES.get(doc.language or "en", ENGLISH)


@component("language")
def decide(doc: Document) -> None:
    """doc.language: as given (the document or its ingester's meta), else told from the script."""
    given = doc.language or doc.meta.get("language")
    doc.language = given if given in LANGUAGES else detect(doc.text)
