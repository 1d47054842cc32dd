"""The store schema behaves the same on SQLite and PostgreSQL (the `engine` fixture runs each test on both).

PostgreSQL cases need ACCORDWATCH_TEST_PG (scripts/pg-test-server.sh start); without it they are skipped
with the reason shown.
"""
from __future__ import annotations

import pytest
from sqlalchemy import func, insert, inspect, select, text
from sqlalchemy.exc import IntegrityError

from accordwatch.store import fulltext
from accordwatch.store import schema as s
from accordwatch.store.engine import migrate

HEAD = "0012"
VECTOR = fulltext.vector()   # the stored vector the GIN index is on (migration 0010)


def snapshot(engine) -> dict:
    """Tables, their columns, indexes and unique constraints, and the Alembic revision."""
    insp = inspect(engine)
    tables = sorted(t for t in insp.get_table_names() if not t.startswith("documents_fts"))
    out = {"tables": tables}
    for t in tables:
        out[t] = (
            [c["name"] for c in insp.get_columns(t)],
            sorted(i["name"] for i in insp.get_indexes(t)),
            sorted(u["name"] or "" for u in insp.get_unique_constraints(t)),
        )
    with engine.connect() as conn:
        out["revision"] = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return out


def add_document(conn, content_hash="a" * 64, title="Kazakhstan and Oman agree", body="Kazakhstan signs.") -> int:
    return conn.execute(insert(s.documents).values(
        content_hash=content_hash, source="test", url="https://example.org/a", title=title,
        published="2024-03-27", outlet="Example News", dateline="ASTANA", text=body,
        minhash=b"\x00\x01\xfe\xff", similarity=0.25,
    )).inserted_primary_key[0]


def test_migrate_creates_every_table(engine):
    snap = snapshot(engine)
    assert set(s.ALL_TABLES) <= set(snap["tables"])
    assert snap["revision"] == [HEAD]


def test_migrate_twice_is_a_no_op(engine):
    with engine.begin() as conn:
        add_document(conn)
    before = snapshot(engine)
    migrate(engine)
    migrate(engine)
    assert snapshot(engine) == before
    with engine.connect() as conn:   # data survives
        assert conn.execute(select(func.count()).select_from(s.documents)).scalar_one() == 1


def test_rows_round_trip(engine):
    with engine.begin() as conn:
        doc = add_document(conn)
        kaz = conn.execute(insert(s.entities).values(kind="country", key="kaz", name="Kazakhstan",
                                                     country="KAZ")).inserted_primary_key[0]
        conn.execute(insert(s.aliases).values(entity_id=kaz, alias="kazakh", kind="country"))
        conn.execute(insert(s.mentions).values(document_id=doc, entity_id=kaz, start=0, end=10, text="Kazakhstan"))
        ev = conn.execute(insert(s.events).values(
            type="agreement", instrument="mou", status="signed", parties="KAZ|OMN", date="2024-03-27",
            location="Astana", organizations="KazMunayGas|OQ", first_document_id=doc,
        )).inserted_primary_key[0]
        conn.execute(insert(s.event_sources).values(event_id=ev, document_id=doc, start=0, end=17,
                                                    evidence="Kazakhstan signs.", status="signed", date="2024-03-27"))
        conn.execute(insert(s.event_parties), [{"event_id": ev, "code": "KAZ"}, {"event_id": ev, "code": "OMN"}])
        fig = conn.execute(insert(s.figures).values(
            document_id=doc, indicator="investment", value=2.9e9, unit="USD", period="2024", parties="KAZ|OMN",
            from_code="OMN", to_code="KAZ", change_pct=-12.5, kind="amount", approximate=True,
            start=3, end=15, evidence="$2.9 billion", conflict=False,
        )).inserted_primary_key[0]
        conn.execute(insert(s.figure_parties).values(figure_id=fig, code="KAZ"))

    with engine.connect() as conn:
        d = conn.execute(select(s.documents)).mappings().one()
        assert (d["id"], d["content_hash"], d["title"], d["text"]) == (doc, "a" * 64, "Kazakhstan and Oman agree",
                                                                     "Kazakhstan signs.")
        assert d["minhash"] == b"\x00\x01\xfe\xff" and d["similarity"] == 0.25 and d["duplicate_of"] is None
        assert d["ingested_at"] is not None   # server default on both

        e = conn.execute(select(s.entities).where(s.entities.c.id == kaz)).mappings().one()
        assert (e["kind"], e["key"], e["name"], e["country"], e["title"]) == ("country", "kaz", "Kazakhstan",
                                                                             "KAZ", None)
        found = conn.execute(select(s.aliases.c.entity_id).where(s.aliases.c.kind == "country",
                                                                 s.aliases.c.alias == "kazakh")).scalar_one()
        assert found == kaz
        m = conn.execute(select(s.mentions)).mappings().one()
        assert (m["start"], m["end"], m["text"]) == (0, 10, "Kazakhstan")

        v = conn.execute(select(s.events)).mappings().one()
        assert (v["id"], v["type"], v["status"], v["parties"], v["first_document_id"]) == (
            ev, "agreement", "signed", "KAZ|OMN", doc)
        assert conn.execute(select(s.event_sources.c.evidence)).scalar_one() == "Kazakhstan signs."
        codes = conn.execute(select(s.event_parties.c.code).where(s.event_parties.c.event_id == ev)
                             .order_by(s.event_parties.c.code)).scalars().all()
        assert codes == ["KAZ", "OMN"]

        f = conn.execute(select(s.figures)).mappings().one()
        assert f["value"] == 2.9e9 and f["change_pct"] == -12.5
        assert f["approximate"] is True and f["conflict"] is False   # real booleans on both
        assert (f["indicator"], f["unit"], f["from_code"], f["to_code"]) == ("investment", "USD", "OMN", "KAZ")
        assert conn.execute(select(s.figure_parties.c.code)).scalar_one() == "KAZ"

        # a join across the tables, as the queries use them
        row = conn.execute(
            select(s.documents.c.title, s.entities.c.name, s.figures.c.value)
            .join(s.mentions, s.mentions.c.document_id == s.documents.c.id)
            .join(s.entities, s.entities.c.id == s.mentions.c.entity_id)
            .join(s.figures, s.figures.c.document_id == s.documents.c.id)
        ).one()
        assert tuple(row) == ("Kazakhstan and Oman agree", "Kazakhstan", 2.9e9)


