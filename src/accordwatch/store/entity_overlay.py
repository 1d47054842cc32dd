"""People's reviews of entities applied to the stored rows: the entity half of the `reviews` overlay
(store.overlay applies the reviews of figures and events, and calls apply_document here).

Reviews of what an article names, keyed like a figure's review by the article's content hash, so that the
same article in a rebuilt database is found again:

    person, organization   a mention (`mentions`: document, entity, span), named by its span
    country                a country the article names (`document_countries`), named by its code (`subject`)

    confirm   the mention is marked review="confirmed", with who and when
    correct   a person's name, title, country; an organization's name, country, org_kind; a country's code.
              A new *name* re-links this mention only: to the entity known by that name (its key or an
              alias), made when there is none (with the corrected values, else the old entity's), so that
              the other articles of the entity the extractor chose are left as they were. *Attributes*
              (title, country, org_kind) are facts about the entity, not the article: they are set on the
              entity the mention ends linked to, and every article naming it shows them. A country's new
              code replaces the old one in this article's countries.
    reject    the mention (the country) leaves the article

Merges and splits (kind merge | split, no article: `document_hash` ''), named by the entities' stable keys
(entities.kind + key) and a spelling (an alias, store.normalize.name_key), each a rule that decides what a
spelling is, wherever it is stored again:

    merge   entity `from` into entity `into`: its mentions and aliases move to `into` (the only rows that
            reference an entity); `from` disappears
    split   the spelling `alias` (of entity `from`) is entity `into`: the mentions spelled so move there (made,
            named `name`, when there is none yet), and the alias with them

Two contexts apply these. A review made now (review.entities: `sweep=True`) deletes an entity left with no
mention (no article naming a country) with its aliases, so it leaves every list. The writer (apply_document,
after it stored an article's entities: `sweep=False`) never deletes an entity: its memory (store.resolve.Memory)
keeps the ids of the entities it resolved spellings to, and a later article would be written against a row
that is gone. There a merge re-applies as: the entity `into` exists and `from` does not -> `into` learns
`from`'s spellings (so later articles resolve them to it); `from` exists and `into` does not -> `from` becomes
`into` (key and name: the same row); both exist -> the mentions and aliases move, and `from`'s row is left
empty (no mention, no alias) until a review sweeps it. A rejected mention's entity likewise stays, empty, in
a rebuilt database: no article names it, so no page or profile shows it.

The writer's side of the contract: apply_document must run for every article stored while the database holds
rules (reviews with document_hash ''), not only for the articles that have reviews of their own; store/write.py's
set-based batches do not do so yet (tests/test_review_entities.py marks that case xfail).
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, select, update

from . import schema as s
from .normalize import latin_key, name_key

MENTION_KINDS = ("person", "organization")
REVIEW_KINDS = ("person", "organization", "country")        # what an article names
RULE_KINDS = ("merge", "split")                             # what entities are
MERGEABLE = ("person", "organization", "place")
FIELDS = {"person": ("name", "title", "country"), "organization": ("name", "country", "org_kind"),
          "country": ("code",)}
ATTRS = ("title", "country", "org_kind")


def key_of(name: str) -> str:
    """An entity's key for a name: store.normalize.name_key (a name it empties, "!!!", is kept case folded)."""
    return name_key(name) or name.strip(" \t\n\v\f\r").casefold()


class EntityOverlayError(ValueError):
    """A review that names no stored mention, country or entity."""


def _marks(action: str, user: str, at: str) -> dict[str, Any]:
    return {"review": "confirmed" if action == "confirm" else "corrected", "reviewed_by": user, "reviewed_at": at}


# ---- reading ----

