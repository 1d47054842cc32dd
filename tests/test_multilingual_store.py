"""One database across languages (issue P10): English and Russian articles about the same things meet in
the store.

Two pairs of articles, each one event reported in English and in Russian (our own wording): the gas transit
agreement Kazakhstan and Uzbekistan signed in Astana (with Tokayev, Mirziyoyev, KazMunayGas and
Uzbekneftegaz), and a meeting of two ministers in Tashkent (Khodjaev / Ходжаев: a spelling that only the
fuzzy match of Latin keys joins). The store keeps each document's language, resolves each person,
company and place to one entity whichever language reports it first, merges the two reports of each
event, and the queries count both. Every store test runs on SQLite and on PostgreSQL (conftest.py).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from accordwatch import query
from accordwatch.document import Document
from accordwatch.ingest import Result
from accordwatch.query import timeline
from accordwatch.query.network import network
from accordwatch.store import open_store
from accordwatch.store import schema as s
from accordwatch.store.engine import make_engine, writer
from accordwatch.store.normalize import latin_key

EN_SIGNING = ("en-signing", "2024-04-16", """Kazakhstan and Uzbekistan sign gas transit agreement

ASTANA, April 16 — Kazakhstan and Uzbekistan signed an intergovernmental agreement on the transit of natural \
gas on Tuesday, the Kazakh Energy Ministry said.

The document was signed in Astana in the presence of President Kassym-Jomart Tokayev and Uzbek President \
Shavkat Mirziyoyev. KazMunayGas and Uzbekneftegaz will set up a joint venture to modernise the Bukhara-Ural \
pipeline, according to the ministry.

Trade turnover between the two countries reached $4.4 billion in 2023, up 12.3% year on year. The sides \
agreed to raise it to $10 billion by 2030.
""")

RU_SIGNING = ("ru-signing", "2024-04-17", """Казахстан и Узбекистан подписали соглашение о транзите газа

Астана, 16 апреля 2024 года. Казахстан и Узбекистан подписали межправительственное соглашение о транзите \
природного газа, сообщили в Министерстве энергетики Казахстана.

Документ был подписан в Астане в присутствии президента Казахстана Касым-Жомарта Токаева и президента \
Узбекистана Шавката Мирзиёева. «КазМунайГаз» и «Узбекнефтегаз» создадут совместное предприятие для \
модернизации газопровода Бухара – Урал.

Товарооборот между двумя странами в 2023 году составил 4,4 млрд долларов, увеличившись на 12,3%. Стороны \
договорились довести его до 10 млрд долларов к 2030 году.
""")

EN_MEETING = ("en-meeting", "2024-05-22", """Uzbekistan and Kazakhstan discuss trade in Tashkent

TASHKENT, May 22 — Uzbek Deputy Prime Minister Jamshid Khodjaev and Kazakh Trade and Integration Minister \
Serik Zhumangarin met in Tashkent on Wednesday to discuss trade and logistics.

The ministers reviewed progress on the International Center for Industrial Cooperation on the border. Trade \
turnover between the two countries grew by 5.2% in the first quarter of 2024, the ministry said.
""")

RU_MEETING = ("ru-meeting", "2024-05-22", """Узбекистан и Казахстан обсудили торговлю в Ташкенте

Ташкент, 22 мая. Заместитель премьер-министра Узбекистана Джамшид Ходжаев и министр торговли и интеграции \
Казахстана Серик Жумангарин провели встречу в Ташкенте, на которой обсудили торговлю и логистику.

