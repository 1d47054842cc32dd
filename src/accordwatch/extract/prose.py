"""Is the text prose at all? Word salad (random words of real articles, a scrambled page) holds
every trigger and cue word an article does, in sentences no one wrote: events and figures read
from it are noise.

The test: the pairs of data/prose_bigrams.tsv ("of the", "will be") meet in prose two to five
times as often as the frequencies of their words alone would put them side by side; in word
salad about as often as chance. Measured on our sample articles, the seed and the dev set: 1.9 to
5.0 for prose, 0.97 to 1.08 for salad of 300 to 20,000 words. Texts shorter than MIN_CHARS (news
articles) are not judged; a text of fewer than MIN_WORDS words is too short to judge, and one that
repeats itself (fewer distinct runs of three words than half of its runs) is no random draw: they
count as prose.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..data import lexicon
from ..document import Document
from . import lang
from .pipeline import component

WORD = re.compile(r"[a-z]+")
MIN_WORDS = 300
MIN_CHARS = 6_000
MIN_RATIO = 1.4


@cache
def bigrams() -> frozenset[tuple[str, str]]:
    return frozenset((row["first"], row["second"]) for row in lexicon("prose_bigrams.tsv"))


def prose_ratio(text: str) -> float | None:
    """Observed over expected count of the prose pairs; None for a text too short to judge."""
    words = WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    pairs = bigrams()
    counts = Counter(words)
    expected = sum(counts[a] * counts[b] for a, b in pairs) / len(words)
    if not expected:
        return None
    triples = list(zip(words, words[1:], words[2:], strict=False))
    if len(set(triples)) < 0.5 * len(triples):
        return None   # the same sentences over and over: chance is no yardstick for that
    observed = sum(1 for pair in zip(words, words[1:], strict=False) if pair in pairs)
    return observed / expected


def is_prose(text: str) -> bool:
    """Word salad that could yield a handful of false events is long; a news article of a few
    thousand characters is not judged at all (its cost is then nil)."""
    if len(text) < MIN_CHARS:
        return True
    ratio = prose_ratio(text)
    return ratio is None or ratio >= MIN_RATIO


@component("prose")
def judge(doc: Document) -> None:
    # the pairs are English ones: another language is not judged
    doc.meta["prose"] = is_prose(doc.text) if lang.of(doc).code == "en" else True