def mention_row(conn: Connection, kind: str, document_id: int, start: int, end: int):
    """The mention of an entity of `kind` at start-end of the article, with its entity's columns, or None."""
    m, e = s.mentions, s.entities
    return conn.execute(select(m, e.c.kind, e.c.key, e.c.name, e.c.title, e.c.country.label("entity_country"),
                               e.c.org_kind)
                        .join(e, e.c.id == m.c.entity_id)
                        .where(m.c.document_id == document_id, m.c.start == start, m.c.end == end, e.c.kind == kind)
                        .order_by(m.c.entity_id).limit(1)).first()


def country_row(conn: Connection, document_id: int, code: str):
    dc = s.document_countries
    return conn.execute(select(dc).where(dc.c.document_id == document_id, dc.c.code == code)).first()


def entity_row(conn: Connection, entity_id: int):
    return conn.execute(select(s.entities).where(s.entities.c.id == entity_id)).first()


def by_key(conn: Connection, kind: str, key: str) -> int | None:
    e = s.entities
    return conn.execute(select(e.c.id).where(e.c.kind == kind, e.c.key == key)).scalar()


def by_name(conn: Connection, kind: str, key: str) -> int | None:
    """The entity of `kind` whose key or one of whose aliases is `key` (the lowest id if several)."""
    found = by_key(conn, kind, key)
    if found is None:
        a = s.aliases
        found = conn.execute(select(a.c.entity_id).where(a.c.kind == kind, a.c.alias == key)
                             .order_by(a.c.entity_id).limit(1)).scalar()
    return found


def aliases_of(conn: Connection, entity_id: int) -> list[str]:
    a = s.aliases
    return list(conn.execute(select(a.c.alias).where(a.c.entity_id == entity_id).order_by(a.c.alias)).scalars())


# ---- writing ----

def _add_aliases(conn: Connection, entity_id: int, kind: str, keys: list[str]) -> None:
    keys = [k for k in dict.fromkeys(keys) if k]
    a = s.aliases
    have = set(conn.execute(select(a.c.alias).where(a.c.entity_id == entity_id, a.c.alias.in_(keys))).scalars()) \
        if keys else set()
    new = [{"entity_id": entity_id, "alias": k, "kind": kind, "latin": latin_key(k)} for k in keys if k not in have]
    if new:
        conn.execute(insert(a), new)


def make_entity(conn: Connection, kind: str, name: str, attrs: dict[str, Any], instead_of: int | None = None) -> int:
    """The entity of `kind` named `name` (by its key, else an alias of another entity than `instead_of`), made with
    `attrs` when there is none; the name's key is its alias, and no longer `instead_of`'s."""
    key = key_of(name)
    a = s.aliases
    found = by_key(conn, kind, key)
    if found is None:
        found = conn.execute(select(a.c.entity_id).where(a.c.kind == kind, a.c.alias == key,
                                                         a.c.entity_id != (instead_of or 0))
                             .order_by(a.c.entity_id).limit(1)).scalar()
    if found is None:
        found = conn.execute(insert(s.entities).values(kind=kind, key=key, name=name, **attrs)).inserted_primary_key[0]
    _add_aliases(conn, found, kind, [key])
    if instead_of is not None:
        conn.execute(delete(a).where(a.c.entity_id == instead_of, a.c.alias == key))
    return found


def ensure_country(conn: Connection, code: str) -> int:
    """The country entity of `code` (as the writer makes it: key the code, aliases the code and its name)."""
    found = by_key(conn, "country", code)
    if found is None:
        from ..extract.gazetteer import country_names

        name = country_names().get(code, code)
        found = conn.execute(insert(s.entities).values(kind="country", key=code, name=name)).inserted_primary_key[0]
        _add_aliases(conn, found, "country", [code, name_key(name)])
    return found


