"""Exact and near duplicates: a content hash, and MinHash over word shingles with LSH bands.

The same wire story on two sites differs in a headline, a dateline or a footer; its shingles
mostly do not. Each document's MinHash is cut into bands; documents sharing a band's bucket are
candidates, and a candidate whose estimated Jaccard similarity reaches the threshold is a
near-duplicate.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

# 10 bands of 6 rows: two articles with Jaccard similarity 0.8 share a band 95 % of the time, two
# with 0.3 (the same template phrases, different stories) 0.7 % of the time, so the candidates to
# compare stay few however large the database grows (16 bands of 4 rows: 12 % of all articles)
NUM_PERM = 60
BANDS = 10
ROWS = NUM_PERM // BANDS
SHINGLE = 5
THRESHOLD = 0.8
WORD = re.compile(r"\w+")


def content_hash(text: str) -> str:
    """The same article however its whitespace was laid out."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


_EMPTY = MinHash(num_perm=NUM_PERM, seed=1)


def minhash(text: str) -> MinHash:
    words = WORD.findall(text.lower())
    m = _EMPTY.copy()   # its permutations drawn once, not for every article
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def signature_bytes(m: MinHash) -> bytes:
    return m.hashvalues.astype(np.uint64).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    x, y = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    return float(np.mean(x == y))


def band_buckets(m: MinHash) -> list[tuple[int, str]]:
    """(band, bucket) keys: documents sharing any of them are near-duplicate candidates."""
    values = m.hashvalues.astype(np.uint64)
    return [(b, hashlib.blake2b(values[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=10).hexdigest())
            for b in range(BANDS)]
