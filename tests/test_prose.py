"""Word salad is no prose: no events or figures are read from it (P9: four "signed" agreements
came out of 3 MB of shuffled words)."""
from __future__ import annotations

import random
import re
from pathlib import Path

import accordwatch
from accordwatch.extract.prose import is_prose, prose_ratio

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def sample_words() -> list[str]:
    return [w for p in sorted(ARTICLES.glob("*.txt")) for w in re.findall(r"\S+", p.read_text(encoding="utf-8"))]


def test_every_sample_article_is_prose():
    for path in sorted(ARTICLES.glob("*.txt")):
        assert is_prose(path.read_text(encoding="utf-8")), path.name


def test_shuffled_words_of_real_articles_are_no_prose_and_yield_no_facts():
    rng = random.Random(11)
    words = sample_words()
    salad = " ".join(rng.choice(words) for _ in range(20_000))
    assert prose_ratio(salad) < 1.4
    record = accordwatch.extract(salad, published="2024-01-01")
    assert record["events"] == [] and record["figures"] == []


def test_a_short_text_is_too_short_to_judge():
    assert prose_ratio("Kazakhstan and Oman signed a memorandum on fertilizers.") is None
    assert accordwatch.extract("Kazakhstan and Oman signed a memorandum on fertilizers.")["events"]
