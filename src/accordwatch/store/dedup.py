"""Exact and near duplicates: a content hash, and MinHash over word shingles with LSH bands.

The same wire story on two sites differs in a headline, a dateline or a footer; its shingles
mostly do not. Each document's MinHash is cut into bands; documents sharing a band's bucket are
candidates, and a candidate whose estimated Jaccard similarity reaches the threshold is a
near-duplicate.

The MinHash is datasketch's (2.x, its default "affine32" scheme, seed 1, 60 permutations: the values
every stored article has), computed here in a few array operations for all of an article's shingles
at once: datasketch called a Python function per shingle, a quarter of the writer's time.
tests/test_dedup.py checks the values bit for bit against datasketch on thousands of texts.
"""
from __future__ import annotations

import hashlib
import re
from typing import NamedTuple

import numpy as np

# 10 bands of 6 rows: two articles with Jaccard similarity 0.8 share a band 95 % of the time, two
# with 0.3 (the same template phrases, different stories) 0.7 % of the time, so the candidates to
# compare stay few however large the database grows (16 bands of 4 rows: 12 % of all articles)
NUM_PERM = 60
BANDS = 10
ROWS = NUM_PERM // BANDS
SHINGLE = 5
THRESHOLD = 0.8
SEED = 1
WORD = re.compile(r"\w+")


def _permutations(seed: int, num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations h -> a * h + b mod 2^32 (a odd), drawn as it draws them
    (numpy's RandomState: a stream numpy keeps the same in every version)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


_A, _B = _permutations(SEED, NUM_PERM)
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


def content_hash(text: str) -> str:
    """The same article however its whitespace was laid out."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def shingles(text: str) -> set[str]:
    """The article's runs of SHINGLE words (lowercased); one of all its words when it has no more."""
    words = WORD.findall(text.lower())
    if len(words) <= SHINGLE:
        return {" ".join(words)}
    return set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE)), strict=False)))   # the shortest run ends it


def signatures(texts: list[str]) -> np.ndarray:
    """The MinHash values of each article's shingles (one row of uint64 an article): datasketch's
    sha1_hash32 of each shingle (the first four bytes of its SHA-1, little-endian), mixed by the
    MurmurHash3 finalizer, through each permutation, the least value of each permutation. The arrays
    of a batch's articles are worked on at once: per article, numpy's calls cost more than their sums."""
    sha1 = hashlib.sha1
    digests: list[bytes] = []
    starts: list[int] = []
    for text in texts:
        starts.append(len(digests))
        digests += [sha1(s.encode("utf-8")).digest() for s in shingles(text)]
    if not texts:
        return np.empty((0, NUM_PERM), dtype=np.uint64)
    h = np.frombuffer(b"".join(digests), dtype="<u4")[::5].reshape(-1, 1)
    s1, m1, s2, m2, s3 = _FMIX
    h = h ^ (h >> s1)
    h = h * m1
    h = h ^ (h >> s2)
    h = h * m2
    h = h ^ (h >> s3)
    return np.minimum.reduceat(h * _A + _B, starts, axis=0).astype(np.uint64)   # every article has a shingle


def sketches(texts: list[str]) -> list[tuple[bytes, list[tuple[int, str]]]]:
    """(signature as stored in documents.minhash, its (band, bucket) keys as stored in minhash_bands) of
    each article."""
    return [(values.tobytes(), band_buckets(values)) for values in signatures(texts)]


class Sketch(NamedTuple):
    """What the writer works out from an article's text to tell whether it is a duplicate or a
    near-duplicate: its content hash, and its MinHash signature and band buckets (sketches). Dask's
    workers compute it with the record (scale.dask), so that the one writer every article goes through
    does not: a quarter of the writer's time an article, with two workers."""
    content_hash: str
    signature: bytes
    buckets: list[tuple[int, str]]


def text_sketches(texts: list[str]) -> list[Sketch]:
    return [Sketch(content_hash(text), *sk) for text, sk in zip(texts, sketches(texts), strict=True)]


def sketch(text: str) -> tuple[bytes, list[tuple[int, str]]]:
    return sketches([text])[0]


def similarity(a: bytes, b: bytes) -> float:
    x, y = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    return float(np.mean(x == y))


def band_buckets(values: np.ndarray) -> list[tuple[int, str]]:
    """(band, bucket) keys of a signature (uint64 values): documents sharing any of them are
    near-duplicate candidates."""
    blake2b = hashlib.blake2b
    return [(b, blake2b(values[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=10).hexdigest())
            for b in range(BANDS)]
