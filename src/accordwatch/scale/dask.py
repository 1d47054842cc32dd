"""Extraction on a Dask cluster, writing by one writer.

Articles stream in from the ingesters and are cut into chunks (hundreds of articles each: Dask
costs 1-3 ms a task). Each chunk is extracted on a worker; at most `window` chunks are in flight,
so memory stays bounded however large the input; results come back in input order, so the
database ends up the same as with the single-process path.

    records(results, workers=2)                      a LocalCluster of 2 processes
    records(results, scheduler="tcp://host:8786")    an existing cluster
"""
from __future__ import annotations

import gc
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from ..document import Document
from ..errors import AccordwatchError
from ..ingest import Result

CHUNK = 200
# A local cluster's housekeeping, every 20 ms to 500 ms in each of its servers (the scheduler and the nannies
# in this process, the workers in theirs): event-loop ticks, system monitors (disk counters included), the
# nannies' memory checks, the scheduler's work stealing. Idle, a 2-worker cluster burnt 0.12 of a core with
# the defaults (0.85 s of 10 in this process), 0.02 with these; under an ingest every core is busy, so the
# difference comes off extraction and the writer. Nobody reads the monitors here (no dashboard); memory is
# still checked every second, and equal chunks handed out as workers ask need no stealing.
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.system-monitor.disk": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,
}
# Distributed keeps the last `low-level-log-length` messages of every stream for its developers (1,000 by
# default, each under 1 MB whole): the chunks of articles sent to the workers among them, which held an
# archive's ingest at 825 MB (200,000 articles; 300 MB in one process). Nothing here reads those logs.
SHORT_LOGS = {"distributed.admin.low-level-log-length": 0}
# Local workers run this much nicer than the writer: on one machine the writer (and the database
# server) are the one serial stage, so extraction takes the cores they leave, not the other way round.
LOCAL_WORKER_NICENESS = 10
# The collector's thresholds while records stream in. The records of the chunks in flight outlive young
# collections, and every few of them made a full one, which scanned the client's and the cluster's
# long-lived objects (170,000) each time: 43 full collections and 3.5 s of the writer's process in an
# ingest of 20,000 articles, 8 % of its time. With these, 3 (young ones come 14 x rarer, each bigger).
STREAM_GC_THRESHOLDS = (10_000, 20, 50)


class ClusterError(AccordwatchError):
    code = "AW601"


def extract_chunk(docs: list[Document], sketch: bool = False) -> list[tuple]:
    """Runs on a worker: (record, None) for each article, or (None, why) when extraction failed; with
    `sketch`, each also carries the article's store.dedup.Sketch (None when extraction failed)."""
    from accordwatch import extract_document
    from accordwatch.store import dedup

    sketches = dedup.text_sketches([doc.text for doc in docs]) if sketch else [None] * len(docs)
    out: list[tuple] = []
    for doc, sk in zip(docs, sketches, strict=True):
        try:
            item: tuple = (extract_document(doc), None, sk)
        except Exception as e:  # noqa: BLE001 - one article's failure is reported, the chunk goes on
            item = (None, f"{doc.source}: extraction failed: {type(e).__name__}: {e}", None)
        out.append(item if sketch else item[:2])
    return out


def connect(workers: int = 2, scheduler: str | None = None):
    """A Dask client: on the scheduler at `scheduler`, else on a new local cluster of `workers`
    single-threaded processes (extraction is CPU-bound Python: processes, not threads)."""
    import dask
    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)
    try:
        if scheduler:
            with dask.config.set(SHORT_LOGS):
                client = Client(scheduler, timeout="20s")
        else:
            # A worker's statistical profiler samples the task's stack every 10 ms, taking the
            # interpreter lock from extraction each time; nobody reads its output here, nor a
            # dashboard on a port nobody is told of.
            with dask.config.set({**LOCAL_WORKER_CONFIG, **SHORT_LOGS}):
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", scheduler_kwargs={"dashboard": False},
                                       silence_logs=logging.ERROR)
                client = Client(cluster)
    except (OSError, TimeoutError) as e:
        where = scheduler or f"a local cluster of {workers} workers"
        raise ClusterError(f"cannot reach {where}: {e}") from e
    if not scheduler:
        client.run(yield_to_writer)
    client.run(warm_up)   # every worker loads its gazetteers now, not inside its first chunk
    return client


def yield_to_writer() -> int:
    """Runs on each local worker: lower its scheduling priority (Unix niceness; elsewhere a no-op).
    Returns the worker's niceness."""
    import os

    if not hasattr(os, "nice"):
        return 0
    return os.nice(LOCAL_WORKER_NICENESS)


def warm_up() -> None:
    """Runs on each worker: build the extraction pipeline once."""
    from accordwatch import pipeline

    pipeline()


@contextmanager
def rare_full_collections():
    """Run the block with STREAM_GC_THRESHOLDS, then put the process's own back."""
    before = gc.get_threshold()
    gc.set_threshold(*STREAM_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _chunks(items: Iterable[Result], size: int) -> Iterator[list[Result]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def records(results: Iterable[Result], workers: int = 2, scheduler: str | None = None, chunk: int = CHUNK,
            window: int | None = None, client=None, sketch: bool = False) -> Iterator[tuple]:
    """(result, record, error) for every input, in input order, extracted on the cluster; with
    `sketch`, (result, record, error, Sketch or None), as store.Writer takes them."""
    own = client is None
    client = client or connect(workers, scheduler)
    window = window or 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
    inflight: deque = deque()

    def drain(item):
        batch, future = item
        out = iter(future.result() if future is not None else [])
        for r in batch:
            if r.ok:
                yield r, *next(out)
            elif sketch:
                yield r, None, None, None
            else:
                yield r, None, None

    try:
        with rare_full_collections():
            for batch in _chunks(results, chunk):
                docs = [r.document for r in batch if r.ok]
                future = client.submit(extract_chunk, docs, sketch, pure=False) if docs else None
                inflight.append((batch, future))
                while len(inflight) >= window:
                    yield from drain(inflight.popleft())
            while inflight:
                yield from drain(inflight.popleft())
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