Министры рассмотрели ход создания Международного центра промышленной кооперации на границе. По данным \
министерства, рост товарооборота между двумя странами в первом квартале 2024 года составил 5,2%.
""")

ENGLISH = (EN_SIGNING, EN_MEETING)
RUSSIAN = (RU_SIGNING, RU_MEETING)
ALL = (*ENGLISH, *RUSSIAN)
ORDERS = {"english first": (*ENGLISH, *RUSSIAN), "russian first": (*RUSSIAN, *ENGLISH)}


def document(article: tuple[str, str, str]) -> Document:
    source, published, body = article
    return Document(text=body, source=source, title=body.splitlines()[0], published=published)


def ingest(store, *articles, batch: int = 100):
    summary = store.ingest([Result(a[0], document=document(a)) for a in articles], batch=batch)
    assert summary.failed == 0, summary.errors
    return summary


@pytest.fixture
def store(db_url):
    st = open_store(db_url)
    yield st
    st.close()


def entity_rows(engine) -> dict[tuple[str, str], dict]:
    """(kind, name) -> {"id", "country", "title", "aliases": {...}} for every entity but the countries."""
    e, a = s.entities, s.aliases
    out: dict[tuple[str, str], dict] = {}
    with engine.connect() as conn:
        for eid, kind, name, country, title, alias in conn.execute(
                select(e.c.id, e.c.kind, e.c.name, e.c.country, e.c.title, a.c.alias)
                .join(a, a.c.entity_id == e.c.id).where(e.c.kind != "country").order_by(e.c.id, a.c.alias)):
            out.setdefault((kind, name), {"id": eid, "country": country, "title": title, "aliases": set()})[
                "aliases"].add(alias)
    return out


# 1. Latin keys ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("Касым-Жомарт Токаев", "Kassym-Jomart Tokayev"),
    ("Касым-Жомарт Токаев", "Kassym-Jomart Tokaev"),
    ("КазМунайГаз", "KazMunayGas"),
    ("КМГ", "KMG"),
    ("КТЖ", "KTZh"),
    ("Шавкат Мирзиёев", "Shavkat Mirziyoyev"),
    ("Ильхам Алиев", "Ilham Aliyev"),
    ("Алексей Оверчук", "Alexei Overchuk"),
    ("Садыр Жапаров", "Sadyr Japarov"),
    ("Ерлан Карин", "Yerlan Karin"),
    ("Самрук-Казына", "Samruk-Kazyna"),
    ("Астана", "Astana"),
    ("Ташкент", "Tashkent"),
])
def test_a_name_in_cyrillic_and_its_english_spelling_share_a_latin_key(cyrillic, latin):
    assert latin_key(cyrillic) == latin_key(latin) != ""


def test_latin_keys_keep_words_and_acronyms_apart():
    assert latin_key("The Kassym-Jomart Tokayev's") == "kasim jomart tokaev"
    assert latin_key("EEC") != latin_key("EC")                    # short words (acronyms) are not folded
    assert latin_key("Eurasian Economic Commission") != latin_key("European Commission")
    assert latin_key("Джамшид Ходжаев") != latin_key("Jamshid Khodjaev")   # alike, not equal: fuzzy matching's job
    assert latin_key("") == latin_key("«»") == ""


# 2. documents keep their language ------------------------------------------------------------------------

def test_each_document_keeps_its_language(store):
    ingest(store, EN_SIGNING, RU_SIGNING)
    with store.engine.connect() as conn:
        assert {r.source: r.language for r in conn.execute(select(s.documents.c.source, s.documents.c.language))} == {
            "en-signing": "en", "ru-signing": "ru"}


def test_a_near_duplicate_keeps_the_language_of_its_script(store):
    source, published, body = RU_SIGNING
    copy = (source + "-copy", published, body.replace("сообщили в", "сообщили журналистам в"))
    summary = ingest(store, RU_SIGNING, copy)
    assert summary.near_duplicate == 1
    with store.engine.connect() as conn:
        assert conn.execute(select(s.documents.c.language).where(s.documents.c.source == copy[0])).scalar_one() == "ru"


# 3. one entity however it is written -------------------------------------------------------------------

@pytest.mark.parametrize("order", list(ORDERS))
def test_an_entity_is_one_row_whichever_language_names_it_first(store, order):
    ingest(store, *ORDERS[order])
    rows = entity_rows(store.engine)
    people = {k[1]: v for k, v in rows.items() if k[0] == "person"}
    orgs = {k[1]: v for k, v in rows.items() if k[0] == "organization"}
    places = {k[1]: v for k, v in rows.items() if k[0] == "place"}

    # each shown by its English name, whatever came first; both spellings are its aliases
    assert people["Kassym-Jomart Tokayev"]["aliases"] >= {"kassym jomart tokayev"}
    assert any(a.endswith("токаев") for a in people["Kassym-Jomart Tokayev"]["aliases"])
    assert people["Shavkat Mirziyoyev"]["aliases"] >= {"shavkat mirziyoyev", "шавкат мирзиеев"}
    assert people["Jamshid Khodjaev"]["aliases"] == {"jamshid khodjaev", "джамшид ходжаев"}   # the fuzzy match
    assert people["Serik Zhumangarin"]["aliases"] == {"serik zhumangarin", "серик жумангарин"}
    assert orgs["KazMunayGas"]["aliases"] >= {"kazmunaygas", "казмунаигаз"}
    assert orgs["Uzbekneftegaz"]["aliases"] >= {"uzbekneftegaz", "узбекнефтегаз"}
    assert places["Astana"]["aliases"] == {"astana", "астана"}
    assert places["Tashkent"]["aliases"] == {"tashkent", "ташкент"}
    assert not [name for name in people if any("\u0400" <= ch <= "\u04ff" for ch in name)]
    # and the office as the English article gives it
    assert people["Kassym-Jomart Tokayev"]["title"] == "President"
    assert people["Serik Zhumangarin"]["title"] == "Trade and Integration Minister"
    assert {v["country"] for v in people.values()} == {"KAZ", "UZB"}


def test_both_orders_make_the_same_entities(tmp_path):
    made = []
    for order in ORDERS.values():
        st = open_store(f"sqlite:///{tmp_path / f'{len(made)}.db'}")
        ingest(st, *order)
        made.append({k: (v["country"], v["title"], v["aliases"]) for k, v in entity_rows(st.engine).items()})
        st.close()
    assert made[0] == made[1]


def test_one_batch_and_many_batches_make_the_same_entities(store, tmp_path):
    ingest(store, *ORDERS["russian first"], batch=1)       # each article its own transaction
    other = open_store(f"sqlite:///{tmp_path / 'one.db'}")
    ingest(other, *ORDERS["russian first"])
    try:
        assert set(entity_rows(store.engine)) == set(entity_rows(other.engine))
    finally:
        other.close()


def test_a_name_in_another_script_but_another_country_stays_apart(store):
    from accordwatch.store.resolve import Resolver

    with writer(store.engine).begin() as conn:
        r = Resolver(conn)
        kmg, _ = r.organization("KazMunayGas", [], "KAZ", "company")
        assert r.organization("КазМунайГаз", [], "KAZ", "company") == (kmg, False)
        assert r.organization("KazMunaiGas", [], None, "company") == (kmg, False)     # no country: alike
        other, created = r.organization("KazMunaiGaz", [], "UZB", "company")          # the same key, elsewhere
        assert created and other != kmg


def test_a_gazetteer_spelling_joins_what_transliteration_does_not(store):
    """Қазақстан темір жолы (Kazakh letters) and Kazakhstan Temir Zholy differ in more than transliteration;
    the organization gazetteers (English and Russian) list both among one company's spellings."""
    from accordwatch.store.resolve import Resolver

    with writer(store.engine).begin() as conn:
        r = Resolver(conn)
        ktz, _ = r.organization("Kazakhstan Temir Zholy", ["KTZ"], "KAZ", "company")
        assert r.organization("Қазақстан темір жолы", ["КТЖ"], "KAZ", "company") == (ktz, False)


