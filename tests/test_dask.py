"""The Dask path: extraction on a small local cluster gives the same records, and the same
database, as the single-process path."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from accordwatch import extract_document
from accordwatch.ingest import read_paths
from accordwatch.scale.dask import connect, records
from accordwatch.store import open_store
from accordwatch.store.schema import documents, entities, event_sources, events, figures

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
SAMPLE = sorted(str(p) for p in EXAMPLES.glob("[ab]*.txt"))[:12]


@pytest.fixture(scope="module")
def client():
    c = connect(workers=2)
    yield c
    cluster = c.cluster
    c.close()
    cluster.close()


def test_records_equal_the_single_process_records(client):
    single = [extract_document(r.document) for r in read_paths(SAMPLE)]
    parallel = [rec for _, rec, err in records(read_paths(SAMPLE), client=client, chunk=5) if err is None]
    assert len(parallel) == len(single) == len(SAMPLE)
    assert parallel == single


def test_no_article_is_kept_once_extracted(client, tmp_path):
    """Distributed keeps the recent messages of every stream for its developers: not the chunks of articles
    sent to the workers (an archive's ingest grew to 825 MB)."""
    import gc
    import time

    from accordwatch.document import Document

    paths = []
    for p in SAMPLE:   # articles of this test's own (by their paths)
        paths.append(str(tmp_path / Path(p).name))
        Path(paths[-1]).write_bytes(Path(p).read_bytes())
    assert sum(1 for _ in records(read_paths(paths), client=client, chunk=1)) == len(paths)
    for _ in range(40):   # the cluster forgets a task once its result is taken
        gc.collect()
        alive = [o for o in gc.get_objects() if isinstance(o, Document) and o.source in paths]
        if len(alive) <= 4:
            break
        time.sleep(0.05)
    # a few of the last chunks at most (each stream keeps its last message a while), not all 12
    assert len(alive) <= 4, f"{len(alive)} of {len(paths)} articles kept"


def test_local_workers_give_the_writer_priority(client):
    """On one machine the writer is the serial stage: local extraction workers run nicer than it."""
    import os

    mine = os.nice(0)
    assert all(n >= mine + 10 for n in client.run(os.nice, 0).values())


def _housekeeping() -> tuple:
    import dask

    return tuple(dask.config.get(k) for k in ("distributed.admin.tick.interval",
                                              "distributed.worker.memory.monitor-interval",
                                              "distributed.scheduler.work-stealing"))


def test_local_workers_keep_house_rarely(client):
    """A local cluster's workers tick and check memory once a second, not every 20 or 100 ms, and
    its scheduler steals no work: the cores go to extraction and the writer."""
    assert set(client.run(_housekeeping).values()) == {("1s", "1s", False)}
    scheduler = client.cluster.scheduler   # a local cluster's runs in this process
    assert scheduler._tick_interval == 1.0
    assert "stealing" not in scheduler.extensions


def test_errors_keep_their_place_in_order(client, tmp_path):
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"title": "t", "text": "Kazakhstan and Uzbekistan signed a roadmap."}\n{oops\n', encoding="utf-8")
    out = list(records(read_paths([SAMPLE[0], str(bad), SAMPLE[1]]), client=client, chunk=2))
    assert [r.ok for r, _, _ in out] == [True, True, False, True]
    assert out[2][1] is None and "broken.jsonl:2" in str(out[2][0].error)


def test_workers_sketch_each_article_as_the_writer_would(client, tmp_path):
    """With `sketch`, each record comes with the article's content hash, MinHash signature and buckets,
    computed on the worker: the same the writer computes from the text when it has none."""
    from accordwatch.store import dedup

    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"title": "t", "text": "Kazakhstan and Uzbekistan signed a roadmap."}\n{oops\n', encoding="utf-8")
    out = list(records(read_paths([SAMPLE[0], str(bad), SAMPLE[1]]), client=client, chunk=2, sketch=True))
    assert [len(item) for item in out] == [4, 4, 4, 4]
    assert out[2][1:] == (None, None, None)
    for r, record, error, sk in (out[0], out[1], out[3]):
        assert record is not None and error is None
        assert sk == dedup.text_sketches([r.document.text])[0]
        assert sk.content_hash == dedup.content_hash(r.document.text)
        assert (sk.signature, sk.buckets) == dedup.sketch(r.document.text)


def dump(url: str) -> dict:
    store = open_store(url)
    with store.engine.connect() as conn:
        out = {
            "entities": sorted(conn.execute(select(entities.c.kind, entities.c.key, entities.c.country)).all()),
            "events": sorted(conn.execute(
                select(events.c.type, events.c.status, events.c.parties, events.c.date)).all(), key=str),
            "sources": len(conn.execute(select(event_sources.c.event_id)).all()),
            "documents": conn.execute(select(documents.c.id, documents.c.content_hash, documents.c.minhash,
                                             documents.c.duplicate_of, documents.c.similarity)
                                      .order_by(documents.c.id)).all(),
            "figures": sorted(conn.execute(select(figures.c.indicator, figures.c.value, figures.c.period,
                                                  figures.c.parties, figures.c.conflict)).all(), key=str),
        }
    store.close()
    return out


def test_the_database_is_the_same_either_way(tmp_path):
    """Near-duplicates included: the workers' sketches find the same originals as the writer's own."""
    single, parallel = f"sqlite:///{tmp_path / 'single.db'}", f"sqlite:///{tmp_path / 'dask.db'}"
    text = Path(SAMPLE[0]).read_text(encoding="utf-8")
    reworded = tmp_path / "reworded.txt"   # the same report with its last sentence cut: a near-duplicate
    reworded.write_text(text.rstrip().rsplit(". ", 1)[0] + ".", encoding="utf-8")
    paths = [*SAMPLE, str(reworded)]
    a = open_store(single).ingest_paths(paths)
    b = open_store(parallel).ingest_paths(paths, workers=2)
    assert (a.new, a.near_duplicate, a.events, a.figures) == (b.new, b.near_duplicate, b.events, b.figures)
    assert a.near_duplicate == 1
    assert dump(single) == dump(parallel)


def test_an_existing_cluster_by_its_address(tmp_path):
    """`ingest --scheduler tcp://HOST:PORT`: the cluster is somebody else's; the command leaves it running."""
    import logging

    from distributed import LocalCluster
    from typer.testing import CliRunner

    from accordwatch.cli import app

    single = f"sqlite:///{tmp_path / 'single.db'}"
    open_store(single).ingest_paths(SAMPLE[:6])
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0",
                      scheduler_kwargs={"dashboard": False}, silence_logs=logging.ERROR) as cluster:
        out = CliRunner().invoke(app, ["ingest", *SAMPLE[:6], "--db", str(tmp_path / "remote.db"), "-q",
                                       "--scheduler", cluster.scheduler_address])
        assert out.exit_code == 0, out.output
        assert "6 read: 6 new" in out.output
        assert cluster.scheduler.workers, "the cluster is still up after the command"
    assert dump(f"sqlite:///{tmp_path / 'remote.db'}") == dump(single)


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path):
    from typer.testing import CliRunner

    from accordwatch.cli import app

    out = CliRunner().invoke(app, ["ingest", SAMPLE[0], "--db", str(tmp_path / "x.db"), "-q",
                                   "--scheduler", "tcp://127.0.0.1:9"])
    assert out.exit_code == 1
    lines = [line for line in out.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "cannot reach tcp://127.0.0.1:9" in lines[0], out.output


def test_input_is_read_only_as_far_as_the_window(client):
    """However long the input, at most `window` chunks are read ahead of what has been written."""
    read = 0

    def articles():
        nonlocal read
        for r in read_paths(SAMPLE * 10):     # 120 articles
            read += 1
            yield r

    ahead = []
    for n, _ in enumerate(records(articles(), client=client, chunk=5, window=3), start=1):
        ahead.append(read - n)
    assert n == 120 and max(ahead) <= 3 * 5 + 5


def test_full_collections_are_rare_while_records_stream_in(client):
    """The records in flight outlive young collections; with the default thresholds every few of them
    made a full collection, which scanned the client's long-lived objects each time."""
    import gc

    from accordwatch.scale.dask import STREAM_GC_THRESHOLDS

    before = gc.get_threshold()
    assert before != STREAM_GC_THRESHOLDS
    stream = records(read_paths(SAMPLE), client=client, chunk=5)
    next(stream)
    assert gc.get_threshold() == STREAM_GC_THRESHOLDS
    assert sum(1 for _ in stream) == len(SAMPLE) - 1
    assert gc.get_threshold() == before   # the process's own, once the stream ends
    stream = records(read_paths(SAMPLE), client=client, chunk=5)
    next(stream)
    stream.close()   # a consumer that stops early (a failed write) puts them back too
    assert gc.get_threshold() == before