def drop_if_unnamed(conn: Connection, entity_id: int, sweep: bool) -> bool:
    """Delete the entity with its aliases when no article names it any longer (with `sweep`); whether it was."""
    if not sweep:
        return False
    ent = entity_row(conn, entity_id)
    if ent is None:
        return False
    if ent.kind == "country":
        dc = s.document_countries
        named = conn.execute(select(dc.c.document_id).where(dc.c.code == ent.key).limit(1)).first()
    else:
        m = s.mentions
        named = conn.execute(select(m.c.document_id).where(m.c.entity_id == entity_id).limit(1)).first()
    if named is not None:
        return False
    conn.execute(delete(s.aliases).where(s.aliases.c.entity_id == entity_id))
    conn.execute(delete(s.entities).where(s.entities.c.id == entity_id))
    return True


def _relink(conn: Connection, row, target: int, values: dict[str, Any]) -> None:
    """Move one mention to entity `target` (dropped if `target` has a mention there already)."""
    m = s.mentions
    conn.execute(delete(m).where(m.c.document_id == row.document_id, m.c.entity_id == row.entity_id,
                                 m.c.start == row.start))
    there = and_(m.c.document_id == row.document_id, m.c.entity_id == target, m.c.start == row.start)
    if conn.execute(select(m.c.start).where(there)).first() is None:
        conn.execute(insert(m).values(document_id=row.document_id, entity_id=target, start=row.start, end=row.end,
                                      text=row.text, **values))
    else:
        conn.execute(update(m).where(there).values(**values))


def apply_mention(conn: Connection, kind: str, document_id: int, start: int, end: int, action: str,
                  fields: dict[str, Any], user: str, at: str, sweep: bool) -> int | None:
    """Apply one review of a mention; the entity it is linked to after (None: rejected)."""
    row = mention_row(conn, kind, document_id, start, end)
    if row is None:
        raise EntityOverlayError(f"no {kind} named at {start}-{end} of document {document_id}")
    m = s.mentions
    here = (m.c.document_id == document_id, m.c.entity_id == row.entity_id, m.c.start == start)
    if action == "reject":
        conn.execute(delete(m).where(*here))
        drop_if_unnamed(conn, row.entity_id, sweep)
        return None
    marks = _marks(action, user, at)
    target = row.entity_id
    if action == "correct":
        attrs = {k: v for k, v in fields.items() if k in ATTRS}
        name = fields.get("name")
        if name and key_of(name) not in (row.key, key_of(row.name)):
            old = {"title": row.title, "country": row.entity_country, "org_kind": row.org_kind}
            keep = {k: v for k, v in old.items() if k in FIELDS[kind]}
            target = make_entity(conn, kind, name, {**keep, **attrs}, instead_of=row.entity_id)
        elif name:
            attrs["name"] = name   # the same entity, written another way
        if attrs:
            conn.execute(update(s.entities).where(s.entities.c.id == target).values(**attrs))
        if target != row.entity_id:
            _relink(conn, row, target, marks)
            drop_if_unnamed(conn, row.entity_id, sweep)
            return target
    conn.execute(update(m).where(*here).values(**marks))
    return target


def apply_country(conn: Connection, document_id: int, code: str, action: str, fields: dict[str, Any], user: str,
                  at: str, sweep: bool) -> str | None:
    """Apply one review of a country the article names; the code it names after (None: rejected)."""
    if country_row(conn, document_id, code) is None:
        raise EntityOverlayError(f"document {document_id} names no country {code}")
    dc = s.document_countries
    here = (dc.c.document_id == document_id, dc.c.code == code)
    new = fields.get("code") if action == "correct" else code
    if action == "reject" or new != code:
        conn.execute(delete(dc).where(*here))
        old = by_key(conn, "country", code)
        if old is not None:
            drop_if_unnamed(conn, old, sweep)
        if action == "reject":
            return None
        ensure_country(conn, new)
        if country_row(conn, document_id, new) is None:
            conn.execute(insert(dc).values(document_id=document_id, code=new, **_marks(action, user, at)))
            return new
        here = (dc.c.document_id == document_id, dc.c.code == new)
    conn.execute(update(dc).where(*here).values(**_marks(action, user, at)))
    return new