@pytest.mark.parametrize("first", ["english", "russian"])
def test_a_company_named_with_its_legal_form_is_the_company(store, first):
    """Russian articles name a company with its legal form or kind before its name in guillemets."""
    from accordwatch.store.resolve import Resolver

    names = [("Turkmengaz", "TKM"), ("Государственный концерн «Туркменгаз»", None)]
    with writer(store.engine).begin() as conn:
        r = Resolver(conn)
        ids = {r.organization(name, [], country, "company")[0] for name, country in names[::1 if first == "english"
                                                                                            else -1]}
        assert len(ids) == 1
        assert r.organization("АО «НК «Қазақстан темір жолы»", [], "KAZ", "company")[1]   # new: created
        assert r.organization("Kazakhstan Temir Zholy", ["KTZ"], "KAZ", "company")[1] is False
        name = conn.execute(select(s.entities.c.name).where(s.entities.c.id == ids.pop())).scalar_one()
    assert name == "Turkmengaz"


@pytest.mark.parametrize(("name", "company"), [
    ("АО «QazaqGaz»", "QazaqGaz"), ("АО «НК «КазМунайГаз»", "КазМунайГаз"), ("ТОО «СемАЗ»", "СемАЗ"),
    ("Государственный концерн «Туркменгаз»", "Туркменгаз"), ("Фонд «Самрук-Казына»", "Самрук-Казына"),
    ("Совет сотрудничества «РК – ЕС»", None), ("КазМунайГаз", None), ("«Туркменгаз»", "Туркменгаз"),
])
def test_the_company_in_guillemets(name, company):
    from accordwatch.store.resolve import company_name

    assert company_name(name) == company


