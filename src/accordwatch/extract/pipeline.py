"""The component registry and the Pipeline that runs components over one Document.

A component is a function `(Document) -> None` that adds annotations. Components are registered
by name with `@component("name")`; a Pipeline runs them in order. Built-ins use the same
registry a plugin would.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..document import Document
from ..errors import AccordwatchError

Component = Callable[[Document], None]
_SURROGATE = re.compile("[\ud800-\udfff]")
REGISTRY: dict[str, Component] = {}

# the stages, in order:
# 0 language     the article's language (given, or told from its script): which data is read
# 1 boilerplate  body ranges (bylines, footers, photo credits are not body)
# 2 header       title, publication stamp, dateline, outlet from the top of the text
# 3 tokens       spaCy tokens and sentences (line breaks end sentences)
#   prose        is the text prose at all? (word salad gets no events or figures)
# 4 gazetteer    countries, blocs, places, known organizations, outlets, titles
# 5 dates        date expressions, normalised against the publication date
# 6 organizations  unseen organizations from patterns (ministries, "X Company", acronyms)
# 7 people       people with their titles and countries
# 8 amounts      money, physical quantities and counts with their values in base units
# 9 figures      economic figures: indicator, period, parties, direction, growth, target
# 10 sectors     sector words (and trade promotion) with the fixed labels of SCHEMA.md
# 11 events      agreements, working groups, meetings, projects; the article's sectors
DEFAULT_PIPELINE = ("language", "boilerplate", "header", "tokens", "prose", "gazetteer", "dates", "organizations",
                    "people", "amounts", "figures", "sectors", "events")


def component(name: str) -> Callable[[Component], Component]:
    def register(fn: Component) -> Component:
        REGISTRY[name] = fn
        return fn
    return register


class UnknownComponent(AccordwatchError):
    code = "AW301"


class Pipeline:
    def __init__(self, names: Iterable[str] = DEFAULT_PIPELINE) -> None:
        _load_builtins()
        self.names = tuple(names)
        missing = [n for n in self.names if n not in REGISTRY]
        if missing:
            raise UnknownComponent(f"unknown pipeline component(s) {missing}; known: {sorted(REGISTRY)}")
        self.steps = [REGISTRY[n] for n in self.names]

    def warm_up(self) -> None:
        """Load every lexicon and build every matcher now rather than on the first article."""
        self(Document(text="ASTANA – Kazakhstan and the EU signed a memorandum on trade worth $1 billion in 2024."))

    def __call__(self, doc: Document) -> Document:
        # a lone surrogate ("\ud800" from a JSON escape or a file name that is not UTF-8) is no
        # character: it cannot be encoded, printed or stored. It becomes U+FFFD, one for one, so
        # offsets into the text stay right.
        for name in ("text", "title", "source", "outlet", "url", "published", "language"):
            value = getattr(doc, name)
            if isinstance(value, str) and _SURROGATE.search(value):
                setattr(doc, name, _SURROGATE.sub("\ufffd", value))
        for step in self.steps:
            step(doc)
        return doc


def _load_builtins() -> None:
    # importing the modules registers their components
    from . import (  # noqa: F401
        amounts,
        boilerplate,
        dates,
        events,
        figures,
        gazetteer,
        header,
        lang,
        organizations,
        people,
        prose,
        sectors,
        tokens,
    )