def apply_review(conn: Connection, kind: str, document_id: int, start: int, end: int, subject: str, action: str,
                 fields: dict[str, Any], user: str, at: str, sweep: bool) -> Any:
    if kind == "country":
        return apply_country(conn, document_id, subject, action, fields, user, at, sweep)
    if kind in MENTION_KINDS:
        return apply_mention(conn, kind, document_id, start, end, action, fields, user, at, sweep)
    raise EntityOverlayError(f"no kind of entity review {kind!r}: {', '.join(REVIEW_KINDS)}")


# ---- merges and splits ----

def move_entity(conn: Connection, src: int, dst: int, sweep: bool) -> None:
    """Entity `src`'s mentions and aliases move to `dst` (a mention or alias `dst` has already is dropped), and
    `dst` takes the attributes it lacks; `src` is deleted (`sweep`), else left empty."""
    m, a, e = s.mentions, s.aliases, s.entities
    dst_m = m.alias("dst_m")
    conn.execute(delete(m).where(m.c.entity_id == src, select(dst_m.c.start).where(
        dst_m.c.entity_id == dst, dst_m.c.document_id == m.c.document_id, dst_m.c.start == m.c.start).exists()))
    conn.execute(update(m).where(m.c.entity_id == src).values(entity_id=dst))
    dst_a = a.alias("dst_a")
    conn.execute(delete(a).where(a.c.entity_id == src, select(dst_a.c.alias).where(
        dst_a.c.entity_id == dst, dst_a.c.alias == a.c.alias).exists()))
    conn.execute(update(a).where(a.c.entity_id == src).values(entity_id=dst))
    old, new = entity_row(conn, src), entity_row(conn, dst)
    fill = {k: getattr(old, k) for k in ATTRS if getattr(old, k) and not getattr(new, k)}
    if fill:
        conn.execute(update(e).where(e.c.id == dst).values(**fill))
    if sweep:
        conn.execute(delete(e).where(e.c.id == src))


def merge(conn: Connection, kind: str, from_key: str, into_key: str, name: str, spellings: list[str],
          sweep: bool) -> None:
    """Apply the rule "entity `from_key` is entity `into_key`" (named `name`, with `spellings` of the merged one)."""
    src, dst = by_key(conn, kind, from_key), by_key(conn, kind, into_key)
    if src is not None and dst is not None and src != dst:
        move_entity(conn, src, dst, sweep)
    elif src is not None and dst is None:   # the merged spelling came first: that row becomes the entity
        conn.execute(update(s.entities).where(s.entities.c.id == src).values(key=into_key, name=name))
        _add_aliases(conn, src, kind, [into_key])
    elif dst is not None:   # later articles resolve the merged spellings to the entity (none held by another)
        a = s.aliases
        keys = [k for k in dict.fromkeys([from_key, *spellings]) if k]
        held = set(conn.execute(select(a.c.alias).where(a.c.kind == kind, a.c.alias.in_(keys))).scalars())
        _add_aliases(conn, dst, kind, [k for k in keys if k not in held])