def test_resolving_a_new_spelling_reads_the_latin_key_index(store):
    """A name in another script is found through ix_aliases_kind_latin, not by reading every entity."""
    stmt = select(s.aliases.c.entity_id).where(s.aliases.c.kind == "person", s.aliases.c.latin.in_(["tokaev"]))
    with store.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SET LOCAL enable_seqscan = off"))
        compiled = stmt.compile(conn, compile_kwargs={"literal_binds": True})
        plan = "\n".join(str(r) for r in conn.execute(text(f"EXPLAIN QUERY PLAN {compiled}" if conn.dialect.name
                                                            == "sqlite" else f"EXPLAIN {compiled}")))
    assert "ix_aliases_kind_latin" in plan


def test_reingesting_changes_nothing(store):
    ingest(store, *ORDERS["russian first"])
    counts, entities = store.counts(), entity_rows(store.engine)
    again = ingest(store, *ALL)
    assert (again.new, again.duplicate) == (0, len(ALL))
    assert (store.counts(), entity_rows(store.engine)) == (counts, entities)


# 4. events reported in both languages -------------------------------------------------------------------

@pytest.mark.parametrize("order", list(ORDERS))
def test_an_event_reported_in_english_and_in_russian_is_one_event(store, order):
    ingest(store, *ORDERS[order])
    agreements = query.events(store.engine, pair="KAZ-UZB", type="agreement")
    assert len(agreements) == 1
    (signing,) = agreements
    assert signing["status"] == "signed"
    assert signing["name"] == "intergovernmental agreement on the transit of natural gas"   # the English name
    assert signing["sources_count"] == 2
    assert {x["title"] for x in signing["sources"]} == {EN_SIGNING[2].splitlines()[0], RU_SIGNING[2].splitlines()[0]}

    (meeting,) = query.events(store.engine, pair="KAZ-UZB", type="meeting")
    assert meeting["sources_count"] == 2
    assert meeting["location"] == "Tashkent"      # Ташкент is Tashkent: the reports do not stay apart


def test_profile_timeline_and_network_count_both_languages(store):
    ingest(store, *ORDERS["russian first"])
    profile = query.profile(store.engine, "KAZ", "UZB")
    assert profile["documents"] == 4
    assert [e["sources_count"] for e in profile["agreements"]] == [2]
    assert [e["sources_count"] for e in profile["meetings"]] == [2]
    names = {p["name"]: p["documents"] for p in profile["people"]}
    assert names["Kassym-Jomart Tokayev"] == 2 and names["Jamshid Khodjaev"] == 2
    assert {c["name"]: c["documents"] for c in profile["companies"]}["KazMunayGas"] == 2

    # the same figure in both articles: one point with two sources
    (turnover,) = [p for p in query.figures(store.engine, pair="KAZ-UZB", indicator="trade_turnover", kind="actual")
                   if p["period"] == "2023"]
    assert (turnover["value"], turnover["sources_count"], turnover["conflict"]) == (4.4e9, 2, False)

    (partner,) = query.partners(store.engine, "KAZ")
    assert (partner["code"], partner["documents"]) == ("UZB", 4)
    assert partner["events"] == len(query.events(store.engine, pair="KAZ-UZB"))
    with store.engine.connect() as conn:
        _, edges = network(conn)
    assert [(e["a"], e["b"], e["documents"]) for e in edges] == [("KAZ", "UZB", 4)]


# 5. the migration ------------------------------------------------------------------------------------



