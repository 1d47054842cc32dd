"""The store: idempotent ingest, near-duplicates, resolution across articles, figure conflicts.

Each test runs on SQLite and on PostgreSQL (see conftest.py: skipped with a reason when no
PostgreSQL server is available).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from accordwatch.store import open_store
from accordwatch.store.schema import documents, entities, event_sources, events, figures

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    yield s
    s.close()


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_ingesting_the_corpus_twice_changes_nothing(store):
    first = store.ingest_paths([str(EXAMPLES)])
    assert first.failed == 0 and first.new >= 30
    counts = store.counts()
    assert counts["documents"] == first.new + first.near_duplicate
    assert counts["events"] > 0 and counts["figures"] > 0 and counts["mentions"] > 0
    again = store.ingest_paths([str(EXAMPLES)])
    assert again.new == 0 and again.duplicate == first.new + first.near_duplicate
    assert store.counts() == counts


def test_one_event_reported_by_two_articles_has_two_sources(store):
    store.ingest_paths([str(EXAMPLES / "a01_kaz_uzb_roadmap.txt"),
                        str(EXAMPLES / "a14_uzb_kaz_roadmap_second_report.txt")])
    with store.engine.connect() as conn:
        rows = conn.execute(select(events.c.id).where(
            events.c.type == "agreement", events.c.instrument == "roadmap", events.c.parties == "KAZ|UZB")).all()
        assert len(rows) == 1
        sources = {r[0] for r in conn.execute(
            select(event_sources.c.document_id).where(event_sources.c.event_id == rows[0][0]))}
    assert len(sources) == 2


def test_events_one_article_tells_apart_stay_apart(store, tmp_path):
    # two meetings on two days and two memoranda: the article's own count, and no report of one
    # sentence twice for one event (it used to fail the article on a unique constraint)
    text = ("14.05.2024 | 17:40\n\nKyrgyzstan and Oman sign two memoranda\n\n"
            "BISHKEK, May 14 – The foreign ministers of Kyrgyzstan and Oman held talks in Bishkek on Monday and "
            "signed a memorandum on visa-free travel. The economic part of the visit came on Tuesday, when the "
            "Kyrgyz economy minister met the Omani minister of commerce. At the meeting, the two ministries signed "
            "a memorandum on a joint investment fund.\n")
    summary = store.ingest_paths([str(write(tmp_path, "visit.txt", text))])
    assert summary.failed == 0
    with store.engine.connect() as conn:
        rows = conn.execute(select(events.c.type, events.c.date).where(events.c.parties == "KGZ|OMN")).all()
    assert sorted(rows) == [("agreement", "2024-05-13"), ("agreement", "2024-05-14"),
                            ("meeting", "2024-05-13"), ("meeting", "2024-05-14")]


def test_figures_that_disagree_are_kept_and_flagged(store):
    store.ingest_paths([str(EXAMPLES / "a01_kaz_uzb_roadmap.txt"),
                        str(EXAMPLES / "a14_uzb_kaz_roadmap_second_report.txt")])
    with store.engine.connect() as conn:
        rows = conn.execute(select(figures.c.value, figures.c.conflict, figures.c.document_id).where(
            figures.c.indicator == "trade_turnover", figures.c.parties == "KAZ|UZB", figures.c.period == "2023",
            figures.c.kind == "actual")).all()
        agreeing = conn.execute(select(figures.c.conflict).where(
            figures.c.indicator == "exports", figures.c.parties == "KAZ|UZB")).all()
    assert sorted(r[0] for r in rows) == [4.4e9, 4.6e9]
    assert all(r[1] for r in rows) and len({r[2] for r in rows}) == 2
    assert agreeing and not any(r[0] for r in agreeing)


def test_a_near_duplicate_is_linked_not_extracted_again(store, tmp_path):
    original = (EXAMPLES / "b02_kz_hungary_council.txt").read_text(encoding="utf-8")
    lines = original.splitlines()
    copy = "\n".join(["Republished by a partner site", *lines[1:], "Read more business news on our site."])
    a = write(tmp_path, "original.txt", original)
    b = write(tmp_path, "copy.txt", copy)
    summary = store.ingest_paths([str(a), str(b)])
    assert (summary.new, summary.near_duplicate) == (1, 1)
    with store.engine.connect() as conn:
        rows = conn.execute(select(documents.c.source, documents.c.duplicate_of, documents.c.similarity)
                            .order_by(documents.c.id)).all()
        n_events = len(conn.execute(select(events.c.id)).all())
    assert rows[1].duplicate_of is not None and rows[1].similarity >= 0.8
    assert n_events > 0   # the original's events only: counted once
    again = store.ingest_paths([str(b)])
    assert again.duplicate == 1 and again.new == 0


def test_one_entity_however_it_is_spelled(store, tmp_path):
    a = write(tmp_path, "a.txt", "ASTANA – President Kassym-Jomart Tokayev met executives of KazMunayGas in "
                                 "Astana on Monday to discuss the company's refinery projects, the Akorda said.")
    b = write(tmp_path, "b.txt", "NUR-SULTAN – President Kassym-Jomart Tokaev said KMG would raise oil output, "
                                 "speaking to reporters in Nur-Sultan on Friday.")
    store.ingest_paths([str(a), str(b)])
    with store.engine.connect() as conn:
        people = conn.execute(select(entities.c.name).where(entities.c.kind == "person")).all()
        orgs = conn.execute(select(entities.c.name).where(entities.c.kind == "organization")).all()
        places = conn.execute(select(entities.c.name).where(entities.c.kind == "place")).all()
    assert [p[0] for p in people] == ["Kassym-Jomart Tokayev"]
    assert [o[0] for o in orgs] == ["KazMunayGas"]
    assert [p[0] for p in places] == ["Astana"]


def test_a_broken_article_does_not_stop_the_batch(store, tmp_path):
    good = write(tmp_path, "good.txt", (EXAMPLES / "b12_blr_uzb_roadmap.txt").read_text(encoding="utf-8"))
    feed = write(tmp_path, "feed.jsonl", '{"title": "x", "text": "Kazakhstan and Uzbekistan signed a roadmap on '
                                         'trade cooperation in Tashkent on Monday."}\n{not json\n')
    empty = write(tmp_path, "empty.txt", "   \n")
    summary = store.ingest_paths([str(good), str(feed), str(empty)])
    assert summary.new == 2 and summary.failed == 2
    assert any("feed.jsonl:2" in e for e in summary.errors) and any("empty.txt" in e for e in summary.errors)


def test_an_article_that_fails_while_written_leaves_nothing_the_next_one_trips_on(store, tmp_path, monkeypatch):
    """The first article creates a new company, then fails: its savepoint is rolled back, and the
    writer must forget the company too, or the next article that names it points at a row that
    no longer exists."""
    from accordwatch.store.write import Writer

    text = ("Kazakhstan and Oman agreed to expand trade. KazMunayGas and the Omani port operator Asyad "
            "signed a memorandum on a grain terminal in Sohar, the company said.")
    first, second = write(tmp_path, "first.txt", text), write(tmp_path, "second.txt", text + " Talks go on.")
    real = Writer._figures

    def fail_first(self, conn, doc_id, record, s, groups):
        if record["document"]["source"].endswith("first.txt"):
            raise RuntimeError("disk on fire")
        return real(self, conn, doc_id, record, s, groups)

    monkeypatch.setattr(Writer, "_figures", fail_first)
    # the set-based writer fails the same way, and writes its batch again article by article
    from accordwatch.store.batch import BatchWrite

    real_batch = BatchWrite._figures

    def fail_first_in_batch(self, doc_id, record, s, groups, out):
        if record["document"]["source"].endswith("first.txt"):
            raise RuntimeError("disk on fire")
        return real_batch(self, doc_id, record, s, groups, out)

    monkeypatch.setattr(BatchWrite, "_figures", fail_first_in_batch)
    summary = store.ingest_paths([str(first), str(second)])
    assert (summary.new, summary.failed) == (1, 1) and "disk on fire" in summary.errors[0]
    with store.engine.connect() as conn:
        names = set(conn.execute(select(entities.c.name).where(entities.c.kind == "organization")).scalars())
        assert {"KazMunayGas", "Asyad"} <= names
        ids = set(conn.execute(select(entities.c.id)).scalars())
        from accordwatch.store.schema import mentions
        assert set(conn.execute(select(mentions.c.entity_id)).scalars()) <= ids


def test_copying_the_database_file_keeps_everything(store, tmp_path, db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("a file copy is the SQLite way to back up")
    store.ingest_paths([str(EXAMPLES / "a01_kaz_uzb_roadmap.txt")])
    counts = store.counts()
    store.close()
    path = db_url.removeprefix("sqlite:///")
    shutil.copy(path, tmp_path / "copy.db")
    assert open_store(str(tmp_path / "copy.db")).counts() == counts