def test_duplicate_content_hash_is_rejected(engine):
    with engine.begin() as conn:
        add_document(conn, content_hash="b" * 64)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        add_document(conn, content_hash="b" * 64, title="another title", body="another text")
    with engine.connect() as conn:   # the failed insert left nothing behind
        assert conn.execute(select(func.count()).select_from(s.documents)).scalar_one() == 1


def test_named_unique_constraints_are_enforced(engine):
    with engine.begin() as conn:
        doc = add_document(conn)
        conn.execute(insert(s.entities).values(kind="country", key="kaz", name="Kazakhstan"))
        conn.execute(insert(s.figures).values(document_id=doc, indicator="trade", value=1.0, unit="USD",
                                              parties="KAZ", kind="amount", start=5, end=9, evidence="$1"))
    with pytest.raises(IntegrityError, match="uq_entities_kind_key|UNIQUE constraint failed: entities"), \
            engine.begin() as conn:
        conn.execute(insert(s.entities).values(kind="country", key="kaz", name="Kazakh Republic"))
    with pytest.raises(IntegrityError, match="uq_figures_document_start|UNIQUE constraint failed: figures"), \
            engine.begin() as conn:
        conn.execute(insert(s.figures).values(document_id=doc, indicator="trade", value=2.0, unit="USD",
                                              parties="KAZ", kind="amount", start=5, end=9, evidence="$2"))
    with engine.begin() as conn:   # the same key for another kind is fine
        conn.execute(insert(s.entities).values(kind="organization", key="kaz", name="KAZ Minerals"))


def test_foreign_keys_are_enforced(engine):
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(s.figures).values(document_id=999, indicator="trade", value=1.0, unit="USD",
                                              parties="KAZ", kind="amount", start=0, end=1, evidence="x"))


DOCS = [
    ("c" * 64, "Oman and Kazakhstan sign fertilizer deal", "The ministers agreed on new tariffs for fertilizers."),
    ("d" * 64, "Wheat exports to Iran", "Kazakhstan shipped wheat to Iran by rail."),
    ("e" * 64, "Tractors for Kyrgyzstan", "Belarus will send tractors; no tariff was mentioned."),
]


def search(conn, words: str) -> list[int]:
    if conn.dialect.name == "sqlite":
        sql = "SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q ORDER BY rowid"
    else:
        sql = f"SELECT id FROM documents WHERE {VECTOR} @@ plainto_tsquery('english', :q) ORDER BY id"
    return conn.execute(text(sql), {"q": words}).scalars().all()


def test_full_text_search(engine):
    with engine.begin() as conn:
        ids = [add_document(conn, content_hash=h, title=t, body=b) for h, t, b in DOCS]
        if conn.dialect.name == "sqlite":   # an external-content FTS5 table: the writer indexes each row
            conn.execute(text("INSERT INTO documents_fts(rowid, title, text) SELECT id, title, text FROM documents"))
        else:   # the stored vector, which the writer computes
            conn.execute(text(f"UPDATE documents SET search_vector = {fulltext.tsvector()}"))
    with engine.connect() as conn:
        assert search(conn, "tariff") == [ids[0], ids[2]]        # stemmed: "tariffs" matches too
        assert search(conn, "fertilizer") == [ids[0]]            # the title is searched as well
        assert search(conn, "wheat Iran") == [ids[1]]            # every word must match
        assert search(conn, "Kazakhstan") == [ids[0], ids[1]]
        assert search(conn, "Uzbekistan") == []

    if engine.dialect.name == "postgresql":   # the query reads the stored vector, whose GIN index serves it
        with engine.begin() as conn:
            conn.execute(text("SET LOCAL enable_seqscan = off"))
            plan = conn.execute(text(f"EXPLAIN SELECT id FROM documents WHERE {VECTOR} @@ "
                                     "plainto_tsquery('english', 'tariff')")).scalars().all()
        assert "ix_documents_fts" in "\n".join(plan)