def test_migration_0006_marks_stored_articles_english_and_keys_their_aliases(alembic, db_url):
    engine = make_engine(db_url)
    try:
        alembic(engine, "upgrade", "0005")
        with engine.begin() as conn:   # an article and an entity as accordwatch stored them before 0006
            conn.execute(text("INSERT INTO documents (content_hash, source, title, published, text) "
                              "VALUES ('x', 'older', 'An older report', '2024-04-16', :t)"), {"t": EN_SIGNING[2]})
            conn.execute(text("INSERT INTO entities (kind, key, name, country) "
                              "VALUES ('person', 'kassym jomart tokayev', 'Kassym-Jomart Tokayev', 'KAZ')"))
            eid = conn.execute(text("SELECT id FROM entities")).scalar_one()
            conn.execute(text("INSERT INTO aliases (entity_id, alias, kind) VALUES (:e, 'kassym jomart tokayev', "
                              "'person'), (:e, 'tokaev', 'person')"), {"e": eid})
        alembic(engine, "upgrade", "0006")
        with engine.connect() as conn:
            assert conn.execute(select(s.documents.c.language)).scalars().all() == ["en"]
            assert sorted(conn.execute(select(s.aliases.c.alias, s.aliases.c.latin))) == [
                ("kassym jomart tokayev", "kasim jomart tokaev"), ("tokaev", "tokaev")]
        assert "ix_aliases_kind_latin" in {i["name"] for i in inspect(engine).get_indexes("aliases")}
    finally:
        engine.dispose()

    store = open_store(db_url)        # a Russian article now finds the entity stored before
    try:
        ingest(store, RU_SIGNING)
        rows = entity_rows(store.engine)
        assert rows[("person", "Kassym-Jomart Tokayev")]["id"] == eid
        alembic(store.engine, "downgrade", "0005")
        assert "language" not in {c["name"] for c in inspect(store.engine).get_columns("documents")}
        assert "latin" not in {c["name"] for c in inspect(store.engine).get_columns("aliases")}
        with store.engine.connect() as conn:   # the rows stay
            assert conn.execute(text("SELECT count(*) FROM documents")).scalar_one() == 2
        alembic(store.engine, "upgrade", "head")
    finally:
        store.close()


# 6. full-text search in both languages --------------------------------------------------------------------

def sources(hits) -> list[str]:
    return sorted(h["source"] for h in hits)


@pytest.fixture
def searchable(store):
    ingest(store, *ALL)
    return store.engine


@pytest.mark.parametrize(("q", "found"), [
    ("товарооборот", ["ru-meeting", "ru-signing"]),       # "Товарооборот" (capital), and "товарооборота"
    ("ТОВАРООБОРОТА", ["ru-meeting", "ru-signing"]),      # case and form do not count
    ("товарооборот*", ["ru-meeting", "ru-signing"]),      # a prefix
    ("встреча", ["ru-meeting"]),                          # the text says "встречу"
    ('"транзите природного газа"', ["ru-signing"]),       # a phrase as written
    ("газопровод AND Узбекистан", ["ru-signing"]),
    ("Ташкент NOT газ", ["ru-meeting"]),
    ("pipeline", ["en-signing"]),                         # English as before: stemmed ("pipeline", "pipelines")
    ("Tashkent", ["en-meeting"]),
    ("KazMunayGas OR КазМунайГаз", ["en-signing", "ru-signing"]),
])
def test_search_finds_russian_words_in_any_form_and_case(searchable, q, found):
    assert sources(query.search(searchable, q)) == found


def test_search_marks_russian_words_in_snippets(searchable):
    (hit,) = query.search(searchable, "встреча")
    assert (hit["source"], hit["language"]) == ("ru-meeting", "ru")
    if searchable.dialect.name == "sqlite":
        assert "«встречу»" in hit["snippet"]
    else:   # ts_headline reads the text as the database's locale does: the test server's is C (no Cyrillic case)
        assert "встречу" in hit["snippet"]


