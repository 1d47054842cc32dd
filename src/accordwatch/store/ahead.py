"""Extraction a batch ahead of the writer (P14): while the writer resolves and writes one batch, a thread
extracts the next, so that SQLite's own work (inserting, indexing, committing: C code that lets go of the
interpreter lock) and extraction run at once.

The thread only guesses which articles will be stored: it skips those it finds duplicates or
near-duplicates of a stored article or of an earlier one it let through (by content hash and MinHash, as
the writer does) and extracts the others. The writer decides (store.batch), as it always did; an article
it stores that the thread did not extract is extracted where the writer runs (one at a time: see
batch.EXTRACTING), so a guess that is wrong costs time, never a different database. The thread extracts a
copy of each article (extraction annotates the Document it reads: the writer's stays as it was read), and
hands on an extraction's failure for the writer to report as its own. The thread forgets the
articles of each batch the writer has committed, which the database then answers for: its memory stays a
few batches' worth however long the input.
"""
from __future__ import annotations

import contextlib
import queue
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from sqlalchemy import Engine

from .. import extract_document
from ..ingest import Result
from . import dedup
from .batch import EXTRACTING, Failed, band_candidates, known_hashes

DEPTH = 2   # batches extracted and waiting for the writer, at most


@dataclass
class Prepared:
    """A batch as the writer takes it: (result, record or None, None) items, their content hashes, and
    the MinHash (signature, buckets) of those the thread computed, by hash."""
    items: list[tuple]
    hashes: list[str | None]
    sketches: dict[str, tuple] = field(default_factory=dict)
    number: int = 0


class Ahead:
    """Batches of `results` extracted in a thread; iterate, and call `written(number)` once the writer has
    committed a batch."""

    def __init__(self, engine: Engine, results: Iterable[Result], batch: int) -> None:
        self.engine = engine
        self.results = results
        self.batch = batch
        self.queue: queue.Queue = queue.Queue(maxsize=DEPTH)
        self.stop = threading.Event()
        self.committed = -1
        self.thread = threading.Thread(target=self._run, name="accordwatch-extract-ahead", daemon=True)

    def written(self, number: int) -> None:
        self.committed = number

    def __iter__(self) -> Iterator[Prepared]:
        self.thread.start()
        try:
            while True:
                kind, value = self.queue.get()
                if kind == "done":
                    return
                if kind == "error":
                    raise value
                yield value
        finally:
            self.stop.set()
            while self.thread.is_alive():   # let the thread see the stop and end
                with contextlib.suppress(queue.Empty):
                    self.queue.get(timeout=0.1)
            self.thread.join()

    def _put(self, item) -> bool:
        while not self.stop.is_set():
            try:
                self.queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            self._extract()
        except BaseException as e:  # noqa: BLE001 - handed to the writer's thread, which raises it
            self._put(("error", e))
        else:
            self._put(("done", None))

    def _extract(self) -> None:
        # what the thread let through, batch by batch, until the writer has committed it
        pending: dict[int, tuple[set[str], dict]] = {}
        number = 0
        chunk: list[Result] = []
        it = iter(self.results)
        while not self.stop.is_set():
            result = next(it, None)
            if result is not None:
                chunk.append(result)
                if len(chunk) < self.batch:
                    continue
            if not chunk:
                return
            for n in [n for n in pending if n <= self.committed]:
                del pending[n]
            prepared = self._prepare(chunk, pending, number)
            if not self._put(("batch", prepared)):
                return
            chunk = []
            number += 1
            if result is None:
                return

    def _prepare(self, chunk: list[Result], pending: dict, number: int) -> Prepared:
        hashes = [dedup.content_hash(r.document.text) if r.ok else None for r in chunk]
        seen: set[str] = set()
        bands: dict[tuple[int, str], list[bytes]] = defaultdict(list)
        for hs, bs in pending.values():
            seen |= hs
            for b, sigs in bs.items():
                bands[b] += sigs
        with self.engine.connect() as conn:
            known = known_hashes(conn, [h for h in hashes if h and h not in seen])
            texts = {h: r.document.text for r, h in zip(chunk, hashes, strict=True)
                     if h is not None and h not in known and h not in seen}
            sketches = dict(zip(texts, dedup.sketches(list(texts.values())), strict=True))
            stored = band_candidates(conn, {b for _, buckets in sketches.values() for b in buckets})
        mine: tuple[set[str], dict] = (set(), defaultdict(list))
        items = []
        for r, h in zip(chunk, hashes, strict=True):
            record = None
            if h is not None and h not in known and h not in seen:
                seen.add(h)
                mine[0].add(h)
                sig, buckets = sketches[h]
                others = [o for b in buckets for o in (*(s for _, s in stored.get(b, ())), *bands.get(b, ()))]
                if not any(dedup.similarity(sig, o) >= dedup.THRESHOLD for o in others):
                    doc = r.document
                    try:
                        with EXTRACTING:
                            record = extract_document(replace(
                                doc, meta=dict(doc.meta), spans={k: list(v) for k, v in doc.spans.items()},
                                sentences=list(doc.sentences)))
                    except Exception as e:  # noqa: BLE001 - the writer reports it, as if it had failed there
                        record = Failed(e)
                    else:
                        for b in buckets:
                            bands[b].append(sig)
                            mine[1][b].append(sig)
            items.append((r, record, None))
        pending[number] = mine
        return Prepared(items, hashes, sketches, number)
