"""The MinHash of store.dedup is datasketch's, bit for bit: every stored article's signature and band
buckets were made by datasketch (2.x, its default affine32 scheme, seed 1), and new articles are compared
with them. Checked on generated English articles, on Russian and mixed texts cut from the sample corpus,
and on the edge cases (no words, fewer words than a shingle, other scripts)."""
from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

import numpy as np
import pytest

from accordwatch.store import dedup

datasketch = pytest.importorskip("datasketch")
ROOT = Path(__file__).resolve().parents[1]
EDGES = ["", "   ", "a", "a b c d", "a b c d e", "a b c d e f", "Ёлка ёж ЁЖ", "x_y 12 3,4", "İstanbul ß ẞ",
         "日本 経済", "a a a a a a a a a a"]


def _reference(text: str) -> tuple[bytes, list[tuple[int, str]]]:
    """What the writer computed with datasketch before store.dedup did it itself."""
    words = dedup.WORD.findall(text.lower())
    m = datasketch.MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme="affine32")
    m.update_batch([" ".join(words[i:i + dedup.SHINGLE]).encode("utf-8")
                    for i in range(max(1, len(words) - dedup.SHINGLE + 1))])
    values = m.hashvalues.astype(np.uint64)
    return values.tobytes(), [
        (b, hashlib.blake2b(values[b * dedup.ROWS:(b + 1) * dedup.ROWS].tobytes(), digest_size=10).hexdigest())
        for b in range(dedup.BANDS)]


def _texts(english: int, russian: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import generate

    texts = [a["text"] for a in generate(english)]
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "articles").glob("r*"))).split()
    rng = random.Random(3)
    for _ in range(russian):   # runs of words of the Russian sample articles, some in another order
        start, n = rng.randrange(len(words)), rng.choice([1, 4, 5, 6, 40, 300, 800])
        run = words[start:start + n]
        if rng.random() < 0.5:
            rng.shuffle(run)
        texts.append(" ".join(run))
    return texts + EDGES


def test_permutations_are_datasketchs():
    a, b = datasketch.MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme="affine32").permutations
    assert np.array_equal(a, dedup._A) and np.array_equal(b, dedup._B)


def test_signatures_and_buckets_identical_to_datasketch():
    texts = _texts(1500, 1500)
    assert sum(1 for t in texts if any("\u0400" <= c <= "\u04ff" for c in t)) > 1000
    for text in texts:
        assert dedup.sketch(text) == _reference(text), text[:80]
    rng = random.Random(5)
    for _ in range(20):   # a batch's articles at once, as the writers compute them
        some = rng.sample(texts, rng.randint(1, 150))
        assert dedup.sketches(some) == [_reference(t) for t in some]
    assert dedup.sketches([]) == []


def test_near_duplicate_similarity():
    text = " ".join(f"word{i}" for i in range(200))
    sig, _ = dedup.sketch(text)
    assert dedup.similarity(sig, dedup.sketch(text + " tail")[0]) >= dedup.THRESHOLD
    assert dedup.similarity(sig, dedup.sketch(" ".join(f"other{i}" for i in range(200)))[0]) < 0.2