def test_search_filters_by_language(searchable):
    assert sources(query.search(searchable, "Kazakhstan OR Казахстан")) == sorted(a[0] for a in ALL)
    assert sources(query.search(searchable, "Kazakhstan OR Казахстан", language="ru")) == ["ru-meeting", "ru-signing"]
    assert sources(query.search(searchable, "Kazakhstan OR Казахстан", language="EN")) == ["en-meeting", "en-signing"]
    assert query.search(searchable, "Tashkent", language="ru") == []
    assert len(query.search(searchable, "Kazakhstan OR Казахстан", language="")) == 4   # blank: no filter
    with pytest.raises(query.BadFilter, match="unknown language 'de': use one of en, ru"):
        query.search(searchable, "Kazakhstan", language="de")


def test_search_folds_accents_and_cyrillic_capitals(store):
    body = ("Viet Nam and Kazakhstan sign trade roadmap\n\nHANOI — Việt Nam and Kazakhstan signed a roadmap on trade. "
            "ТОВАРООБОРОТ grew, the ministry said.")
    ingest(store, ("accents", "2024-06-01", body))
    assert sources(query.search(store.engine, "viet")) == ["accents"]     # ệ: two diacritics (remove_diacritics 2)
    assert sources(query.search(store.engine, "товарооборот")) == ["accents"]


@pytest.mark.parametrize("migration", ["0007_multilingual_search", "0010_search_vector",
                                       "0012_search_vector_written"])