def split(conn: Connection, kind: str, alias: str, into_key: str, name: str, document_id: int | None,
          sweep: bool, source: int | None = None) -> list[int]:
    """Apply the rule "the spelling `alias` is entity `into_key`" to the mentions so spelled (of the article
    `document_id`, else of entity `source`, else all); the entities they left."""
    m, e, a = s.mentions, s.entities, s.aliases
    target = by_key(conn, kind, into_key)
    stmt = (select(m, e.c.country.label("entity_country"), e.c.title, e.c.org_kind).join(e, e.c.id == m.c.entity_id)
            .where(e.c.kind == kind))
    if target is not None:
        stmt = stmt.where(m.c.entity_id != target)
    if document_id is not None:
        stmt = stmt.where(m.c.document_id == document_id)
    if source is not None:
        stmt = stmt.where(m.c.entity_id == source)
    rows = [r for r in conn.execute(stmt) if key_of(r.text) == alias]
    if rows and target is None:
        first = rows[0]
        attrs = {"country": first.entity_country}
        if kind == "person":
            attrs["title"] = first.title
        elif kind == "organization":
            attrs["org_kind"] = first.org_kind
        target = conn.execute(insert(e).values(kind=kind, key=into_key, name=name, **attrs)).inserted_primary_key[0]
        _add_aliases(conn, target, kind, [into_key])
    left = list(dict.fromkeys(r.entity_id for r in rows))
    for r in rows:
        values = {k: getattr(r, k) for k in ("review", "reviewed_by", "reviewed_at")}
        _relink(conn, r, target, values)
    cond = [a.c.kind == kind, a.c.alias == alias]
    if target is not None:
        cond.append(a.c.entity_id != target)
        conn.execute(delete(a).where(*cond))
        _add_aliases(conn, target, kind, [alias])
    elif source is not None:
        conn.execute(delete(a).where(*cond, a.c.entity_id == source))
    for eid in left:
        drop_if_unnamed(conn, eid, sweep)
    return left


def apply_rule(conn: Connection, kind: str, fields: dict[str, Any], document_id: int | None, sweep: bool) -> None:
    if kind == "merge":
        merge(conn, fields["kind"], fields["from"], fields["into"], fields["name"], fields.get("aliases", []), sweep)
    elif kind == "split":
        split(conn, fields["kind"], fields["alias"], fields["into"], fields["name"], document_id, sweep)


def _apply_rules(conn: Connection, document_id: int, rules: list) -> None:
    """The merges and splits that concern the article's entities (their keys, their mentions' spellings)."""
    m, e = s.mentions, s.entities
    keys: set[tuple[str, str]] = set()
    spellings: set[tuple[str, str]] = set()
    for kind, key, text in conn.execute(select(e.c.kind, e.c.key, m.c.text).join(m, m.c.entity_id == e.c.id)
                                        .where(m.c.document_id == document_id)):
        keys.add((kind, key))
        spellings.add((kind, key_of(text)))
    for rule in rules:
        f = json.loads(rule.fields)
        if rule.kind == "merge" and ((f["kind"], f["from"]) in keys or (f["kind"], f["into"]) in keys):
            apply_rule(conn, "merge", f, document_id, sweep=False)
            keys.add((f["kind"], f["into"]))
        elif rule.kind == "split" and ((f["kind"], f["alias"]) in spellings or (f["kind"], f["from"]) in keys):
            apply_rule(conn, "split", f, document_id, sweep=False)


def rules(conn: Connection) -> list:
    r = s.reviews
    return conn.execute(select(r).where(r.c.document_hash == "", r.c.kind.in_(RULE_KINDS)).order_by(r.c.id)).all()


def apply_document(conn: Connection, document_id: int, content_hash: str) -> int:
    """Apply the merges and splits that concern a newly stored article's entities, and the reviews of its
    mentions and countries (by its content hash); how many of the latter applied (one whose mention the
    extractor no longer finds is kept, and applies again if it does)."""
    r = s.reviews
    found = rules(conn)
    own = conn.execute(select(r).where(r.c.document_hash == content_hash, r.c.kind.in_(REVIEW_KINDS))
                       .order_by(r.c.id)).all()
    if found:
        _apply_rules(conn, document_id, found)
    done = 0
    for row in own:
        try:
            apply_review(conn, row.kind, document_id, row.start, row.end, row.subject, row.action,
                         json.loads(row.fields), row.user_name, row.at, sweep=False)
        except EntityOverlayError:
            continue
        if row.document_id != document_id:
            conn.execute(update(r).where(r.c.id == row.id).values(document_id=document_id))
        done += 1
    if found and done:   # a re-linked mention may be spelled as a merge or a split says
        _apply_rules(conn, document_id, found)
    return done