def test_the_full_text_index_of_the_migrations_is_store_fulltext(migration):
    import importlib.util

    from accordwatch.store import fulltext

    path = Path(s.__file__).parent / "migrations" / "versions" / f"{migration}.py"
    spec = importlib.util.spec_from_file_location(migration, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert fulltext.tsvector() == module.TSVECTOR
    if hasattr(module, "TOKENIZE"):
        assert module.TOKENIZE == fulltext.TOKENIZE


def test_postgresql_searches_russian_through_the_index(searchable):
    if searchable.dialect.name != "postgresql":
        pytest.skip("the GIN index is PostgreSQL's (SQLite searches its FTS5 table)")
    from accordwatch.query.search import _POSTGRES, parse, tsquery_sql
    from accordwatch.store import fulltext

    params = {"limit": 5, "all": True, "open": "«", "close": "»"}   # (else a few rows read by duplicate_of)
    sql = _POSTGRES.format(tsquery="SELECT " + tsquery_sql(parse("товарооборот"), params),
                           vector=fulltext.vector("d."), config=fulltext.config_sql("d."), language="")
    with searchable.begin() as conn:
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(conn.execute(text("EXPLAIN " + sql), params).scalars())
        # a Russian article through the 'russian' configuration, an English one through 'english'
        vectors = dict(conn.execute(text(f"SELECT source, {fulltext.tsvector()}::text FROM documents")).all())
    assert "ix_documents_fts" in plan
    assert "'товарооборот'" in vectors["ru-meeting"] and "'встреч'" in vectors["ru-meeting"]
    assert "'pipelin'" in vectors["en-signing"]


def test_fold_folds_as_the_sql_expression_does():
    from accordwatch.store import fulltext

    table = str.maketrans(fulltext.FOLD_FROM, fulltext.FOLD_TO)
    for sample in ("Plain ASCII stays as it is.", RU_SIGNING[2], "ÉCOLE «Ёлки» — ӘЛЕМ…\u00a0№5 😀 Ω", ""):
        assert fulltext.fold(sample) == sample.translate(table)
    assert fulltext.fold("«КАЗМУНАЙГАЗ» — ÜBER") == " казмунайгаз    üBER"   # ASCII is PostgreSQL's to fold


# an article whose every folded kind of character counts: capitals of each script, quotes, dashes, spaces
FOLDED = ("ru-folded", "2024-06-03", """«ЁЛКИ» и ТОО «Қазақ Өнім» — партнёры

АЛМАТЫ, 3 июня.\u00a0ÉCOLE MÜLLER GmbH и «Қазақ Өнім» подписали договор № 7 о поставках… зерна • 2024.
""")


@pytest.mark.parametrize("set_based", [True, False], ids=["set-based", "one by one"])
def test_the_writers_store_the_vectors_the_sql_expression_computes(db_url, set_based):
    if not db_url.startswith("postgresql"):
        pytest.skip("the stored vector is PostgreSQL's (SQLite indexes an FTS5 table)")
    from accordwatch.store import fulltext
    from accordwatch.store.write import Writer

    st = open_store(db_url)
    try:
        near = (EN_SIGNING[0] + "-again", EN_SIGNING[1], EN_SIGNING[2] + "\nThe ministry gave no more details.\n")
        Writer(st.engine, set_based=set_based).write(
            [Result(a[0], document=document(a)) for a in (*ALL, FOLDED, near)])
        with st.engine.connect() as conn:
            rows = conn.execute(text(f"SELECT source, search_vector::text, {fulltext.tsvector()}::text, "
                                     "duplicate_of IS NOT NULL FROM documents")).all()
    finally:
        st.close()
    assert len(rows) == 6 and sum(near for *_, near in rows) == 1   # a near-duplicate is stored with its vector
    for source, stored, computed, _ in rows:
        assert stored == computed, source
    vector = next(stored for source, stored, *_ in rows if source == "ru-folded")
    # capitals folded in Cyrillic (Ё, Қ, Ө) and Latin-1 (É, Ü), the quotes, dashes and signs split off
    for word in ("'елк':1,7", "'қазақ':4,10,20", "'өнім':5,11,21", "'école':16", "'müller':17", "'7':24"):
        assert word in vector


def test_migration_0012_keeps_the_stored_vectors_and_goes_back(alembic, db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("a PostgreSQL column (SQLite has no stored vector)")
    engine = make_engine(db_url)
    try:
        alembic(engine, "upgrade", "0011")
        with engine.begin() as conn:   # an article as the writer stored it before 0012: the column generated
            conn.execute(text("INSERT INTO documents (content_hash, source, title, published, text, language) "
                              "VALUES ('1', :s, :t, :p, :b, 'ru')"),
                         {"s": RU_MEETING[0], "t": RU_MEETING[2].splitlines()[0], "p": RU_MEETING[1],
                          "b": RU_MEETING[2]})
        alembic(engine, "upgrade", "head")
        generated = "SELECT attgenerated FROM pg_attribute WHERE attrelid = 'documents'::regclass " \
                    "AND attname = 'search_vector'"
        with engine.connect() as conn:
            assert conn.execute(text(generated)).scalar_one() == ""
            assert conn.execute(text("SELECT count(*) FROM documents WHERE search_vector IS NULL")).scalar_one() == 0
        assert sources(query.search(engine, "товарооборот")) == ["ru-meeting"]
        alembic(engine, "downgrade", "0011")
        with engine.connect() as conn:
            assert conn.execute(text(generated)).scalar_one() == "s"
        assert sources(query.search(engine, "товарооборот")) == ["ru-meeting"]
        alembic(engine, "upgrade", "head")
    finally:
        engine.dispose()


def test_migration_0007_indexes_the_articles_already_stored(alembic, db_url):
    engine = make_engine(db_url)
    try:
        alembic(engine, "upgrade", "0006")
        with engine.begin() as conn:   # two articles as the writer stored them before 0007
            for i, (source, published, body) in enumerate((EN_MEETING, RU_MEETING)):
                conn.execute(text("INSERT INTO documents (content_hash, source, title, published, text, language) "
                                  "VALUES (:h, :s, :t, :p, :b, :l)"),
                             {"h": str(i), "s": source, "t": body.splitlines()[0], "p": published, "b": body,
                              "l": source[:2]})
            if conn.dialect.name == "sqlite":
                conn.execute(text("INSERT INTO documents_fts(rowid, title, text) "
                                  "SELECT id, title, text FROM documents"))
        alembic(engine, "upgrade", "head")
        assert sources(query.search(engine, "товарооборот")) == ["ru-meeting"]
        assert sources(query.search(engine, "Tashkent OR Ташкент")) == ["en-meeting", "ru-meeting"]
        alembic(engine, "downgrade", "0006")
        if engine.dialect.name == "sqlite":
            assert sources(query.search(engine, "Tashkent")) == ["en-meeting"]   # the index of 0002 again
        else:   # (today's queries read 0010's stored vector: 0002's index is asked as 0002 asked it)
            with engine.connect() as conn:
                found = conn.execute(text("SELECT source FROM documents WHERE to_tsvector('english', "
                                          "coalesce(title, '') || ' ' || text) @@ plainto_tsquery('english', "
                                          "'Tashkent')")).scalars().all()
            assert found == ["en-meeting"]
        alembic(engine, "upgrade", "head")
    finally:
        engine.dispose()


# 7. listings filtered by language ---------------------------------------------------------------------------

def test_events_and_figures_filter_by_language(searchable):
    both = query.events(searchable, pair="KAZ-UZB")
    ru = query.events(searchable, pair="KAZ-UZB", language="ru")
    en = query.events(searchable, pair="KAZ-UZB", language="en")
    signing = next(e for e in both if e["type"] == "agreement")
    assert signing["id"] in {e["id"] for e in ru} & {e["id"] for e in en}    # reported in both
    assert {x["language"] for x in next(e for e in ru if e["id"] == signing["id"])["sources"]} == {"en", "ru"}
    assert {e["id"] for e in ru} | {e["id"] for e in en} == {e["id"] for e in both}
    page, total = timeline.events_page(searchable, language="ru", limit=1)
    assert total == len(query.events(searchable, language="ru")) and len(page) == 1

    (point,) = [p for p in query.figures(searchable, pair="KAZ-UZB", kind="actual", language="ru")
                if p["period"] == "2023"]
    assert [x["language"] for x in point["sources"]] == ["ru"]                # only the Russian article's figure
    points, total = timeline.figures_page(searchable, language="en")
    assert all(x["language"] == "en" for p in points for x in p["sources"]) and total == len(points)
    for bad in ("de", "russian"):
        with pytest.raises(query.BadFilter, match="unknown language"):
            query.events(searchable, language=bad)
        with pytest.raises(query.BadFilter, match="unknown language"):
            query.figures(searchable, language=bad)


# 8. the API ----------------------------------------------------------------------------------------------

@pytest.fixture
def client(searchable, db_url):
    import warnings

    from accordwatch.web import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("ACCORDWATCH_INGEST_TOKEN", raising=False)
        app = create_app(db_url)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def ok(response) -> dict:
    assert response.status_code == 200, response.text
    return response.json()


def test_api_lists_filter_by_language(client):
    docs = ok(client.get("/api/documents?language=ru"))["items"]
    assert sorted(d["source"] for d in docs) == ["ru-meeting", "ru-signing"] and {d["language"] for d in docs} == {"ru"}
    assert ok(client.get("/api/documents?language=en&q=Kazakhstan"))["total"] == 2
    assert ok(client.get("/api/documents?language=ru&q=товарооборот"))["total"] == 2
    assert ok(client.get("/api/documents?language=en&q=товарооборот"))["total"] == 0
    assert ok(client.get(f"/api/documents/{docs[0]['id']}"))["language"] == "ru"

    events = ok(client.get("/api/events?language=ru&pair=KAZ-UZB"))
    assert events["total"] >= 2 and all(any(x["language"] == "ru" for x in e["sources"]) for e in events["items"])
    figures = ok(client.get("/api/figures?language=en"))["items"]
    assert figures and all(x["language"] == "en" for p in figures for x in p["sources"])
    hits = ok(client.get("/api/search", params={"q": "Узбекистан", "language": "ru"}))["items"]
    assert sorted(h["source"] for h in hits) == ["ru-meeting", "ru-signing"]

    people = ok(client.get("/api/entities", params={"kind": "person", "language": "ru"}))["items"]
    assert {p["name"] for p in people} >= {"Kassym-Jomart Tokayev", "Jamshid Khodjaev"}
    found = ok(client.get("/api/entities", params={"q": "Токаев"}))["items"]          # the Russian spelling
    assert [e["name"] for e in found] == ["Kassym-Jomart Tokayev"]
    assert [e["documents"] for e in found] == [2]


@pytest.mark.parametrize("route", ["/api/documents", "/api/entities", "/api/events", "/api/figures",
                                   "/api/search?q=gas"])
def test_api_refuses_an_unknown_language_with_a_400(client, route):
    response = client.get(f"{route}{'&' if '?' in route else '?'}language=kk")
    assert response.status_code == 400, response.text
    assert response.json() == {"ok": False, "status": 400, "error": "[AW502] unknown language 'kk': use one of en, ru"}
